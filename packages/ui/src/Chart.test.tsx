import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../test/axe';
import { renderIn } from '../test/renderIn';
import { Chart } from './Chart';
import type { ChartProps } from './Chart';
import { niceTicks } from './chartScale';

const budget: ChartProps = {
  kind: 'bar',
  title: 'Budget par ministère (MDH)',
  categories: [{ fr: 'Santé', ar: 'الصحة' }, { fr: 'Éducation', ar: 'التعليم' }, { fr: 'Intérieur', ar: 'الداخلية' }],
  series: [
    { name: '2025', values: [30.7, 80.1, 40.2] },
    { name: '2026', values: [32.6, 85.2, null] },
  ],
};

describe('niceTicks', () => {
  it('covers the data with round steps from zero', () => {
    expect(niceTicks(0, 87)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(3, 7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(-12, 30)).toEqual([-20, -10, 0, 10, 20, 30]);
  });

  it('survives flat and empty data', () => {
    expect(niceTicks(0, 0)).toEqual([0, 1]);
    expect(niceTicks(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY)).toEqual([0, 1]);
  });
});

describe('Chart', () => {
  it('is a figure with a caption and an SVG named by a summary', () => {
    renderIn('fr', <Chart {...budget} />);
    expect(screen.getByRole('figure', { name: 'Budget par ministère (MDH)' })).toBeDefined();
    expect(screen.getByRole('img', { name: 'Diagramme en barres : 3 catégories, 2 séries' })).toBeDefined();
  });

  it('draws one bar per present value', () => {
    const { container } = renderIn('fr', <Chart {...budget} />);
    expect(container.querySelectorAll('rect.bayan-chart__bar')).toHaveLength(5);
    expect(container.querySelector('[data-series="2"] rect title')?.textContent).toBe('Santé — 2026 : 32,6');
  });

  it('gives the data as a table for screen readers, numbers in the locale', () => {
    renderIn('fr', <Chart {...budget} />);
    const table = screen.getByRole('table', { name: 'Données du graphique' });
    expect(table.className).toContain('bayan-sr-only');
    const rows = within(table).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual(['Catégorie20252026', 'Santé30,732,6', 'Éducation80,185,2', 'Intérieur40,2']);
    expect(within(table).getByRole('rowheader', { name: 'Éducation' })).toBeDefined();
  });

  it('can show the table to everyone', () => {
    renderIn('en', <Chart {...budget} showTable />);
    expect(screen.getByRole('table').className).not.toContain('bayan-sr-only');
    expect(screen.getByRole('figure').getAttribute('data-table')).toBe('visible');
  });

  it('mirrors the category axis in Arabic', () => {
    const firstBarX = (locale: 'fr' | 'ar') => {
      const { container, unmount } = renderIn(locale, <Chart {...budget} />);
      const x = Number(container.querySelector('rect.bayan-chart__bar')?.getAttribute('x'));
      unmount();
      return x;
    };
    expect(firstBarX('fr')).toBeLessThan(200);
    expect(firstBarX('ar')).toBeGreaterThan(440);
  });

  it('draws a line chart with gaps for missing values', () => {
    const { container } = renderIn('en', <Chart {...budget} kind="line" />);
    expect(screen.getByRole('img', { name: 'Line chart: 3 categories, 2 series' })).toBeDefined();
    expect(container.querySelectorAll('polyline')).toHaveLength(2);
    expect(container.querySelectorAll('circle')).toHaveLength(5);
  });

  it('draws a pie of the first series with shares in the slice titles', () => {
    const { container } = renderIn('ar', <Chart {...budget} kind="pie" />);
    expect(screen.getByRole('img', { name: 'مخطط دائري: 3 فئات، سلسلة واحدة' })).toBeDefined();
    const slices = container.querySelectorAll('path.bayan-chart__slice');
    expect(slices).toHaveLength(3);
    expect(slices[1]?.querySelector('title')?.textContent).toBe('التعليم: 80,1 (53\u200e%\u200e)');
  });

  it('ignores values past the last category', () => {
    const { container } = renderIn('fr', <Chart kind="bar" title="t" categories={['a', 'b']} series={[{ name: 's', values: [1, 2, 300] }]} />);
    expect(container.querySelectorAll('rect.bayan-chart__bar')).toHaveLength(2);
    expect([...container.querySelectorAll('.bayan-chart__tick-label')].map((tick) => tick.textContent)).toEqual(['0', '0,5', '1', '1,5', '2']);
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(3);
  });

  it('says when there is nothing to draw', () => {
    renderIn('fr', <Chart kind="bar" title="Vide" categories={['a']} series={[{ name: 's', values: [null] }]} />);
    expect(screen.getByText('Aucune donnée à représenter.')).toBeDefined();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it.each(['fr', 'ar'] as const)('has no axe violations in %s', async (locale) => {
    const { container } = renderIn(locale, <Chart {...budget} />);
    expect(await axeViolations(container)).toEqual([]);
  });
});
