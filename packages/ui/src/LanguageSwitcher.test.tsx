import { screen, within } from '@testing-library/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../test/axe';
import { renderIn } from '../test/renderIn';
import { AlternateLanguageLinks, LanguageSwitcher } from './LanguageSwitcher';

describe('LanguageSwitcher', () => {
  it('links to each language named in that language, with lang, dir and hreflang', () => {
    renderIn('fr', <LanguageSwitcher hrefFor={(locale) => `/${locale}/datasets/budget`} />);
    const nav = screen.getByRole('navigation', { name: 'Langue' });
    const arabic = within(nav).getByRole('link', { name: 'العربية' });
    expect(arabic.getAttribute('href')).toBe('/ar/datasets/budget');
    expect(arabic.getAttribute('hreflang')).toBe('ar');
    expect(arabic.getAttribute('lang')).toBe('ar');
    expect(arabic.getAttribute('dir')).toBe('rtl');
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual(['Français', 'العربية', 'English']);
  });

  it('marks the current language', () => {
    renderIn('ar', <LanguageSwitcher hrefFor={(locale) => `/${locale}/`} />);
    const current = screen.getByRole('link', { name: 'العربية' });
    expect(current.getAttribute('aria-current')).toBe('true');
    expect(current.getAttribute('data-state')).toBe('active');
    expect(screen.getByRole('link', { name: 'Français' }).getAttribute('aria-current')).toBeNull();
    expect(screen.getByRole('navigation', { name: 'اللغة' })).toBeDefined();
  });

  it.each(['fr', 'ar'] as const)('has no axe violations in %s', async (locale) => {
    const { container } = renderIn(locale, <LanguageSwitcher hrefFor={(l) => `/${l}/`} />);
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('AlternateLanguageLinks', () => {
  it('renders hreflang alternates and x-default for the head', () => {
    const html = renderToStaticMarkup(<AlternateLanguageLinks hrefFor={(l) => `https://data.example.ma/${l}/`} />);
    expect(html).toBe(
      '<link rel="alternate" hrefLang="fr" href="https://data.example.ma/fr/"/>' +
        '<link rel="alternate" hrefLang="ar" href="https://data.example.ma/ar/"/>' +
        '<link rel="alternate" hrefLang="en" href="https://data.example.ma/en/"/>' +
        '<link rel="alternate" hrefLang="x-default" href="https://data.example.ma/fr/"/>',
    );
  });
});
