// The projects list (create, empty state) and a project's page: rename, deactivate/reactivate,
// delete; its roles (add, delete); its API applications (list, create; a basic app's client
// secret is shown once). An app's own page (keys, new secret, delete) is project-app.js.
import { projectsApi as api, BASIC, PRIVATE_KEY_JWT } from './projects-api.js';
import { h, replace, errorBox } from './dom.js';
import { show, attempt, confirmDialog, tokenDialog, navigate } from './ui.js';

export const projectHref = (projectId) => `#/projects/${encodeURIComponent(projectId)}`;
export const stateWord = (state) => (state || '').replace(/^[A-Z_]*_STATE_/, '').toLowerCase();
/** An app's auth method in words; the API leaves BASIC (enum 0) out. */
export const authMethodWord = (app) => ((app.apiConfig || {}).authMethodType === PRIVATE_KEY_JWT
  ? 'private key JWT' : 'basic (client secret)');
const th = (text) => h('th', { scope: 'col' }, text);
const table = (heads, rows) => h('div', { class: 'table-wrap' },
  h('table', {}, h('thead', {}, h('tr', {}, heads.map(th))), h('tbody', {}, rows)));

export async function projectsPage() {
  const status = h('div', { id: 'new-project-status' });
  const listStatus = h('div');
  const list = h('div', { id: 'projects' });
  const name = h('input', { type: 'text', id: 'project-name', name: 'name', required: true, maxlength: 200 });
  const create = h('button', { type: 'submit', id: 'create-project' }, 'Create project');
  const form = h('form', { class: 'stack', id: 'new-project-form' },
    h('label', { for: 'project-name' }, 'Name', name,
      h('span', { class: 'hint' }, 'Unique in the organization, e.g. billing-api. A project holds the roles '
        + 'you grant to users and the API applications that introspect their tokens.')),
    h('div', { class: 'actions' }, create), status);
  show('Projects', h('div', { class: 'card' }, h('h2', {}, 'New project'), form), h('h2', {}, 'Projects'),
    listStatus, list);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const created = await attempt(status, () => api.createProject(name.value.trim()), create);
    if (created) navigate(projectHref(created.id));
  });
  const answer = await attempt(listStatus, () => api.projects());
  if (!answer) return;
  const projects = answer.result || [];
  if (projects.length === 0) {
    return replace(list, h('p', { class: 'empty', id: 'projects-empty' }, 'No projects yet. Create one above.'));
  }
  replace(list, table(['Name', 'ID', 'State'], projects.map((p) => h('tr', { 'data-project-id': p.id },
    h('td', {}, h('a', { href: projectHref(p.id), class: 'project-link' }, p.name)),
    h('td', {}, p.id), h('td', {}, stateWord(p.state))))));
}

export async function projectPage(projectId) {
  const status = h('div');
  const heading = h('p', { id: 'project-heading' });
  const settings = h('div', { id: 'project-settings' });
  const roles = h('div', { id: 'project-roles' });
  const apps = h('div', { id: 'project-apps' });
  show('Project', h('p', {}, h('a', { href: '#/projects' }, 'All projects')), status, heading, settings, roles, apps);
  const answer = await attempt(status, () => api.project(projectId));
  if (!answer) return;
  const project = answer.project || {};
  replace(heading, h('strong', { id: 'detail-project-name' }, project.name), ' · ID ', project.id);
  settingsCard(project, settings);
  rolesCard(project.id, roles);
  appsCard(project.id, apps);
}

/** Rename, deactivate/reactivate, delete. */
function settingsCard(project, where) {
  const reload = () => projectPage(project.id);
  const active = project.state === 'PROJECT_STATE_ACTIVE';
  const status = h('div', { id: 'project-status' });
  const name = h('input', { type: 'text', id: 'edit-project-name', name: 'name', required: true, maxlength: 200,
    value: project.name || '' });
  const save = h('button', { type: 'submit', id: 'save-project' }, 'Rename');
  const form = h('form', { class: 'stack', id: 'project-form' },
    h('label', { for: 'edit-project-name' }, 'Name', name), h('div', { class: 'actions' }, save));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (await attempt(status, () => api.renameProject(project, name.value.trim()), save)) reload();
  });
  const toggle = h('button', { type: 'button', class: 'secondary', id: active ? 'deactivate-project' : 'reactivate-project',
    onclick: async () => {
      if (await attempt(status, () => api.setProjectActive(project.id, !active), toggle)) reload();
    } }, active ? 'Deactivate' : 'Reactivate');
  const remove = h('button', { type: 'button', class: 'danger', id: 'delete-project',
    onclick: () => confirmDialog(`Delete the project ${project.name}? Its roles, API applications and keys are `
      + 'removed, and so are the users\' grants on it. It cannot be undone.', 'Delete', async () => {
      if (await attempt(status, () => api.deleteProject(project.id), remove)) navigate('#/projects');
    }) }, 'Delete project');
  replace(where, h('div', { class: 'card' }, h('h2', {}, 'Settings'),
    h('p', {}, 'State: ', h('strong', { id: 'project-state' }, stateWord(project.state)),
      active ? '' : ' (its API applications cannot introspect tokens until it is reactivated)'),
    form, h('div', { class: 'actions' }, toggle, remove), status));
}

/** The project's roles: the keys that appear in the role claims of introspection. */
async function rolesCard(projectId, where) {
  const status = h('div', { id: 'roles-status' });
  const list = h('div', { id: 'roles-list' });
  const field = (fieldId, label, required, hint) => {
    const input = h('input', { type: 'text', id: fieldId, required, maxlength: 200 });
    return [input, h('label', { for: fieldId }, label, input, hint && h('span', { class: 'hint' }, hint))];
  };
  const [key, keyLabel] = field('role-key', 'Key', true, 'As it appears in tokens, e.g. reader');
  const [display, displayLabel] = field('role-display-name', 'Display name', true);
  const [group, groupLabel] = field('role-group', 'Group (optional)', false);
  const add = h('button', { type: 'submit', id: 'add-role' }, 'Add role');
  const form = h('form', { class: 'stack', id: 'new-role-form' }, keyLabel, displayLabel, groupLabel,
    h('div', { class: 'actions' }, add), status);
  replace(where, h('div', { class: 'card' }, h('h2', {}, 'Roles'), list, h('h3', {}, 'New role'), form));
  const load = async () => {
    const answer = await attempt(status, () => api.roles(projectId));
    if (!answer) return;
    const roles = answer.result || [];
    if (roles.length === 0) return replace(list, h('p', { class: 'empty', id: 'roles-empty' }, 'This project has no roles yet.'));
    replace(list, table(['Key', 'Display name', 'Group', 'Action'], roles.map((role) => {
      const rowStatus = h('div');
      const remove = h('button', { type: 'button', class: 'danger delete-role', 'aria-label': `Delete role ${role.key}`,
        onclick: () => confirmDialog(`Delete the role ${role.key}? It is taken out of every user's grant on this project.`,
          'Delete', async () => {
            if (await attempt(rowStatus, () => api.deleteRole(projectId, role.key), remove)) load();
          }) }, 'Delete');
      return h('tr', { 'data-role-key': role.key }, h('td', {}, role.key), h('td', {}, role.displayName),
        h('td', {}, role.group || ''), h('td', {}, remove, rowStatus));
    })));
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const added = await attempt(status, () => api.addRole(projectId, key.value.trim(), display.value.trim(),
      group.value.trim() || undefined), add);
    if (!added) return;
    form.reset();
    load();
    key.focus();
  });
  load();
}

/** The project's API applications: the resource servers that introspect tokens. */
async function appsCard(projectId, where) {
  const status = h('div', { id: 'apps-status' });
  const list = h('div', { id: 'apps-list' });
  const name = h('input', { type: 'text', id: 'app-name', name: 'name', required: true, maxlength: 200 });
  const method = (value, label, hint, checked) => h('label', { class: 'check' },
    h('input', { type: 'radio', name: 'authMethodType', value, id: `auth-${value === BASIC ? 'basic' : 'jwt'}`, checked }),
    h('span', {}, label, h('br'), h('span', { class: 'hint' }, hint)));
  const create = h('button', { type: 'submit', id: 'create-app' }, 'Create API application');
  const form = h('form', { class: 'stack', id: 'new-app-form' },
    h('label', { for: 'app-name' }, 'Name', name, h('span', { class: 'hint' }, 'Unique in the project, e.g. billing-rs')),
    h('fieldset', {}, h('legend', {}, 'How it authenticates at introspection'),
      method(BASIC, 'Basic (client secret)', 'Client ID and a secret, shown once after creation.', true),
      method(PRIVATE_KEY_JWT, 'Private key JWT', 'A key file you create on the application\'s page.', false)),
    h('div', { class: 'actions' }, create), status);
  replace(where, h('div', { class: 'card' }, h('h2', {}, 'API applications'), list,
    h('h3', {}, 'New API application'), form));
  const load = async () => {
    const answer = await attempt(status, () => api.apps(projectId));
    if (!answer) return;
    const apps = answer.result || [];
    if (apps.length === 0) {
      return replace(list, h('p', { class: 'empty', id: 'apps-empty' }, 'This project has no API applications yet.'));
    }
    replace(list, table(['Name', 'Client ID', 'Authentication', 'State'], apps.map((a) => h('tr', { 'data-app-id': a.id },
      h('td', {}, h('a', { href: `${projectHref(projectId)}/apps/${encodeURIComponent(a.id)}`, class: 'app-link' }, a.name)),
      h('td', { class: 'app-client-id' }, (a.apiConfig || {}).clientId), h('td', {}, authMethodWord(a)),
      h('td', {}, stateWord(a.state))))));
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = form.querySelector('input[name=authMethodType]:checked');
    if (!chosen) return replace(status, errorBox('Choose how the application authenticates.'));
    const created = await attempt(status, () => api.createApiApp(projectId, name.value.trim(), chosen.value), create);
    if (!created) return;
    form.reset();
    if (created.clientSecret) {
      tokenDialog(created.clientSecret, load, { title: 'Copy the client secret now',
        label: `Client secret of client ID ${created.clientId}`, noun: 'secret' });
    } else {
      navigate(`${projectHref(projectId)}/apps/${encodeURIComponent(created.appId)}`);
    }
  });
  load();
}
