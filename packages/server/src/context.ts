import type { Language } from '@bayan/schema';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Principal } from './principal';
import type { SessionClaims } from './session';

/** Hono environment of Bayan's server: what middlewares put on each request's context. */
export interface BayanEnv {
  Variables: {
    lang: Language;
    ip: string;
    principal: Principal | undefined;
    session: SessionClaims | undefined;
  };
}

/** The Hono application type used by every router module. */
export type BayanApp = OpenAPIHono<BayanEnv>;
