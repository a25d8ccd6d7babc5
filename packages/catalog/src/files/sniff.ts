// Content-type from the first bytes, not from what a browser or a file name claims.

function startsWith(head: Uint8Array, bytes: number[]): boolean {
  return bytes.every((b, i) => head[i] === b);
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

const ZIP_FORMATS: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  shp: 'application/zip',
};

const TEXT_FORMATS: Record<string, string> = {
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  json: 'application/json',
  geojson: 'application/geo+json',
  xml: 'application/xml',
  rdf: 'application/rdf+xml',
  ttl: 'text/turtle',
  txt: 'text/plain',
  md: 'text/markdown',
  html: 'text/html',
};

function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0) return true;
  let control = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control / head.length < 0.01;
}

/**
 * The media type of a file from its first bytes (at least 512 are best) and, for containers and
 * plain text, its name.
 *
 * @example
 * ```ts
 * sniffContentType(Buffer.from('%PDF-1.7'), 'report.csv'); // 'application/pdf'
 * ```
 */
export function sniffContentType(head: Uint8Array, name: string): string {
  const ext = extensionOf(name);
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) return 'application/pdf';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  if (startsWith(head, [0x1f, 0x8b])) return 'application/gzip';
  if (startsWith(head, [0x50, 0x41, 0x52, 0x31])) return 'application/vnd.apache.parquet';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) return 'application/vnd.ms-excel';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return ZIP_FORMATS[ext] ?? 'application/zip';
  if (!looksLikeText(head)) return 'application/octet-stream';
  const text = Buffer.from(head).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (TEXT_FORMATS[ext] !== undefined) return TEXT_FORMATS[ext];
  if (text.startsWith('<?xml') || text.startsWith('<rdf:RDF')) return 'application/xml';
  if (text.startsWith('{') || text.startsWith('[')) return 'application/json';
  if (/^<!doctype html|^<html/i.test(text)) return 'text/html';
  return 'text/plain';
}
