import type { Context } from 'hono';
import { z } from 'zod';
import type { BayanApp, BayanEnv } from '../context';
import { validationProblem } from '../validation';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** One documented route: the OpenAPI description and the zod schemas that validate its input. */
export interface RouteSpec<Q extends z.ZodType, P extends z.ZodType> {
  method: Method;
  /** OpenAPI-style path: `/api/v1/datasets/{id}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  query?: Q;
  params?: P;
  /** A documented request body (validated by the handler with @bayan/schema's reports). */
  body?: { schema: z.ZodType; contentType?: string; description?: string };
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
  /** `required`: 401 without a session or token. Documented as security. */
  auth?: 'required' | 'optional';
}

/** Query parameters with repeated keys as arrays (`?theme=a&theme=b`). */
function queryObject(c: Context<BayanEnv>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const all = c.req.queries();
  let count = 0;
  for (const [key, values] of Object.entries(all)) {
    if (++count > 64) break;
    out[key] = values.length === 1 ? (values[0] as string) : values.slice(0, 100);
  }
  return out;
}

/**
 * Adds a route to the app and its description to the OpenAPI document, from the same zod schemas.
 * Query and path parameters are validated here (422 problem on failure); bodies are validated by
 * the handler with the record parsers so their reports keep their fr/ar/en messages.
 */
export function defineRoute<Q extends z.ZodType = z.ZodObject, P extends z.ZodType = z.ZodObject>(
  app: BayanApp,
  spec: RouteSpec<Q, P>,
  handler: (c: Context<BayanEnv>, input: { query: z.output<Q>; params: z.output<P> }) => Response | Promise<Response>,
): void {
  const responses = Object.fromEntries(
    Object.entries(spec.responses).map(([status, r]) => [
      status,
      r.schema ? { description: r.description, content: { [r.contentType ?? 'application/json']: { schema: r.schema } } } : { description: r.description },
    ]),
  );
  app.openAPIRegistry.registerPath({
    method: spec.method,
    path: spec.path,
    tags: [spec.tag],
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    request: {
      ...(spec.query ? { query: spec.query as unknown as z.ZodObject } : {}),
      ...(spec.params ? { params: spec.params as unknown as z.ZodObject } : {}),
      ...(spec.body
        ? { body: { required: true, description: spec.body.description, content: { [spec.body.contentType ?? 'application/json']: { schema: spec.body.schema } } } }
        : {}),
    },
    responses,
    ...(spec.auth === 'required' ? { security: [{ bearer: [] }, { session: [] }] } : {}),
  });
  const honoPath = spec.path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
  const emptyObject = z.object({});
  app.on(spec.method.toUpperCase(), honoPath, async (c) => {
    const query = (spec.query ?? emptyObject).safeParse(queryObject(c));
    if (!query.success) throw validationProblem('query', query.error.issues);
    const params = (spec.params ?? emptyObject).safeParse(c.req.param());
    if (!params.success) throw validationProblem('path', params.error.issues);
    return handler(c, { query: query.data as z.output<Q>, params: params.data as z.output<P> });
  });
}

/** A list parameter that accepts repeated keys or comma-separated values. */
export function listParam(maxItems = 50, maxLength = 200) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter((s) => s.length > 0))
    .pipe(z.array(z.string().max(maxLength)).max(maxItems))
    .optional();
}

/** An id or slug in a path. */
export const idParam = z.object({ id: z.string().min(1).max(200) });
