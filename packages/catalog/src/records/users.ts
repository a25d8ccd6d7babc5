import { isUniqueViolation, logActivity, transaction, type CatalogContext } from '../context';
import { newId } from '../ids';
import { failure, problems, success, type CatalogResult } from '../result';
import { hashPassword, verifyPassword } from './password';

/** A role in an organisation. Site administrators hold every right everywhere. */
export type OrganizationRole = 'admin' | 'editor' | 'viewer';

/** A user account (never carries the password hash). */
export interface User {
  id: string;
  email: string;
  name: string;
  siteAdmin: boolean;
  disabled: boolean;
  createdAt: string;
}

/** A user's role in one organisation. */
export interface Membership {
  userId: string;
  organizationId: string;
  role: OrganizationRole;
}

/** What a user may do to an organisation's content. */
export type Permission = 'read' | 'edit' | 'publish' | 'manage';

const ROLE_RIGHTS: Record<OrganizationRole, readonly Permission[]> = {
  viewer: ['read'],
  editor: ['read', 'edit'],
  admin: ['read', 'edit', 'publish', 'manage'],
};

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/;

/** Users, passwords, memberships and roles. */
export interface Users {
  /** Creates a user; the password (at least 10 characters) is stored as an scrypt hash. */
  create(input: { email: string; name: string; password?: string; siteAdmin?: boolean }): Promise<CatalogResult<User>>;
  get(idOrEmail: string): Promise<User | undefined>;
  list(): Promise<User[]>;
  /** The user when the e-mail and password match an enabled account. */
  authenticate(email: string, password: string): Promise<User | undefined>;
  /**
   * Sets a new password and ends the user's sessions, except `keepSession` (the session id of
   * the person changing it).
   */
  setPassword(id: string, password: string, options?: { keepSession?: string }): Promise<CatalogResult<true>>;
  /** Disables (ending every session at once) or re-enables an account. */
  setDisabled(id: string, disabled: boolean): Promise<void>;
  /** Gives a user a role in an organisation (replacing any previous one). */
  setRole(userId: string, organizationId: string, role: OrganizationRole): Promise<CatalogResult<Membership>>;
  removeRole(userId: string, organizationId: string): Promise<void>;
  memberships(userId: string): Promise<Membership[]>;
  members(organizationId: string): Promise<Membership[]>;
  /** Whether the user may do this to the organisation's content. */
  can(userId: string, permission: Permission, organizationId: string): Promise<boolean>;
}

function toUser(row: { id: string; email: string; name: string; site_admin: number; disabled: number; created_at: string }): User {
  return { id: row.id, email: row.email, name: row.name, siteAdmin: Number(row.site_admin) === 1, disabled: Number(row.disabled) === 1, createdAt: row.created_at };
}

function weakPassword<T>(): CatalogResult<T> {
  return failure('weak_password', '/password', {
    fr: 'le mot de passe doit compter au moins 10 caractères',
    ar: 'يجب أن تتكون كلمة المرور من 10 أحرف على الأقل',
    en: 'the password must have at least 10 characters',
  });
}

/** Builds the users part of a catalogue. */
export function createUsers(ctx: CatalogContext): Users {
  const db = () => ctx.store.db;
  const users: Users = {
    async create(input) {
      const email = input.email.trim().toLowerCase();
      if (!EMAIL.test(email)) return failure('invalid_email', '/email', { fr: 'adresse e-mail invalide', ar: 'عنوان بريد إلكتروني غير صالح', en: 'invalid e-mail address' });
      if (input.password !== undefined && input.password.length < 10) return weakPassword();
      const now = ctx.now();
      const row = {
        id: newId(),
        email,
        name: input.name.trim().slice(0, 200) || email,
        password_hash: input.password === undefined ? null : await hashPassword(input.password),
        site_admin: input.siteAdmin === true ? 1 : 0,
        disabled: 0,
        created_at: now,
        updated_at: now,
      };
      try {
        await transaction(ctx, async (trx) => {
          await trx.insertInto('users').values(row).execute();
          await logActivity(trx, { at: now, actorId: null, action: 'user.created', objectType: 'user', objectId: row.id });
        });
      } catch (error) {
        if (isUniqueViolation(error)) return problems.conflict('/email', email);
        throw error;
      }
      return success(toUser(row));
    },
    async get(idOrEmail) {
      const row = await db()
        .selectFrom('users')
        .selectAll()
        .where((eb) => eb.or([eb('id', '=', idOrEmail), eb('email', '=', idOrEmail.trim().toLowerCase())]))
        .executeTakeFirst();
      return row ? toUser(row) : undefined;
    },
    async list() {
      return (await db().selectFrom('users').selectAll().orderBy('email').execute()).map(toUser);
    },
    async authenticate(email, password) {
      const row = await db().selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
      if (!row || row.password_hash === null || Number(row.disabled) === 1) return undefined;
      return (await verifyPassword(password, row.password_hash)) ? toUser(row) : undefined;
    },
    async setPassword(id, password, options = {}) {
      if (password.length < 10) return weakPassword();
      const hash = await hashPassword(password);
      return transaction(ctx, async (trx) => {
        const now = ctx.now();
        const result = await trx.updateTable('users').set({ password_hash: hash, updated_at: now }).where('id', '=', id).executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) return problems.notFound<true>('utilisateur / user', id);
        let sessions = trx.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', id).where('revoked_at', 'is', null);
        if (options.keepSession !== undefined) sessions = sessions.where('id', '!=', options.keepSession);
        await sessions.execute();
        return success(true as const);
      });
    },
    async setDisabled(id, disabled) {
      await transaction(ctx, async (trx) => {
        const now = ctx.now();
        await trx.updateTable('users').set({ disabled: disabled ? 1 : 0, updated_at: now }).where('id', '=', id).execute();
        if (disabled) await trx.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', id).where('revoked_at', 'is', null).execute();
      });
    },
    async setRole(userId, organizationId, role) {
      if (!(role in ROLE_RIGHTS)) return problems.invalid('/role', `rôle inconnu : ${role}`, `دور غير معروف: ${role}`, `unknown role: ${role}`);
      return transaction(ctx, async (trx) => {
        const user = await trx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
        if (!user) return problems.unknownReference<Membership>('/userId', 'utilisateur / user', userId);
        const org = await trx.selectFrom('organizations').select('id').where('id', '=', organizationId).executeTakeFirst();
        if (!org) return problems.unknownReference<Membership>('/organizationId', 'organisation', organizationId);
        await trx.deleteFrom('memberships').where('user_id', '=', userId).where('organization_id', '=', organizationId).execute();
        await trx.insertInto('memberships').values({ user_id: userId, organization_id: organizationId, role, created_at: ctx.now() }).execute();
        await logActivity(trx, { at: ctx.now(), actorId: null, action: 'membership.set', objectType: 'organization', objectId: organizationId, details: { userId, role } });
        return success({ userId, organizationId, role });
      });
    },
    async removeRole(userId, organizationId) {
      await db().deleteFrom('memberships').where('user_id', '=', userId).where('organization_id', '=', organizationId).execute();
    },
    async memberships(userId) {
      const rows = await db().selectFrom('memberships').selectAll().where('user_id', '=', userId).orderBy('organization_id').execute();
      return rows.map((r) => ({ userId: r.user_id, organizationId: r.organization_id, role: r.role as OrganizationRole }));
    },
    async members(organizationId) {
      const rows = await db().selectFrom('memberships').selectAll().where('organization_id', '=', organizationId).orderBy('user_id').execute();
      return rows.map((r) => ({ userId: r.user_id, organizationId: r.organization_id, role: r.role as OrganizationRole }));
    },
    async can(userId, permission, organizationId) {
      const user = await db().selectFrom('users').select(['site_admin', 'disabled']).where('id', '=', userId).executeTakeFirst();
      if (!user || Number(user.disabled) === 1) return false;
      if (Number(user.site_admin) === 1) return true;
      const m = await db().selectFrom('memberships').select('role').where('user_id', '=', userId).where('organization_id', '=', organizationId).executeTakeFirst();
      return m !== undefined && (ROLE_RIGHTS[m.role as OrganizationRole] ?? []).includes(permission);
    },
  };
  return users;
}
