import { act } from 'react';
import type { ReactElement } from 'react';
import { hydrateRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { galleryExamples } from '../gallery/examples';
import { BayanProvider, directionOf, locales } from '../src/index';
import type { Locale } from '../src/index';
import { axeViolations } from './axe';

// Tells React this environment runs updates inside act(), as React Testing Library does.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(() => {
  document.body.innerHTML = '';
});

/** Hydrates server HTML and returns the errors React recovered from (mismatches). */
function hydrationErrors(container: Element, element: ReactElement): unknown[] {
  const errors: unknown[] = [];
  let root: Root | undefined;
  act(() => {
    root = hydrateRoot(container, element, { onRecoverableError: (error) => errors.push(error) });
  });
  act(() => root?.unmount());
  return errors;
}

function mount(html: string, locale: Locale): HTMLElement {
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
  const container = document.createElement('main');
  container.innerHTML = html;
  document.body.append(container);
  return container;
}

describe('server rendering', () => {
  for (const locale of locales) {
    for (const example of galleryExamples) {
      it(`renders ${example.name} in ${locale} to HTML that hydrates without a mismatch`, () => {
        const element = <BayanProvider locale={locale}>{example.render(locale)}</BayanProvider>;
        const html = renderToString(element);
        expect(html.length).toBeGreaterThan(50);
        expect(hydrationErrors(mount(html, locale), element)).toEqual([]);
      });
    }
  }

  // The server HTML alone (no JavaScript) must already be accessible. Each component's own test
  // runs axe in fr and ar; English is checked here, which keeps the suite fast.
  for (const example of galleryExamples) {
    it(`renders ${example.name} in en to HTML without axe violations`, async () => {
      const html = renderToString(<BayanProvider locale="en">{example.render('en')}</BayanProvider>);
      expect(await axeViolations(mount(html, 'en'))).toEqual([]);
    });
  }

  it('notices a hydration mismatch (so the check above can fail)', () => {
    const example = galleryExamples[0]!;
    const container = document.createElement('div');
    container.innerHTML = renderToString(<BayanProvider locale="fr">{example.render('fr')}</BayanProvider>);
    document.body.append(container);
    expect(hydrationErrors(container, <BayanProvider locale="ar">{example.render('ar')}</BayanProvider>).length).toBeGreaterThan(0);
  });
});
