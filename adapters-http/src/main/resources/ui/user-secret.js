// The Client secret tab: the secret for client_credentials; generate (shown once), replace, remove.
import { api } from './api.js';
import { h, replace } from './dom.js';
import { attempt, confirmDialog, tokenDialog, SECRET } from './ui.js';

export function secretTab(user, content, reload) {
  const status = h('div', { id: 'secret-status' });
  const has = Boolean(user.machine && user.machine.hasSecret);
  const generate = h('button', { type: 'button', id: 'generate-secret', onclick: async () => {
    const created = await attempt(status, () => api.generateSecret(user.id), generate);
    if (created) tokenDialog(created.clientSecret, reload, SECRET);
  } }, has ? 'Replace secret' : 'Generate secret');
  const remove = has && h('button', { type: 'button', class: 'danger', id: 'remove-secret',
    onclick: () => confirmDialog(`Remove the client secret of ${user.userName}? Anything signing in with it is `
      + 'refused from then on.', 'Remove', async () => {
      if (await attempt(status, () => api.removeSecret(user.id), remove)) reload();
    }) }, 'Remove secret');
  replace(content, h('div', { class: 'card' }, h('h2', {}, 'Client secret'),
    h('p', { id: 'secret-state' }, has ? 'This user has a client secret.' : 'This user has no client secret.'),
    h('p', { class: 'hint' }, `For the client_credentials grant at /oauth/v2/token, with the client ID `,
      h('code', {}, user.userName), ' and the secret (HTTP Basic). Generating again replaces the old secret.'),
    h('div', { class: 'actions' }, generate, remove), status));
}
