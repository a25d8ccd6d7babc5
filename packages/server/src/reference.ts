// A readable API reference rendered on the server from the OpenAPI document: no script, no CDN,
// works offline and in Arabic/French browsers alike. Every value is HTML-escaped.

interface OperationLike {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: unknown }[];
  requestBody?: { content?: Record<string, unknown> };
  responses?: Record<string, { description?: string }>;
  security?: unknown[];
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function schemaSummary(schema: unknown): string {
  if (!schema || typeof schema !== 'object') return '';
  const s = schema as { type?: unknown; enum?: unknown[]; maximum?: number; maxLength?: number; default?: unknown; $ref?: string };
  const parts: string[] = [];
  if (s.$ref) parts.push(s.$ref.replace('#/components/schemas/', ''));
  if (typeof s.type === 'string') parts.push(s.type);
  if (s.enum) parts.push(`one of ${s.enum.map(String).join(', ')}`);
  if (s.maxLength !== undefined) parts.push(`≤ ${s.maxLength} chars`);
  if (s.maximum !== undefined) parts.push(`≤ ${s.maximum}`);
  if (s.default !== undefined) parts.push(`default ${JSON.stringify(s.default)}`);
  return parts.join(' · ');
}

/**
 * Renders an OpenAPI 3.1 document as one HTML page grouped by tag.
 */
export function renderReference(doc: { info: { title: string; version: string; description?: string }; paths?: Record<string, Record<string, OperationLike>> }): string {
  const byTag = new Map<string, string[]>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const tag = op.tags?.[0] ?? 'other';
      const params = (op.parameters ?? [])
        .map(
          (p) =>
            `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${escapeHtml(p.in)}</td><td>${p.required ? 'yes' : ''}</td><td>${escapeHtml(schemaSummary(p.schema))}</td><td>${escapeHtml(p.description ?? '')}</td></tr>`,
        )
        .join('');
      const body = op.requestBody?.content ? `<p>Body: ${Object.keys(op.requestBody.content).map((t) => `<code>${escapeHtml(t)}</code>`).join(', ')}</p>` : '';
      const responses = Object.entries(op.responses ?? {})
        .map(([code, r]) => `<li><code>${escapeHtml(code)}</code> ${escapeHtml(r.description ?? '')}</li>`)
        .join('');
      const id = `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, '-');
      const html = `<section id="${escapeHtml(id)}"><h3><span class="m m-${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p>${escapeHtml(op.summary ?? '')}${op.security && op.security.length > 0 ? ' <em>(authentication required)</em>' : ''}</p>
${op.description ? `<p>${escapeHtml(op.description)}</p>` : ''}
${params ? `<table><thead><tr><th>name</th><th>in</th><th>required</th><th>schema</th><th>description</th></tr></thead><tbody>${params}</tbody></table>` : ''}
${body}<ul>${responses}</ul></section>`;
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  }
  const nav = [...byTag.keys()].map((t) => `<li><a href="#tag-${escapeHtml(t)}">${escapeHtml(t)}</a></li>`).join('');
  const sections = [...byTag.entries()].map(([t, ops]) => `<h2 id="tag-${escapeHtml(t)}">${escapeHtml(t)}</h2>${ops.join('\n')}`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info.title)} ${escapeHtml(doc.info.version)} — API reference</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:70rem;margin:auto;padding:1rem}code{font-family:ui-monospace,monospace}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:start}.m{font-weight:bold;padding:0 .3rem;border-radius:.2rem;color:#fff;background:#555}
.m-get{background:#1a6b35}.m-post{background:#1a4f8b}.m-put,.m-patch{background:#8b5a1a}.m-delete{background:#8b1a1a}section{border-block-end:1px solid #eee;padding-block:.5rem}</style>
</head><body><h1>${escapeHtml(doc.info.title)} <small>${escapeHtml(doc.info.version)}</small></h1>
<p>${escapeHtml(doc.info.description ?? '')}</p><p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).</p>
<nav><ul>${nav}</ul></nav>${sections}</body></html>`;
}
