// Sign-in with a personal access token, checked against GET /management/v1/orgs/me.
import { api, session } from './api.js';
import { h, errorBox, replace } from './dom.js';
import { show, attempt, navigate } from './ui.js';

export function signInPage() {
  const status = h('div', { id: 'signin-status' });
  const field = h('input', { type: 'password', id: 'pat', name: 'pat', autocomplete: 'off', required: true,
    'aria-describedby': 'pat-hint' });
  const button = h('button', { type: 'submit', id: 'signin' }, 'Sign in');
  const form = h('form', { class: 'stack', id: 'signin-form' },
    h('label', { for: 'pat' }, 'Personal access token', field),
    h('p', { class: 'hint', id: 'pat-hint' },
      'The token of a user with a management role, such as the admin token in Warden\'s data directory '
      + '(admin.pat). It is kept only in this browser tab and forgotten when you sign out or close the tab.'),
    h('div', { class: 'actions' }, button),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const token = field.value.trim();
    if (!token) return replace(status, errorBox('Paste a personal access token first.'));
    const org = await attempt(status, () => api.org(token), button);
    if (!org) return field.focus();
    session.signIn(token);
    session.setOrg({ id: org.org.id, name: org.org.name, home: org.org.id, switched: false });
    navigate('#/org');
  });
  show('Sign in', h('div', { class: 'card' }, form));
  field.focus();
}
