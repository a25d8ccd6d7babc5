import { cleanup, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { BayanProvider, directionOf } from '../src/index';
import type { Locale } from '../src/index';

/**
 * Renders `ui` in a locale, with `<html lang dir>` set as the portal sets it. Test files share one
 * jsdom (vitest `isolate: false`), so each render first unmounts whatever the previous test left.
 */
export function renderIn(locale: Locale, ui: ReactElement) {
  cleanup();
  document.body.innerHTML = '';
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
  return render(<BayanProvider locale={locale}>{ui}</BayanProvider>);
}
