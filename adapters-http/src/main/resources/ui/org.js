// The organization overview: the signed-in token's organization.
import { api } from './api.js';
import { h, replace } from './dom.js';
import { show, attempt } from './ui.js';

export async function orgPage() {
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
