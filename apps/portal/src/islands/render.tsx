import { BayanProvider, type Locale } from '@bayan/ui';
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';

export type IslandName = 'preview' | 'chart';

/**
 * Server-renders an island as its own React root (so `useId` matches on hydration), followed by
 * its props as JSON for the client bundle.
 */
export function Island({ name, locale, props, children }: { name: IslandName; locale: Locale; props: unknown; children: ReactElement }) {
  const html = renderToString(<BayanProvider locale={locale}>{children}</BayanProvider>, { identifierPrefix: `${name}-` });
  return (
    <>
      <div data-island={name} dangerouslySetInnerHTML={{ __html: html }} />
      <script type="application/json" data-island-props={name} dangerouslySetInnerHTML={{ __html: JSON.stringify(props).replace(/</g, '\\u003c') }} />
    </>
  );
}
