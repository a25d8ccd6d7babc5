// Server render time of every @bayan/ui component (the gallery's examples) with the built package,
// against a bare baseline: React rendering the same number of plain elements in the same run.
import { createElement } from 'react';
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { BayanProvider, Chart, DataTable, DatasetCard, FacetList, Pagination, QualityBreakdown, ResourceList } from '@bayan/ui';
import type { Locale } from '@bayan/ui';

const datasets = Array.from({ length: 20 }, (_, i) => ({
  title: { fr: `Jeu de données ${i}`, ar: `مجموعة بيانات ${i}` },
  description: { fr: 'Description assez longue du jeu de données, avec des détails sur la couverture. '.repeat(3) },
  publisher: { fr: 'Haut-Commissariat au Plan', ar: 'المندوبية السامية للتخطيط' },
}));
const rows = Array.from({ length: 200 }, (_, i) => ({ region: `Région ${i % 12}`, year: 2000 + (i % 25), value: i * 137.5 }));

/** A search page: facets, 20 cards, pagination. */
function searchPage(locale: Locale): ReactElement {
  return createElement(
    BayanProvider,
    { locale },
    createElement(FacetList, {
      groups: [{ name: 'theme', label: 'Thème', options: Array.from({ length: 13 }, (_, i) => ({ value: `T${i}`, label: { fr: `Thème ${i}`, ar: `موضوع ${i}` }, count: i * 17 })) }],
    }),
    ...datasets.map((d, i) => createElement(DatasetCard, { key: i, href: `/d/${i}`, ...d, formats: ['CSV', 'XLSX'], modified: '2026-01-15', qualityScore: 200 + i, openness: 3 })),
    createElement(Pagination, { pageCount: 40, page: 3, hrefFor: (p: number) => `?page=${p}` }),
  );
}

/** A dataset page: quality, resources, a 200-row table (10 shown) and a chart. */
function datasetPage(locale: Locale): ReactElement {
  return createElement(
    BayanProvider,
    { locale },
    createElement(QualityBreakdown, { total: 287, dimensions: [{ id: 'findability', points: 80 }, { id: 'accessibility', points: 100 }, { id: 'interoperability', points: 50 }, { id: 'reusability', points: 47 }, { id: 'contextuality', points: 10 }] }),
    createElement(ResourceList, { resources: [{ id: 'a', title: { fr: 'Données' }, url: '/a.csv', format: 'CSV', byteSize: 1e6, modified: '2026-01-01' }] }),
    createElement(DataTable, {
      caption: 'Valeurs',
      columns: [{ key: 'region', header: 'Région' }, { key: 'year', header: 'Année', type: 'number' }, { key: 'value', header: 'Valeur', type: 'number' }],
      rows,
      defaultSort: { column: 'value', direction: 'descending' },
    }),
    createElement(Chart, { kind: 'bar', title: 'Valeurs', categories: rows.slice(0, 12).map((r) => r.region), series: [{ name: 'Valeur', values: rows.slice(0, 12).map((r) => r.value) }] }),
  );
}

function elementCount(html: string): number {
  return (html.match(/<[a-zA-Z]/g) ?? []).length;
}

/** Baseline: React rendering `count` plain elements with short text, no component logic. */
function plainTree(count: number): ReactElement {
  return createElement('div', null, ...Array.from({ length: count }, (_, i) => createElement('span', { key: i, className: 'x' }, `item ${i}`)));
}

function measure(render: () => string, iterations: number): { p50: number; p99: number } {
  for (let i = 0; i < 20; i += 1) render();
  const times: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const start = performance.now();
    render();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
}

const iterations = Number(process.env.BENCH_ITERATIONS ?? 300);
console.log(`@bayan/ui server render (renderToString, ${iterations} runs after warm-up)`);
for (const [name, page] of [
  ['search page (facets, 20 cards, pagination)', searchPage],
  ['dataset page (quality, resources, 200-row table, chart)', datasetPage],
] as const) {
  for (const locale of ['fr', 'ar'] as const) {
    const html = renderToString(page(locale));
    const count = elementCount(html);
    const ours = measure(() => renderToString(page(locale)), iterations);
    const bare = measure(() => renderToString(plainTree(count)), iterations);
    console.log(
      `  ${name} [${locale}]: ${count} elements, ${(html.length / 1024).toFixed(1)} KB HTML — p50 ${ours.p50.toFixed(2)} ms, p99 ${ours.p99.toFixed(2)} ms` +
        ` | baseline ${count} plain elements p50 ${bare.p50.toFixed(2)} ms — ratio ${(ours.p50 / bare.p50).toFixed(2)}×`,
    );
  }
}
