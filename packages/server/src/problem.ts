import type { Language, LocalizedMessage } from '@bayan/schema';
import type { Context } from 'hono';
import { problemMessages, problemStatus, problemTitles, type ProblemType } from './messages';

/** One field-level problem inside a problem+json body (`errors[]`). */
export interface ProblemFieldError {
  /** JSON pointer into the request: `/body/title`, `/query/rows`. */
  pointer: string;
  /** Stable code, e.g. `required`, `too_big`, `invalid_type`. */
  code: string;
  /** The message in the request's language. */
  detail: string;
}

/** An RFC 9457 problem details object as Bayan sends it. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: ProblemFieldError[];
  [extension: string]: unknown;
}

interface ProblemInit {
  detail?: LocalizedMessage;
  errors?: { pointer: string; code: string; message: LocalizedMessage }[];
  headers?: Record<string, string>;
  extensions?: Record<string, unknown>;
}

/**
 * Thrown by handlers and middlewares to answer with an RFC 9457 problem: the error handler turns
 * it into `application/problem+json` in the request's language. Throwing it is the programmer's
 * way to stop a request; it never reaches the client as a stack trace.
 *
 * @example
 * ```ts
 * throw new ProblemError('not-found');
 * ```
 */
export class ProblemError extends Error {
  readonly problem: ProblemType;
  readonly init: ProblemInit;
  constructor(problem: ProblemType, init: ProblemInit = {}) {
    super(init.detail?.en ?? problemMessages[problem].en);
    this.name = 'ProblemError';
    this.problem = problem;
    this.init = init;
  }
  get status(): number {
    return problemStatus[this.problem];
  }
}

/** The `type` URI of a problem (relative, resolved against the API's origin). */
export function problemTypeUri(problem: ProblemType): string {
  return `/api/v1/problems/${problem}`;
}

/**
 * Builds the RFC 9457 problem details body for `problem` in `lang`.
 *
 * @example
 * ```ts
 * problemBody('not-found', 'ar').title; // the Arabic title of a 404
 * ```
 */
export function problemBody(problem: ProblemType, lang: Language, init: ProblemInit = {}, instance?: string): ProblemDetails {
  const body: ProblemDetails = {
    type: problemTypeUri(problem),
    title: problemTitles[problem][lang],
    status: problemStatus[problem],
    detail: (init.detail ?? problemMessages[problem])[lang],
    ...(instance ? { instance } : {}),
    ...init.extensions,
  };
  if (init.errors && init.errors.length > 0) {
    body.errors = init.errors.map((e) => ({ pointer: e.pointer, code: e.code, detail: e.message[lang] }));
  }
  return body;
}

/** Answers a request with a problem+json body in the request's language. */
export function problemResponse(c: Context, error: ProblemError): Response {
  const lang = (c.get('lang') as Language | undefined) ?? 'fr';
  const body = problemBody(error.problem, lang, error.init, new URL(c.req.url).pathname);
  return new Response(JSON.stringify(body), {
    status: error.status,
    headers: {
      'content-type': 'application/problem+json; charset=utf-8',
      'content-language': lang,
      'cache-control': 'no-store',
      ...error.init.headers,
    },
  });
}
