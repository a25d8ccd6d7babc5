import type { Dataset, Organization } from '@bayan/schema';
import type { HarvestProblem } from './problems';
import type { FetchPolicy } from './safeFetch';

/** One record found while gathering: its identifier in the source and, usually, its content. */
export interface GatheredItem {
  /** Stable identifier in the source (CKAN id, DCAT subject IRI, spreadsheet identifier). */
  remoteId: string;
  /** The record as the source gave it; `null` when the fetch stage must get it. */
  raw: string | null;
}

/** One page of gathering. */
export interface GatherPage {
  items: GatheredItem[];
  /** Where to resume after this page; `undefined` when the listing is complete. */
  cursor: string | undefined;
  /** Problems with the page itself (not with one record). */
  problems: HarvestProblem[];
  /** How many records the source announces in all, when it says. */
  total?: number;
  /** True when the listing stopped early (a page failed, a loop): then nothing is withdrawn. */
  incomplete?: boolean;
}

/** What one record became. */
export type TransformedRecord =
  | { kind: 'dataset'; dataset: Dataset; organization?: Organization; problems: HarvestProblem[] }
  | { kind: 'inventory'; entry: Record<string, unknown>; problems: HarvestProblem[] }
  | { kind: 'failed'; problems: HarvestProblem[] };

/** What an adapter gets to work with. */
export interface AdapterContext {
  url: string;
  settings: Record<string, unknown>;
  /** The source's owner organisation. */
  organizationId: string | null;
  policy: FetchPolicy;
  /** For incremental runs: only records modified since then (ISO 8601). */
  modifiedSince: string | undefined;
  /** Whether local files (`file:` URLs, paths) may be read (the command line only). */
  allowLocalFiles: boolean;
}

/** A kind of harvest source: how to list, fetch and read its records. */
export interface SourceAdapter {
  /** Lists the source page by page, from `cursor` (undefined: the start). */
  gather(cursor: string | undefined): AsyncIterable<GatherPage>;
  /** Gets a record whose content was not in the listing. */
  fetch?(remoteId: string): Promise<{ raw: string } | { problems: HarvestProblem[] }>;
  /** Reads a record's content as a Bayan record. */
  transform(raw: string, remoteId: string): TransformedRecord | Promise<TransformedRecord>;
}
