import { harvestMessages, harvestProblem, type HarvestProblem } from './problems';

/** Default deepest nesting accepted in harvested JSON. */
export const DEFAULT_MAX_JSON_DEPTH = 64;

/**
 * How deeply a JSON text nests, counted without parsing (strings are skipped), stopping as soon
 * as `limit` is passed: deep nesting is refused before `JSON.parse` can spend stack on it.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > limit) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

/**
 * Parses JSON with a nesting limit; a report instead of an exception.
 *
 * @example
 * ```ts
 * const parsed = parseJsonLimited('{"a":[1]}', 'page 1');
 * if (parsed.ok) console.log(parsed.value);
 * ```
 */
export function parseJsonLimited(text: string, where: string, maxDepth = DEFAULT_MAX_JSON_DEPTH): { ok: true; value: unknown } | { ok: false; problem: HarvestProblem } {
  if (jsonDepthExceeds(text, maxDepth)) return { ok: false, problem: harvestProblem('json_too_deep', 'error', harvestMessages.jsonTooDeep(where, maxDepth), { path: where }) };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, problem: harvestProblem('invalid_json', 'error', harvestMessages.badJson(where, (error as Error).message.slice(0, 200)), { path: where }) };
  }
}
