// The management API, called with the signed-in PAT. The token lives only in this tab's
// sessionStorage and travels only in the Authorization header, never in a URL.

const KEY = 'warden.console.pat';
const ORG = 'warden.console.org';

export const session = {
  token: () => sessionStorage.getItem(KEY),
  signIn: (token) => { sessionStorage.clear(); sessionStorage.setItem(KEY, token); },
  signOut: () => sessionStorage.clear(),
  /** The organization the console acts on: {id, name, switched}; switched sends x-zitadel-orgid. */
  org: () => JSON.parse(sessionStorage.getItem(ORG) || 'null'),
  setOrg: (org) => sessionStorage.setItem(ORG, JSON.stringify(org)),
};

/** An API refusal, with a message a person can act on. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function inWords(status, apiMessage) {
  const detail = apiMessage ? ` (Warden said: ${apiMessage})` : '';
  switch (status) {
    case 401: return `The token was refused: it is unknown, expired or deleted${detail}.`;
    case 403: return `Your token's user is not allowed to do this${detail}.`;
    case 404: return `Not found: it may have been deleted, or your token cannot see it${detail}.`;
    case 409: return `That already exists${detail}.`;
    case 429: return 'Too many requests: wait a moment and try again.';
    default:
      if (status >= 500) return `Warden failed to answer (HTTP ${status}); try again later.`;
      return apiMessage ? `Not accepted: ${apiMessage}` : `The request failed (HTTP ${status}).`;
  }
}

/** Calls the API with the session's token; resolves to the JSON answer or throws an ApiError. */
export async function call(method, path, body, token = session.token()) {
  let response;
  // After an IAM_OWNER switched organization, every management call names it (as ZITADEL's clients do).
  const org = session.org();
  const switched = org && org.switched && token === session.token() && path.startsWith('/management/');
  const orgHeader = switched ? { 'x-zitadel-orgid': org.id } : {};
  try {
    response = await fetch(path, {
      method,
      headers: { 'Authorization': `Bearer ${token}`, 'Accept': 'application/json', ...orgHeader,
                 ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer',
    });
  } catch (e) {
    throw new ApiError(0, 'Warden could not be reached: check that it is running and try again.');
  }
  const text = await response.text();
  let json = {};
  try { json = text ? JSON.parse(text) : {}; } catch (e) { json = {}; }
  if (!response.ok) throw new ApiError(response.status, inWords(response.status, json.message));
  return json;
}

const M = '/management/v1';
const page = { offset: '0', limit: 100, asc: true };

export const api = {
  org: (token) => call('GET', `${M}/orgs/me`, undefined, token),
  users: (userName, offset = 0, limit = page.limit) => call('POST', `${M}/users/_search`, {
    query: { offset: String(offset), limit, asc: true }, sortingColumn: 'USER_FIELD_NAME_USER_NAME',
    queries: [{ typeQuery: { type: 'TYPE_MACHINE' } }].concat(userName
      ? [{ userNameQuery: { userName, method: 'TEXT_QUERY_METHOD_CONTAINS_IGNORE_CASE' } }] : []),
  }),
  createUser: (userName, name) => call('POST', `${M}/users/machine`,
    { userName, name, accessTokenType: 'ACCESS_TOKEN_TYPE_BEARER' }),
  user: (id) => call('GET', `${M}/users/${encodeURIComponent(id)}`),
  pats: (id) => call('POST', `${M}/users/${encodeURIComponent(id)}/pats/_search`, { query: page }),
  createPat: (id, expirationDate) => call('POST', `${M}/users/${encodeURIComponent(id)}/pats`,
    expirationDate ? { expirationDate } : {}),
  deletePat: (id, tokenId) =>
    call('DELETE', `${M}/users/${encodeURIComponent(id)}/pats/${encodeURIComponent(tokenId)}`),
  updateUser: (id, name, description, accessTokenType) => call('PUT', `${M}/users/${encodeURIComponent(id)}/machine`,
    { name, description, accessTokenType }),
  setUserActive: (id, active) =>
    call('POST', `${M}/users/${encodeURIComponent(id)}/${active ? '_reactivate' : '_deactivate'}`, {}),
  deleteUser: (id) => call('DELETE', `${M}/users/${encodeURIComponent(id)}`),
  generateSecret: (id) => call('PUT', `${M}/users/${encodeURIComponent(id)}/secret`, {}),
  removeSecret: (id) => call('DELETE', `${M}/users/${encodeURIComponent(id)}/secret`),
  memberRoles: () => call('POST', `${M}/orgs/members/roles/_search`, {}),
  members: () => call('POST', `${M}/orgs/me/members/_search`, { query: { offset: '0', limit: 1000 } }),
  addMember: (userId, roles) => call('POST', `${M}/orgs/me/members`, { userId, roles }),
  updateMember: (userId, roles) => call('PUT', `${M}/orgs/me/members/${encodeURIComponent(userId)}`, { roles }),
  renameUser: (id, userName) => call('PUT', `${M}/users/${encodeURIComponent(id)}/username`, { userName }),
};
