// The management API calls of the project pages and the Grants tab: projects, roles, API apps,
// app keys and user grants (docs/api.md). Lists ask for the API's maximum page (1000).
import { call } from './api.js';

const M = '/management/v1';
const all = { query: { offset: '0', limit: 1000, asc: true } };
const id = encodeURIComponent;
const project = (projectId) => `${M}/projects/${id(projectId)}`;
const app = (projectId, appId) => `${project(projectId)}/apps/${id(appId)}`;
// A role key may hold '/', which the route takes literally ({roleKey=**}): encode the segments only.
const roleKey = (key) => key.split('/').map(id).join('/');

export const BASIC = 'API_AUTH_METHOD_TYPE_BASIC';
export const PRIVATE_KEY_JWT = 'API_AUTH_METHOD_TYPE_PRIVATE_KEY_JWT';

export const projectsApi = {
  projects: () => call('POST', `${M}/projects/_search`, all),
  createProject: (name) => call('POST', `${M}/projects`, { name }),
  project: (projectId) => call('GET', project(projectId)),
  // PUT replaces every field: the flags are sent back as they were.
  renameProject: (p, name) => call('PUT', project(p.id), { name,
    projectRoleAssertion: Boolean(p.projectRoleAssertion), projectRoleCheck: Boolean(p.projectRoleCheck),
    hasProjectCheck: Boolean(p.hasProjectCheck),
    privateLabelingSetting: p.privateLabelingSetting || 'PRIVATE_LABELING_SETTING_UNSPECIFIED' }),
  setProjectActive: (projectId, active) =>
    call('POST', `${project(projectId)}/${active ? '_reactivate' : '_deactivate'}`, {}),
  deleteProject: (projectId) => call('DELETE', project(projectId)),
  roles: (projectId) => call('POST', `${project(projectId)}/roles/_search`, all),
  addRole: (projectId, key, displayName, group) =>
    call('POST', `${project(projectId)}/roles`, { roleKey: key, displayName, group }),
  deleteRole: (projectId, key) => call('DELETE', `${project(projectId)}/roles/${roleKey(key)}`),
  apps: (projectId) => call('POST', `${project(projectId)}/apps/_search`, all),
  createApiApp: (projectId, name, authMethodType) =>
    call('POST', `${project(projectId)}/apps/api`, { name, authMethodType }),
  app: (projectId, appId) => call('GET', app(projectId, appId)),
  newAppSecret: (projectId, appId) => call('POST', `${app(projectId, appId)}/api_config/_generate_client_secret`, {}),
  deleteApp: (projectId, appId) => call('DELETE', app(projectId, appId)),
  appKeys: (projectId, appId) => call('POST', `${app(projectId, appId)}/keys/_search`, all),
  createAppKey: (projectId, appId, expirationDate) =>
    call('POST', `${app(projectId, appId)}/keys`, { type: 'KEY_TYPE_JSON', expirationDate }),
  deleteAppKey: (projectId, appId, keyId) => call('DELETE', `${app(projectId, appId)}/keys/${id(keyId)}`),
  userGrants: (userId) => call('POST', `${M}/users/grants/_search`,
    { ...all, queries: [{ userIdQuery: { userId } }] }),
  addUserGrant: (userId, projectId, roleKeys) => call('POST', `${M}/users/${id(userId)}/grants`, { projectId, roleKeys }),
  removeUserGrant: (userId, grantId) => call('DELETE', `${M}/users/${id(userId)}/grants/${id(grantId)}`),
};
