import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../test/axe';
import { renderIn } from '../test/renderIn';
import { ResourceList } from './ResourceList';
import type { ResourceItem } from './ResourceList';

const resources: ResourceItem[] = [
  { id: 'csv', title: { fr: 'Dépenses par ministère', ar: 'النفقات حسب الوزارة' }, url: '/files/depenses.csv', format: 'CSV', byteSize: 1_250_000, modified: '2026-01-15' },
  { id: 'pdf', title: { fr: 'Notice' }, url: '/files/notice.pdf', format: 'PDF' },
];

describe('ResourceList', () => {
  it('names each download link with the title, format and size', () => {
    renderIn('fr', <ResourceList resources={resources} />);
    const link = screen.getByRole('link', { name: 'Télécharger Dépenses par ministère (CSV, 1,3\u202fMo)' });
    expect(link.getAttribute('href')).toBe('/files/depenses.csv');
    expect(link.hasAttribute('download')).toBe(true);
    expect(screen.getByRole('link', { name: 'Télécharger Notice (PDF, taille inconnue)' })).toBeDefined();
  });

  it('shows format, size and a machine-readable date for each resource', () => {
    renderIn('ar', <ResourceList resources={resources} />);
    const item = screen.getAllByRole('listitem')[0]!;
    expect(within(item).getByRole('heading', { level: 3 }).textContent).toBe('النفقات حسب الوزارة');
    const time = item.querySelector('time');
    expect(time?.getAttribute('datetime')).toBe('2026-01-15');
    expect(time?.textContent).toBe('15 يناير 2026');
    expect(within(item).getByText('الحجم').nextElementSibling?.textContent).toBe('1,3 م.ب');
  });

  it('says when there is nothing to download', () => {
    renderIn('en', <ResourceList resources={[]} />);
    expect(screen.getByText('This dataset has no resources.')).toBeDefined();
  });

  it.each(['fr', 'ar'] as const)('has no axe violations in %s', async (locale) => {
    const { container } = renderIn(locale, <ResourceList resources={resources} />);
    expect(await axeViolations(container)).toEqual([]);
  });
});
