import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { harvestMessages, harvestProblem, type HarvestProblem } from './problems';
import { safeFetch, type FetchPolicy } from './safeFetch';

/** A document read from a source. */
export interface FetchedText {
  url: string;
  contentType: string;
  text: string;
  bytes: Buffer;
}

/**
 * Reads a document: `http(s)` through {@link safeFetch} with one retry on timeouts and network
 * errors, 5xx and 429; `file:` URLs and plain paths only when `allowLocalFiles`.
 */
export async function fetchDocument(url: string, policy: FetchPolicy, allowLocalFiles: boolean, retries = 1): Promise<{ ok: true; value: FetchedText } | { ok: false; problem: HarvestProblem }> {
  if (!/^https?:\/\//i.test(url)) {
    if (!allowLocalFiles) return { ok: false, problem: harvestProblem('local_file_refused', 'error', harvestMessages.localFilesRefused(url), { path: url }) };
    try {
      const path = url.startsWith('file:') ? fileURLToPath(url) : url;
      const bytes = await readFile(path);
      const max = policy.maxBytes ?? 64 * 1024 * 1024;
      if (bytes.length > max) return { ok: false, problem: harvestProblem('too_large', 'error', harvestMessages.tooLarge(url, max), { path: url }) };
      return { ok: true, value: { url, contentType: '', text: bytes.toString('utf8'), bytes } };
    } catch (error) {
      return { ok: false, problem: harvestProblem('network', 'error', harvestMessages.network(url, (error as NodeJS.ErrnoException).code ?? 'read error'), { path: url }) };
    }
  }
  for (let attempt = 0; ; attempt++) {
    const got = await safeFetch(url, policy);
    if (got.ok) {
      const { status } = got.response;
      if (status >= 200 && status < 300) {
        return { ok: true, value: { url: got.response.url, contentType: got.response.contentType, text: got.response.body.toString('utf8'), bytes: got.response.body } };
      }
      const problem = harvestProblem('http_status', 'error', harvestMessages.httpStatus(url, status), { path: url });
      if ((status >= 500 || status === 429) && attempt < retries) {
        await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
        continue;
      }
      return { ok: false, problem };
    }
    if (got.retryable && attempt < retries && policy.signal?.aborted !== true) {
      await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
      continue;
    }
    return { ok: false, problem: got.problem };
  }
}
