// Small DOM helpers shared by the pages: elements built with text, never with markup strings.

/** An element with attributes and children (strings become text nodes). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (name.startsWith('on')) {
      node.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of node. */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** Renders LaTeX into node with KaTeX; the plain text stands in if KaTeX refuses it. */
export function math(node, latex, plain, display = false) {
  try {
    window.katex.render(latex, node, { displayMode: display, throwOnError: true, output: 'htmlAndMathml' });
  } catch (e) {
    node.textContent = plain || latex;
  }
  return node;
}

/** A new element holding rendered LaTeX. */
export function mathEl(tag, latex, plain, display = false, attributes = {}) {
  return math(el(tag, attributes), latex, plain, display);
}

/** Shows a message in the page's status region (announced by screen readers). */
export function status(message, kind = 'info') {
  const region = document.getElementById('status');
  if (!region) {
    return;
  }
  fill(region, message ? el('p', { class: 'status-' + kind }, message) : '');
}

/**
 * Text with inline mathematics between \( and \) (the question bank's stems), rendered piece by
 * piece; plain text (no \( in it) stays text. The plain version stands in if KaTeX refuses a piece.
 */
export function mixed(tag, latex, plain, attributes = {}) {
  const node = el(tag, attributes);
  if (!latex || !latex.includes('\\(')) {
    node.textContent = plain || latex || '';
    return node;
  }
  const pieces = latex.split(/\\\(|\\\)/);
  try {
    pieces.forEach((piece, i) => {
      if (i % 2 === 0) {
        node.append(document.createTextNode(piece));
      } else {
        const span = document.createElement('span');
        window.katex.render(piece, span, { displayMode: false, throwOnError: true, output: 'htmlAndMathml' });
        node.append(span);
      }
    });
  } catch (e) {
    node.textContent = plain || latex;
  }
  return node;
}
