// SVG charts built through the DOM (no markup strings, no inline styles): stacked horizontal bars
// and lines over weeks. Each chart comes with its figures as a table for screen readers and print.
import { el } from './dom.js';

const NS = 'http://www.w3.org/2000/svg';
/** Distinguishable on white and for the common colour-vision deficiencies (Okabe–Ito, darkened). */
const PALETTE = ['#0b57d0', '#c5221f', '#137333', '#b06000', '#8430ce', '#007b83', '#5f6368', '#9c166b'];

export function colorOf(keys, key) {
  return PALETTE[keys.indexOf(key) % PALETTE.length];
}

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(NS, tag);
  Object.entries(attributes).forEach(([k, v]) => node.setAttribute(k, String(v)));
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/** A legend of keys; onPick(key) makes each entry a button (the drill-down). */
export function legend(keys, onPick) {
  return el('ul', { class: 'legend' }, keys.map((key) => {
    const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.background = colorOf(keys, key);
    return el('li', {}, onPick
      ? el('button', { type: 'button', class: 'secondary', dataset: { code: key }, onclick: () => onPick(key) }, swatch, key)
      : [swatch, key]);
  }));
}

/**
 * Stacked horizontal bars: rows [{label, segments: [{key, value}]}], one colour per key.
 * onPick(key) is called when a segment is clicked.
 */
export function stackedBars(title, rows, keys, onPick, width = 640) {
  // Drawn at the width it is shown at, so its 12 px labels stay 12 px on a phone.
  const labelWidth = width < 480 ? 110 : 170;
  const barHeight = 22;
  const gap = 10;
  const max = Math.max(1, ...rows.map((r) => r.segments.reduce((s, x) => s + x.value, 0)));
  const height = rows.length * (barHeight + gap) + 30;
  const chart = svg('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title });
  chart.append(svg('title', {}, title));
  rows.forEach((row, i) => {
    const y = i * (barHeight + gap) + 8;
    chart.append(svg('text', { x: labelWidth - 8, y: y + barHeight * 0.7, 'text-anchor': 'end' }, row.label));
    let x = labelWidth;
    const scale = (width - labelWidth - 50) / max;
    row.segments.filter((s) => s.value > 0).forEach((s) => {
      const w = s.value * scale;
      const rect = svg('rect', { x, y, width: Math.max(w, 1), height: barHeight, fill: colorOf(keys, s.key), 'data-code': s.key });
      rect.append(svg('title', {}, `${row.label}: ${s.key} ${s.value}`));
      if (onPick) {
        rect.addEventListener('click', () => onPick(s.key));
      }
      chart.append(rect);
      x += w;
    });
    const total = row.segments.reduce((sum, s) => sum + s.value, 0);
    chart.append(svg('text', { x: x + 6, y: y + barHeight * 0.7 }, String(total)));
  });
  return el('figure', {}, chart, legend(keys, onPick), dataTable(title, ['', ...keys],
    rows.map((r) => [r.label, ...keys.map((k) => (r.segments.find((s) => s.key === k) || { value: 0 }).value)])));
}

/** Lines over the x labels (weeks): series [{key, values}]. */
export function lines(title, xLabels, series, keys, yLabel, width = 640) {
  const height = 260;
  const left = 50;
  const bottom = 40;
  const top = 10;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const x = (i) => left + (xLabels.length <= 1 ? (width - left - 20) / 2 : i * (width - left - 20) / (xLabels.length - 1));
  const y = (v) => top + (height - top - bottom) * (1 - v / max);
  const chart = svg('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title });
  chart.append(svg('title', {}, title));
  const axis = svg('g', { class: 'axis' });
  axis.append(svg('line', { x1: left, y1: y(0), x2: width - 10, y2: y(0) }));
  axis.append(svg('line', { x1: left, y1: top, x2: left, y2: y(0) }));
  axis.append(svg('text', { x: left - 6, y: y(max) + 4, 'text-anchor': 'end' }, String(max)));
  axis.append(svg('text', { x: left - 6, y: y(0) + 4, 'text-anchor': 'end' }, '0'));
  axis.append(svg('text', { x: left + 8, y: top + 12 }, yLabel));
  const every = Math.max(1, Math.ceil(xLabels.length / Math.max(2, Math.floor(width / 100))));
  xLabels.forEach((label, i) => {
    if (i % every === 0 || i === xLabels.length - 1) {
      axis.append(svg('text', { x: x(i), y: height - bottom + 18, 'text-anchor': 'middle' }, label));
    }
  });
  chart.append(axis);
  series.forEach((s) => {
    const color = colorOf(keys, s.key);
    const points = s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ');
    chart.append(svg('polyline', { points, fill: 'none', stroke: color, 'stroke-width': 2.5, 'data-code': s.key }));
    s.values.forEach((v, i) => chart.append(svg('circle', { cx: x(i), cy: y(v), r: 3.5, fill: color })));
  });
  return el('figure', {}, chart, legend(keys), dataTable(title, ['week', ...series.map((s) => s.key)],
    xLabels.map((label, i) => [label, ...series.map((s) => s.values[i])])));
}

function dataTable(title, header, rows) {
  return el('details', {}, el('summary', {}, 'Show the figures'),
    el('div', { class: 'table-scroll' }, el('table', {},
      el('caption', { class: 'visually-hidden' }, title),
      el('thead', {}, el('tr', {}, header.map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c, i) => (i === 0 ? el('th', { scope: 'row' }, c) : el('td', { class: 'num' }, String(c))))))))));
}
