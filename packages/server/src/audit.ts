import type { AuditLogEntry } from '@bayan/catalog';

/** One audited write as the server records it: the catalogue's audit entry before it has an id. */
export type AuditEntry = Omit<AuditLogEntry, 'id'>;
