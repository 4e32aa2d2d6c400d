// The map page and the embeddable map. The URL holds the state; this module keeps the
// filters, markers, choropleth, list, legend and history in step with it.
import { ApiError, fetchMunicipalities, getJson, startEarly, withQuery } from "./api.js";
import { choroplethLegend, createBoundaryLayer } from "./choropleth.js";
import { nextTask } from "./dom.js";
import { createEmbedDialog } from "./embed-dialog.js";
import { createFilters, renderChips } from "./filters.js";
import { setupStrings, t, tn } from "./i18n.js";
import { createGminaTable } from "./gmina-table.js";
import { createLegend } from "./legend.js";
import { createLinks } from "./links.js";
import { createCaseList } from "./list.js";
import { createLoaders } from "./loading.js";
import { orderForKeyboard, popupFocus } from "./keyboard.js";
import { createMarkerLayer, markersLegend } from "./markers.js";
import { readPageData } from "./page-data.js";
import { createTilePoints, prefetchTiles } from "./tile-points.js";
import { activeFilterCount, emptyState, parseState, PLACE_KINDS, selectionParams } from "./state.js";
import { createMapView } from "./view.js";

const data = JSON.parse(document.getElementById("map-data").textContent);
// The page's first requests: answered in the HTML, or preloaded with it and started now.
startEarly({ answers: JSON.parse(document.getElementById("map-answers").textContent), urls: data.early });
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
let firstChoropleth = true;

let { state, invalid } = parseState(location.search, page.parseContext);
if (data.langRefused) {
  invalid.push({ param: "lang", value: data.langRefused });
  state.lang = null;
}

// --- the map ---------------------------------------------------------------------------
const getState = () => state;
const links = createLinks({ data, embed, root, getState });
const view = createMapView({
  data, embed, root, getState,
  onVisitorMove(centre, zoom) {
    Object.assign(state, { lat: Number(centre.lat.toFixed(4)), lon: Number(centre.lng.toFixed(4)), zoom });
    links.writeUrl("replace");
  },
});
const { map } = view;
// A desktop map zooms in whole steps: a link's quarter step (written by a phone or an embed)
// opens at the nearest whole level, and the address says the zoom the map really shows.
if (state.zoom !== null && map.getZoom() !== state.zoom) state.zoom = map.getZoom();
// A first view drawn from vector tiles (the page says so): the view's tiles are asked now,
// on their way while the rest of the page is wired; the tile layer takes them when it comes.
if (data.tilesFirst && state.view === "markers") {
  prefetchTiles(map, data.urls.tiles, withQuery("", selectionParams(state)));
}
// The map is on the screen: the rest of the wiring runs in a task of its own.
await nextTask();

// The layers ask the loaders (created below, once the layers exist) for their data.
const boundaries = createBoundaryLayer(map, { ...ctx, loadCounts: () => loaders.loadCounts() });
const markers = createMarkerLayer(map, { ...ctx, loadCase: (id) => loaders.loadCase(id) });
// A selection of more than data.limits.tilesThreshold cases is drawn from vector tiles.
const tilePoints = createTilePoints(map, { ...ctx, loadCase: (id) => loaders.loadCase(id) }, { urlTemplate: data.urls.tiles });
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
  loadPage: (offset, sort) => getJson(loaders.apiUrl(data.urls.practices, { limit: data.limits.pageSize, offset, sort })),
});
const gminaTable = createGminaTable(listRoot.querySelector("[data-gmina-counts]"), ctx);
const filters = createFilters(root.querySelector("[data-filters]"), {
  tools: ctx.tools, years: data.years, limits: data.limits, placeEntries: page.placeEntries,
  loadAllPlaces: page.loadAllPlaces, onChange: change,
});
const loaders = createLoaders({
  data, embed, root, getState, scope, parts: { boundaries, markers, tilePoints, filters, list, showPoints },
});

// --- the URL -----------------------------------------------------------------------------
let lastCoalesce = null;
let lastWriteAt = 0;

function change(update, options = {}) {
  const coalesce = options.coalesce && options.coalesce === lastCoalesce && Date.now() - lastWriteAt < 2000;
  Object.assign(state, update);
  if (options.fitPlace) {
    state.lat = state.lon = state.zoom = null;
    view.pendingFit = true;
  }
  links.writeUrl(coalesce ? "replace" : "push");
  lastCoalesce = options.coalesce || null;
  lastWriteAt = Date.now();
  render(options);
}

window.addEventListener("popstate", () => {
  ({ state, invalid } = parseState(location.search, page.parseContext));
  showNote(invalid);
  view.showInitial();
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
  loaders.reset();
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
      links.writeUrl("replace");
      render();
      return;
    }
  }
  setStatus(t("loadError"), { error: true });
}

// --- rendering -----------------------------------------------------------------------------
let run = 0;
let controller = null;

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
  if (!view.pendingFit || root.dataset.status !== "ready") return;
  const codes = PLACE_KINDS.flatMap((kind) => state[kind]);
  let bounds = codes.length && boundaries.scope === scope().join(",") ? boundaries.boundsOf(codes) : null;
  if (!bounds && !codes.length) return;
  if (!bounds) {
    if (boundaries.scope !== scope().join(",")) return; // the boundaries are still coming
    bounds = markers.bounds();
  }
  view.pendingFit = false;
  if (bounds && bounds.isValid()) {
    view.fitTo(bounds, 12);
  }
}

// The markers or the vector tiles, whichever draws the selection (loaders.tileMode); called
// by the loaders too, as soon as the new selection's points are drawn, so that the other
// layer (the previous selection's) never lingers until the list's page has come.
function showPoints() {
  if (state.view !== "markers") return;
  const [shown, hidden] = loaders.tileMode ? [tilePoints.layer, markers.layer] : [markers.layer, tilePoints.layer];
  if (map.hasLayer(hidden)) map.removeLayer(hidden);
  if (!map.hasLayer(shown)) map.addLayer(shown);
}

function showView() {
  root.dataset.view = state.view;
  showTwin();
  for (const button of root.querySelectorAll("[data-view-button]")) {
    button.setAttribute("aria-pressed", button.dataset.viewButton === state.view ? "true" : "false");
  }
  const current = loaders.drawnIsCurrent();
  const { drawn } = loaders;
  if (state.view === "markers") {
    showPoints();
    boundaries.setMode("outline");
    legend.set(t("legendTools"), markersLegend(ctx, current ? drawn.tools : new Set(), current && drawn.samples));
  } else {
    if (map.hasLayer(markers.layer)) map.removeLayer(markers.layer);
    if (map.hasLayer(tilePoints.layer)) map.removeLayer(tilePoints.layer);
    boundaries.setMode("choropleth");
    legend.set(t("legendChoropleth"), choroplethLegend(boundaries.classes, boundaries.samples));
    if (firstChoropleth && boundaries.scope && loaders.countsAreCurrent()) {
      firstChoropleth = false;
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
  if (loaders.countsAreCurrent() && boundaries.scope) {
    gminaTable.show(`${loaders.countsKey()}|${boundaries.scope}`, boundaries.rows());
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
  if (!loaders.countsAreCurrent()) boundaries.forgetCounts();
  root.dataset.status = "loading";
  setStatus(t("loading"));
  showView();
  // The choropleth is drawn on the boundaries; the markers only sit on their outline, which
  // comes after them, so that on a slow phone they neither wait for its download nor share
  // the main thread with drawing it.
  const outlineLater = state.view === "markers" && !boundaries.scope;
  if (!outlineLater) ensureBoundaries();
  let shown;
  try {
    const drawn = state.view === "markers" ? loaders.loadPoints(signal, () => current === run) : loaders.loadCounts();
    // The list's page is asked once the points are drawn (the markers, or the view's vector
    // tiles), so that it shares neither the connection nor the server with them.
    [shown] = await Promise.all([drawn, loaders.loadFacets(), drawn.then(() => loaders.loadList())]);
  } catch (error) {
    if (outlineLater) ensureBoundaries();
    if (current !== run || error.name === "AbortError") return;
    handleError(error);
    return;
  }
  if (outlineLater) ensureBoundaries();
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
links.writeUrl("replace"); // drops what was invalid, so a copied link is clean
render();
