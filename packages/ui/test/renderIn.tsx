import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { BayanProvider, directionOf } from '../src/index';
import type { Locale } from '../src/index';

/** Renders `ui` in a locale, with `<html lang dir>` set as the portal sets it. */
export function renderIn(locale: Locale, ui: ReactElement) {
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
  return render(<BayanProvider locale={locale}>{ui}</BayanProvider>);
}
