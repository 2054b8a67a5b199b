// The service users list (search) and the "new service user" form.
import { api } from './api.js';
import { h, replace } from './dom.js';
import { show, attempt, navigate } from './ui.js';

/** Users per page: the API pages with offset and limit. */
export const PAGE_SIZE = 20;

export async function usersPage() {
  const status = h('div');
  const list = h('div', { id: 'users' });
  const search = h('input', { type: 'search', id: 'user-search', name: 'q' });
  const form = h('form', { class: 'actions', role: 'search' },
    h('label', { for: 'user-search' }, 'Search by user name', search),
    h('button', { type: 'submit', class: 'secondary' }, 'Search'));
  const count = h('p', { id: 'users-count', role: 'status' });
  const previous = h('button', { type: 'button', class: 'secondary', id: 'users-previous', disabled: true },
    'Previous page');
  const next = h('button', { type: 'button', class: 'secondary', id: 'users-next', disabled: true }, 'Next page');
  const pager = h('nav', { class: 'actions', 'aria-label': 'Service user pages', hidden: true }, previous, count, next);
  show('Service users',
    h('div', { class: 'actions' }, h('a', { href: '#/users/new', id: 'new-user' }, 'New service user')),
    form, status, list, pager);
  // The search that is shown: paging keeps it (and puts it back in the field if it was edited since).
  let shown = { userName: '', offset: 0 };
  let latest = 0;
  const load = async (userName, offset) => {
    const mine = ++latest;
    const answer = await attempt(status, () => api.users(userName, offset, PAGE_SIZE));
    if (!answer || mine !== latest) return;  // a later search or page was asked for meanwhile
    shown = { userName, offset };
    const users = answer.result || [];
    const total = Number((answer.details && answer.details.totalResult) || 0);
    pager.hidden = users.length === 0 && offset === 0;
    previous.hidden = next.hidden = total <= PAGE_SIZE && offset === 0;
    previous.disabled = offset === 0;
    next.disabled = offset + users.length >= total;
    replace(count, users.length ? `${offset + 1}–${offset + users.length} of ${total}` : `0 of ${total}`);
    if (users.length === 0) {
      return replace(list, h('p', { class: 'empty', id: 'users-empty' },
        userName ? 'No service user matches.' : 'No service users yet. Create one with "New service user".'));
    }
    replace(list, h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'User name'), h('th', { scope: 'col' }, 'Display name'),
        h('th', { scope: 'col' }, 'State'))),
      h('tbody', {}, users.map((u) => h('tr', { 'data-user-id': u.id },
        h('td', {}, h('a', { href: `#/users/${encodeURIComponent(u.id)}/pats`, class: 'user-link' }, u.userName)),
        h('td', { class: 'user-display-name' }, u.machine ? u.machine.name : ''),
        h('td', {}, (u.state || '').replace('USER_STATE_', '').toLowerCase())))))));
  };
  form.addEventListener('submit', (event) => { event.preventDefault(); load(search.value.trim(), 0); });
  const turn = (offset) => {
    search.value = shown.userName;
    load(shown.userName, offset);
  };
  previous.addEventListener('click', () => turn(Math.max(0, shown.offset - PAGE_SIZE)));
  next.addEventListener('click', () => turn(shown.offset + PAGE_SIZE));
  load('', 0);
}

export function newUserPage() {
  const status = h('div', { id: 'new-user-status' });
  const userName = h('input', { type: 'text', id: 'user-name', name: 'userName', required: true, maxlength: 200 });
  const name = h('input', { type: 'text', id: 'display-name', name: 'name', required: true, maxlength: 200 });
  const button = h('button', { type: 'submit', id: 'create-user' }, 'Create');
  const form = h('form', { class: 'stack', id: 'new-user-form' },
    h('label', { for: 'user-name' }, 'User name', userName,
      h('span', { class: 'hint' }, 'Unique in the instance, e.g. billing-robot')),
    h('label', { for: 'display-name' }, 'Display name', name),
    h('div', { class: 'actions' }, button, h('a', { href: '#/users' }, 'Cancel')),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const created = await attempt(status, () => api.createUser(userName.value.trim(), name.value.trim()), button);
    if (created) navigate(`#/users/${encodeURIComponent(created.userId)}/pats`);
  });
  show('New service user', h('div', { class: 'card' }, form));
  userName.focus();
}
