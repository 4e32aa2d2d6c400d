// Reading the public API. Every request carries exactly the current selection; the server
// parses it and answers 400 {"errors": {param: [messages]}} when it refuses a parameter, which
// ApiError keeps so that the page can say which one.
//
// Requests are plain GETs (no extra headers), so that the page's <link rel="preload"> of its
// first requests are the same requests and the browser reuses them, and so that the browser's
// HTTP cache answers a selection seen before: the API sends weak ETags with
// `Cache-Control: public, no-cache`, so a repeated selection costs a 304 revalidation.
export class ApiError extends Error {
  constructor(status, errors) {
    super(`HTTP ${status}`);
    this.status = status;
    this.errors = errors || {};
  }
}

// The page's first requests: those whose answers the HTML carries (`answers`, by URL), those
// it preloaded (`urls`) and the first view's vector tiles (tile-points.js), started before
// the map and its controls are built. Each is handed to the first getJson (getBytes) of its
// URL, once.
const early = new Map();

export function startEarly({ answers = {}, urls = [] }) {
  for (const [url, answer] of Object.entries(answers)) early.set(url, Promise.resolve(answer));
  for (const url of urls) startRequest(url, fetchJson);
}

// Starts `read(url)` now and keeps it for the first getJson or getBytes of the URL.
export function startRequest(url, read) {
  const promise = read(url);
  promise.catch(() => {}); // a failure is reported to the taker
  early.set(url, promise);
}

function takeStarted(url) {
  const started = early.get(url);
  early.delete(url);
  return started;
}

export function getJson(url, signal) {
  return takeStarted(url) || fetchJson(url, signal);
}

// A binary answer (a vector tile) as an ArrayBuffer.
export function getBytes(url) {
  return takeStarted(url) || fetchBytes(url);
}

export async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.arrayBuffer();
}

async function fetchJson(url, signal) {
  const response = await fetch(url, { signal });
  if (!response.ok) {
    let errors = null;
    try {
      errors = (await response.json()).errors;
    } catch {
      errors = null;
    }
    throw new ApiError(response.status, errors);
  }
  return response.json();
}

// `base` with the parameters as a query string; commas stay readable (and match the
// server's preload URLs).
export function withQuery(base, params) {
  const query = params.toString().replaceAll("%2C", ",");
  return query ? `${base}?${query}` : base;
}

export function fetchMunicipalities(base, voivodeships, signal) {
  const params = new URLSearchParams();
  if (voivodeships.length) params.set("voivodeship", voivodeships.join(","));
  return getJson(withQuery(base, params), signal);
}
