// The Keys tab: the user's machine keys for the JWT-profile grant; list, create (the key file is
// downloaded once, from memory, never put in the page), delete.
import { call } from './api.js';
import { h, replace, when } from './dom.js';
import { attempt, confirmDialog } from './ui.js';

const keysOf = (userId) => `/management/v1/users/${encodeURIComponent(userId)}/keys`;
const keys = {
  list: (userId) => call('POST', `${keysOf(userId)}/_search`, { query: { offset: '0', limit: 100, asc: true } }),
  create: (userId, expirationDate) => call('POST', keysOf(userId),
    expirationDate ? { type: 'KEY_TYPE_JSON', expirationDate } : { type: 'KEY_TYPE_JSON' }),
  remove: (userId, keyId) => call('DELETE', `${keysOf(userId)}/${encodeURIComponent(keyId)}`),
};
const TYPES = { KEY_TYPE_JSON: 'JSON' };

export function keysTab(user, content) {
  const userId = user.id;
  const status = h('div', { id: 'keys-status' });
  const list = h('div', { id: 'keys' });
  const type = h('select', { id: 'key-type', name: 'type' }, h('option', { value: 'KEY_TYPE_JSON' }, 'JSON'));
  const expiry = h('input', { type: 'date', id: 'key-expiration', name: 'expirationDate' });
  const create = h('button', { type: 'submit', id: 'create-key' }, 'New key');
  const form = h('form', { class: 'stack', id: 'new-key-form' },
    h('label', { for: 'key-type' }, 'Type', type,
      h('span', { class: 'hint' }, 'A JSON key file with a private key, for the JWT-profile grant at /oauth/v2/token.')),
    h('label', { for: 'key-expiration' }, 'Expires at the end of (optional)', expiry,
      h('span', { class: 'hint' }, 'In UTC. Leave empty for a key that does not expire.')),
    h('div', { class: 'actions' }, create),
    status);
  replace(content, h('div', { class: 'card' }, h('h2', {}, 'New key'), form), h('h2', {}, 'Keys'), list);
  const load = async () => {
    const answer = await attempt(status, () => keys.list(userId));
    if (!answer) return;
    const found = answer.result || [];
    if (found.length === 0) return replace(list, h('p', { class: 'empty', id: 'keys-empty' }, 'This user has no keys.'));
    replace(list, h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Key ID'), h('th', { scope: 'col' }, 'Type'),
        h('th', { scope: 'col' }, 'Created'), h('th', { scope: 'col' }, 'Expires'), h('th', { scope: 'col' }, 'Action'))),
      h('tbody', {}, found.map((key) => {
        const rowStatus = h('div');
        const remove = h('button', { type: 'button', class: 'danger delete-key', 'aria-label': `Delete key ${key.id}`,
          onclick: () => confirmDialog(`Delete key ${key.id}? Tokens obtained with it and anything signing with it `
            + 'are refused from then on.', 'Delete', async () => {
            if (await attempt(rowStatus, () => keys.remove(userId, key.id), remove)) load();
          }) }, 'Delete');
        return h('tr', { 'data-key-id': key.id },
          h('td', {}, key.id), h('td', {}, TYPES[key.type] || key.type),
          h('td', {}, when(key.details && key.details.creationDate)), h('td', {}, when(key.expirationDate)),
          h('td', {}, remove, rowStatus));
      })))));
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const expirationDate = expiry.value ? `${expiry.value}T23:59:59Z` : undefined;
    const created = await attempt(status, () => keys.create(userId, expirationDate), create);
    if (!created) return;
    keyFileDialog(created.keyId, created.keyDetails, () => load());
  });
  load();
}

/**
 * Offers the new key file once: a download button and a warning. The file's bytes stay in this
 * closure (never in the DOM); closing the dialog drops them and revokes the download URL.
 */
function keyFileDialog(keyId, keyDetails, afterClose) {
  // keyDetails is the standard base64 of the key file: the download is exactly those bytes.
  let file = new Blob([Uint8Array.from(atob(keyDetails || ''), (c) => c.charCodeAt(0))], { type: 'application/json' });
  let url;
  const fileName = `${keyId}.json`;
  const downloadStatus = h('p', { role: 'status', id: 'download-status' });
  const dialog = h('dialog', { id: 'key-dialog', 'aria-labelledby': 'key-title' },
    h('h2', { id: 'key-title' }, 'Download the key file now'),
    h('p', { class: 'warning', id: 'key-warning' },
      'This key will not be shown again. Download the key file and store it safely before you close this dialog: '
      + 'it holds the private key, which Warden does not keep.'),
    h('p', {}, 'Key ID ', h('code', { id: 'new-key-id' }, keyId), ', file ', h('code', {}, fileName)),
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'download-key', onclick: () => {
        if (!file) return;
        // A blob: URL and <a download>: no inline script, nothing sent anywhere (the CSP allows it).
        if (!url) url = URL.createObjectURL(file);
        const link = h('a', { href: url, download: fileName, hidden: true });
        document.body.append(link);
        link.click();
        link.remove();
        replace(downloadStatus, `Downloaded as ${fileName}. Close this dialog once you have stored it.`);
      } }, 'Download key file'),
      h('button', { type: 'button', class: 'secondary', id: 'close-key', onclick: () => dialog.close() }, 'Close')),
    downloadStatus);
  dialog.addEventListener('close', () => {
    if (url) URL.revokeObjectURL(url);
    url = undefined;
    file = undefined;
    dialog.remove();
    afterClose();
  });
  document.body.append(dialog);
  dialog.showModal();
  dialog.querySelector('#download-key').focus();
}
