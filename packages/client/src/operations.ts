/** One API operation the client calls: HTTP method and OpenAPI path template. */
export interface Operation {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
}

/**
 * Every operation of the typed client, by name. A test checks each against the server's
 * OpenAPI document, so the client cannot drift from the API.
 */
export const operations = {
  searchDatasets: { method: 'get', path: '/api/v1/datasets' },
  getDataset: { method: 'get', path: '/api/v1/datasets/{id}' },
  createDataset: { method: 'post', path: '/api/v1/datasets' },
  updateDataset: { method: 'put', path: '/api/v1/datasets/{id}' },
  deleteDataset: { method: 'delete', path: '/api/v1/datasets/{id}' },
  submitDataset: { method: 'post', path: '/api/v1/datasets/{id}/submit' },
  publishDataset: { method: 'post', path: '/api/v1/datasets/{id}/publish' },
  withdrawDataset: { method: 'post', path: '/api/v1/datasets/{id}/withdraw' },
  listRevisions: { method: 'get', path: '/api/v1/datasets/{id}/revisions' },
  getRevision: { method: 'get', path: '/api/v1/datasets/{id}/revisions/{revision}' },
  restoreRevision: { method: 'post', path: '/api/v1/datasets/{id}/revisions/{revision}/restore' },
  datasetQuality: { method: 'get', path: '/api/v1/datasets/{id}/quality' },
  datasetValidation: { method: 'get', path: '/api/v1/datasets/{id}/validation' },
  datasetSchemaOrg: { method: 'get', path: '/api/v1/datasets/{id}/schema-org' },
  uploadDistribution: { method: 'post', path: '/api/v1/datasets/{id}/distributions/upload' },
  listOrganizations: { method: 'get', path: '/api/v1/organizations' },
  getOrganization: { method: 'get', path: '/api/v1/organizations/{id}' },
  createOrganization: { method: 'post', path: '/api/v1/organizations' },
  updateOrganization: { method: 'put', path: '/api/v1/organizations/{id}' },
  organizationScorecard: { method: 'get', path: '/api/v1/organizations/{id}/scorecard' },
  organizationInventory: { method: 'get', path: '/api/v1/organizations/{id}/inventory' },
  createInventoryEntry: { method: 'post', path: '/api/v1/inventory' },
  updateInventoryEntry: { method: 'put', path: '/api/v1/inventory/{id}' },
  deleteInventoryEntry: { method: 'delete', path: '/api/v1/inventory/{id}' },
  getDatastore: { method: 'get', path: '/api/v1/datastore/{resourceId}' },
  queryDatastore: { method: 'post', path: '/api/v1/datastore/{resourceId}/query' },
  signIn: { method: 'post', path: '/api/v1/session' },
  currentSession: { method: 'get', path: '/api/v1/session' },
  signOut: { method: 'delete', path: '/api/v1/session' },
  listTokens: { method: 'get', path: '/api/v1/users/{id}/tokens' },
  createToken: { method: 'post', path: '/api/v1/users/{id}/tokens' },
  revokeToken: { method: 'delete', path: '/api/v1/users/{id}/tokens/{tokenId}' },
  listSessions: { method: 'get', path: '/api/v1/users/{id}/sessions' },
  revokeSession: { method: 'delete', path: '/api/v1/users/{id}/sessions/{sessionId}' },
  revokeAllSessions: { method: 'post', path: '/api/v1/users/{id}/sessions/revoke-all' },
  changePassword: { method: 'put', path: '/api/v1/users/{id}/password' },
  activity: { method: 'get', path: '/api/v1/activity' },
} as const satisfies Record<string, Operation>;

/** The name of a client operation. */
export type OperationName = keyof typeof operations;
