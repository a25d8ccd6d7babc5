import { DatasetCard, MQA_MAX_SCORE } from '@bayan/ui';
import type { Organization, StoredDataset, Text } from '../api';
import type { PageContext } from '../context';
import { formatName } from '../vocab';

/** A dataset's page path in a locale. */
export function datasetPath(locale: string, dataset: { slug?: string; id: string }): string {
  return `/${locale}/datasets/${encodeURIComponent(dataset.slug ?? dataset.id)}`;
}

export function organizationPath(locale: string, org: { slug?: string; id: string }): string {
  return `/${locale}/organizations/${encodeURIComponent(org.slug ?? org.id)}`;
}

/** The publisher name: the organisation's when known, else the record's publisher. */
export function publisherOf(dataset: StoredDataset, orgs: ReadonlyMap<string, Organization>): Text | undefined {
  const org = dataset.record.organizationId ? orgs.get(dataset.record.organizationId) : undefined;
  return org?.record.name ?? dataset.record.publisher?.name;
}

/** MQA points from the 0–100 score the search index keeps. */
export function mqaPoints(score: number | undefined): number | undefined {
  return score === undefined ? undefined : Math.round((score / 100) * MQA_MAX_SCORE);
}

export function DatasetCards({ ctx, items, orgs, headingLevel = 3 }: { ctx: PageContext; items: StoredDataset[]; orgs: ReadonlyMap<string, Organization>; headingLevel?: 2 | 3 }) {
  return (
    <ul className="portal-cards">
      {items.map((d) => (
        <li key={d.id}>
          <DatasetCard
            headingLevel={headingLevel}
            href={datasetPath(ctx.locale, d)}
            title={d.record.title}
            description={d.record.description}
            publisher={publisherOf(d, orgs)}
            formats={(d.record.distributions ?? []).map((r) => formatName(r.format, r.mediaType)).filter((f): f is string => !!f)}
            modified={d.record.modified ?? d.modified}
            qualityScore={mqaPoints(d.qualityScore)}
          />
        </li>
      ))}
    </ul>
  );
}

export async function organizationMap(ctx: PageContext): Promise<Map<string, Organization>> {
  const orgs = await ctx.api.organizations();
  return new Map(orgs.map((o) => [o.id, o]));
}
