import type { Catalog } from '@bayan/catalog';
import { sql } from 'kysely';
import type { AuditEntry } from './audit';
import type { AuthBackend, StoredApiToken } from './authBackend';

type ServerTables = {
  server_api_tokens: {
    id: string;
    user_id: string;
    prefix: string;
    hash: string;
    name: string;
    created_at: string;
    expires_at: string | null;
    revoked_at: string | null;
    last_used_at: string | null;
  };
  server_audit: {
    at: string;
    actor_id: string | null;
    action: string;
    path: string;
    status: number;
    ip: string;
    via: string;
  };
};

// The server's own two tables live beside the catalogue's, created idempotently on start: API
// tokens (hashed; looked up by prefix) and the HTTP audit trail (one row per write request).
const DDL = [
  `CREATE TABLE IF NOT EXISTS server_api_tokens (id text PRIMARY KEY, user_id text NOT NULL, prefix text NOT NULL UNIQUE, hash text NOT NULL, name text NOT NULL, created_at text NOT NULL, expires_at text, revoked_at text, last_used_at text)`,
  `CREATE INDEX IF NOT EXISTS server_api_tokens_user ON server_api_tokens (user_id, created_at)`,
  `CREATE TABLE IF NOT EXISTS server_audit (at text NOT NULL, actor_id text, action text NOT NULL, path text NOT NULL, status integer NOT NULL, ip text NOT NULL, via text NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS server_audit_at ON server_audit (at)`,
];

function toToken(row: ServerTables['server_api_tokens']): StoredApiToken {
  return {
    id: row.id,
    userId: row.user_id,
    prefix: row.prefix,
    hash: row.hash,
    name: row.name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}

/** The audit trail as stored, newest first. */
export type AuditReader = (options?: { limit?: number; actorId?: string }) => Promise<AuditEntry[]>;

/**
 * The default `AuthBackend`: users and memberships from `@bayan/catalog`, API tokens and the audit
 * trail in two tables of the same database (created when missing).
 *
 * @example
 * ```ts
 * const auth = await catalogAuthBackend(catalog);
 * ```
 */
export async function catalogAuthBackend(catalog: Catalog): Promise<AuthBackend & { readAudit: AuditReader }> {
  const db = catalog.store.db.withTables<ServerTables>();
  for (const statement of DDL) await sql.raw(statement).execute(db);
  return {
    async authenticate(email, password) {
      return (await catalog.users.authenticate(email.slice(0, 320), password.slice(0, 1024)))?.id;
    },
    async loadPrincipal(userId) {
      const user = await catalog.users.get(userId);
      if (!user || user.disabled || user.id !== userId) return undefined;
      const memberships = await catalog.users.memberships(userId);
      return {
        userId: user.id,
        email: user.email,
        name: user.name,
        siteAdmin: user.siteAdmin,
        memberships: memberships.map((m) => ({ organizationId: m.organizationId, role: m.role })),
      };
    },
    async findApiToken(prefix) {
      const row = await db.selectFrom('server_api_tokens').selectAll().where('prefix', '=', prefix).executeTakeFirst();
      return row ? toToken(row) : undefined;
    },
    async createApiToken(token) {
      await db
        .insertInto('server_api_tokens')
        .values({
          id: token.id,
          user_id: token.userId,
          prefix: token.prefix,
          hash: token.hash,
          name: token.name,
          created_at: token.createdAt,
          expires_at: token.expiresAt,
          revoked_at: token.revokedAt,
          last_used_at: null,
        })
        .execute();
    },
    async listApiTokens(userId) {
      const rows = await db.selectFrom('server_api_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
      return rows.map(toToken);
    },
    async revokeApiToken(id, at) {
      const result = await db.updateTable('server_api_tokens').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async recordAudit(entry) {
      await db
        .insertInto('server_audit')
        .values({ at: entry.at, actor_id: entry.actorId, action: entry.action.slice(0, 300), path: entry.path, status: entry.status, ip: entry.ip, via: entry.via })
        .execute();
    },
    async readAudit(options = {}) {
      let q = db.selectFrom('server_audit').selectAll().orderBy('at', 'desc').limit(Math.max(1, Math.min(1000, options.limit ?? 100)));
      if (options.actorId !== undefined) q = q.where('actor_id', '=', options.actorId);
      const rows = await q.execute();
      return rows.map((r) => ({ at: r.at, actorId: r.actor_id, action: r.action, path: r.path, status: Number(r.status), ip: r.ip, via: r.via as AuditEntry['via'] }));
    },
  };
}
