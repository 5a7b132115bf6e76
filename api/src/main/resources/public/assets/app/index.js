// The way in: from an LMS a launch lands directly on a practice page or the dashboard; on a server
// with the development sign-in on, this page signs in as a demo user and lists where to go.
import { api, keepToken, token, withSession } from './session.js';
import { el, fill, status } from './dom.js';

/** The seeded demo course's people (the notes helper's DemoCourse): signing in as one of them picks up their history. */
const DEMO_COURSE = { course: 'chainwise-demo', courseTitle: 'Chain rule demo' };
const DEMO_USERS = [
  { subject: 'ana', name: 'Ana Lima', role: 'learner', label: 'Ana Lima (student)' },
  { subject: 'ben', name: 'Ben Carter', role: 'learner', label: 'Ben Carter (student)' },
  { subject: 'chen', name: 'Chen Wei', role: 'learner', label: 'Chen Wei (student)' },
  { subject: 'teacher', name: 'Dr. Tess Okafor', role: 'instructor', label: 'Dr. Tess Okafor (teacher)' },
];

async function signIn(user) {
  try {
    const session = await api('POST', '/dev/sign-in', { subject: user.subject, name: user.name, role: user.role, ...DEMO_COURSE });
    keepToken(session.token);
    await showSignedIn(session);
  } catch (e) {
    status(e.message, 'error');
  }
}

async function showSignedIn(session) {
  const body = document.getElementById('signed-in-body');
  document.getElementById('signed-in').hidden = false;
  if (session.role === 'instructor') {
    fill(body, el('p', {}, el('a', { class: 'button', id: 'open-dashboard', href: withSession('/teacher/' + session.courseId) },
      'Open the teacher dashboard')));
    document.getElementById('open-dashboard').focus();
    return;
  }
  const sets = await api('GET', '/practice-sets');
  fill(body, sets.length === 0
    ? el('p', {}, 'Your course has no practice sets yet.')
    : el('ul', { id: 'practice-sets' }, sets.map((set) => el('li', {},
      el('a', { href: withSession('/practice/' + set.id), dataset: { setId: String(set.id) } }, set.title),
      set.skills && set.skills.length ? el('span', { class: 'muted' }, ' · ' + set.skills.length + ' skills') : null))));
  const first = body.querySelector('a');
  if (first) {
    first.focus();
  }
}

if (document.body.dataset.devSignIn === 'true') {
  document.getElementById('dev-sign-in').hidden = false;
  fill(document.getElementById('demo-users'), DEMO_USERS.map((user) =>
    el('button', { type: 'button', class: 'secondary', dataset: { subject: user.subject }, onclick: () => signIn(user) },
      'Sign in as ' + user.label)));
}
if (token()) {
  status('You have a session in this tab; sign in again to switch user.');
}
