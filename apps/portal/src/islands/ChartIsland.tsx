import { Chart } from '@bayan/ui';
import { useId, useRef, useState } from 'react';
import { chartSeries, type QueryFn } from './datastore';
import { queryString, type ChartBuilderProps, type ChartKindName } from './types';

const KINDS: ChartKindName[] = ['bar', 'line', 'pie'];

/**
 * The chart builder: a GET form (column pickers, chart kind) and the chart with its data table.
 * Hydrated, it redraws in place and keeps the shareable link and embed code in step.
 */
export function ChartIsland({ props, query }: { props: ChartBuilderProps; query?: QueryFn }) {
  const id = useId();
  const [state, setState] = useState({ kind: props.kind, x: props.x, y: props.y, categories: props.categories, values: props.values });
  const latest = useRef(0);
  const params = { chart: state.kind, x: state.x, y: state.y };
  const shareUrl = `${props.pageUrl}${queryString({ ...params })}#chart`;
  const embedUrl = `${props.embedUrl}${queryString({ ...params })}`;
  const title = props.labels.title
    .replace('{x}', props.columns.find((c) => c.key === state.x)?.label ?? state.x)
    .replace('{y}', props.columns.find((c) => c.key === state.y)?.label ?? state.y);
  const embedCode = `<iframe src="${embedUrl}" title="${title.replace(/"/g, '&quot;')}" width="640" height="420" loading="lazy"></iframe>`;
  const update = (next: { kind: ChartKindName; x: string; y: string }) => {
    if (!query) return;
    const ticket = ++latest.current;
    setState((s) => ({ ...s, ...next }));
    if (next.x === state.x && next.y === state.y) return;
    void chartSeries(query, props.resourceId, next.x, next.y).then(
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
        action={`${props.path}#chart`}
        className="portal-chart-form"
        onSubmit={(event) => {
          if (!query) return;
          event.preventDefault();
          window.history.replaceState(null, '', `${props.path}${queryString({ ...props.keep, ...params })}#chart`);
        }}
      >
        {Object.entries(props.keep).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <label htmlFor={`${id}-kind`}>{props.labels.kind}</label>
        <select id={`${id}-kind`} name="chart" value={state.kind} onChange={(e) => update({ kind: e.target.value as ChartKindName, x: state.x, y: state.y })}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {props.labels.kinds[k]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-x`}>{props.labels.x}</label>
        <select id={`${id}-x`} name="x" value={state.x} onChange={(e) => update({ kind: state.kind, x: e.target.value, y: state.y })}>
          {props.columns.map((c) => (
            <option key={c.key} value={c.key}>
              {c.label}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-y`}>{props.labels.y}</label>
        <select id={`${id}-y`} name="y" value={state.y} onChange={(e) => update({ kind: state.kind, x: state.x, y: e.target.value })}>
          {props.columns
            .filter((c) => c.numeric)
            .map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
        </select>
        <button type="submit" className="bayan-button">
          {props.labels.draw}
        </button>
      </form>
      <Chart kind={state.kind} title={title} categories={state.categories} series={[{ name: props.columns.find((c) => c.key === state.y)?.label ?? state.y, values: state.values }]} />
      <p>
        <label htmlFor={`${id}-share`}>{props.labels.share}</label>
        <input id={`${id}-share`} className="portal-code" readOnly value={shareUrl} />
      </p>
      <p>
        <label htmlFor={`${id}-embed`}>{props.labels.embed}</label>
        <textarea id={`${id}-embed`} className="portal-code" readOnly rows={3} value={embedCode} />
      </p>
    </>
  );
}
