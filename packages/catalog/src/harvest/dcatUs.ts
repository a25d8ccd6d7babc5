import { fileTypes, frequencies, licences, type Language } from '@bayan/schema';
import type { GatheredItem, TransformedRecord } from './adapter';
import { keepValidDataset } from './keepValid';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Text without HTML tags (ArcGIS Hub and others put HTML in descriptions). */
export function stripHtml(text: string): string {
  return text
    .replace(/<(br|\/p|\/div|\/li)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
      if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
      if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"']+/;

/** Whether a JSON document is a DCAT-US (Project Open Data) `data.json` catalogue. */
export function isDcatUs(json: unknown): json is { dataset: unknown[] } {
  return isRecord(json) && Array.isArray(json.dataset) && (typeof json.conformsTo === 'string' || json['@type'] === 'dcat:Catalog' || !('@context' in json) || String(json['@context']).includes('project-open-data'));
}

/** The items of a DCAT-US catalogue: identifier (or landing page) and the entry as JSON. */
export function dcatUsItems(json: { dataset: unknown[] }): GatheredItem[] {
  return json.dataset.map((entry, i) => {
    const id = isRecord(entry) ? (str(entry.identifier) ?? str(entry.landingPage) ?? str(entry.title)) : undefined;
    return { remoteId: id ?? `#${i}`, raw: JSON.stringify({ dcatUs: entry ?? null }) };
  });
}

/** Reads one DCAT-US 1.1 dataset entry as a Bayan dataset. */
export function transformDcatUs(entry: unknown, remoteId: string, language: Language): TransformedRecord {
  if (!isRecord(entry)) return keepValidResult({}, remoteId);
  const text = (value: unknown, html = false) => {
    const s = str(value);
    return s === undefined ? undefined : { [language]: html ? stripHtml(s) : s };
  };
  const candidate: Record<string, unknown> = {};
  const title = text(entry.title);
  if (title) candidate.title = title;
  candidate.description = text(entry.description, true) ?? title;
  const identifier = str(entry.identifier);
  if (identifier) {
    candidate.identifier = identifier;
    if (/^https?:\/\//.test(identifier)) candidate.uri = identifier;
  }
  const keywords = Array.isArray(entry.keyword) ? entry.keyword.filter((k): k is string => typeof k === 'string' && k.trim() !== '') : [];
  if (keywords.length > 0) candidate.keywords = { [language]: keywords };
  for (const field of ['issued', 'modified'] as const) {
    const value = str(entry[field]);
    if (value) candidate[field] = value.length > 10 && !/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value.slice(0, 10) : value;
  }
  if (isRecord(entry.publisher) && str(entry.publisher.name)) candidate.publisher = { name: text(entry.publisher.name) };
  if (isRecord(entry.contactPoint)) {
    const email = str(entry.contactPoint.hasEmail)?.replace(/^mailto:/i, '');
    const name = text(entry.contactPoint.fn);
    if (email || name) candidate.contactPoints = [{ ...(name ? { name } : {}), ...(email ? { email } : {}) }];
  }
  const landingPage = str(entry.landingPage);
  if (landingPage) candidate.landingPage = landingPage;
  const frequency = str(entry.accrualPeriodicity);
  const freq = frequency === undefined ? undefined : frequencies.find(frequency);
  if (freq) candidate.frequency = freq.uri;
  const licenceText = str(entry.license);
  const licenceUrl = licenceText === undefined ? undefined : (licences.find(licenceText)?.uri ?? licences.find(URL_IN_TEXT.exec(stripHtml(licenceText))?.[0] ?? '')?.uri ?? URL_IN_TEXT.exec(stripHtml(licenceText))?.[0]);
  const distributions: Record<string, unknown>[] = [];
  if (Array.isArray(entry.distribution)) {
    for (const d of entry.distribution.slice(0, 1000)) {
      if (!isRecord(d)) continue;
      const download = str(d.downloadURL);
      const access = str(d.accessURL) ?? download;
      if (access === undefined) continue;
      const dist: Record<string, unknown> = { accessUrl: access };
      if (download) dist.downloadUrl = download;
      const dTitle = text(d.title);
      if (dTitle) dist.title = dTitle;
      const dDescription = text(d.description, true);
      if (dDescription) dist.description = dDescription;
      const mediaType = str(d.mediaType);
      if (mediaType) dist.mediaType = mediaType.toLowerCase();
      const format = fileTypes.find(str(d.format) ?? '')?.uri ?? (mediaType ? fileTypes.find(mediaType)?.uri : undefined);
      if (format) dist.format = format;
      if (licenceUrl) dist.license = licenceUrl;
      distributions.push(dist);
    }
  }
  candidate.distributions = distributions;
  return keepValidResult(candidate, remoteId);
}

function keepValidResult(candidate: Record<string, unknown>, remoteId: string): TransformedRecord {
  const { dataset, problems } = keepValidDataset(candidate, remoteId);
  return dataset ? { kind: 'dataset', dataset, problems } : { kind: 'failed', problems };
}
