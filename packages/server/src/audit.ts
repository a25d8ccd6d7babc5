/** One audited write: who did what to which resource, from where, and how it ended. */
export interface AuditEntry {
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
