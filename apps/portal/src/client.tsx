// The client bundle: hydrates the islands a page server-rendered. Everything else is plain HTML.
import './styles.css';
import { BayanProvider, type Locale } from '@bayan/ui';
import type { ReactElement } from 'react';
import { hydrateRoot } from 'react-dom/client';
import type { DatastoreQuery, DatastoreResult } from './api';
import { ChartIsland } from './islands/ChartIsland';
import type { QueryFn } from './islands/datastore';
import { PreviewIsland } from './islands/PreviewIsland';
import type { ChartBuilderProps, PreviewProps } from './islands/types';

const query: QueryFn = async (resourceId: string, body: DatastoreQuery) => {
  const response = await fetch(`/api/v1/datastore/${encodeURIComponent(resourceId)}/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`datastore ${response.status}`);
  return (await response.json()) as DatastoreResult;
};

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
