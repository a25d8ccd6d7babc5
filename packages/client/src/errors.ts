/** One field error of a problem+json answer. */
export interface ApiFieldError {
  pointer: string;
  code: string;
  detail: string;
}

/** An RFC 9457 problem answered by the Bayan API. */
export interface ApiProblem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: ApiFieldError[];
}

/**
 * Thrown by the client when the API answers with an error: carries the HTTP status and the
 * problem details (already in the language the client asked for).
 *
 * @example
 * ```ts
 * try { await bayan.datasets.get('missing'); } catch (e) { if (e instanceof BayanApiError && e.status === 404) … }
 * ```
 */
export class BayanApiError extends Error {
  readonly status: number;
  readonly problem: ApiProblem;
  constructor(problem: ApiProblem) {
    super(`${problem.status} ${problem.title}: ${problem.detail}`);
    this.name = 'BayanApiError';
    this.status = problem.status;
    this.problem = problem;
  }
}
