// An API application's page: client ID and auth method; for basic, a new client secret (shown
// once); for private key JWT, its keys (create and download the key file once, list, delete);
// delete the application.
import { projectsApi as api, PRIVATE_KEY_JWT } from './projects-api.js';
import { h, replace, when } from './dom.js';
import { show, attempt, confirmDialog, tokenDialog, navigate } from './ui.js';
import { projectHref, stateWord, authMethodWord } from './projects.js';

export async function appPage(projectId, appId) {
  const status = h('div', { id: 'app-status' });
  const facts = h('div', { id: 'app-facts' });
  const keys = h('div', { id: 'app-keys' });
  show('API application', h('p', {}, h('a', { href: projectHref(projectId), id: 'back-to-project' }, 'Back to the project')),
    facts, keys, status);
  const answer = await attempt(status, () => api.app(projectId, appId));
  if (!answer) return;
  const app = answer.app || {};
  const clientId = (app.apiConfig || {}).clientId;
  const jwt = (app.apiConfig || {}).authMethodType === PRIVATE_KEY_JWT;
  const reload = () => appPage(projectId, appId);
  const secret = !jwt && h('button', { type: 'button', class: 'secondary', id: 'new-app-secret',
    onclick: () => confirmDialog(`Generate a new client secret for ${app.name}? The current one stops working at once.`,
      'Generate', async () => {
        const created = await attempt(status, () => api.newAppSecret(projectId, appId), secret);
        if (created) {
          tokenDialog(created.clientSecret, reload, { title: 'Copy the client secret now',
            label: `Client secret of client ID ${clientId}`, noun: 'secret' });
        }
      }) }, 'New client secret');
  const remove = h('button', { type: 'button', class: 'danger', id: 'delete-app',
    onclick: () => confirmDialog(`Delete the API application ${app.name}? Its client ID, secret and keys are refused `
      + 'at introspection from then on. It cannot be undone.', 'Delete', async () => {
      if (await attempt(status, () => api.deleteApp(projectId, appId), remove)) navigate(projectHref(projectId));
    }) }, 'Delete application');
  replace(facts, h('div', { class: 'card' }, h('dl', { class: 'facts' },
    h('dt', {}, 'Name'), h('dd', { id: 'app-name-value' }, app.name),
    h('dt', {}, 'Client ID'), h('dd', { id: 'app-client-id' }, clientId),
    h('dt', {}, 'Authentication'), h('dd', { id: 'app-auth-method' }, authMethodWord(app)),
    h('dt', {}, 'State'), h('dd', {}, stateWord(app.state)),
    h('dt', {}, 'App ID'), h('dd', {}, app.id)),
  h('p', { class: 'hint' }, 'It calls POST /oauth/v2/introspect with this client ID and ',
    jwt ? 'a JWT signed with one of its keys (client_assertion).' : 'its secret (HTTP Basic).'),
  h('div', { class: 'actions' }, secret, remove)));
  if (jwt) keysCard(projectId, appId, keys);
}

function keysCard(projectId, appId, where) {
  const status = h('div', { id: 'keys-status' });
  const list = h('div', { id: 'keys-list' });
  const expiry = h('input', { type: 'date', id: 'key-expiration', name: 'expirationDate' });
  const create = h('button', { type: 'submit', id: 'create-key' }, 'New key');
  const form = h('form', { class: 'stack', id: 'new-key-form' },
    h('label', { for: 'key-expiration' }, 'Expires at the end of (optional)', expiry,
      h('span', { class: 'hint' }, 'In UTC. Leave empty for a key that does not expire.')),
    h('div', { class: 'actions' }, create), status);
  replace(where, h('div', { class: 'card' }, h('h2', {}, 'Keys'), list, h('h3', {}, 'New key'), form));
  const load = async () => {
    const answer = await attempt(status, () => api.appKeys(projectId, appId));
    if (!answer) return;
    const keys = answer.result || [];
    if (keys.length === 0) return replace(list, h('p', { class: 'empty', id: 'keys-empty' }, 'This application has no keys.'));
    replace(list, h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, ['Key ID', 'Created', 'Expires', 'Action'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, keys.map((key) => {
        const rowStatus = h('div');
        const remove = h('button', { type: 'button', class: 'danger delete-key', 'aria-label': `Delete key ${key.id}`,
          onclick: () => confirmDialog(`Delete key ${key.id}? JWTs signed with it are refused from then on.`, 'Delete',
            async () => {
              if (await attempt(rowStatus, () => api.deleteAppKey(projectId, appId, key.id), remove)) load();
            }) }, 'Delete');
        return h('tr', { 'data-key-id': key.id }, h('td', {}, key.id),
          h('td', {}, when(key.details && key.details.creationDate)), h('td', {}, when(key.expirationDate)),
          h('td', {}, remove, rowStatus));
      })))));
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const expirationDate = expiry.value ? `${expiry.value}T23:59:59Z` : undefined;
    const created = await attempt(status, () => api.createAppKey(projectId, appId, expirationDate), create);
    if (!created) return;
    form.reset();
    keyFileDialog(created.id, atob(created.keyDetails), load);
  });
  load();
}

/** The key file, offered for download once; closing the dialog drops it from the page. */
function keyFileDialog(keyId, fileText, afterClose) {
  let url = URL.createObjectURL(new Blob([fileText], { type: 'application/json' }));
  const fileName = `${keyId}.json`;
  const downloadStatus = h('p', { role: 'status', id: 'download-status' });
  const dialog = h('dialog', { id: 'key-dialog', 'aria-labelledby': 'key-title' },
    h('h2', { id: 'key-title' }, 'Download the key file now'),
    h('p', { class: 'warning', id: 'key-warning' },
      'This key file holds the private key and will not be shown again. Download it and store it safely '
      + 'before you close this dialog.'),
    h('p', {}, 'Key ID ', h('strong', { id: 'new-key-id' }, keyId), ', file ', fileName),
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'download-key', onclick: () => {
        if (!url) return;
        h('a', { href: url, download: fileName }).click();
        replace(downloadStatus, `Your browser saves it as ${fileName} (usually in your downloads folder).`);
      } }, 'Download key file'),
      h('button', { type: 'button', class: 'secondary', id: 'close-key', onclick: () => dialog.close() }, 'Close')),
    downloadStatus);
  dialog.addEventListener('close', () => {
    URL.revokeObjectURL(url);
    url = null;
    dialog.remove();
    afterClose();
  });
  document.body.append(dialog);
  dialog.showModal();
  dialog.querySelector('#download-key').focus();
}
