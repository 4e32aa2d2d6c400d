// The map page and the embeddable map. The URL holds the state; this module keeps the
// filters, markers, choropleth, list, legend and history in step with it.
import { ApiError, fetchMunicipalities, fetchPractices } from "./api.js";
import { choroplethLegend, createBoundaryLayer } from "./choropleth.js";
import { createEmbedDialog } from "./embed-dialog.js";
import { createFilters, renderChips } from "./filters.js";
import { setupStrings, t, tn } from "./i18n.js";
import { createLegend } from "./legend.js";
import { createCaseList } from "./list.js";
import { createMarkerLayer, markersLegend } from "./markers.js";
import { readPageData } from "./page-data.js";
import {
  activeFilterCount, apiParams, emptyState, hasPlace, parseState, PLACE_KINDS, toQuery,
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
});
if (data.config.tileUrl) {
  L.tileLayer(data.config.tileUrl, {
    attribution: data.config.tileAttribution, maxZoom: data.config.maxZoom,
  }).addTo(map);
}
let programmaticMoves = 0;
let pendingFit = false;
function moveMap(move) {
  programmaticMoves += 1;
  try {
    move();
  } finally {
    programmaticMoves -= 1;
  }
}
// Without lat/lon/zoom the map shows the place filtered (bounds the server computed for the
// first view, the boundaries later), else the default view.
function showInitialView({ first = false } = {}) {
  if (state.lat !== null) {
    moveMap(() => map.setView([state.lat, state.lon], state.zoom, { animate: false }));
    return;
  }
  const bounds = first ? data.config.initialBounds : null;
  if (bounds && (hasPlace(state) || embed)) {
    moveMap(() => map.fitBounds(bounds, { animate: false, padding: [8, 8], maxZoom: 12 }));
  } else {
    moveMap(() => map.setView(data.config.center, data.config.zoom, { animate: false }));
    pendingFit = hasPlace(state);
  }
}
// The view as the page shows it, for tests and for anyone inspecting the page.
map.on("moveend", () => {
  const shown = map.getCenter();
  root.dataset.zoom = String(map.getZoom());
  root.dataset.center = `${shown.lat.toFixed(4)},${shown.lng.toFixed(4)}`;
});
showInitialView({ first: true });

const boundaries = createBoundaryLayer(map, ctx);
const markers = createMarkerLayer(map, ctx);
// The legend starts open only where it leaves most of the map free.
const legend = createLegend(map, { open: map.getSize().x >= 700 && map.getSize().y >= 450 });
const list = createCaseList(root.querySelector("[data-case-list]"), ctx);
const filters = createFilters(root.querySelector("[data-filters]"), {
  tools: ctx.tools, years: data.years, placeEntries: page.placeEntries, onChange: change,
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

// Links that must carry the state: the language switch (data-keep-query, rendered by the
// base template), the embed's link to the full map, and the oEmbed discovery link.
function syncLinks() {
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
  if (programmaticMoves) return;
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
  dataKey = null;
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
let features = [];
let dataKey = null;
let pendingKey = null;
let controller = null;
let drawnKey = null;
let gminaCounts = new Map();
let presentTools = new Set();

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
  if (!pendingFit || dataKey === null) return;
  const codes = PLACE_KINDS.flatMap((kind) => state[kind]);
  let bounds = codes.length && boundaries.scope === scope().join(",") ? boundaries.boundsOf(codes) : null;
  if (!bounds && !codes.length) return;
  if (!bounds) {
    if (boundaries.scope !== scope().join(",")) return; // the boundaries are still coming
    bounds = markers.bounds();
  }
  pendingFit = false;
  if (bounds && bounds.isValid()) {
    moveMap(() => map.fitBounds(bounds, { animate: false, padding: [12, 12], maxZoom: 12 }));
  }
}

function showView() {
  root.dataset.view = state.view;
  for (const button of root.querySelectorAll("[data-view-button]")) {
    button.setAttribute("aria-pressed", button.dataset.viewButton === state.view ? "true" : "false");
  }
  if (state.view === "markers") {
    if (!map.hasLayer(markers.layer)) map.addLayer(markers.layer);
    boundaries.setMode("outline");
    legend.set(t("legendTools"), markersLegend(ctx, presentTools));
  } else {
    if (map.hasLayer(markers.layer)) map.removeLayer(markers.layer);
    boundaries.setMode("choropleth");
    legend.set(t("legendChoropleth"), choroplethLegend(boundaries.classes));
    if (firstTime.choropleth && boundaries.scope && dataKey !== null) {
      firstTime.choropleth = false;
      performance.mark("mapa:choropleth");
    }
  }
}

let selectionRun = 0;
async function showSelection(options) {
  const run = ++selectionRun;
  const selected = state.tools.length
    ? features.filter((f) => state.tools.includes(f.properties.tool)) : features;
  const byTool = new Map();
  for (const f of features) byTool.set(f.properties.tool, (byTool.get(f.properties.tool) || 0) + 1);
  filters.showCounts(byTool);
  gminaCounts = new Map();
  for (const f of selected) {
    const teryt = f.properties.municipality;
    const entry = gminaCounts.get(teryt) || { total: 0, perTool: new Map() };
    entry.total += 1;
    entry.perTool.set(f.properties.tool, (entry.perTool.get(f.properties.tool) || 0) + 1);
    gminaCounts.set(teryt, entry);
  }
  boundaries.setCounts(gminaCounts);
  presentTools = new Set(selected.map((f) => f.properties.tool));
  list.update(selected);
  setStatus(tn("shownCount", selected.length));
  root.dataset.count = String(selected.length);
  const selectionKey = `${dataKey}|${state.tools.join(",")}`;
  if (state.view === "markers" && drawnKey !== selectionKey) {
    drawnKey = selectionKey;
    await markers.update(selected);
    if (run !== selectionRun) return; // a newer selection took over while these were drawn
    if (firstTime.markers) {
      firstTime.markers = false;
      performance.mark("mapa:markers");
    }
  }
  showView();
  fitIfPending();
  root.dataset.status = "ready";
  if (options.focusChips) focusAfterChipRemoval();
  ensureBoundaries();
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
  const params = apiParams(state, { withTools: false });
  const key = params.toString();
  if (key === dataKey) {
    await showSelection(options);
    return;
  }
  if (key === pendingKey) return; // the request on its way will show the current state
  if (controller) controller.abort();
  controller = new AbortController();
  pendingKey = key;
  root.dataset.status = "loading";
  setStatus(t("loading"));
  try {
    features = await fetchPractices(data.urls.practices, params, controller.signal);
  } catch (error) {
    if (error.name === "AbortError") return;
    pendingKey = null;
    handleError(error);
    return;
  }
  pendingKey = null;
  dataKey = key;
  await showSelection(options);
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
