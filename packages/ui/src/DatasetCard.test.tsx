import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../test/axe';
import { renderIn } from '../test/renderIn';
import { DatasetCard } from './DatasetCard';
import type { DatasetCardProps } from './DatasetCard';

const dataset: DatasetCardProps = {
  href: '/fr/datasets/loi-de-finances-2026',
  title: { fr: 'Loi de finances 2026', ar: 'قانون المالية 2026' },
  description: { fr: 'Crédits ouverts par la loi de finances 2026, ventilés par ministère. '.repeat(6) },
  publisher: { fr: 'Ministère de l’Économie et des Finances', ar: 'وزارة الاقتصاد والمالية' },
  formats: ['CSV', 'XLSX', 'CSV'],
  modified: '2026-01-15',
  qualityScore: 287,
  openness: 3,
};

describe('DatasetCard', () => {
  it('is an article whose heading links to the dataset', () => {
    renderIn('fr', <DatasetCard {...dataset} />);
    const article = screen.getByRole('article');
    const heading = within(article).getByRole('heading', { level: 3, name: 'Loi de finances 2026' });
    expect(within(heading).getByRole('link').getAttribute('href')).toBe('/fr/datasets/loi-de-finances-2026');
  });

  it('shows publisher, unique formats, date, quality and openness', () => {
    renderIn('fr', <DatasetCard {...dataset} />);
    expect(screen.getByText('Ministère de l’Économie et des Finances').closest('p')?.textContent).toBe(
      'Producteur : Ministère de l’Économie et des Finances',
    );
    expect(within(screen.getByRole('list', { name: 'Formats' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['CSV', 'XLSX']);
    expect(screen.getByText('15 janvier 2026').getAttribute('datetime')).toBe('2026-01-15');
    expect(screen.getByText('Qualité des métadonnées : Bonne, 287 sur 405 points')).toBeDefined();
    expect(screen.getByText('3 étoiles d’ouverture sur 5')).toBeDefined();
  });

  it('shortens long descriptions at a word boundary', () => {
    renderIn('fr', <DatasetCard {...dataset} descriptionLength={80} />);
    const description = screen.getByText(/^Crédits ouverts/);
    expect(description.textContent.length).toBeLessThanOrEqual(81);
    expect(description.textContent.endsWith('…')).toBe(true);
  });

  it('marks the French description as a fallback on the Arabic page', () => {
    renderIn('ar', <DatasetCard {...dataset} />);
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('قانون المالية 2026');
    const description = screen.getByText(/^Crédits ouverts/);
    expect(description.getAttribute('lang')).toBe('fr');
    expect(description.getAttribute('dir')).toBe('ltr');
  });

  it.each(['fr', 'ar'] as const)('has no axe violations in %s', async (locale) => {
    const { container } = renderIn(locale, <DatasetCard {...dataset} />);
    expect(await axeViolations(container)).toEqual([]);
  });
});
