import { parseDataset, type Dataset, type SchemaError } from '@bayan/schema';
import { harvestProblem, type HarvestProblem } from './problems';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function removeAt(root: Record<string, unknown>, error: SchemaError): boolean {
  const segments = error.path.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.code === 'required') segments.pop();
  if (segments.length === 0) return false;
  let parent: unknown = root;
  for (const segment of segments.slice(0, -1)) {
    if (!isRecord(parent) && !Array.isArray(parent)) return false;
    parent = (parent as Record<string, unknown>)[segment];
  }
  const last = segments[segments.length - 1] ?? '';
  if (Array.isArray(parent)) {
    const index = Number(last);
    if (!Number.isInteger(index) || index >= parent.length) return false;
    parent.splice(index, 1);
    return true;
  }
  if (isRecord(parent) && last in parent) {
    delete parent[last];
    return true;
  }
  return false;
}

/**
 * Validates a candidate dataset, dropping the values the schema rejects (each noted as a warning)
 * until it passes; `undefined` (with the errors) when even the title and description are unusable.
 */
export function keepValidDataset(candidate: Record<string, unknown>, remoteId: string): { dataset?: Dataset; problems: HarvestProblem[] } {
  const problems: HarvestProblem[] = [];
  for (let round = 0; round < 20; round++) {
    const result = parseDataset(candidate);
    if (result.ok) return { dataset: result.value, problems };
    const errors = [...result.errors].sort((a, b) => b.path.localeCompare(a.path, 'en', { numeric: true }));
    let removed = false;
    for (const error of errors) {
      if (error.path === '/title' || error.path === '/description' || error.path.startsWith('/title/') || error.path.startsWith('/description/')) {
        if (error.code === 'required' || !removeAt(candidate, error)) return { problems: [...problems, harvestProblem(error.code, 'error', error.message, { remoteId, path: error.path })] };
      } else if (removeAt(candidate, error)) {
        removed = true;
        problems.push(harvestProblem('dropped_value', 'warning', error.message, { remoteId, path: error.path }));
      }
    }
    if (!removed && round > 0) return { problems: [...problems, ...result.errors.map((e) => harvestProblem(e.code, 'error', e.message, { remoteId, path: e.path }))] };
  }
  return { problems };
}
