// The practice page: one item at a time, a live "interpreted as" preview, feedback that names the
// misconception and links to its repair, three hints, the worked solution and progress per skill.
import { api, uuid, withSession } from './session.js';
import { el, fill, mathEl, mixed, status } from './dom.js';
import { ResearchRoom } from './research.js';
import { skillName } from './names.js';

/** Debounce of the preview: short enough to stay well inside the 100 ms the preview is allowed. */
const PREVIEW_DEBOUNCE_MS = 5;

const setId = Number(window.location.pathname.split('/').filter(Boolean)[1]);
const page = {
  item: null,
  submission: null,
  diagnosed: null,
  concept: null,
  previews: new Map(),
};

// Read by the browser test: the item on screen, and the time from each input event to its preview on screen.
window.chainwise = { previewTimings: [], itemId: () => (page.item ? page.item.id : null) };

const research = new ResearchRoom(document.getElementById('research'));
document.getElementById('demo-link').href = withSession('/demo');
document.getElementById('answer-form').addEventListener('submit', (event) => {
  event.preventDefault();
  submit();
});
document.getElementById('hint').addEventListener('click', hint);
document.getElementById('solution').addEventListener('click', solution);
document.getElementById('next').addEventListener('click', next);

function updateTargets() {
  const targets = [];
  if (page.item) {
    targets.push({ key: 'item:' + page.item.id, label: 'This item' });
  }
  if (page.diagnosed) {
    targets.push({ key: 'misconception:' + page.diagnosed, label: 'The misconception just diagnosed (' + page.diagnosed + ')' });
  }
  if (page.concept) {
    targets.push({ key: page.concept.key, label: 'The repair: ' + page.concept.title });
  }
  targets.push({ key: 'equation:chain-rule', label: 'The chain rule equation' });
  research.setTargets(targets);
}

async function start() {
  if (!Number.isInteger(setId) || setId <= 0) {
    status('This address names no practice set.', 'error');
    return;
  }
  api('GET', '/practice-sets').then((sets) => {
    const set = (sets || []).find((s) => s.id === setId);
    if (set) {
      document.getElementById('set-title').textContent = set.title;
      document.title = set.title + ' · Chainwise';
    }
  }).catch(() => {});
  await next();
}

async function next() {
  try {
    const { item, progress } = await api('POST', '/practice-sets/' + setId + '/next');
    showProgress(progress);
    if (!item) {
      status('You have finished this practice set.');
      document.getElementById('item').hidden = true;
      return;
    }
    showItem(item);
    status('');
  } catch (e) {
    status(e.message, 'error');
  }
}

function showItem(item) {
  page.item = item;
  page.submission = null;
  page.diagnosed = null;
  page.concept = null;
  document.getElementById('item').hidden = false;
  const stem = document.getElementById('stem');
  fill(stem, mixed('p', item.stem.latex, item.stem.text, { id: 'stem-text' }));
  fill(document.getElementById('givens'), (item.givens || []).map((g) =>
    el('li', {}, g.name ? g.name + ': ' : '', g.latex ? mathEl('span', g.latex, g.text) : g.text)));
  showAnswerParts(item);
  fill(document.getElementById('feedback'));
  fill(document.getElementById('concept'));
  fill(document.getElementById('hints'));
  (item.hintsShown || []).forEach(addHint);
  document.getElementById('hints-section').hidden = (item.hintsShown || []).length === 0;
  fill(document.getElementById('solution-steps'));
  document.getElementById('solution-section').hidden = true;
  setHintsLeft(item.hintsLeft);
  setSolved(item.solved);
  if (item.solutionShown) {
    solution();
  }
  updateTargets();
  const first = document.querySelector('#answer-parts input');
  if (first) {
    first.focus();
  }
}

function showAnswerParts(item) {
  const parts = item.answerParts && item.answerParts.length ? item.answerParts : [{ name: 'answer', variable: 'x' }];
  const single = parts.length === 1;
  page.previews = new Map();
  fill(document.getElementById('answer-parts'), parts.map((part) => {
    const id = 'answer-' + part.name;
    const input = el('input', {
      type: 'text', id, name: part.name, autocomplete: 'off', autocapitalize: 'off', spellcheck: 'false',
      inputmode: 'text', 'aria-describedby': id + '-preview ' + id + '-help',
    });
    const preview = el('div', { id: id + '-preview', class: 'preview', 'aria-live': 'polite', 'aria-atomic': 'true' });
    page.previews.set(part.name, { input, preview, timer: 0, controller: null });
    input.addEventListener('input', (event) => schedulePreview(part.name, single, event.timeStamp));
    return el('div', { class: 'answer-part' },
      el('label', { for: id }, single ? 'Your answer' : part.name + (part.variable ? ' (in ' + part.variable + ')' : '')),
      input,
      el('p', { id: id + '-help', class: 'muted' }, 'Type as you would write it: 2x cos(x^2), e^(3x), sqrt(x). Enter checks it.'),
      el('div', { class: 'muted', 'aria-hidden': 'true' }, 'Interpreted as:'),
      preview);
  }));
}

function schedulePreview(part, single, startedAt) {
  const slot = page.previews.get(part);
  clearTimeout(slot.timer);
  slot.timer = setTimeout(() => preview(part, single, startedAt), PREVIEW_DEBOUNCE_MS);
}

async function preview(part, single, startedAt) {
  const slot = page.previews.get(part);
  const value = slot.input.value;
  if (slot.controller) {
    slot.controller.abort();
  }
  if (!value.trim()) {
    slot.preview.className = 'preview';
    fill(slot.preview);
    delete slot.preview.dataset.previewFor;
    return;
  }
  const controller = new AbortController();
  slot.controller = controller;
  const item = page.item;
  try {
    const body = single ? { answer: value } : { answer: value, part };
    const result = await api('POST', '/items/' + item.id + '/preview', body, { signal: controller.signal });
    if (controller.signal.aborted || item !== page.item) {
      return;
    }
    if (result.valid) {
      slot.preview.className = 'preview valid';
      fill(slot.preview, el('span', { class: 'visually-hidden' }, 'Interpreted as '));
      slot.preview.append(mathEl('span', '\\displaystyle ' + result.interpretedAs.latex, result.interpretedAs.text));
    } else {
      slot.preview.className = 'preview invalid';
      const at = result.error.position > 0 ? ' (at character ' + result.error.position + ')' : '';
      fill(slot.preview, result.error.message + at);
    }
    slot.preview.dataset.previewFor = value;
    requestAnimationFrame(() => {
      const ms = performance.now() - startedAt;
      window.chainwise.previewTimings.push({ value, ms });
      slot.preview.dataset.previewMs = ms.toFixed(1);
    });
  } catch (e) {
    if (e.name !== 'AbortError') {
      slot.preview.className = 'preview invalid';
      fill(slot.preview, e.message);
    }
  }
}

function answers() {
  const result = {};
  page.previews.forEach((slot, name) => { result[name] = slot.input.value; });
  return result;
}

async function submit() {
  const item = page.item;
  const given = answers();
  if (Object.values(given).every((v) => !v.trim())) {
    showFeedback({ verdict: 'invalid', feedback: 'Type an answer first.' });
    return;
  }
  // One submission id per distinct answer: a retry after a lost response is recognised as the same submission.
  const key = JSON.stringify(given);
  if (!page.submission || page.submission.key !== key) {
    page.submission = { key, id: uuid() };
  }
  const button = document.getElementById('submit');
  button.disabled = true;
  try {
    const result = await api('POST', '/items/' + item.id + '/attempts', { submissionId: page.submission.id, answers: given });
    if (item !== page.item) {
      return;
    }
    showFeedback(result);
    if (result.progress) {
      showProgress(result.progress);
    }
    setSolved(result.solved);
  } catch (e) {
    showFeedback({ verdict: 'invalid', feedback: e.message });
  } finally {
    button.disabled = page.item && page.item.solved;
  }
}

function showFeedback(result) {
  const box = document.getElementById('feedback');
  const verdictText = { correct: 'Correct.', incorrect: 'Not yet.', invalid: 'Not an answer I can read.' }[result.verdict] || result.verdict;
  const misconceptions = result.misconceptions || [];
  page.diagnosed = misconceptions.length ? misconceptions[0].code : null;
  page.concept = null;
  fill(document.getElementById('concept'));
  // The API's feedback may open with the verdict and carry each explanation: say each thing once.
  const feedback = (result.feedback || '').replace(/^(Correct\.|Not yet\.)\s*/, '');
  fill(box, el('div', { class: 'feedback ' + result.verdict, id: 'feedback-box', dataset: { verdict: result.verdict } },
    el('p', { class: 'verdict' }, verdictText),
    result.interpretedAs && result.interpretedAs.latex
      ? el('p', {}, 'You answered ', mathEl('span', '\\displaystyle ' + result.interpretedAs.latex, result.interpretedAs.text)) : null,
    feedback ? el('p', {}, feedback) : null,
    result.error && result.error.message ? el('p', {}, result.error.message) : null,
    misconceptions.length ? el('ul', { class: 'misconceptions' }, misconceptions.map((m) => misconceptionItem(m, feedback))) : null));
  updateTargets();
}

function misconceptionItem(m, feedback) {
  const concept = m.concept || { key: 'misconception:' + m.code, title: m.code };
  const explained = m.explanation && !feedback.includes(m.explanation);
  return el('li', { dataset: { code: m.code } },
    el('span', { class: 'misconception-code' }, m.code), m.layer ? ' (layer ' + m.layer + ')' : '',
    explained ? [': ', m.explanation] : '', ' ',
    el('a', {
      href: '#concept', class: 'concept-link', dataset: { concept: concept.key },
      onclick: (event) => { event.preventDefault(); showConcept(concept); },
    }, 'How to repair it: ' + concept.title));
}

async function showConcept(summary) {
  const box = document.getElementById('concept');
  try {
    const concept = await api('GET', '/concepts/' + encodeURIComponent(summary.key));
    page.concept = { key: summary.key, title: concept.title || summary.title };
    const heading = concept.code ? 'How to repair ' + concept.code : page.concept.title;
    const fields = [['wrongAnswer', 'The tempting answer for sin(x²)'], ['why', 'Why it is tempting'], ['repair', 'The repair'],
      ['description', ''], ['text', '']];
    fill(box, el('section', { class: 'concept card', id: 'concept-box', tabindex: '-1', 'aria-labelledby': 'concept-title' },
      el('h3', { id: 'concept-title' }, heading),
      fields.filter(([name]) => typeof concept[name] === 'string')
        .map(([name, label]) => el('p', { dataset: { field: name } }, label ? el('strong', {}, label + ': ') : null, concept[name])),
      concept.latex ? mathEl('div', concept.latex, concept.text, true) : null));
    document.getElementById('concept-box').focus();
    updateTargets();
  } catch (e) {
    fill(box, el('p', { class: 'status-error' }, e.message));
  }
}

function addHint(h) {
  document.getElementById('hints').append(mixed('li', h.latex, h.text, { dataset: { step: String(h.step) } }));
}

function setHintsLeft(left) {
  const button = document.getElementById('hint');
  button.textContent = left > 0 ? 'Hint (' + left + ' left)' : 'No hints left';
  button.disabled = !(left > 0);
}

async function hint() {
  const item = page.item;
  try {
    const h = await api('POST', '/items/' + item.id + '/hints');
    addHint(h);
    document.getElementById('hints-section').hidden = false;
    setHintsLeft(h.hintsLeft);
  } catch (e) {
    status(e.message, 'error');
  }
}

async function solution() {
  const item = page.item;
  try {
    const { steps } = await api('POST', '/items/' + item.id + '/solution');
    fill(document.getElementById('solution-steps'), steps.map((s) =>
      el('li', {}, s.text, s.latex ? mathEl('div', s.latex, '', true) : null)));
    document.getElementById('solution-section').hidden = false;
    document.getElementById('solution').hidden = true;
    document.getElementById('next').hidden = false;
  } catch (e) {
    status(e.message, 'error');
  }
}

function setSolved(solved) {
  page.item.solved = Boolean(solved);
  document.getElementById('submit').disabled = page.item.solved;
  document.getElementById('next').hidden = !page.item.solved && document.getElementById('solution-section').hidden;
  document.getElementById('solution').textContent = page.item.solved ? 'Show the worked solution' : 'Give up: show the worked solution';
  if (page.item.solved) {
    document.getElementById('next').focus();
  }
}

function showProgress(progress) {
  if (!progress) {
    return;
  }
  fill(document.getElementById('progress-summary'),
    progress.itemsAttempted + ' attempted, ' + progress.itemsCorrect + ' correct' + (progress.completed ? ' · set complete' : ''));
  fill(document.getElementById('skills'), (progress.skills || []).map((s) => {
    const percent = Math.round(100 * s.pMastery);
    const bar = el('span', { class: s.mastered ? 'mastered' : '' });
    bar.style.width = percent + '%';
    return el('li', { dataset: { skill: s.skill } },
      el('span', {}, skillName(s.skill)),
      el('span', { class: 'bar', role: 'meter', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(percent),
        'aria-label': skillName(s.skill) + ' mastery' }, bar),
      el('span', { class: 'num' }, percent + '%' + (s.mastered ? ' ✓' : '')));
  }));
}

start();
