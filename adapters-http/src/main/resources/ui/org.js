// The organization overview: the organization the console acts on and, for a token that may read
// the instance (IAM_OWNER), a switch to another organization of the instance.
import { api, call, session, ApiError } from './api.js';
import { h, replace } from './dom.js';
import { show, attempt } from './ui.js';

/** The header's "acting in" line, so every page says which organization the console acts on. */
export function showActingOrg() {
  const where = document.getElementById('acting-org');
  const org = session.token() && session.org();
  where.hidden = !org;
  if (org) replace(where, 'Organization: ', h('strong', { id: 'acting-org-name' }, org.name), org.switched ? ' (switched)' : '');
}

export async function orgPage() {
  const status = h('div');
  const body = h('div', { class: 'card', id: 'org' });
  const switcher = h('div', { id: 'org-switcher' });
  show('Organization', status, body, switcher);
  const [answer] = await Promise.all([attempt(status, () => api.org()), switchCard(switcher)]);
  if (!answer) return;
  const org = answer.org || {};
  const switched = Boolean(session.org() && session.org().switched);
  session.setOrg({ id: org.id, name: org.name, switched, home: switched ? session.org().home : org.id });
  showActingOrg();
  replace(body, h('dl', { class: 'facts' },
    h('dt', {}, 'Name'), h('dd', { id: 'org-name' }, org.name),
    h('dt', {}, 'ID'), h('dd', { id: 'org-id' }, org.id),
    h('dt', {}, 'Primary domain'), h('dd', { id: 'org-domain' }, org.primaryDomain),
    h('dt', {}, 'State'), h('dd', {}, org.state)));
}

/**
 * Lists the instance's organizations when the API lets the token read them. A 403 or 404 from the
 * admin search means the token's user is no IAM_OWNER: then there is no switch at all.
 */
async function switchCard(where) {
  let answer;
  try {
    answer = await call('POST', '/admin/v1/orgs/_search', { query: { offset: '0', limit: 1000, asc: true } });
  } catch (e) {
    if (e instanceof ApiError && (e.status === 403 || e.status === 404 || e.status === 401)) return;
    return attempt(where, () => Promise.reject(e));
  }
  const orgs = (answer.result || []).slice().sort((a, b) => (a.name || '').localeCompare(b.name || ''));
  const current = session.org();
  const status = h('div', { id: 'switch-status' });
  const select = h('select', { id: 'switch-org', name: 'org' }, orgs.map((o) => h('option', {
    value: o.id, selected: Boolean(current && current.id === o.id) },
  o.state === 'ORG_STATE_ACTIVE' ? o.name : `${o.name} (${(o.state || '').replace('ORG_STATE_', '').toLowerCase()})`)));
  const button = h('button', { type: 'submit', id: 'switch-org-button' }, 'Switch');
  const back = current && current.switched && h('button', { type: 'button', class: 'secondary', id: 'switch-back',
    onclick: () => switchTo(null) }, 'Back to the token\'s own organization');
  const form = h('form', { class: 'stack', id: 'switch-form' },
    h('label', { for: 'switch-org' }, 'Act in organization', select,
      h('span', { class: 'hint' }, 'Your token may work across this instance\'s organizations (IAM_OWNER). Every '
        + 'page then acts on the one chosen here, until you switch back or sign out.')),
    h('div', { class: 'actions' }, button, back), status);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const org = orgs.find((o) => o.id === select.value);
    if (org) switchTo(org);
  });
  replace(where, h('div', { class: 'card' }, h('h2', {}, 'Switch organization'), form), newOrgCard());
}

/** A new organization (the caller becomes its ORG_OWNER), switched to at once. */
function newOrgCard() {
  const status = h('div', { id: 'new-org-status' });
  const name = h('input', { type: 'text', id: 'new-org-name', name: 'name', required: true, maxlength: 200 });
  const button = h('button', { type: 'submit', id: 'create-org' }, 'Create and switch to it');
  const form = h('form', { class: 'stack', id: 'new-org-form' },
    h('label', { for: 'new-org-name' }, 'Name', name), h('div', { class: 'actions' }, button), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const created = await attempt(status, () => call('POST', '/management/v1/orgs', { name: name.value.trim() }), button);
    if (created) switchTo({ id: created.id, name: name.value.trim() });
  });
  return h('div', { class: 'card' }, h('h2', {}, 'New organization'), form);
}

/** Acts on `org` from now on (null: the token's own organization again), then shows it. */
function switchTo(org) {
  const home = (session.org() || {}).home;
  const own = !org || org.id === home;
  session.setOrg(own ? { id: home, name: org ? org.name : '', home, switched: false }
    : { id: org.id, name: org.name, home, switched: true });
  showActingOrg();
  orgPage();
}
