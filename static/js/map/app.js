// The map page and the embeddable map. The URL holds the state; this module keeps the
// filters, markers, choropleth, list, legend and history in step with it.
import { ApiError, fetchMunicipalities, getJson, withQuery } from "./api.js";
import { choroplethLegend, createBoundaryLayer } from "./choropleth.js";
import { createDownloadMenu } from "./download-menu.js";
import { createEmbedDialog } from "./embed-dialog.js";
import { createFilters, renderChips } from "./filters.js";
import { setupStrings, t, tn } from "./i18n.js";
import { createGminaTable } from "./gmina-table.js";
import { createLegend } from "./legend.js";
import { createCaseList } from "./list.js";
import { orderForKeyboard, popupFocus } from "./keyboard.js";
import { createMarkerLayer, markersLegend } from "./markers.js";
import { readPageData } from "./page-data.js";
import { createTilePoints } from "./tile-points.js";
import {
  activeFilterCount, emptyState, hasPlace, parseState, PLACE_KINDS, selectionParams, toQuery,
} from "./state.js";

const data = JSON.parse(document.getElementById("map-data").textContent);
setupStrings(JSON.parse(document.getElementById("map-strings").textContent), data.lang);
const page = readPageData(data);
const { embed, ctx } = page;
const root = document.getElementById("map-app");
const statusText = root.querySelector("[data-status-text]");
const retry = root.querySelector("[data-retry]");
const note = root.querySelector("[data-note]");
const chipsBox = root.querySelector("[data-chips]");
const filterToggle = root.querySelector("[data-filters-toggle]");
const sampleNotice = root.querySelector("[data-sample-notice]");
const firstTime = { markers: true, choropleth: true };

let { state, invalid } = parseState(location.search, page.parseContext);
if (data.langRefused) {
  invalid.push({ param: "lang", value: data.langRefused });
  state.lang = null;
}

// --- the map ---------------------------------------------------------------------------
const map = L.map("map", {
  maxZoom: data.config.maxZoom, // markercluster needs it when there is no tile layer
  minZoom: 4,
  scrollWheelZoom: !embed, // an embed must not catch the host page's scrolling
  zoomSnap: embed ? 0.25 : 1, // a small frame fits its region closely, not a zoom level out
});
if (data.config.tileUrl) {
  L.tileLayer(data.config.tileUrl, {
    attribution: data.config.tileAttribution, maxZoom: data.config.maxZoom,
  }).addTo(map);
}
let programmaticMoves = 0;
let pendingFit = false;
let fitted = null; // the bounds the map was last fitted to, refitted when an embed resizes
let settledView = null; // centre and zoom where the last programmatic move left the map
const viewKey = () => `${map.getCenter().lat.toFixed(5)},${map.getCenter().lng.toFixed(5)},${map.getZoom()}`;
function moveMap(move) {
  programmaticMoves += 1;
  try {
    move();
  } finally {
    programmaticMoves -= 1;
    settledView = viewKey();
  }
}
// Without lat/lon/zoom the map shows the place filtered, else the default region: bounds the
// server computed for the first view (the boundaries later), fitted to the map's size.
function showInitialView({ first = false } = {}) {
  if (state.lat !== null) {
    moveMap(() => map.setView([state.lat, state.lon], state.zoom, { animate: false }));
    return;
  }
  const bounds = first ? data.config.initialBounds : (hasPlace(state) ? null : data.config.regionBounds);
  if (bounds) {
    fitTo(bounds, 8);
  } else {
    fitted = null;
    moveMap(() => map.setView(data.config.center, data.config.zoom, { animate: false }));
    pendingFit = hasPlace(state);
  }
}
function fitTo(bounds, padding) {
  fitted = { bounds, padding };
  moveMap(() => map.fitBounds(bounds, { animate: false, padding: [padding, padding], maxZoom: 12 }));
}
// The map may change size (a phone turned, a window or a partner's column resized): while
// the visitor has not moved the map, the region stays fitted to it.
map.on("resize", () => {
  if (fitted && state.lat === null) fitTo(fitted.bounds, fitted.padding);
});
// The view as the page shows it, for tests and for anyone inspecting the page.
map.on("moveend", () => {
  const shown = map.getCenter();
  root.dataset.zoom = String(map.getZoom());
  root.dataset.center = `${shown.lat.toFixed(4)},${shown.lng.toFixed(4)}`;
  root.dataset.bounds = map.getBounds().toBBoxString();
});
showInitialView({ first: true });

const boundaries = createBoundaryLayer(map, { ...ctx, loadCounts: () => loadCounts() });
const markers = createMarkerLayer(map, { ...ctx, loadCase: (id) => loadCase(id) });
// A selection of more than data.limits.tilesThreshold cases is drawn from vector tiles.
const tilePoints = createTilePoints(map, { ...ctx, loadCase: (id) => loadCase(id) }, { urlTemplate: data.urls.tiles });
let tileMode = false; // whether the drawn selection is in tiles
// The legend starts open only where it leaves most of the map free: in an embed, only in a
// frame at least 900 px wide.
const mapSize = map.getSize();
const legend = createLegend(map, { open: embed ? mapSize.x >= 900 : mapSize.x >= 700 && mapSize.y >= 450 });
orderForKeyboard(map, () => (embed ? root.querySelector("[data-map-link]") : document.getElementById("case-list-heading")));
popupFocus(map);
const listRoot = root.querySelector("[data-case-list]");
const list = createCaseList(listRoot, {
  ...ctx,
  pageSize: data.limits.pageSize,
  loadPage: (offset, sort) => getJson(apiUrl(data.urls.practices, { limit: data.limits.pageSize, offset, sort })),
});
const gminaTable = createGminaTable(listRoot.querySelector("[data-gmina-counts]"), ctx);
const filters = createFilters(root.querySelector("[data-filters]"), {
  tools: ctx.tools, years: data.years, limits: data.limits, placeEntries: page.placeEntries,
  loadAllPlaces: page.loadAllPlaces, onChange: change,
});

// --- the URL -----------------------------------------------------------------------------
let lastCoalesce = null;
let lastWriteAt = 0;

function pageQuery() {
  return toQuery(state, { embed });
}

// An embed only ever replaces its entry: an iframe's pushState would add entries to the host
// page's history, and its Back button would then step through our filters.
function writeUrl(mode) {
  const url = `${location.pathname}${pageQuery()}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) {
    if (mode === "push" && !embed) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
  }
  syncLinks();
}

const downloadBox = root.querySelector("[data-download]");
const downloads = downloadBox ? createDownloadMenu(downloadBox) : null;

// Links that must carry the state: the language switch (data-keep-query, rendered by the
// base template), the embed's link to the full map, the oEmbed discovery link and the
// downloads (the selection's filters).
function syncLinks() {
  if (downloads) downloads.update(selectionParams(state), { view: state.view, lang: data.lang });
  const query = toQuery({ ...state, list: false, controls: true, lang: null });
  for (const link of document.querySelectorAll("a[data-keep-query]")) {
    const url = new URL(link.href, location.href);
    url.search = query;
    link.href = url.toString();
  }
  const mapLink = root.querySelector("[data-map-link]");
  if (mapLink) mapLink.href = `${data.urls.map}${query}`;
  const discovery = document.querySelector('link[type="application/json+oembed"]');
  if (discovery) {
    const url = new URL(discovery.href, location.href);
    url.searchParams.set("url", location.href);
    discovery.href = url.toString();
  }
}

function change(update, options = {}) {
  const coalesce = options.coalesce && options.coalesce === lastCoalesce && Date.now() - lastWriteAt < 2000;
  Object.assign(state, update);
  if (options.fitPlace) {
    state.lat = state.lon = state.zoom = null;
    pendingFit = true;
  }
  writeUrl(coalesce ? "replace" : "push");
  lastCoalesce = options.coalesce || null;
  lastWriteAt = Date.now();
  render(options);
}

map.on("moveend", () => {
  // Leaflet ends a resize with a late moveend: the visitor moved nothing.
  if (programmaticMoves || viewKey() === settledView) return;
  const centre = map.getCenter();
  Object.assign(state, {
    lat: Number(centre.lat.toFixed(4)), lon: Number(centre.lng.toFixed(4)), zoom: map.getZoom(),
  });
  pendingFit = false;
  writeUrl("replace");
});

window.addEventListener("popstate", () => {
  ({ state, invalid } = parseState(location.search, page.parseContext));
  showNote(invalid);
  showInitialView();
  render();
});

// --- notes and status --------------------------------------------------------------------
function showNote(items, messages = []) {
  if (!items.length && !messages.length) {
    note.hidden = true;
    return;
  }
  const list = items.map((item) => `${item.param}=${item.value}`).join(", ");
  note.querySelector("[data-note-text]").textContent =
    [items.length ? t("invalidParams", { params: list }) : "", ...messages].filter(Boolean).join(" ");
  note.hidden = false;
}
note.querySelector("[data-note-close]").addEventListener("click", () => { note.hidden = true; });

function setStatus(text, { error = false } = {}) {
  statusText.textContent = text;
  retry.hidden = !error;
}
retry.addEventListener("click", () => {
  drawnKey = countsKey = facetsKey = listKey = facetsPending = null;
  render();
});

// Fields of the state that a refused API parameter resets.
const RESETS = {
  tool: { tools: [] }, year: { yearFrom: null, yearTo: null }, year_from: { yearFrom: null },
  year_to: { yearTo: null }, voivodeship: { voivodeship: [] }, county: { county: [] },
  municipality: { municipality: [] }, q: { q: "" },
};

function handleError(error) {
  root.dataset.status = "error";
  if (error instanceof ApiError && error.status === 400) {
    const defaults = emptyState();
    const refused = Object.keys(error.errors).filter((param) => RESETS[param] &&
      Object.keys(RESETS[param]).some((field) => JSON.stringify(state[field]) !== JSON.stringify(defaults[field])));
    if (refused.length) {
      const messages = refused.flatMap((param) => error.errors[param].map((m) => `${param}: ${m}`));
      showNote([], [t("refusedParams"), ...messages]);
      refused.forEach((param) => Object.assign(state, RESETS[param]));
      writeUrl("replace");
      render();
      return;
    }
  }
  setStatus(t("loadError"), { error: true });
}

// --- rendering -----------------------------------------------------------------------------
// Every answer comes from the server for exactly the current selection: the points of the
// markers, the counts per gmina (choropleth, gmina popups), the tool filter's facet counts
// (the selection without its tool) and the list's pages. The keys say which selection each
// part shows, so nothing is asked for twice in a row.
let run = 0;
let controller = null;
let drawnKey = null; // the selection whose markers are drawn
let drawn = { count: 0, samples: false, tools: new Set() };
let countsKey = null; // the selection whose counts per gmina the boundaries show
let countsShown = { count: 0, samples: false };
let countsPending = null;
let facetsKey = null;
let listKey = null;
const cases = new Map(); // id -> promise of the case's feature (popups)

const selectionKey = () => selectionParams(state).toString();
const listVisible = () => !embed || state.list;

function apiUrl(base, extra = {}, { withTools = true } = {}) {
  const params = selectionParams(state, { withTools });
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return withQuery(base, params);
}

function loadCase(id) {
  if (!cases.has(id)) {
    const promise = getJson(data.urls.point.replace(/\/0\/$/, `/${id}/`));
    promise.catch(() => cases.delete(id));
    cases.set(id, promise);
  }
  return cases.get(id);
}

// The counts per gmina of the current selection, applied to the boundaries.
function loadCounts() {
  const key = selectionKey();
  if (countsKey === key) return Promise.resolve(countsShown);
  if (countsPending && countsPending.key === key) return countsPending.promise;
  const promise = getJson(apiUrl(data.urls.stats, { by: data.requests.choroplethBy })).then((stats) => {
    const counts = new Map();
    for (const row of stats.rows) {
      const entry = counts.get(row.municipality) || { total: 0, perTool: new Map() };
      entry.total += row.count;
      entry.perTool.set(row.tool, row.count);
      counts.set(row.municipality, entry);
    }
    const shown = { count: stats.total, samples: Boolean(stats.note) };
    if (key === selectionKey()) {
      boundaries.setCounts(counts, shown.samples);
      countsKey = key;
      countsShown = shown;
    }
    return shown;
  }).finally(() => {
    if (countsPending && countsPending.key === key) countsPending = null;
  });
  countsPending = { key, promise };
  return promise;
}

// The markers of the selection, or its vector tiles when it has more cases than the
// threshold: the facet counts (asked anyway) say how many it has before any point is asked.
async function loadPoints(signal, current) {
  const key = selectionKey();
  if (drawnKey === key) return drawn;
  const stats = await facets();
  if (current !== run) return drawn;
  const counts = new Map(stats.rows.map((row) => [row.tool, row.count]));
  const count = state.tools.length ? state.tools.reduce((sum, slug) => sum + (counts.get(slug) || 0), 0) : stats.total;
  if (count > data.limits.tilesThreshold) {
    tileMode = true;
    const query = withQuery("", selectionParams(state));
    tilePoints.show(query);
    drawnKey = key;
    const tools = new Set([...counts].filter(([slug, n]) => n && (!state.tools.length || state.tools.includes(slug))).map(([slug]) => slug));
    drawn = { count, samples: Boolean(stats.note), tools };
    root.dataset.layer = "tiles";
    return drawn;
  }
  const points = await getJson(apiUrl(data.urls.points), signal);
  if (current !== run) return drawn;
  tileMode = false;
  root.dataset.layer = "markers";
  const tools = new Set(points.rows.map((row) => points.tools[row[3]]));
  await markers.update(points);
  if (current !== run) return drawn;
  drawnKey = key;
  drawn = { count: points.rows.length, samples: points.rows.some((row) => row[5] === 1), tools };
  if (firstTime.markers) {
    firstTime.markers = false;
    performance.mark("mapa:markers");
  }
  return drawn;
}

// The tool filter's facet counts (the selection without its tool), asked once per selection.
let facetsPending = null;
// Not aborted with a render: the next render of the same selection shares it.
function facets() {
  const url = apiUrl(data.urls.stats, { by: data.requests.facetsBy }, { withTools: false });
  if (!facetsPending || facetsPending.url !== url) {
    const promise = getJson(url);
    facetsPending = { url, promise };
    promise.catch(() => { if (facetsPending && facetsPending.promise === promise) facetsPending = null; });
  }
  return facetsPending.promise;
}

async function loadFacets() {
  const url = apiUrl(data.urls.stats, { by: data.requests.facetsBy }, { withTools: false });
  if (facetsKey === url) return;
  const stats = await facets();
  filters.showCounts(new Map(stats.rows.map((row) => [row.tool, row.count])));
  facetsKey = url;
}

function loadList() {
  const key = selectionKey();
  if (!listVisible() || state.view !== "markers" || listKey === key) return null;
  listKey = key;
  return list.update().catch((error) => {
    listKey = null;
    throw error;
  });
}

function scope() {
  if (state.voivodeship.length) return [...state.voivodeship].sort();
  const prefixes = new Set([...state.county, ...state.municipality].map((code) => code.slice(0, 2)));
  return prefixes.size ? [...prefixes].sort() : [...data.config.region];
}

let boundaryPending = null;
async function ensureBoundaries() {
  const wanted = scope().join(",");
  if (boundaries.scope === wanted || boundaryPending === wanted) return;
  boundaryPending = wanted;
  root.dataset.boundaries = "loading";
  try {
    const collection = await fetchMunicipalities(data.urls.municipalities, wanted.split(","));
    if (boundaryPending !== wanted) return;
    boundaries.setData(collection, wanted);
    root.dataset.boundaries = "ready";
    fitIfPending();
    showView();
  } catch {
    root.dataset.boundaries = "error";
    showNote([], [t("boundariesError")]);
  } finally {
    if (boundaryPending === wanted) boundaryPending = null;
  }
}

function fitIfPending() {
  if (!pendingFit || root.dataset.status !== "ready") return;
  const codes = PLACE_KINDS.flatMap((kind) => state[kind]);
  let bounds = codes.length && boundaries.scope === scope().join(",") ? boundaries.boundsOf(codes) : null;
  if (!bounds && !codes.length) return;
  if (!bounds) {
    if (boundaries.scope !== scope().join(",")) return; // the boundaries are still coming
    bounds = markers.bounds();
  }
  pendingFit = false;
  if (bounds && bounds.isValid()) {
    fitTo(bounds, 12);
  }
}

function showView() {
  root.dataset.view = state.view;
  showTwin();
  for (const button of root.querySelectorAll("[data-view-button]")) {
    button.setAttribute("aria-pressed", button.dataset.viewButton === state.view ? "true" : "false");
  }
  const current = drawnKey === selectionKey();
  if (state.view === "markers") {
    const [shown, hidden] = tileMode ? [tilePoints.layer, markers.layer] : [markers.layer, tilePoints.layer];
    if (map.hasLayer(hidden)) map.removeLayer(hidden);
    if (!map.hasLayer(shown)) map.addLayer(shown);
    boundaries.setMode("outline");
    legend.set(t("legendTools"), markersLegend(ctx, current ? drawn.tools : new Set(), current && drawn.samples));
  } else {
    if (map.hasLayer(markers.layer)) map.removeLayer(markers.layer);
    if (map.hasLayer(tilePoints.layer)) map.removeLayer(tilePoints.layer);
    boundaries.setMode("choropleth");
    legend.set(t("legendChoropleth"), choroplethLegend(boundaries.classes, boundaries.samples));
    if (firstTime.choropleth && boundaries.scope && countsKey === selectionKey()) {
      firstTime.choropleth = false;
      performance.mark("mapa:choropleth");
    }
  }
}

// The list twin follows the view: the cases in the markers view, the counts per gmina (the
// choropleth's numbers) in the choropleth view.
function showTwin() {
  for (const part of listRoot.querySelectorAll("[data-list-view]")) {
    part.hidden = part.dataset.listView !== state.view;
  }
  if (state.view !== "choropleth") return;
  if (countsKey === selectionKey() && boundaries.scope) {
    gminaTable.show(`${countsKey}|${boundaries.scope}`, boundaries.rows());
  } else {
    gminaTable.pending();
  }
}

function focusAfterChipRemoval() {
  const next = chipsBox.querySelector(".chip__remove");
  (next || root.querySelector("[data-filters-heading]")).focus();
}

async function render(options = {}) {
  filters.show(state);
  renderChips(chipsBox, state, { tools: ctx.tools, placeLabel: page.placeLabel, onChange: change });
  const active = activeFilterCount(state);
  filterToggle.querySelector("[data-active-count]").textContent = active ? `(${active})` : "";
  const current = ++run;
  if (controller) controller.abort();
  controller = new AbortController();
  const { signal } = controller;
  if (countsKey !== selectionKey()) boundaries.forgetCounts();
  root.dataset.status = "loading";
  setStatus(t("loading"));
  showView();
  ensureBoundaries();
  let shown;
  try {
    [shown] = await Promise.all([
      state.view === "markers" ? loadPoints(signal, current) : loadCounts(),
      loadFacets(),
      loadList(),
    ]);
  } catch (error) {
    if (current !== run || error.name === "AbortError") return;
    handleError(error);
    return;
  }
  if (current !== run) return;
  setStatus(tn("shownCount", shown.count));
  root.dataset.count = String(shown.count);
  sampleNotice.hidden = !shown.samples;
  root.dataset.status = "ready";
  showView();
  fitIfPending();
  if (options.focusChips) focusAfterChipRemoval();
}

// --- controls ------------------------------------------------------------------------------
for (const button of root.querySelectorAll("[data-view-button]")) {
  button.addEventListener("click", () => {
    if (state.view !== button.dataset.viewButton) change({ view: button.dataset.viewButton });
  });
}
root.querySelector("[data-clear-all]").addEventListener("click", () => {
  change({ tools: [], yearFrom: null, yearTo: null, voivodeship: [], county: [], municipality: [], q: "" },
    { focusChips: true });
});
function setFiltersOpen(open) {
  filterToggle.setAttribute("aria-expanded", open ? "true" : "false");
  root.classList.toggle("filters-open", open);
  if (open) root.querySelector("[data-filters-heading]").focus();
}
filterToggle.addEventListener("click", () => setFiltersOpen(filterToggle.getAttribute("aria-expanded") !== "true"));
root.querySelector("[data-filters-close]").addEventListener("click", () => {
  setFiltersOpen(false);
  filterToggle.focus();
});
const dialog = document.getElementById("embed-dialog");
if (dialog) {
  createEmbedDialog(dialog, root.querySelector("[data-embed-open]"), {
    embedBase: data.urls.embedAbsolute, getState: () => state, lang: data.lang,
  });
}
if (embed) {
  root.classList.toggle("show-list", state.list);
  root.classList.toggle("no-controls", !state.controls);
}

showNote(invalid);
writeUrl("replace"); // drops what was invalid, so a copied link is clean
render();
