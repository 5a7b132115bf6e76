// The teacher dashboard: the course's misconception report as charts (by skill, by item family,
// over the weeks), a students × skills mastery heat map, the raw answers behind a misconception,
// shared notes, and CSV downloads. Reads the report JSON of reports/README.md.
import { api } from './session.js';
import { el, fill, status } from './dom.js';
import { lines, stackedBars } from './charts.js';
import { ResearchRoom } from './research.js';
import { skillName } from './names.js';

const courseId = Number(window.location.pathname.split('/').filter(Boolean)[1]);
const research = new ResearchRoom(document.getElementById('research'));
const drill = { code: null, nextBefore: null };

// Read by the browser test.
window.chainwise = { reportLoaded: false };

async function start() {
  if (!Number.isInteger(courseId) || courseId <= 0) {
    status('This address names no course.', 'error');
    return;
  }
  document.getElementById('csv-students').addEventListener('click', () => download('students'));
  document.getElementById('csv-attempts').addEventListener('click', () => download('attempts'));
  try {
    const report = await api('GET', '/courses/' + courseId + '/report');
    show(report);
    window.chainwise.reportLoaded = true;
  } catch (e) {
    status(e.message, 'error');
  }
  sharedNotes();
}

function show(report) {
  if (report.courseTitle) {
    document.getElementById('course-title').textContent = report.courseTitle + ' · teacher dashboard';
    document.title = report.courseTitle + ' · Chainwise';
  }
  const t = report.totals;
  fill(document.getElementById('summary'), el('p', { id: 'totals' },
    `${t.studentsStarted} of ${t.students} students started · ${t.attempts} answers: ${t.correct} correct, `
    + `${t.incorrect} incorrect, ${t.invalid} unreadable`));
  const seen = report.misconceptions.filter((m) => m.attempts > 0 || m.studentsHolding > 0);
  const codes = seen.map((m) => m.code);
  showBySkill(report, seen, codes);
  showByFamily(report, codes);
  showOverTime(report, seen, codes);
  showHeatMap(report);
  research.setTargets([{ key: 'concept:calculus/chain-rule', label: 'The chain rule (the concept)' },
    ...seen.map((m) => ({ key: 'misconception:' + m.code, label: 'Misconception ' + m.code }))]);
}

function showBySkill(report, seen, codes) {
  const box = document.getElementById('by-skill');
  if (seen.length === 0) {
    fill(box, el('p', { class: 'muted' }, 'No misconception diagnosed yet.'));
    return;
  }
  // A code's skill (the skill it undermines, "skill" in the report); OTHER undermines none and stands alone.
  const skillOf = (m) => m.skill || (Array.isArray(m.skills) && m.skills[0]) || null;
  const named = seen.some(skillOf);
  const bySkill = new Map();
  seen.forEach((m) => {
    const label = named ? (skillOf(m) ? skillName(skillOf(m)) : 'no single skill') : m.code;
    if (!bySkill.has(label)) {
      bySkill.set(label, []);
    }
    bySkill.get(label).push({ key: m.code, value: m.attempts });
  });
  const rows = [...bySkill.entries()].map(([label, segments]) => ({ label, segments }));
  fill(box, named ? null : el('p', { class: 'muted' }, 'This report names no skill per misconception: answers per misconception.'),
    stackedBars(named ? 'Answers showing each misconception, by the skill it undermines'
      : 'Answers showing each misconception', rows, codes, drillDown, chartWidth(box)),
    el('p', { class: 'muted' }, 'Held now: ', seen.map((m) => `${m.code} by ${m.studentsHolding} (${trendText(m.trend)})`).join(', '), '.'));
}

/** The width a chart is shown at: its card's inner width, at most 640. */
function chartWidth(box) {
  return Math.max(280, Math.min(640, Math.floor(box.clientWidth || 640)));
}

function trendText(trend) {
  return { RISING: 'rising', FADING: 'fading', STEADY: 'steady', NONE: 'not seen', INSUFFICIENT: 'too early to tell' }[trend] || trend;
}

function showByFamily(report, codes) {
  const box = document.getElementById('by-family');
  const rows = report.families.filter((f) => f.distractors.length > 0).map((f) => ({
    label: f.family,
    segments: f.distractors.reduce((acc, d) => {
      const existing = acc.find((s) => s.key === d.code);
      if (existing) {
        existing.value += d.attempts;
      } else {
        acc.push({ key: d.code, value: d.attempts });
      }
      return acc;
    }, []),
  }));
  const keys = [...new Set([...codes, ...rows.flatMap((r) => r.segments.map((s) => s.key))])];
  fill(box, rows.length === 0 ? el('p', { class: 'muted' }, 'No wrong answers yet.')
    : stackedBars('Wrong answers by item family and misconception', rows, keys, drillDown, chartWidth(box)));
}

function showOverTime(report, seen, codes) {
  const box = document.getElementById('over-time');
  if (report.weeks.length === 0 || seen.length === 0) {
    fill(box, el('p', { class: 'muted' }, 'Nothing to chart yet.'));
    return;
  }
  const series = seen.map((m) => ({ key: m.code, values: report.weeks.map((w) => (m.weekly.find((x) => x.week === w) || { attempts: 0 }).attempts) }));
  fill(box, lines('Answers showing each misconception, per week', report.weeks, series, codes, 'answers', chartWidth(box)));
}

function heatColour(p) {
  // White to the accent blue; the text switches to white where the cell gets dark.
  const t = Math.max(0, Math.min(1, p));
  const mix = (a, b) => Math.round(a + (b - a) * t);
  return `rgb(${mix(255, 11)}, ${mix(255, 87)}, ${mix(255, 208)})`;
}

function showHeatMap(report) {
  const box = document.getElementById('heat');
  if (report.students.length === 0) {
    fill(box, el('p', { class: 'muted' }, 'No students on the roster yet.'));
    return;
  }
  const skills = report.students[0].skills.map((s) => s.skill);
  fill(box, el('table', { class: 'heat', id: 'heat-map' },
    el('caption', { class: 'visually-hidden' }, 'Probability of mastery per student and skill'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'student'), el('th', { scope: 'col' }, 'holds'),
      skills.map((s) => el('th', { scope: 'col' }, skillName(s))))),
    el('tbody', {}, report.students.map((student) => el('tr', { dataset: { userId: String(student.userId) } },
      el('th', { scope: 'row' }, student.name, el('div', { class: 'muted' }, `${student.correct}/${student.attempts} correct`)),
      el('td', {}, student.misconceptions.map((m) =>
        el('button', { type: 'button', class: 'secondary holds', dataset: { code: m.code }, onclick: () => drillDown(m.code) }, m.code))),
      skills.map((skill) => {
        const s = student.skills.find((x) => x.skill === skill) || { pMastery: null };
        const cell = el('td', { class: 'cell', title: `${student.name}, ${skillName(skill)}` },
          s.pMastery === null ? '–' : Math.round(100 * s.pMastery) + (s.mastered ? '% ✓' : '%'));
        if (s.pMastery !== null) {
          cell.style.background = heatColour(s.pMastery);
          cell.style.color = s.pMastery > 0.55 ? '#ffffff' : '#1b1b1f';
        }
        return cell;
      }))))));
}

async function drillDown(code, more = false) {
  const section = document.getElementById('answers-section');
  const box = document.getElementById('answers');
  if (!more) {
    drill.code = code;
    drill.nextBefore = null;
  }
  const query = '?limit=50' + (more && drill.nextBefore ? '&before=' + drill.nextBefore : '');
  try {
    const page = await api('GET', '/courses/' + courseId + '/misconceptions/' + encodeURIComponent(code) + '/answers' + query);
    drill.nextBefore = page.nextBefore;
    section.hidden = false;
    const rows = page.answers.map((a) => el('tr', { dataset: { attemptId: String(a.attemptId) } },
      el('td', {}, a.studentName), el('td', {}, a.family), el('td', {}, a.item),
      el('td', {}, el('code', {}, a.rawAnswer)), el('td', {}, a.interpretedText || ''),
      el('td', { class: 'num' }, a.layer === null ? '' : String(a.layer)),
      el('td', {}, new Date(a.submittedAt).toLocaleString())));
    if (more) {
      box.querySelector('tbody').append(...rows);
    } else {
      fill(box, el('p', {}, `Answers diagnosed as ${code}, newest first.`),
        el('table', { id: 'answers-table' }, el('thead', {}, el('tr', {}, ['student', 'family', 'item', 'answer as typed',
          'read as', 'layer', 'submitted'].map((h) => el('th', { scope: 'col' }, h)))), el('tbody', {}, rows)),
        el('div', { class: 'row', id: 'answers-more' }));
      research.setTargets(research.targets, 'misconception:' + code);
    }
    fill(document.getElementById('answers-more'), drill.nextBefore
      ? el('button', { type: 'button', class: 'secondary', onclick: () => drillDown(code, true) }, 'More answers') : '');
    if (!more) {
      document.getElementById('answers-heading').focus();
    }
  } catch (e) {
    status(e.message, 'error');
  }
}

async function sharedNotes() {
  const list = document.getElementById('shared-notes');
  try {
    const notes = await api('GET', '/courses/' + courseId + '/notes');
    const items = Array.isArray(notes) ? notes : (notes && notes.notes) || [];
    fill(list, items.length === 0 ? el('li', { class: 'muted' }, 'No shared notes yet.') : items.map((n) => el('li', {},
      el('p', {}, el('strong', {}, n.question)),
      el('p', { class: 'muted' }, `${n.authorName || 'someone'} on ${n.objectKey}`),
      n.evidence ? el('p', {}, 'Evidence: ', n.evidence) : null,
      n.nextAction ? el('p', {}, 'Next: ', n.nextAction) : null)));
  } catch (e) {
    fill(list, el('li', { class: 'status-error' }, e.message));
  }
}

async function download(rows) {
  try {
    const response = await api('GET', '/courses/' + courseId + '/report.csv?rows=' + rows, undefined, { raw: true, accept: 'text/csv, */*;q=0.1' });
    const url = URL.createObjectURL(await response.blob());
    const link = el('a', { href: url, download: `chainwise-course-${courseId}-${rows}.csv` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    status('Downloaded the ' + rows + ' CSV.');
  } catch (e) {
    status(e.message, 'error');
  }
}

start();
