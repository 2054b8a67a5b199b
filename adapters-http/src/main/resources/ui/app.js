// The Warden console: hash routes (#/org, #/users, #/users/new, #/users/<id>/pats|secret|roles), each
// rendering into <main id="view">. All text from the API goes in through dom.js as text.
import { api, session, ApiError } from './api.js';
import { h, errorBox, replace, when } from './dom.js';

const view = document.getElementById('view');
const nav = document.getElementById('nav');

document.getElementById('sign-out').addEventListener('click', () => {
  session.signOut();
  location.hash = '#/signin';
  route();
});
window.addEventListener('hashchange', route);
route();

function route() {
  document.querySelectorAll('dialog').forEach((d) => d.remove());
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (!session.token() || parts[0] === 'signin') {
    nav.hidden = true;
    return signInPage();
  }
  nav.hidden = false;
  if (parts[0] === 'users' && parts[1] === 'new') return newUserPage();
  if (parts[0] === 'users' && parts[1]) {
    return userPage(parts[1], ['roles', 'secret'].includes(parts[2]) ? parts[2] : 'pats');
  }
  if (parts[0] === 'users') return usersPage();
  return orgPage();
}

function show(title, ...content) {
  document.title = `${title} · Warden console`;
  replace(view, h('h1', {}, title), ...content);
  view.focus();
}

/** Runs an API call, showing progress in `status` and the error in words there if it fails. */
async function attempt(status, work) {
  replace(status, h('p', { class: 'busy' }, 'Working…'));
  try {
    const result = await work();
    replace(status);
    return result;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401 && session.token()) {
      // The signed-in token itself was refused (expired or deleted): back to the sign-in page.
      session.signOut();
      location.hash = '#/signin';
      route();
      const where = document.getElementById('signin-status');
      if (where) replace(where, errorBox(`${e.message} Sign in again.`));
      return undefined;
    }
    replace(status, errorBox(e.message));
    return undefined;
  }
}

function signInPage() {
  const status = h('div', { id: 'signin-status' });
  const field = h('input', { type: 'password', id: 'pat', name: 'pat', autocomplete: 'off', required: true,
    'aria-describedby': 'pat-hint' });
  const form = h('form', { class: 'stack', id: 'signin-form' },
    h('label', { for: 'pat' }, 'Personal access token', field),
    h('p', { class: 'hint', id: 'pat-hint' },
      'The token of a user with a management role, such as the admin token in Warden\'s data directory '
      + '(admin.pat). It is kept only in this browser tab and forgotten when you sign out or close the tab.'),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'signin' }, 'Sign in')),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const token = field.value.trim();
    if (!token) return replace(status, errorBox('Paste a personal access token first.'));
    const org = await attempt(status, () => api.org(token));
    if (!org) return field.focus();
    session.signIn(token);
    location.hash = '#/org';
    route();
  });
  show('Sign in', h('div', { class: 'card' }, form));
  field.focus();
}

async function orgPage() {
  const status = h('div');
  const body = h('div', { class: 'card', id: 'org' });
  show('Organization', status, body);
  const answer = await attempt(status, () => api.org());
  if (!answer) return;
  const org = answer.org || {};
  replace(body, h('dl', { class: 'facts' },
    h('dt', {}, 'Name'), h('dd', { id: 'org-name' }, org.name),
    h('dt', {}, 'ID'), h('dd', { id: 'org-id' }, org.id),
    h('dt', {}, 'Primary domain'), h('dd', { id: 'org-domain' }, org.primaryDomain),
    h('dt', {}, 'State'), h('dd', {}, org.state)));
}

async function usersPage() {
  const status = h('div');
  const list = h('div', { id: 'users' });
  const search = h('input', { type: 'search', id: 'user-search', name: 'q' });
  const form = h('form', { class: 'actions', role: 'search' },
    h('label', { for: 'user-search' }, 'Search by user name', search),
    h('button', { type: 'submit', class: 'secondary' }, 'Search'));
  show('Service users',
    h('div', { class: 'actions' }, h('a', { href: '#/users/new', id: 'new-user' }, 'New service user')),
    form, status, list);
  const load = async () => {
    const answer = await attempt(status, () => api.users(search.value.trim()));
    if (!answer) return;
    const users = answer.result || [];
    if (users.length === 0) {
      return replace(list, h('p', { class: 'empty', id: 'users-empty' },
        search.value.trim() ? 'No service user matches.' : 'No service users yet. Create one with "New service user".'));
    }
    replace(list, h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'User name'), h('th', { scope: 'col' }, 'Display name'),
        h('th', { scope: 'col' }, 'State'))),
      h('tbody', {}, users.map((u) => h('tr', { 'data-user-id': u.id },
        h('td', {}, h('a', { href: `#/users/${encodeURIComponent(u.id)}/pats`, class: 'user-link' }, u.userName)),
        h('td', { class: 'user-display-name' }, u.machine ? u.machine.name : ''),
        h('td', {}, (u.state || '').replace('USER_STATE_', '').toLowerCase())))))));
  };
  form.addEventListener('submit', (event) => { event.preventDefault(); load(); });
  load();
}

function newUserPage() {
  const status = h('div', { id: 'new-user-status' });
  const userName = h('input', { type: 'text', id: 'user-name', name: 'userName', required: true, maxlength: 200 });
  const name = h('input', { type: 'text', id: 'display-name', name: 'name', required: true, maxlength: 200 });
  const form = h('form', { class: 'stack', id: 'new-user-form' },
    h('label', { for: 'user-name' }, 'User name', userName,
      h('span', { class: 'hint' }, 'Unique in the instance, e.g. billing-robot')),
    h('label', { for: 'display-name' }, 'Display name', name),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'create-user' }, 'Create'),
      h('a', { href: '#/users' }, 'Cancel')),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const created = await attempt(status, () => api.createUser(userName.value.trim(), name.value.trim()));
    if (created) location.hash = `#/users/${encodeURIComponent(created.userId)}/pats`;
  });
  show('New service user', h('div', { class: 'card' }, form));
  userName.focus();
}

async function userPage(id, tab) {
  const status = h('div');
  const heading = h('p', { id: 'user-heading' });
  const profile = h('div', { id: 'profile' });
  const content = h('div', { id: 'tab-content' });
  const tabLink = (key, label) => h('a', { href: `#/users/${encodeURIComponent(id)}/${key}`, id: `tab-${key}`,
    'aria-current': tab === key ? 'page' : undefined }, label);
  show('Service user', status, heading, profile,
    h('nav', { class: 'tabs', 'aria-label': 'Service user' },
      tabLink('pats', 'Personal access tokens'), tabLink('secret', 'Client secret'),
      tabLink('roles', 'Organization roles')),
    content);
  const answer = await attempt(status, () => api.user(id));
  if (!answer) return;
  const user = answer.user || {};
  replace(heading, h('strong', { id: 'detail-user-name' }, user.userName), ' · ',
    h('span', { id: 'detail-display-name' }, user.machine ? user.machine.name : ''), ' · ID ', user.id);
  profileCard(user, profile);
  if (tab === 'roles') return rolesTab(id, content);
  if (tab === 'secret') return secretTab(user, content);
  return patsTab(id, content);
}

const stateWord = (state) => (state || '').replace('USER_STATE_', '').toLowerCase();

/** The user's profile: edit display name and description, deactivate/reactivate, delete. */
function profileCard(user, where) {
  const machine = user.machine || {};
  const active = user.state === 'USER_STATE_ACTIVE';
  const status = h('div', { id: 'profile-status' });
  const name = h('input', { type: 'text', id: 'edit-display-name', name: 'name', required: true, maxlength: 200,
    value: machine.name || '' });
  const description = h('input', { type: 'text', id: 'edit-description', name: 'description', maxlength: 500,
    value: machine.description || '' });
  const reload = () => userPage(user.id, currentTab());
  const form = h('form', { class: 'stack', id: 'profile-form' },
    h('label', { for: 'edit-display-name' }, 'Display name', name),
    h('label', { for: 'edit-description' }, 'Description (optional)', description),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'save-profile' }, 'Save')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const saved = await attempt(status, () => api.updateUser(user.id, name.value.trim(), description.value.trim(),
      machine.accessTokenType || 'ACCESS_TOKEN_TYPE_BEARER'));
    if (saved) reload();
  });
  const toggle = h('button', { type: 'button', class: 'secondary', id: active ? 'deactivate-user' : 'reactivate-user',
    onclick: async () => {
      if (await attempt(status, () => api.setUserActive(user.id, !active))) reload();
    } }, active ? 'Deactivate' : 'Reactivate');
  const remove = h('button', { type: 'button', class: 'danger', id: 'delete-user',
    onclick: () => confirmDialog(`Delete the service user ${user.userName}? Its tokens, keys and secret stop working `
      + 'and it cannot be undone.', 'Delete', async () => {
      if (await attempt(status, () => api.deleteUser(user.id))) location.hash = '#/users';
    }) }, 'Delete user');
  replace(where, h('div', { class: 'card' }, h('h2', {}, 'Profile'),
    h('p', {}, 'State: ', h('strong', { id: 'user-state' }, stateWord(user.state)),
      active ? '' : ' (its tokens and secret are refused until it is reactivated)'),
    form, h('div', { class: 'actions' }, toggle, remove), status));
}

function currentTab() {
  const key = location.hash.split('/')[3];
  return ['roles', 'secret'].includes(key) ? key : 'pats';
}

/** The client secret for client_credentials: generate (shown once), replace, remove. */
function secretTab(user, content) {
  const status = h('div', { id: 'secret-status' });
  const has = Boolean(user.machine && user.machine.hasSecret);
  const reload = () => userPage(user.id, 'secret');
  const generate = h('button', { type: 'button', id: 'generate-secret', onclick: async () => {
    const created = await attempt(status, () => api.generateSecret(user.id));
    if (created) tokenDialog(created.clientSecret, reload, SECRET);
  } }, has ? 'Replace secret' : 'Generate secret');
  const remove = has && h('button', { type: 'button', class: 'danger', id: 'remove-secret',
    onclick: () => confirmDialog(`Remove the client secret of ${user.userName}? Anything signing in with it is `
      + 'refused from then on.', 'Remove', async () => {
      if (await attempt(status, () => api.removeSecret(user.id))) reload();
    }) }, 'Remove secret');
  replace(content, h('div', { class: 'card' }, h('h2', {}, 'Client secret'),
    h('p', { id: 'secret-state' }, has ? 'This user has a client secret.' : 'This user has no client secret.'),
    h('p', { class: 'hint' }, `For the client_credentials grant at /oauth/v2/token, with the client ID `,
      h('code', {}, user.userName), ' and the secret (HTTP Basic). Generating again replaces the old secret.'),
    h('div', { class: 'actions' }, generate, remove), status));
}

async function patsTab(userId, content) {
  const status = h('div', { id: 'pats-status' });
  const list = h('div', { id: 'pats' });
  const expiry = h('input', { type: 'date', id: 'pat-expiration', name: 'expirationDate' });
  const form = h('form', { class: 'stack', id: 'new-pat-form' },
    h('label', { for: 'pat-expiration' }, 'Expires at the end of (optional)', expiry,
      h('span', { class: 'hint' }, 'In UTC. Leave empty for a token that does not expire.')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'create-pat' }, 'New token')),
    status);
  replace(content, h('div', { class: 'card' }, h('h2', {}, 'New personal access token'), form),
    h('h2', {}, 'Tokens'), list);
  const load = async () => {
    const answer = await attempt(status, () => api.pats(userId));
    if (!answer) return;
    const pats = answer.result || [];
    if (pats.length === 0) return replace(list, h('p', { class: 'empty', id: 'pats-empty' }, 'This user has no tokens.'));
    replace(list, h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Token ID'), h('th', { scope: 'col' }, 'Created'),
        h('th', { scope: 'col' }, 'Expires'), h('th', { scope: 'col' }, 'Last used'), h('th', { scope: 'col' }, 'Action'))),
      h('tbody', {}, pats.map((pat) => {
        const rowStatus = h('div');
        return h('tr', { 'data-pat-id': pat.id },
          h('td', {}, pat.id), h('td', {}, when(pat.details && pat.details.creationDate)),
          h('td', {}, when(pat.expirationDate)), h('td', {}, pat.lastUsedDate ? when(pat.lastUsedDate) : 'never'),
          h('td', {}, h('button', { type: 'button', class: 'danger delete-pat',
            'aria-label': `Delete token ${pat.id}`,
            onclick: () => confirmDialog(`Delete token ${pat.id}? Anything using it is refused from then on.`,
              'Delete', async () => {
                if (await attempt(rowStatus, () => api.deletePat(userId, pat.id))) load();
              }) }, 'Delete'), rowStatus));
      })))));
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const expirationDate = expiry.value ? `${expiry.value}T23:59:59Z` : undefined;
    const created = await attempt(status, () => api.createPat(userId, expirationDate));
    if (!created) return;
    tokenDialog(created.token, () => load(), PAT);
  });
  load();
}

const PAT = { title: 'Copy the token now', label: 'Personal access token', noun: 'token' };
const SECRET = { title: 'Copy the client secret now', label: 'Client secret', noun: 'secret' };

/** Shows a new token or secret once: read-only field, copy button, warning; closing drops it from the page. */
function tokenDialog(token, afterClose, what) {
  const field = h('input', { type: 'text', id: 'new-token', class: 'token-field', readonly: true, value: token,
    'aria-describedby': 'token-warning' });
  const copyStatus = h('p', { role: 'status', id: 'copy-status' });
  const dialog = h('dialog', { id: 'token-dialog', 'aria-labelledby': 'token-title' },
    h('h2', { id: 'token-title' }, what.title),
    h('p', { class: 'warning', id: 'token-warning' },
      `This ${what.noun} will not be shown again. Copy it and store it safely before you close this dialog.`),
    h('label', { for: 'new-token' }, what.label, field),
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'copy-token', onclick: async () => {
        field.select();
        try {
          await navigator.clipboard.writeText(field.value);
          replace(copyStatus, 'Copied to the clipboard.');
        } catch (e) {
          replace(copyStatus, 'The browser did not allow copying: select the field and copy it yourself.');
        }
      } }, 'Copy'),
      h('button', { type: 'button', class: 'secondary', id: 'close-token', onclick: () => dialog.close() }, 'Close')),
    copyStatus);
  dialog.addEventListener('close', () => {
    field.value = '';
    dialog.remove();
    afterClose();
  });
  document.body.append(dialog);
  dialog.showModal();
  field.focus();
  field.select();
}

function confirmDialog(question, action, onConfirm) {
  const dialog = h('dialog', { id: 'confirm-dialog', 'aria-labelledby': 'confirm-question' },
    h('p', { id: 'confirm-question' }, question),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'danger', id: 'confirm-yes', onclick: () => {
        dialog.close();
        onConfirm();
      } }, action),
      h('button', { type: 'button', class: 'secondary', id: 'confirm-no', onclick: () => dialog.close() }, 'Cancel')));
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  dialog.querySelector('#confirm-no').focus();
}

async function rolesTab(userId, content) {
  const status = h('div', { id: 'roles-status' });
  const current = h('p', { id: 'current-roles' });
  replace(content, h('div', { class: 'card' }, h('h2', {}, 'Roles in this organization'), current, status));
  const [roles, members] = await attempt(status, () => Promise.all([api.memberRoles(), api.members()])) || [];
  if (!roles) return;
  const member = (members.result || []).find((m) => m.userId === userId);
  const held = new Set(member ? member.roles : []);
  replace(current, held.size ? `Currently: ${[...held].join(', ')}` : 'Currently no role in this organization.');
  const boxes = (roles.result || []).map((role) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: 'role', value: role, id: `role-${role}`, checked: held.has(role) }), role));
  const form = h('form', { class: 'stack', id: 'roles-form' },
    h('fieldset', {}, h('legend', {}, 'Organization roles'), boxes),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'save-roles' }, member ? 'Save roles' : 'Grant roles')));
  content.firstChild.insertBefore(form, status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = [...form.querySelectorAll('input[name=role]:checked')].map((box) => box.value);
    if (chosen.length === 0) return replace(status, errorBox('Choose at least one role.'));
    const done = await attempt(status, () => (member ? api.updateMember(userId, chosen) : api.addMember(userId, chosen)));
    if (done) rolesTab(userId, content);
  });
}
