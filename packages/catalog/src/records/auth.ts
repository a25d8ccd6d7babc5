import { createHash, randomBytes } from 'node:crypto';
import { isUniqueViolation, type CatalogContext } from '../context';
import type { ApiTokensTable, AuditLogTable, SessionsTable } from '../db/tables';
import { newId } from '../ids';
import { failure, problems, success, type CatalogResult } from '../result';

/** An API token as stored: never the secret, only its lookup prefix and SHA-256. */
export interface StoredApiToken {
  id: string;
  userId: string;
  /** The public lookup key, shown in token lists. */
  prefix: string;
  /** SHA-256 (hex) of the whole token. */
  hash: string;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** A sign-in session as stored: the secret the browser holds is never stored, only its SHA-256. */
export interface StoredSession {
  /** A public id (not the secret), to list and revoke sessions. */
  id: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
  userAgent: string | null;
  revokedAt: string | null;
}

/** One audited write request. */
export interface AuditLogEntry {
  /** Increasing with every entry. */
  id: number;
  at: string;
  actorId: string | null;
  /** `POST /api/v1/datasets` style: method and route pattern. */
  action: string;
  /** The concrete path requested. */
  path: string;
  status: number;
  ip: string;
  via: 'session' | 'token' | 'anonymous';
}

/** API tokens: stored hashed, looked up by prefix, revocable. */
export interface ApiTokens {
  /** Stores a token for an existing user; the caller makes the secret and gives its prefix and hash. */
  create(input: { userId: string; prefix: string; hash: string; name: string; expiresAt?: string | null }): Promise<CatalogResult<StoredApiToken>>;
  /** The token with this prefix, revoked and expired ones included (so the caller can say why it fails). */
  findByPrefix(prefix: string): Promise<StoredApiToken | undefined>;
  get(id: string): Promise<StoredApiToken | undefined>;
  /** A user's tokens, newest first. */
  list(userId: string): Promise<StoredApiToken[]>;
  /** Revokes a token (of `userId` when given); false when there is no such unrevoked token. */
  revoke(id: string, options?: { userId?: string }): Promise<boolean>;
  /** Records a use; written at most once per `everySeconds` (default 300) per token. */
  touch(token: StoredApiToken, everySeconds?: number): Promise<void>;
}

/** Server-side sessions: each one revocable at once, expired ones pruned. */
export interface Sessions {
  /**
   * Starts a session for an existing user: `secret` (32 random bytes, base64url) is for the
   * cookie and is not stored; only its SHA-256 is.
   */
  create(input: { userId: string; ttlSeconds: number; userAgent?: string | null }): Promise<CatalogResult<{ secret: string; session: StoredSession }>>;
  /**
   * The active (unrevoked, unexpired) session whose secret this is, or undefined. Refreshes
   * `lastSeenAt` when it is older than `touchAfterSeconds` (default 60).
   */
  verify(secret: string, options?: { touchAfterSeconds?: number }): Promise<StoredSession | undefined>;
  /** A user's active sessions, newest first. */
  list(userId: string): Promise<StoredSession[]>;
  /** Revokes one active session (of `userId` when given); false when there is none. */
  revoke(id: string, options?: { userId?: string }): Promise<boolean>;
  /** Revokes every active session of a user, but `except` (a session id); returns how many. */
  revokeForUser(userId: string, options?: { except?: string }): Promise<number>;
  /** Deletes expired sessions (revoked or not); returns how many. */
  prune(): Promise<number>;
}

/** The audit trail of write requests. */
export interface AuditLog {
  record(entry: Omit<AuditLogEntry, 'id'>): Promise<void>;
  /** Newest first; `before` an entry id to page back. `limit` 1–1,000, default 100. */
  list(options?: { limit?: number; actorId?: string; before?: number }): Promise<AuditLogEntry[]>;
}

/** Authentication records of a catalogue: API tokens, sessions and the audit trail. */
export interface Auth {
  readonly tokens: ApiTokens;
  readonly sessions: Sessions;
  readonly audit: AuditLog;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function toToken(row: ApiTokensTable): StoredApiToken {
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

function toSession(row: Omit<SessionsTable, 'token_hash'>): StoredSession {
  return { id: row.id, userId: row.user_id, createdAt: row.created_at, expiresAt: row.expires_at, lastSeenAt: row.last_seen_at, userAgent: row.user_agent, revokedAt: row.revoked_at };
}

function toAudit(row: Omit<AuditLogTable, 'id'> & { id: number }): AuditLogEntry {
  return { id: Number(row.id), at: row.at, actorId: row.actor_id, action: row.action, path: row.path, status: Number(row.status), ip: row.ip, via: row.via as AuditLogEntry['via'] };
}

function secondsBefore(iso: string, seconds: number): string {
  return new Date(Date.parse(iso) - seconds * 1000).toISOString();
}

const SESSION_COLUMNS = ['id', 'user_id', 'created_at', 'expires_at', 'last_seen_at', 'user_agent', 'revoked_at'] as const;

// Sessions are secrets of 256 bits, so a fast hash is enough; the longest accepted secret bounds
// what reaches the hash and the index.
const MAX_SECRET = 128;

/**
 * Builds the authentication records of a catalogue.
 *
 * @example
 * ```ts
 * const { secret, session } = (await catalog.auth.sessions.create({ userId, ttlSeconds: 8 * 3600 })).value;
 * await catalog.auth.sessions.verify(secret); // the session, until revoked or expired
 * ```
 */
export function createAuth(ctx: CatalogContext): Auth {
  const db = () => ctx.store.db;
  const userExists = async (userId: string) => (await db().selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst()) !== undefined;

  const tokens: ApiTokens = {
    async create(input) {
      if (!(await userExists(input.userId))) return problems.unknownReference('/userId', 'utilisateur / user', input.userId);
      const name = input.name.trim().slice(0, 100);
      if (name === '') return failure('required', '/name', { fr: 'le nom du jeton est requis', ar: 'اسم الرمز مطلوب', en: 'the token needs a name' });
      const row: ApiTokensTable = {
        id: newId(),
        user_id: input.userId,
        prefix: input.prefix,
        hash: input.hash,
        name,
        created_at: ctx.now(),
        expires_at: input.expiresAt ?? null,
        revoked_at: null,
        last_used_at: null,
      };
      try {
        await db().insertInto('api_tokens').values(row).execute();
      } catch (error) {
        if (isUniqueViolation(error)) return problems.conflict('/prefix', input.prefix);
        throw error;
      }
      return success(toToken(row));
    },
    async findByPrefix(prefix) {
      const row = await db().selectFrom('api_tokens').selectAll().where('prefix', '=', prefix).executeTakeFirst();
      return row ? toToken(row) : undefined;
    },
    async get(id) {
      const row = await db().selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toToken(row) : undefined;
    },
    async list(userId) {
      const rows = await db().selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
      return rows.map(toToken);
    },
    async revoke(id, options = {}) {
      let q = db().updateTable('api_tokens').set({ revoked_at: ctx.now() }).where('id', '=', id).where('revoked_at', 'is', null);
      if (options.userId !== undefined) q = q.where('user_id', '=', options.userId);
      return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
    },
    async touch(token, everySeconds = 300) {
      const now = ctx.now();
      if (token.lastUsedAt !== null && token.lastUsedAt > secondsBefore(now, everySeconds)) return;
      await db().updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', token.id).execute();
    },
  };

  const sessions: Sessions = {
    async create(input) {
      if (!(await userExists(input.userId))) return problems.unknownReference('/userId', 'utilisateur / user', input.userId);
      if (!Number.isFinite(input.ttlSeconds) || input.ttlSeconds <= 0) return problems.invalid('/ttlSeconds', 'durée invalide', 'مدة غير صالحة', 'invalid duration');
      const now = ctx.now();
      const secret = randomBytes(32).toString('base64url');
      const row: SessionsTable = {
        id: newId(),
        token_hash: sha256(secret),
        user_id: input.userId,
        created_at: now,
        expires_at: new Date(Date.parse(now) + input.ttlSeconds * 1000).toISOString(),
        last_seen_at: now,
        user_agent: input.userAgent?.slice(0, 300) ?? null,
        revoked_at: null,
      };
      await db().insertInto('sessions').values(row).execute();
      return success({ secret, session: toSession(row) });
    },
    async verify(secret, options = {}) {
      if (secret.length === 0 || secret.length > MAX_SECRET) return undefined;
      const now = ctx.now();
      const row = await db()
        .selectFrom('sessions')
        .select(SESSION_COLUMNS)
        .where('token_hash', '=', sha256(secret))
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      if (!row) return undefined;
      if (row.last_seen_at <= secondsBefore(now, options.touchAfterSeconds ?? 60)) {
        await db().updateTable('sessions').set({ last_seen_at: now }).where('id', '=', row.id).execute();
        row.last_seen_at = now;
      }
      return toSession(row);
    },
    async list(userId) {
      const rows = await db()
        .selectFrom('sessions')
        .select(SESSION_COLUMNS)
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', ctx.now())
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toSession);
    },
    async revoke(id, options = {}) {
      let q = db().updateTable('sessions').set({ revoked_at: ctx.now() }).where('id', '=', id).where('revoked_at', 'is', null);
      if (options.userId !== undefined) q = q.where('user_id', '=', options.userId);
      return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
    },
    async revokeForUser(userId, options = {}) {
      const now = ctx.now();
      let q = db().updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).where('expires_at', '>', now);
      if (options.except !== undefined) q = q.where('id', '!=', options.except);
      return Number((await q.executeTakeFirst()).numUpdatedRows);
    },
    async prune() {
      return Number((await db().deleteFrom('sessions').where('expires_at', '<=', ctx.now()).executeTakeFirst()).numDeletedRows);
    },
  };

  const audit: AuditLog = {
    async record(entry) {
      await db()
        .insertInto('audit_log')
        .values({ at: entry.at, actor_id: entry.actorId, action: entry.action.slice(0, 300), path: entry.path.slice(0, 2048), status: entry.status, ip: entry.ip.slice(0, 64), via: entry.via })
        .execute();
    },
    async list(options = {}) {
      let q = db()
        .selectFrom('audit_log')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(Math.max(1, Math.min(1000, Math.trunc(options.limit ?? 100))));
      if (options.actorId !== undefined) q = q.where('actor_id', '=', options.actorId);
      if (options.before !== undefined) q = q.where('id', '<', options.before);
      return (await q.execute()).map(toAudit);
    },
  };

  return { tokens, sessions, audit };
}
