// What every page shares: the page frame, API calls with progress and errors in words, and the
// two dialogs (copy a secret once, confirm a destructive action).
import { session, ApiError } from './api.js';
import { h, errorBox, replace } from './dom.js';

const view = document.getElementById('view');
let router = () => {};

/** app.js registers its router here, so pages can navigate without importing it. */
export function setRouter(fn) {
  router = fn;
}

/** Goes to a hash route, rendering it even when the hash is already there. */
export function navigate(hash) {
  if (location.hash === hash) router();
  else location.hash = hash;
}

export function show(title, ...content) {
  document.title = `${title} · Warden console`;
  replace(view, h('h1', {}, title), ...content);
  view.focus();
}

/**
 * Runs an API call, showing progress in `status` (the button that started it, if given, is
 * disabled meanwhile) and the error in words there if it fails. Resolves to undefined on failure.
 */
export async function attempt(status, work, button) {
  replace(status, h('p', { class: 'busy', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }),
    'Working…'));
  if (button) button.disabled = true;
  try {
    const result = await work();
    replace(status);
    return result;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401 && session.token()) {
      // The signed-in token itself was refused (expired or deleted): back to the sign-in page.
      session.signOut();
      navigate('#/signin');
      const where = document.getElementById('signin-status');
      if (where) replace(where, errorBox(`${e.message} Sign in again.`));
      return undefined;
    }
    replace(status, errorBox(e instanceof ApiError ? e.message : `Something went wrong in the console: ${e}`));
    return undefined;
  } finally {
    if (button) button.disabled = false;
  }
}

export const PAT = { title: 'Copy the token now', label: 'Personal access token', noun: 'token' };
export const SECRET = { title: 'Copy the client secret now', label: 'Client secret', noun: 'secret' };

/** Shows a new token or secret once: read-only field, copy button, warning; closing drops it from the page. */
export function tokenDialog(token, afterClose, what) {
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

export function confirmDialog(question, action, onConfirm) {
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
