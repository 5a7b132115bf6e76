// The session of a page: the token arrives in the URL fragment (#session=...), is kept in
// sessionStorage (or in memory where an LMS frame blocks storage) and goes out as a Bearer header,
// because third-party cookies are often blocked inside an LMS iframe.
const STORAGE_KEY = 'chainwise.session';
let memoryToken = null;

function readStorage() {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch (e) {
    return null;
  }
}

/** Keeps the token for this tab. */
export function keepToken(token) {
  memoryToken = token;
  try {
    window.sessionStorage.setItem(STORAGE_KEY, token);
  } catch (e) {
    // Storage refused (a sandboxed frame): the in-memory copy serves this page.
  }
}

/** Takes #session=<token> out of the address, so it is neither bookmarked nor shared. */
function takeTokenFromFragment() {
  const match = window.location.hash.match(/(?:^#|&)session=([^&]+)/);
  if (!match) {
    return;
  }
  keepToken(decodeURIComponent(match[1]));
  const rest = window.location.hash.replace(/(?:^#|&)session=[^&]+/, '').replace(/^&/, '');
  history.replaceState(history.state, '', window.location.pathname + window.location.search + (rest ? '#' + rest : ''));
}

takeTokenFromFragment();
// Opened again with another session (same address, new fragment): the page reloads as that user.
window.addEventListener('hashchange', () => {
  if (/(?:^#|&)session=/.test(window.location.hash)) {
    takeTokenFromFragment();
    window.location.reload();
  }
});

export function token() {
  return memoryToken || readStorage();
}

/** A link to a page of ours that carries the session along, for a new tab or a fresh frame. */
export function withSession(path) {
  const current = token();
  return current ? path + '#session=' + encodeURIComponent(current) : path;
}

/** An error answer of the API: {"error":{"code","message","field"}}. */
export class ApiError extends Error {
  constructor(status, code, message, field) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

/** Calls the JSON API under /api/v1; resolves to the parsed body, rejects with an ApiError. */
export async function api(method, path, body, options = {}) {
  const headers = { Accept: options.accept || 'application/json' };
  const current = token();
  if (current) {
    headers.Authorization = 'Bearer ' + current;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch('/api/v1' + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (e) {
    if (e.name === 'AbortError') {
      throw e;
    }
    throw new ApiError(0, 'network', 'The server could not be reached. Check the connection and try again.');
  }
  if (options.raw) {
    if (!response.ok) {
      throw await errorOf(response);
    }
    return response;
  }
  if (!response.ok) {
    throw await errorOf(response);
  }
  return response.status === 204 ? null : response.json();
}

async function errorOf(response) {
  let error = null;
  try {
    error = (await response.json()).error;
  } catch (e) {
    // Not our JSON error shape (a proxy's page): fall through to the status.
  }
  if (response.status === 401) {
    return new ApiError(401, 'unauthenticated',
      (error && error.message) || 'Your session has ended. Open Chainwise again from your course.');
  }
  return new ApiError(response.status, (error && error.code) || 'http_' + response.status,
    (error && error.message) || 'The server answered ' + response.status + '.', error && error.field);
}

/** A random UUID, also where crypto.randomUUID is missing (pages not served over a secure context). */
export function uuid() {
  if (window.crypto.randomUUID) {
    return window.crypto.randomUUID();
  }
  const bytes = window.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
