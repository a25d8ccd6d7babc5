import { cleanup, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach } from 'vitest';
import { BayanProvider, directionOf } from '../src/index';
import type { Locale } from '../src/index';

// Without vitest globals, React Testing Library cannot register its own cleanup.
afterEach(() => cleanup());

/** Renders `ui` in a locale, with `<html lang dir>` set as the portal sets it. */
export function renderIn(locale: Locale, ui: ReactElement) {
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
  return render(<BayanProvider locale={locale}>{ui}</BayanProvider>);
}
