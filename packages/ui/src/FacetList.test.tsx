import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../test/axe';
import { renderIn } from '../test/renderIn';
import { FacetList } from './FacetList';
import type { FacetGroup } from './FacetList';

const groups: FacetGroup[] = [
  {
    name: 'theme',
    label: { fr: 'Thème', ar: 'الموضوع', en: 'Theme' },
    options: [
      { value: 'HEAL', label: { fr: 'Santé', ar: 'الصحة', en: 'Health' }, count: 42 },
      { value: 'EDUC', label: { fr: 'Éducation', ar: 'التعليم', en: 'Education' }, count: 1 },
      { value: 'ENER', label: { fr: 'Énergie', ar: 'الطاقة' }, count: 2 },
    ],
  },
  { name: 'format', label: 'Format', options: [{ value: 'CSV', label: 'CSV', count: 1520 }] },
];

describe('FacetList', () => {
  it('groups checkboxes under a named fieldset with counts in their names', () => {
    renderIn('fr', <FacetList groups={groups} />);
    expect(screen.getByRole('group', { name: 'Thème' })).toBeDefined();
    expect(screen.getByRole('checkbox', { name: 'Santé (42 jeux de données)' })).toBeDefined();
    expect(screen.getByRole('checkbox', { name: 'Éducation (1 jeu de données)' })).toBeDefined();
    expect(screen.getByRole('checkbox', { name: 'CSV (1.520 jeux de données)' })).toBeDefined();
  });

  it('reads counts with Arabic plural forms', () => {
    renderIn('ar', <FacetList groups={groups} />);
    expect(screen.getByRole('checkbox', { name: 'التعليم (مجموعة بيانات واحدة)' })).toBeDefined();
    expect(screen.getByRole('checkbox', { name: 'الطاقة (مجموعتا بيانات)' })).toBeDefined();
  });

  it('submits as a plain GET form carrying the other parameters', () => {
    renderIn('fr', <FacetList groups={groups} action="/fr/search" hiddenFields={{ q: 'budget' }} defaultValue={{ theme: ['HEAL'], format: ['CSV'] }} />);
    const form = screen.getByRole<HTMLFormElement>('form', { name: 'Filtres' });
    expect(form.method).toBe('get');
    expect([...new FormData(form).entries()]).toEqual([
      ['q', 'budget'],
      ['theme', 'HEAL'],
      ['format', 'CSV'],
    ]);
    expect(screen.getByRole('button', { name: 'Appliquer les filtres' })).toHaveProperty('type', 'submit');
  });

  it('toggles options when uncontrolled and exposes data-state', async () => {
    const onValueChange = vi.fn();
    renderIn('en', <FacetList groups={groups} onValueChange={onValueChange} />);
    const health = screen.getByRole('checkbox', { name: /Health/ });
    await userEvent.click(health);
    expect(health).toHaveProperty('checked', true);
    expect(health.closest('li')?.getAttribute('data-state')).toBe('checked');
    expect(onValueChange).toHaveBeenLastCalledWith({ theme: ['HEAL'] });
    await userEvent.click(screen.getByRole('checkbox', { name: /Education/ }));
    expect(onValueChange).toHaveBeenLastCalledWith({ theme: ['HEAL', 'EDUC'] });
    await userEvent.click(health);
    expect(onValueChange).toHaveBeenLastCalledWith({ theme: ['EDUC'] });
  });

  it('keeps a controlled selection until the parent changes it', async () => {
    const onValueChange = vi.fn();
    renderIn('fr', <FacetList groups={groups} value={{ theme: ['EDUC'] }} onValueChange={onValueChange} />);
    const health = screen.getByRole('checkbox', { name: /Santé/ });
    await userEvent.click(health);
    expect(onValueChange).toHaveBeenCalledWith({ theme: ['EDUC', 'HEAL'] });
    expect(health).toHaveProperty('checked', false);
  });

  it('works from the keyboard', async () => {
    renderIn('fr', <FacetList groups={groups} />);
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: /Santé/ }));
    await userEvent.keyboard(' ');
    expect(screen.getByRole('checkbox', { name: /Santé/ })).toHaveProperty('checked', true);
  });

  it.each(['fr', 'ar'] as const)('has no axe violations in %s', async (locale) => {
    const { container } = renderIn(locale, <FacetList groups={groups} defaultValue={{ theme: ['HEAL'] }} />);
    expect(await axeViolations(container)).toEqual([]);
  });
});
