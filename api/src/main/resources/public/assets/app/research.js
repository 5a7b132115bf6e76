// The research-room panel: attach a note to an object on screen, see one's notes on it, copy the
// tutor hand-off prompt. Pages say what is on screen by calling setTargets([{key, label}]).
import { api, token } from './session.js';
import { el, fill } from './dom.js';

export class ResearchRoom {
  constructor(container) {
    this.container = container;
    this.targets = [];
    this.selected = null;
    this.build();
  }

  build() {
    this.details = el('details', { id: 'research-room', ontoggle: () => this.refresh() });
    this.refreshTimer = 0;
    this.select = el('select', { id: 'note-target', onchange: () => this.choose(this.select.value) });
    this.question = el('textarea', { id: 'note-question', required: true, 'aria-describedby': 'note-question-help' });
    this.evidence = el('textarea', { id: 'note-evidence' });
    this.nextAction = el('input', { type: 'text', id: 'note-next' });
    this.shared = el('input', { type: 'checkbox', id: 'note-shared' });
    this.list = el('ul', { class: 'notes', id: 'notes-list', 'aria-live': 'polite' });
    this.all = el('input', { type: 'checkbox', id: 'notes-all', onchange: () => this.refresh() });
    this.message = el('p', { id: 'note-message', role: 'status', 'aria-live': 'polite' });
    const form = el('form', { id: 'note-form', novalidate: true, onsubmit: (e) => { e.preventDefault(); this.save(); } },
      el('label', { for: 'note-target' }, 'Attach to'), this.select,
      el('label', { for: 'note-question' }, 'Question or observation'), this.question,
      el('p', { id: 'note-question-help', class: 'muted' }, 'What is unclear, or what did this make clear?'),
      el('label', { for: 'note-evidence' }, 'Evidence (optional)'), this.evidence,
      el('label', { for: 'note-next' }, 'Next action (optional)'), this.nextAction,
      el('label', { class: 'inline', for: 'note-shared' }, this.shared, 'Share with my course (teachers see shared notes)'),
      el('div', { class: 'row' }, el('button', { type: 'submit', id: 'note-save' }, 'Save note')),
      this.message);
    fill(this.details,
      el('summary', {}, 'Research room'),
      token() ? [form, el('h3', {}, 'My notes'),
        el('label', { class: 'inline', for: 'notes-all' }, this.all, 'All my notes, not only those on this'), this.list]
        : el('p', { class: 'muted' }, 'Sign in (open Chainwise from your course) to keep notes.'));
    fill(this.container, this.details);
  }

  /** The objects a note can be attached to now, most specific first. */
  setTargets(targets, preferred) {
    this.targets = targets;
    const keep = preferred || (targets.some((t) => t.key === this.selected) ? this.selected : targets[0] && targets[0].key);
    fill(this.select, targets.map((t) => el('option', { value: t.key }, t.label)));
    if (keep) {
      this.choose(keep);
    }
  }

  /** Opens the panel on one object. */
  open(key) {
    this.details.open = true;
    if (key) {
      this.choose(key);
    }
    this.question.focus();
  }

  choose(key) {
    if (key === this.selected && this.select.value === key) {
      return;
    }
    this.selected = key;
    this.select.value = key;
    // A slider drag changes the demo's key many times a second: ask for the notes once it rests.
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.refresh(), 250);
  }

  async refresh() {
    if (!token() || !this.selected || !this.details.open) {
      return;
    }
    const key = this.selected;
    const all = this.all.checked;
    try {
      const notes = await api('GET', all ? '/notes?limit=50' : '/notes?object=' + encodeURIComponent(key));
      if (key === this.selected && all === this.all.checked) {
        this.show(notes);
      }
    } catch (e) {
      fill(this.message, e.message);
    }
  }

  show(notes) {
    const list = Array.isArray(notes) ? notes : (notes && notes.notes) || [];
    if (list.length === 0) {
      fill(this.list, el('li', { class: 'muted' }, 'No notes on this yet.'));
      return;
    }
    fill(this.list, list.map((note) => this.noteItem(note)));
  }

  noteItem(note) {
    const prompt = el('textarea', { class: 'handoff', readonly: true, hidden: true, 'aria-label': 'Tutor hand-off prompt' });
    const copied = el('span', { role: 'status', 'aria-live': 'polite' });
    const copy = el('button', { type: 'button', class: 'secondary', dataset: { noteId: String(note.id) },
      onclick: () => this.copyHandoff(note.id, prompt, copied) }, 'Copy tutor hand-off prompt');
    return el('li', { dataset: { noteId: String(note.id), objectKey: note.objectKey } },
      el('p', {}, el('strong', {}, note.question)),
      this.all.checked ? el('p', { class: 'muted' }, 'On ', el('code', {}, note.objectKey)) : null,
      note.evidence ? el('p', {}, 'Evidence: ', note.evidence) : null,
      note.nextAction ? el('p', {}, 'Next: ', note.nextAction) : null,
      note.resolution ? el('p', {}, 'Resolution: ', note.resolution) : null,
      el('p', { class: 'muted' }, [note.visibility === 'shared' ? 'shared' : 'private', note.createdAt ? ' · ' + new Date(note.createdAt).toLocaleString() : ''].join('')),
      el('div', { class: 'row' }, copy, copied), prompt);
  }

  async copyHandoff(id, prompt, copied) {
    try {
      const { prompt: text } = await api('GET', '/notes/' + id + '/handoff');
      prompt.value = text;
      prompt.hidden = false;
      let done = false;
      try {
        await navigator.clipboard.writeText(text);
        done = true;
      } catch (e) {
        // A cross-origin frame may not be allowed the clipboard: select the text for Ctrl+C instead.
        prompt.focus();
        prompt.select();
        done = document.execCommand && document.execCommand('copy');
      }
      fill(copied, done ? 'Copied.' : 'Selected: press Ctrl+C to copy.');
    } catch (e) {
      fill(copied, e.message);
    }
  }

  async save() {
    const question = this.question.value.trim();
    if (!question) {
      fill(this.message, 'Write the question or observation first.');
      this.question.focus();
      return;
    }
    try {
      await api('POST', '/notes', {
        objectKey: this.selected,
        question,
        evidence: this.evidence.value.trim() || null,
        nextAction: this.nextAction.value.trim() || null,
        visibility: this.shared.checked ? 'shared' : 'private',
      });
      this.question.value = '';
      this.evidence.value = '';
      this.nextAction.value = '';
      fill(this.message, 'Saved.');
      await this.refresh();
    } catch (e) {
      fill(this.message, e.message);
    }
  }
}
