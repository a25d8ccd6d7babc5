// The client bundle: hydrates the islands a page server-rendered. Everything else is plain HTML.
import './styles.css';
import { createClient } from '@bayan/client';
import { BayanProvider, type Locale } from '@bayan/ui';
import type { ReactElement } from 'react';
import { hydrateRoot } from 'react-dom/client';
import type { DatastoreQuery } from './api';
import { ChartIsland } from './islands/ChartIsland';
import type { QueryFn } from './islands/datastore';
import { PreviewIsland } from './islands/PreviewIsland';
import type { ChartBuilderProps, PreviewProps } from './islands/types';

// Same-origin reads through @bayan/client (its errors are BayanApiError, shown by the islands).
const bayan = createClient();
const query: QueryFn = (resourceId: string, body: DatastoreQuery) => bayan.datastore.query(resourceId, body);

function hydrate(name: string, render: (props: never) => ReactElement, locale: (props: never) => Locale): void {
  const container = document.querySelector<HTMLElement>(`[data-island="${name}"]`);
  const json = document.querySelector(`script[data-island-props="${name}"]`)?.textContent;
  if (!container || !json) return;
  const props = JSON.parse(json) as never;
  hydrateRoot(container, <BayanProvider locale={locale(props)}>{render(props)}</BayanProvider>, { identifierPrefix: `${name}-` });
  container.dataset.hydrated = 'true';
}

hydrate('preview', (props: PreviewProps) => <PreviewIsland config={props} query={query} />, (p: PreviewProps) => p.locale);
hydrate('chart', (props: ChartBuilderProps) => <ChartIsland config={props} query={query} />, (p: ChartBuilderProps) => p.locale);
