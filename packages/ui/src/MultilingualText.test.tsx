import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../test/axe';
import { renderIn } from '../test/renderIn';
import { MultilingualText, pickLanguage } from './MultilingualText';

describe('pickLanguage', () => {
  it('takes the wanted language when present', () => {
    expect(pickLanguage({ fr: 'Budget', ar: 'الميزانية' }, 'ar')).toEqual({ text: 'الميزانية', language: 'ar', fallback: false });
  });

  it('falls back in the order fr, ar, en and says so', () => {
    expect(pickLanguage({ ar: 'الميزانية', en: 'Budget' }, 'fr')).toEqual({ text: 'الميزانية', language: 'ar', fallback: true });
    expect(pickLanguage({ en: 'Budget' }, 'ar', ['en', 'fr'])).toEqual({ text: 'Budget', language: 'en', fallback: true });
  });

  it('treats blank text as missing and returns undefined when nothing is left', () => {
    expect(pickLanguage({ fr: '  ', en: 'Budget' }, 'fr')?.language).toBe('en');
    expect(pickLanguage({ fr: ' ' }, 'fr')).toBeUndefined();
    expect(pickLanguage(undefined, 'fr')).toBeUndefined();
  });
});

describe('MultilingualText', () => {
  it('renders the text in the page language without a fallback mark', () => {
    renderIn('ar', <MultilingualText as="h1" value={{ fr: 'Budget', ar: 'الميزانية' }} />);
    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading).toHaveProperty('textContent', 'الميزانية');
    expect(heading.getAttribute('data-fallback')).toBeNull();
    expect(heading.querySelector('[lang]')).toBeNull();
  });

  it('marks a fallback with its own lang and dir and a note in the interface language', () => {
    renderIn('ar', <MultilingualText as="h1" value={{ fr: 'Registre des marchés publics' }} />);
    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading.getAttribute('data-fallback')).toBe('true');
    const text = screen.getByText('Registre des marchés publics');
    expect(text.getAttribute('lang')).toBe('fr');
    expect(text.getAttribute('dir')).toBe('ltr');
    expect(heading.textContent).toContain('النص غير متوفر باللغة العربية، معروض باللغة الفرنسية');
  });

  it('gives Arabic fallback text right-to-left direction on a French page', () => {
    renderIn('fr', <MultilingualText value={{ ar: 'مؤشرات صحة الأم' }} />);
    const text = screen.getByText('مؤشرات صحة الأم');
    expect(text.getAttribute('lang')).toBe('ar');
    expect(text.getAttribute('dir')).toBe('rtl');
  });

  it('can hide the visible note and keep the lang attribute', () => {
    renderIn('en', <MultilingualText value={{ fr: 'Santé' }} hideFallbackNote />);
    expect(screen.getByText('Santé').getAttribute('lang')).toBe('fr');
    expect(screen.queryByText(/Not available/)).toBeNull();
    expect(screen.getByTitle('Not available in English, shown in French')).toBeDefined();
  });

  it('renders nothing when no language has text', () => {
    const { container } = renderIn('fr', <MultilingualText value={{}} />);
    expect(container.innerHTML).toBe('');
  });

  it.each(['fr', 'ar'] as const)('has no axe violations in %s', async (locale) => {
    const { container } = renderIn(
      locale,
      <p>
        <MultilingualText value={{ fr: 'Santé', ar: 'الصحة' }} /> <MultilingualText value={{ en: 'Public procurement' }} />
      </p>,
    );
    expect(await axeViolations(container)).toEqual([]);
  });
});
