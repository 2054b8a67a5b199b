// The organization's members: the list with their roles, add a user found by a search, change a
// member's roles, remove a member after a confirmation.
import { api, call, session, ApiError } from './api.js';
import { h, errorBox, replace } from './dom.js';
import { show, attempt, confirmDialog } from './ui.js';

const M = '/management/v1';
const SHOWN = 20;

const searchUsers = (userName) => call('POST', `${M}/users/_search`, {
  query: { offset: '0', limit: SHOWN, asc: true }, sortingColumn: 'USER_FIELD_NAME_USER_NAME',
  queries: userName ? [{ userNameQuery: { userName, method: 'TEXT_QUERY_METHOD_CONTAINS_IGNORE_CASE' } }] : [],
});
const removeMember = (userId) => call('DELETE', `${M}/orgs/me/members/${encodeURIComponent(userId)}`);

const displayName = (user) => (user.machine && user.machine.name) || '';

export async function membersPage() {
  const status = h('div', { id: 'members-status' });
  const list = h('div', { id: 'members' });
  const add = h('div', { class: 'card', id: 'add-member' });
  show('Members', h('p', { class: 'hint' }, 'Users holding roles in this organization. A role is what lets a '
    + 'user\'s tokens call the management API here (ORG_OWNER: everything in the organization).'),
  status, list, add);
  const roles = await attempt(status, () => api.memberRoles());
  if (!roles) return;
  const grantable = roles.result || [];
  const load = async () => {
    const answer = await attempt(status, () => api.members());
    if (!answer) return;
    const members = answer.result || [];
    if (members.length === 0) {
      return replace(list, h('p', { class: 'empty', id: 'members-empty' },
        'This organization has no members yet. Add one with the form below.'));
    }
    replace(list, h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'User name'), h('th', { scope: 'col' }, 'Display name'),
        h('th', { scope: 'col' }, 'Roles'), h('th', { scope: 'col' }, 'Actions'))),
      h('tbody', {}, members.map((member) => memberRow(member, grantable, load))))));
  };
  addMemberCard(add, grantable, load);
  load();
}

function memberRow(member, grantable, reload) {
  const name = member.preferredLoginName || member.userId;
  const rowStatus = h('div');
  const change = h('button', { type: 'button', class: 'secondary change-roles', 'aria-label': `Change the roles of ${name}`,
    onclick: () => rolesDialog(member, name, grantable, reload) }, 'Change roles');
  const remove = h('button', { type: 'button', class: 'danger remove-member', 'aria-label': `Remove ${name}`,
    onclick: () => confirmDialog(`Remove ${name} from the organization ${(session.org() || {}).name || ''}? `
      + 'Its roles here end at once; the user and its tokens are kept.', 'Remove', async () => {
      if (await attempt(rowStatus, () => removeMember(member.userId), remove)) reload();
    }) }, 'Remove');
  return h('tr', { 'data-member-id': member.userId },
    h('td', { class: 'member-name' }, name), h('td', { class: 'member-display-name' }, member.displayName),
    h('td', { class: 'member-roles' }, (member.roles || []).join(', ')),
    h('td', {}, h('div', { class: 'actions' }, change, remove), rowStatus));
}

/** Role checkboxes: the grantable roles plus any the member holds beyond them. */
function roleBoxes(prefix, grantable, held = new Set()) {
  const roles = grantable.concat([...held].filter((r) => !grantable.includes(r)));
  return h('fieldset', { class: 'roles' }, h('legend', {}, 'Roles'), roles.map((role) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: `${prefix}-role`, value: role, id: `${prefix}-role-${role}`,
      checked: held.has(role) }), role)));
}

const checked = (form, name) => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((box) => box.value);

/** Add a member: search users by part of the user name, choose one (radio buttons), choose roles. */
function addMemberCard(where, grantable, reload) {
  const query = h('input', { type: 'search', id: 'member-search', name: 'q', 'aria-describedby': 'member-search-hint' });
  const searchStatus = h('div', { id: 'member-search-status' });
  const candidates = h('div', { id: 'member-candidates', 'aria-live': 'polite' });
  const search = h('form', { class: 'actions', role: 'search', id: 'member-search-form' },
    h('label', { for: 'member-search' }, 'Find a user by user name', query,
      h('span', { class: 'hint', id: 'member-search-hint' }, 'Type part of a user name and press Enter.')),
    h('button', { type: 'submit', class: 'secondary', id: 'member-search-button' }, 'Search'));
  const status = h('div', { id: 'add-member-status' });
  const button = h('button', { type: 'submit', id: 'add-member-button' }, 'Add member');
  const form = h('form', { class: 'stack', id: 'add-member-form' }, candidates, roleBoxes('add', grantable),
    h('div', { class: 'actions' }, button), status);
  let found = [];
  search.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = query.value.trim();
    const answer = await attempt(searchStatus, () => searchUsers(text));
    if (!answer) return;
    found = answer.result || [];
    if (found.length === 0) {
      return replace(candidates, h('p', { class: 'empty', id: 'candidates-empty' },
        text ? `No user name contains "${text}".` : 'This organization has no users.'));
    }
    const more = Number((answer.details || {}).totalResult || 0) > found.length;
    replace(candidates, h('fieldset', { id: 'candidate-list' }, h('legend', {}, `Choose the user (${found.length}`
      + `${more ? ` of ${answer.details.totalResult}: type more of the name to narrow it` : ''})`),
    found.map((user) => h('label', { class: 'check' },
      h('input', { type: 'radio', name: 'member-user', value: user.id, id: `candidate-${user.id}` }),
      user.userName, displayName(user) ? h('span', { class: 'hint' }, ` ${displayName(user)}`) : null))));
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const user = found.find((u) => u.id === (form.querySelector('input[name=member-user]:checked') || {}).value);
    if (!user) {
      replace(status, errorBox('Choose a user first: search for part of a user name, then pick one of the matches.'));
      return query.focus();
    }
    const roles = checked(form, 'add-role');
    if (roles.length === 0) return replace(status, errorBox('Choose at least one role for the new member.'));
    const added = await attempt(status, () => api.addMember(user.id, roles).catch((e) => {
      if (e instanceof ApiError && e.status === 409) {
        throw new ApiError(409, `${user.userName} is already a member: change its roles in the list above.`);
      }
      throw e;
    }), button);
    if (!added) return;
    form.querySelectorAll('input[name=add-role]').forEach((box) => { box.checked = false; });
    replace(status, h('p', { role: 'status', id: 'add-member-done' },
      `${user.userName} is now a member with ${roles.join(', ')}.`));
    reload();
  });
  replace(where, h('h2', {}, 'Add a member'), search, searchStatus, form);
}

/** Change a member's roles in a dialog; an error stays in the dialog, next to the choice. */
function rolesDialog(member, name, grantable, reload) {
  const status = h('div', { id: 'member-roles-status' });
  const save = h('button', { type: 'submit', id: 'save-member-roles' }, 'Save roles');
  const form = h('form', { class: 'stack', id: 'member-roles-form' },
    roleBoxes('edit', grantable, new Set(member.roles || [])),
    h('div', { class: 'actions' }, save,
      h('button', { type: 'button', class: 'secondary', id: 'cancel-member-roles', onclick: () => dialog.close() },
        'Cancel')),
    status);
  const dialog = h('dialog', { id: 'member-roles-dialog', 'aria-labelledby': 'member-roles-title' },
    h('h2', { id: 'member-roles-title' }, `Roles of ${name}`), form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const roles = checked(form, 'edit-role');
    if (roles.length === 0) {
      return replace(status, errorBox('Choose at least one role; to take every role away, remove the member.'));
    }
    if (await attempt(status, () => api.updateMember(member.userId, roles), save)) {
      dialog.close();
      reload();
    }
  });
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  form.querySelector('input').focus();
}
