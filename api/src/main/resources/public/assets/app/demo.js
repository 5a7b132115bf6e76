// The computation-graph demo of the chain-rule page: local derivatives on the edges, their product
// along each path from x to y, the sum over paths, all recomputed as the sliders move. The sliders
// unlock only after a prediction (predict, then reveal). Presentation only: the numbers are the
// textbook local derivatives of the functions shown.
import { el, fill, math } from './dom.js';
import { ResearchRoom } from './research.js';

const GRAPHS = {
  chain: {
    title: 'x → g → f',
    latex: 'u = g(x) = a x^{2}, \\quad y = f(u) = \\sin u',
    // The sliders of the chain-rule page's demo (question-bank ChainRulePage.DEMO), same names and ranges.
    objectKey: 'demo:graph-sliders',
    sliders: [
      { name: 'x', label: 'x, the input', min: -3, max: 3, step: 0.1, initial: 1.5 },
      { name: 'dx', label: 'dx, the size of the nudge', min: 0.001, max: 1, step: 0.001, initial: 0.1 },
      { name: 'a', label: 'a, the coefficient of g(x) = a x²', min: -3, max: 3, step: 0.1, initial: 1 },
    ],
    height: 160,
    nodes: { x: [60, 80], u: [320, 80], y: [580, 80] },
    evaluate: ({ x, a }) => {
      const u = a * x * x;
      return { values: { x, u, y: Math.sin(u) }, edges: { 'x-u': 2 * a * x, 'u-y': Math.cos(u) } };
    },
    edgeLatex: { 'x-u': '\\tfrac{du}{dx} = 2ax', 'u-y': '\\tfrac{dy}{du} = \\cos u' },
    paths: [['x', 'u', 'y']],
  },
  'two-layer': {
    title: 'two layers, two paths',
    objectKey: 'demo:graph-two-layer',
    latex: '\\begin{gathered} u = \\sin(a x),\\quad v = x^{2} \\\\ w = u v,\\quad y = \\tanh(b w) \\end{gathered}',
    sliders: [
      { name: 'x', label: 'x, the input', min: -2, max: 2, step: 0.1, initial: 1.5 },
      { name: 'a', label: 'a, the coefficient in u = sin(a x)', min: -3, max: 3, step: 0.1, initial: 2 },
      { name: 'b', label: 'b, the coefficient in y = tanh(b w)', min: 0.1, max: 2, step: 0.1, initial: 0.5 },
    ],
    height: 260,
    nodes: { x: [60, 130], u: [240, 50], v: [240, 210], w: [420, 130], y: [590, 130] },
    evaluate: ({ x, a, b }) => {
      const u = Math.sin(a * x);
      const v = x * x;
      const w = u * v;
      const y = Math.tanh(b * w);
      return {
        values: { x, u, v, w, y },
        edges: { 'x-u': a * Math.cos(a * x), 'x-v': 2 * x, 'u-w': v, 'v-w': u, 'w-y': b * (1 - y * y) },
      };
    },
    edgeLatex: { 'x-u': 'a\\cos(ax)', 'x-v': '2x', 'u-w': 'v', 'v-w': 'u', 'w-y': 'b(1-y^{2})' },
    paths: [['x', 'u', 'w', 'y'], ['x', 'v', 'w', 'y']],
  },
};

const state = { graph: 'chain', params: {}, revealed: false };
const research = new ResearchRoom(document.getElementById('research'));

// Read by the browser test.
window.chainwise = { demoState: () => stateKey() };

function format(n) {
  if (!Number.isFinite(n)) {
    return 'undefined';
  }
  const rounded = Math.abs(n) < 5e-4 ? 0 : n;
  return rounded.toFixed(3).replace(/\.?0+$/, '') || '0';
}

/** The object key of what is on screen, the demo's key with its slider settings: demo:graph-sliders?x=1.5&dx=0.1&a=1. */
function stateKey() {
  const graph = GRAPHS[state.graph];
  return graph.objectKey + '?' + graph.sliders.map((s) => s.name + '=' + format(state.params[s.name])).join('&');
}

function derivatives(graph) {
  const { values, edges } = graph.evaluate(state.params);
  const paths = graph.paths.map((path) => {
    const factors = path.slice(1).map((node, i) => ({ edge: path[i] + '-' + node, value: edges[path[i] + '-' + node] }));
    return { path, factors, product: factors.reduce((p, f) => p * f.value, 1) };
  });
  return { values, edges, paths, total: paths.reduce((s, p) => s + p.product, 0) };
}

/** What a nudge of x by dx does to y: the change itself, and the slope it measures. */
function nudge(graph) {
  const dx = state.params.dx || 1e-5;
  const at = (x) => graph.evaluate({ ...state.params, x }).values.y;
  const dy = at(state.params.x + dx) - at(state.params.x);
  return { dx, dy, slope: dy / dx };
}

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  Object.entries(attributes).forEach(([k, v]) => node.setAttribute(k, v));
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/** On a phone the graph runs top to bottom, so its labels keep a readable size. */
const narrow = window.matchMedia('(max-width: 32rem)');

function position(graph, node) {
  const [x, y] = graph.nodes[node];
  return narrow.matches ? [y + 20, x * 0.85 + 15] : [x, y];
}

function drawGraph(graph, result) {
  const root = document.getElementById('graph');
  root.setAttribute('viewBox', narrow.matches ? `0 0 ${graph.height + 40} 570` : `0 0 640 ${graph.height}`);
  // Upright on a phone: 1.1 px per unit keeps the labels at about 14 px.
  root.style.maxWidth = narrow.matches ? `${Math.round((graph.height + 40) * 1.1)}px` : '';
  root.querySelectorAll('g').forEach((g) => g.remove());
  const hidden = !state.revealed;
  Object.keys(result.edges).forEach((edge) => {
    const [from, to] = edge.split('-');
    const [x1, y1] = position(graph, from);
    const [x2, y2] = position(graph, to);
    const label = hidden ? '?' : format(result.edges[edge]);
    const g = svg('g', { class: 'edge', 'data-edge': edge });
    g.append(svg('line', { x1, y1, x2, y2 }));
    const mx = (x1 + x2) / 2;
    const my = (y1 + y2) / 2 - 8;
    g.append(svg('rect', { x: mx - 34, y: my - 14, width: 68, height: 20, rx: 4 }));
    g.append(svg('text', { x: mx, y: my + 1, 'text-anchor': 'middle', 'data-edge-value': edge }, label));
    root.append(g);
  });
  Object.keys(graph.nodes).forEach((name) => {
    const [cx, cy] = position(graph, name);
    const g = svg('g', { class: 'node', 'data-node': name });
    g.append(svg('circle', { cx, cy, r: 30 }));
    g.append(svg('text', { x: cx, y: cy - 3, 'text-anchor': 'middle', 'font-weight': '700' }, name));
    g.append(svg('text', { x: cx, y: cy + 14, 'text-anchor': 'middle' }, format(result.values[name])));
    root.append(g);
  });
}

function drawPaths(graph, result) {
  const hidden = !state.revealed;
  fill(document.querySelector('#paths tbody'), result.paths.map((p) => el('tr', { dataset: { path: p.path.join('-') } },
    el('td', {}, p.path.join(' → ')),
    el('td', {}, p.factors.map((f, i) => [i ? ' × ' : '', hidden ? '?' : format(f.value)])),
    el('td', { class: 'num', 'data-path-product': p.path.join('-') }, hidden ? '?' : format(p.product)))));
  const moved = nudge(graph);
  fill(document.getElementById('total'), hidden
    ? 'Predict dy/dx, then reveal it.'
    : ['dy/dx = ', result.paths.length > 1 ? 'sum over paths = ' : 'product along the path = ',
      el('strong', { id: 'total-value' }, format(result.total)),
      '. Nudging x by ', format(moved.dx), ' moves y by ', format(moved.dy), ' (dy/dx × dx = ', format(result.total * moved.dx),
      '), a measured slope of ', el('span', { id: 'measured-slope' }, format(moved.slope)), '.']);
}

function render() {
  const graph = GRAPHS[state.graph];
  const result = derivatives(graph);
  drawGraph(graph, result);
  drawPaths(graph, result);
  graph.sliders.forEach((s) => {
    const output = document.getElementById('value-' + s.name);
    if (output) {
      output.textContent = format(state.params[s.name]);
    }
  });
  research.setTargets([{ key: stateKey(), label: 'This demo state (' + stateKey().slice(5) + ')' },
    { key: graph.objectKey, label: 'This demo' }, { key: 'equation:chain-rule', label: 'The chain rule equation' }]);
}

function buildSliders(graph) {
  fill(document.getElementById('sliders'), graph.sliders.map((s) => {
    const input = el('input', {
      type: 'range', id: 'slider-' + s.name, min: s.min, max: s.max, step: s.step, value: state.params[s.name],
      'aria-describedby': 'value-' + s.name,
    });
    input.addEventListener('input', () => {
      state.params[s.name] = Number(input.value);
      render();
    });
    return el('div', {},
      el('label', { for: 'slider-' + s.name }, s.label, ' = ', el('output', { id: 'value-' + s.name, for: 'slider-' + s.name })),
      input);
  }));
}

function choose(name, params = {}) {
  const graph = GRAPHS[name] ? GRAPHS[name] : GRAPHS.chain;
  state.graph = GRAPHS[name] ? name : 'chain';
  state.params = {};
  graph.sliders.forEach((s) => {
    const given = Number(params[s.name]);
    state.params[s.name] = Number.isFinite(given) && given >= s.min && given <= s.max ? given : s.initial;
  });
  math(document.getElementById('formula'), graph.latex, graph.latex, true);
  lock();
  buildSliders(graph);
  render();
}

function lock() {
  state.revealed = false;
  document.getElementById('controls').disabled = true;
  document.getElementById('prediction').value = '';
  fill(document.getElementById('prediction-result'));
  document.getElementById('reveal').disabled = false;
}

function reveal() {
  const input = document.getElementById('prediction');
  const predicted = Number(input.value);
  if (input.value.trim() === '' || !Number.isFinite(predicted)) {
    fill(document.getElementById('prediction-result'), el('p', { class: 'status-error' }, 'Enter a number first: your prediction of dy/dx.'));
    input.focus();
    return;
  }
  state.revealed = true;
  const actual = derivatives(GRAPHS[state.graph]).total;
  const close = Math.abs(predicted - actual) <= 0.05 * Math.max(1, Math.abs(actual));
  fill(document.getElementById('prediction-result'), el('p', { id: 'prediction-verdict' },
    'You predicted ', format(predicted), '; dy/dx is ', format(actual), '. ',
    close ? 'Spot on.' : 'Look at the edges: which local derivative did you misjudge?',
    ' Now move the sliders and watch every edge change.'),
  el('button', { type: 'button', class: 'secondary', id: 'predict-again', onclick: () => { lock(); render(); input.focus(); } },
    'Predict again'));
  document.getElementById('controls').disabled = false;
  document.getElementById('reveal').disabled = true;
  render();
  document.getElementById('slider-x').focus();
}

document.getElementById('predict-form').addEventListener('submit', (event) => {
  event.preventDefault();
  reveal();
});
document.querySelectorAll('input[name=graph]').forEach((radio) => radio.addEventListener('change', () => choose(radio.value)));
narrow.addEventListener('change', render);
document.getElementById('note-state').addEventListener('click', () => research.open(stateKey()));

// /demo?graph=two-layer&x=1.5&a=2 reopens a state (the object key of a note names one).
const query = new URLSearchParams(window.location.search);
const initialGraph = query.get('graph') || 'chain';
document.querySelectorAll('input[name=graph]').forEach((radio) => { radio.checked = radio.value === initialGraph; });
choose(initialGraph, Object.fromEntries(query.entries()));
