// The Personal access tokens tab: list with expiry and last use, create (optional date), delete.
import { api } from './api.js';
import { h, replace, when } from './dom.js';
import { attempt, confirmDialog, tokenDialog, PAT } from './ui.js';

export function patsTab(user, content) {
  const userId = user.id;
  const status = h('div', { id: 'pats-status' });
  const list = h('div', { id: 'pats' });
  const expiry = h('input', { type: 'date', id: 'pat-expiration', name: 'expirationDate' });
  const create = h('button', { type: 'submit', id: 'create-pat' }, 'New token');
  const form = h('form', { class: 'stack', id: 'new-pat-form' },
    h('label', { for: 'pat-expiration' }, 'Expires at the end of (optional)', expiry,
      h('span', { class: 'hint' }, 'In UTC. Leave empty for a token that does not expire.')),
    h('div', { class: 'actions' }, create),
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
        const remove = h('button', { type: 'button', class: 'danger delete-pat',
          'aria-label': `Delete token ${pat.id}`,
          onclick: () => confirmDialog(`Delete token ${pat.id}? Anything using it is refused from then on.`,
            'Delete', async () => {
              if (await attempt(rowStatus, () => api.deletePat(userId, pat.id), remove)) load();
            }) }, 'Delete');
        return h('tr', { 'data-pat-id': pat.id },
          h('td', {}, pat.id), h('td', {}, when(pat.details && pat.details.creationDate)),
          h('td', {}, when(pat.expirationDate)), h('td', {}, pat.lastUsedDate ? when(pat.lastUsedDate) : 'never'),
          h('td', {}, remove, rowStatus));
      })))));
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const expirationDate = expiry.value ? `${expiry.value}T23:59:59Z` : undefined;
    const created = await attempt(status, () => api.createPat(userId, expirationDate), create);
    if (!created) return;
    tokenDialog(created.token, () => load(), PAT);
  });
  load();
}
