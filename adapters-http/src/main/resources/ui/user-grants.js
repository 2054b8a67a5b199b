// The Grants tab: the user's project role grants (the roles introspection reports), add one
// (choose a project, then its roles), remove one.
import { projectsApi as api } from './projects-api.js';
import { h, replace, errorBox } from './dom.js';
import { attempt, confirmDialog } from './ui.js';
import { projectHref } from './projects.js';

export function grantsTab(user, content) {
  const userId = user.id;
  const status = h('div', { id: 'grants-status' });
  const list = h('div', { id: 'grants' });
  const project = h('select', { id: 'grant-project', name: 'projectId', required: true },
    h('option', { value: '' }, 'Choose a project…'));
  const roles = h('fieldset', { id: 'grant-roles' }, h('legend', {}, 'Roles'),
    h('p', { class: 'hint' }, 'Choose a project first.'));
  const add = h('button', { type: 'submit', id: 'add-grant' }, 'Add grant');
  const form = h('form', { class: 'stack', id: 'new-grant-form' },
    h('label', { for: 'grant-project' }, 'Project', project), roles, h('div', { class: 'actions' }, add), status);
  replace(content, h('div', { class: 'card' }, h('h2', {}, 'Project role grants'), list),
    h('div', { class: 'card' }, h('h2', {}, 'New grant'), form));

  const load = async () => {
    const answer = await attempt(status, () => api.userGrants(userId));
    if (!answer) return;
    const grants = answer.result || [];
    if (grants.length === 0) {
      return replace(list, h('p', { class: 'empty', id: 'grants-empty' }, 'This user has no project role grants.'));
    }
    replace(list, h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, ['Project', 'Roles', 'State', 'Action'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, grants.map((grant) => {
        const rowStatus = h('div');
        const remove = h('button', { type: 'button', class: 'danger remove-grant',
          'aria-label': `Remove the grant on ${grant.projectName}`,
          onclick: () => confirmDialog(`Remove ${user.userName}'s grant on ${grant.projectName}? Its roles no longer `
            + 'appear when its tokens are introspected.', 'Remove', async () => {
            if (await attempt(rowStatus, () => api.removeUserGrant(userId, grant.id), remove)) load();
          }) }, 'Remove');
        return h('tr', { 'data-grant-id': grant.id, 'data-project-id': grant.projectId },
          h('td', {}, h('a', { href: projectHref(grant.projectId) }, grant.projectName)),
          h('td', { class: 'grant-roles' }, (grant.roleKeys || []).join(', ') || 'no roles'),
          h('td', {}, (grant.state || '').replace('USER_GRANT_STATE_', '').toLowerCase()),
          h('td', {}, remove, rowStatus));
      })))));
  };

  project.addEventListener('change', async () => {
    const chosen = project.value;
    replace(roles, h('legend', {}, 'Roles'));
    if (!chosen) return roles.append(h('p', { class: 'hint' }, 'Choose a project first.'));
    const answer = await attempt(status, () => api.roles(chosen));
    if (!answer || project.value !== chosen) return;
    const keys = answer.result || [];
    if (keys.length === 0) {
      return roles.append(h('p', { class: 'empty', id: 'grant-no-roles' },
        'This project has no roles yet: add them on ', h('a', { href: projectHref(chosen) }, 'the project\'s page'), '.'));
    }
    roles.append(...keys.map((role, i) => h('label', { class: 'check' },
      h('input', { type: 'checkbox', name: 'roleKey', value: role.key, id: `grant-role-${i}` }),
      role.displayName && role.displayName !== role.key ? `${role.key} (${role.displayName})` : role.key)));
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!project.value) return replace(status, errorBox('Choose a project first.'));
    const chosen = [...form.querySelectorAll('input[name=roleKey]:checked')].map((box) => box.value);
    if (chosen.length === 0) return replace(status, errorBox('Choose at least one role.'));
    if (!await attempt(status, () => api.addUserGrant(userId, project.value, chosen), add)) return;
    form.reset();
    project.dispatchEvent(new Event('change'));
    load();
  });

  (async () => {
    const answer = await attempt(status, () => api.projects());
    if (!answer) return;
    const projects = answer.result || [];
    project.append(...projects.map((p) => h('option', { value: p.id }, p.name)));
    if (projects.length === 0) {
      roles.append(h('p', { class: 'empty', id: 'grant-no-projects' }, 'There are no projects yet: create one under ',
        h('a', { href: '#/projects' }, 'Projects'), '.'));
    }
    load();
  })();
}
