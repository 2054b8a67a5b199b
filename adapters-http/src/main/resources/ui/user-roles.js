// The Organization roles tab: grant, change (or see) the user's roles in the organization.
import { api } from './api.js';
import { h, errorBox, replace } from './dom.js';
import { attempt } from './ui.js';

export async function rolesTab(user, content) {
  const userId = user.id;
  const status = h('div', { id: 'roles-status' });
  const current = h('p', { id: 'current-roles' });
  replace(content, h('div', { class: 'card' }, h('h2', {}, 'Roles in this organization'), current, status));
  const [roles, members] = await attempt(status, () => Promise.all([api.memberRoles(), api.members()])) || [];
  if (!roles) return;
  const member = (members.result || []).find((m) => m.userId === userId);
  const held = new Set(member ? member.roles : []);
  replace(current, held.size ? `Currently: ${[...held].join(', ')}` : 'Currently no role in this organization.');
  const boxes = (roles.result || []).map((role) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: 'role', value: role, id: `role-${role}`, checked: held.has(role) }), role));
  const save = h('button', { type: 'submit', id: 'save-roles' }, member ? 'Save roles' : 'Grant roles');
  const form = h('form', { class: 'stack', id: 'roles-form' },
    h('fieldset', {}, h('legend', {}, 'Organization roles'), boxes),
    h('div', { class: 'actions' }, save));
  content.firstChild.insertBefore(form, status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = [...form.querySelectorAll('input[name=role]:checked')].map((box) => box.value);
    if (chosen.length === 0) return replace(status, errorBox('Choose at least one role.'));
    const done = await attempt(status,
      () => (member ? api.updateMember(userId, chosen) : api.addMember(userId, chosen)), save);
    if (done) rolesTab(user, content);
  });
}
