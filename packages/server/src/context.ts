import type { StoredSession } from '@bayan/catalog';
import type { Language } from '@bayan/schema';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Principal } from './principal';

/** The session a request was signed in with: the stored row and the secret its cookie carried. */
export type RequestSession = StoredSession & { secret: string };

/** Hono environment of Bayan's server: what middlewares put on each request's context. */
export interface BayanEnv {
  Variables: {
    lang: Language;
    ip: string;
    principal: Principal | undefined;
    session: RequestSession | undefined;
  };
}

/** The Hono application type used by every router module. */
export type BayanApp = OpenAPIHono<BayanEnv>;
