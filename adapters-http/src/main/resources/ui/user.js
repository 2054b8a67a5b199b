// A service user's page: its state with the actions on the whole user (deactivate, delete) on top,
// then one tab per credential or grant kind and the profile. A new tab is one module plus one line
// in TABS.
import { api } from './api.js';
import { h, replace } from './dom.js';
import { show, attempt, confirmDialog, navigate } from './ui.js';
import { patsTab } from './user-pats.js';
import { secretTab } from './user-secret.js';
import { rolesTab } from './user-roles.js';
import { grantsTab } from './user-grants.js';
import { keysTab } from './user-keys.js';

/** Tab key (in the URL), label, and render(user, content, reload). The first one is the default. */
const TABS = [
  { key: 'pats', label: 'Personal access tokens', render: patsTab },
  { key: 'secret', label: 'Client secret', render: secretTab },
  { key: 'roles', label: 'Organization roles', render: rolesTab },
  { key: 'keys', label: 'Keys', render: keysTab },
  { key: 'grants', label: 'Grants', render: grantsTab },
  { key: 'profile', label: 'Profile', render: profileTab },
];

export async function userPage(id, tabKey) {
  const tab = TABS.find((t) => t.key === tabKey) || TABS[0];
  const status = h('div');
  const heading = h('p', { id: 'user-heading' });
  const profile = h('div', { id: 'profile' });
  const content = h('div', { id: 'tab-content' });
  show('Service user', status, heading, profile,
    h('nav', { class: 'tabs', 'aria-label': 'Service user' }, TABS.map((t) =>
      h('a', { href: `#/users/${encodeURIComponent(id)}/${t.key}`, id: `tab-${t.key}`,
        'aria-current': t === tab ? 'page' : undefined }, t.label))),
    content);
  const answer = await attempt(status, () => api.user(id));
  if (!answer) return;
  const user = answer.user || {};
  replace(heading, h('strong', { id: 'detail-user-name' }, user.userName), ' · ',
    h('span', { id: 'detail-display-name' }, user.machine ? user.machine.name : ''), ' · ID ', user.id);
  const reload = () => userPage(id, tab.key);
  stateCard(user, profile, reload);
  tab.render(user, content, reload);
}

const stateWord = (state) => (state || '').replace('USER_STATE_', '').toLowerCase();

/** The user's state, with what acts on the whole user: deactivate/reactivate, delete. */
function stateCard(user, where, reload) {
  const active = user.state === 'USER_STATE_ACTIVE';
  const status = h('div', { id: 'state-status' });
  const toggle = h('button', { type: 'button', class: 'secondary', id: active ? 'deactivate-user' : 'reactivate-user',
    onclick: async () => {
      if (await attempt(status, () => api.setUserActive(user.id, !active), toggle)) reload();
    } }, active ? 'Deactivate' : 'Reactivate');
  const remove = h('button', { type: 'button', class: 'danger', id: 'delete-user',
    onclick: () => confirmDialog(`Delete the service user ${user.userName}? Its tokens, keys and secret stop working `
      + 'and it cannot be undone.', 'Delete', async () => {
      if (await attempt(status, () => api.deleteUser(user.id), remove)) navigate('#/users');
    }) }, 'Delete user');
  replace(where, h('div', { class: 'card state-card' },
    h('p', {}, 'State: ', h('strong', { id: 'user-state' }, stateWord(user.state)),
      active ? '' : ' (its tokens and secret are refused until it is reactivated)'),
    h('div', { class: 'actions' }, toggle, remove), status));
}

/** The Profile tab: rename; edit display name, description and access token type. */
function profileTab(user, content, reload) {
  const machine = user.machine || {};
  const status = h('div', { id: 'profile-status' });
  const name = h('input', { type: 'text', id: 'edit-display-name', name: 'name', required: true, maxlength: 200,
    value: machine.name || '' });
  const description = h('input', { type: 'text', id: 'edit-description', name: 'description', maxlength: 500,
    value: machine.description || '' });
  const tokenType = h('select', { id: 'edit-token-type', name: 'accessTokenType', 'aria-describedby': 'token-type-hint' },
    TOKEN_TYPES.map(([value, label]) => h('option', { value, selected: value === (machine.accessTokenType
      || TOKEN_TYPES[0][0]) }, label)));
  const save = h('button', { type: 'submit', id: 'save-profile' }, 'Save');
  const form = h('form', { class: 'stack', id: 'profile-form' },
    h('label', { for: 'edit-display-name' }, 'Display name', name),
    h('label', { for: 'edit-description' }, 'Description (optional)', description),
    h('label', { for: 'edit-token-type' }, 'Access token type', tokenType,
      h('span', { class: 'hint', id: 'token-type-hint' }, 'What /oauth/v2/token hands this user: an opaque bearer token, '
        + 'or a signed JWT that resource servers can check with the published keys.')),
    h('div', { class: 'actions' }, save), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const saved = await attempt(status, () => api.updateUser(user.id, name.value.trim(), description.value.trim(),
      tokenType.value), save);
    if (saved) reload();
  });
  replace(content, h('div', { class: 'card' }, h('h2', {}, 'User name'), userNameForm(user, reload)),
    h('div', { class: 'card' }, h('h2', {}, 'Profile'), form));
}

const TOKEN_TYPES = [['ACCESS_TOKEN_TYPE_BEARER', 'Bearer (opaque)'], ['ACCESS_TOKEN_TYPE_JWT', 'JWT']];

/** Renaming: its own form, so a refused name is said right under the field. */
function userNameForm(user, reload) {
  const status = h('div', { id: 'username-status' });
  const userName = h('input', { type: 'text', id: 'edit-user-name', name: 'userName', required: true, maxlength: 200,
    value: user.userName || '', 'aria-describedby': 'user-name-hint' });
  const rename = h('button', { type: 'submit', id: 'rename-user', class: 'secondary' }, 'Rename');
  const form = h('form', { class: 'stack', id: 'rename-form' },
    h('label', { for: 'edit-user-name' }, 'User name', userName,
      h('span', { class: 'hint', id: 'user-name-hint' }, 'Unique in the instance; it is also the client ID at '
        + '/oauth/v2/token, so clients using the old name must change.')),
    status,
    h('div', { class: 'actions' }, rename));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (await attempt(status, () => api.renameUser(user.id, userName.value.trim()), rename)) reload();
  });
  return form;
}
