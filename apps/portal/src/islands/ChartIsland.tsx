import { Chart } from '@bayan/ui';
import { useId, useRef, useState } from 'react';
import { chartSeries, type QueryFn } from './datastore';
import { queryString, type ChartBuilderProps, type ChartKindName } from './types';

const KINDS: ChartKindName[] = ['bar', 'line', 'pie'];

/**
 * The chart builder: a GET form (column pickers, chart kind) and the chart with its data table.
 * Hydrated, it redraws in place and keeps the shareable link and embed code in step.
 */
export function ChartIsland({ config, query }: { config: ChartBuilderProps; query?: QueryFn }) {
  const id = useId();
  const [state, setState] = useState({ kind: config.kind, x: config.x, y: config.y, categories: config.categories, values: config.values });
  const latest = useRef(0);
  const params = { chart: state.kind, x: state.x, y: state.y };
  const shareUrl = `${config.pageUrl}${queryString({ ...params })}#chart`;
  const embedUrl = `${config.embedUrl}${queryString({ ...params })}`;
  const title = config.labels.title
    .replace('{x}', config.columns.find((c) => c.key === state.x)?.label ?? state.x)
    .replace('{y}', config.columns.find((c) => c.key === state.y)?.label ?? state.y);
  const embedCode = `<iframe src="${embedUrl}" title="${title.replace(/"/g, '&quot;')}" width="640" height="420" loading="lazy"></iframe>`;
  const update = (next: { kind: ChartKindName; x: string; y: string }) => {
    if (!query) return;
    const ticket = ++latest.current;
    setState((s) => ({ ...s, ...next }));
    if (next.x === state.x && next.y === state.y) return;
    void chartSeries(query, config.resourceId, next.x, next.y).then(
      (series) => {
        if (ticket === latest.current) setState({ ...next, ...series });
      },
      () => undefined,
    );
  };
  return (
    <>
      <form
        method="get"
        action={`${config.path}#chart`}
        className="portal-chart-form"
        onSubmit={(event) => {
          if (!query) return;
          event.preventDefault();
          window.history.replaceState(null, '', `${config.path}${queryString({ ...config.keep, ...params })}#chart`);
        }}
      >
        {Object.entries(config.keep).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <label htmlFor={`${id}-kind`}>{config.labels.kind}</label>
        <select id={`${id}-kind`} name="chart" value={state.kind} onChange={(e) => update({ kind: e.target.value as ChartKindName, x: state.x, y: state.y })}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {config.labels.kinds[k]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-x`}>{config.labels.x}</label>
        <select id={`${id}-x`} name="x" value={state.x} onChange={(e) => update({ kind: state.kind, x: e.target.value, y: state.y })}>
          {config.columns.map((c) => (
            <option key={c.key} value={c.key}>
              {c.label}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-y`}>{config.labels.y}</label>
        <select id={`${id}-y`} name="y" value={state.y} onChange={(e) => update({ kind: state.kind, x: state.x, y: e.target.value })}>
          {config.columns
            .filter((c) => c.numeric)
            .map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
        </select>
        <button type="submit" className="bayan-button">
          {config.labels.draw}
        </button>
      </form>
      <Chart kind={state.kind} title={title} categories={state.categories} series={[{ name: config.columns.find((c) => c.key === state.y)?.label ?? state.y, values: state.values }]} />
      <p>
        <label htmlFor={`${id}-share`}>{config.labels.share}</label>
        <input id={`${id}-share`} className="portal-code" readOnly value={shareUrl} />
      </p>
      <p>
        <label htmlFor={`${id}-embed`}>{config.labels.embed}</label>
        <textarea id={`${id}-embed`} className="portal-code" readOnly rows={3} value={embedCode} />
      </p>
    </>
  );
}
