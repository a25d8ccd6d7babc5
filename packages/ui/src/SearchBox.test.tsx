import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../test/axe';
import { renderIn } from '../test/renderIn';
import { SearchBox } from './SearchBox';

describe('SearchBox', () => {
  it('is a GET search form that works without JavaScript', () => {
    renderIn('fr', <SearchBox action="/fr/search" defaultValue="eau" hiddenFields={{ sort: 'modified', theme: ['HEAL', 'EDUC'] }} />);
    const form = screen.getByRole('search');
    expect(form.getAttribute('method')).toBe('get');
    expect(form.getAttribute('action')).toBe('/fr/search');
    const data = new FormData(form as HTMLFormElement);
    expect([...data.entries()]).toEqual([
      ['q', 'eau'],
      ['sort', 'modified'],
      ['theme', 'HEAL'],
      ['theme', 'EDUC'],
    ]);
  });

  it('names the field and the button in the page language', () => {
    renderIn('ar', <SearchBox />);
    expect(screen.getByRole('searchbox', { name: 'البحث في مجموعات البيانات' })).toBeDefined();
    expect(screen.getByRole('button', { name: 'بحث' })).toBeDefined();
  });

  it('tracks its state in data-state when uncontrolled', async () => {
    renderIn('fr', <SearchBox />);
    const form = screen.getByRole('search');
    expect(form.getAttribute('data-state')).toBe('empty');
    await userEvent.type(screen.getByRole('searchbox'), 'budget');
    expect(form.getAttribute('data-state')).toBe('filled');
  });

  it('calls onSearch with the trimmed query instead of navigating', async () => {
    const onSearch = vi.fn();
    renderIn('en', <SearchBox onSearch={onSearch} />);
    await userEvent.type(screen.getByRole('searchbox'), '  health  {Enter}');
    expect(onSearch).toHaveBeenCalledWith('health');
  });

  it('follows a controlled value and reports changes', async () => {
    const changes: string[] = [];
    function Controlled() {
      const [value, setValue] = useState('rab');
      return (
        <SearchBox
          value={value}
          onValueChange={(next) => {
            changes.push(next);
            setValue(next.toUpperCase());
          }}
        />
      );
    }
    renderIn('fr', <Controlled />);
    await userEvent.type(screen.getByRole('searchbox'), 'a');
    expect(changes).toEqual(['raba']);
    expect(screen.getByRole('searchbox')).toHaveProperty('value', 'RABA');
  });

  it.each(['fr', 'ar'] as const)('has no axe violations in %s', async (locale) => {
    const { container } = renderIn(locale, <SearchBox defaultValue="budget" />);
    expect(await axeViolations(container)).toEqual([]);
  });
});
