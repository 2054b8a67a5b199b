// The Warden console's router: hash routes, each rendering a page module into <main id="view">.
// Pages: signin.js, org.js, users.js (list, new), user.js (a user's page and its tabs),
// projects.js and project-app.js (projects, roles, API apps, app keys), members.js. All text
// from the API goes in through dom.js as text.
import { session } from './api.js';
import { setRouter, navigate } from './ui.js';
import { signInPage } from './signin.js';
import { orgPage, showActingOrg } from './org.js';
import { usersPage, newUserPage } from './users.js';
import { userPage } from './user.js';
import { projectsPage, projectPage } from './projects.js';
import { appPage } from './project-app.js';
import { membersPage } from './members.js';

const nav = document.getElementById('nav');

document.getElementById('sign-out').addEventListener('click', () => {
  session.signOut();
  navigate('#/signin');
});
setRouter(route);
window.addEventListener('hashchange', route);
route();

function route() {
  document.querySelectorAll('dialog').forEach((d) => d.remove());
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (!session.token() || parts[0] === 'signin') {
    nav.hidden = true;
    document.getElementById('acting-org').hidden = true;
    return signInPage();
  }
  nav.hidden = false;
  showActingOrg();
  if (parts[0] === 'users' && parts[1] === 'new') return newUserPage();
  if (parts[0] === 'users' && parts[1]) return userPage(parts[1], parts[2]);
  if (parts[0] === 'users') return usersPage();
  if (parts[0] === 'projects' && parts[1] && parts[2] === 'apps' && parts[3]) return appPage(parts[1], parts[3]);
  if (parts[0] === 'projects' && parts[1]) return projectPage(parts[1]);
  if (parts[0] === 'projects') return projectsPage();
  if (parts[0] === 'members') return membersPage();
  return orgPage();
}
