// The map's state and its URL form. The address bar is the single source of truth: a copied
// link restores the same filters, view, centre and zoom, and Back/Forward walk the history.
// Parameter names are the API's, so a map URL's query reads like an API query, and every
// request the page makes carries the selection as it stands (selectionParams): the server
// parses it (practices.filters.CaseFilters) and has the last word. The limits checked here
// come from the server with the page (map-data "limits"), never written in this file.

const PLACE_PATTERNS = { voivodeship: /^\d{2}$/, county: /^\d{4}$/, municipality: /^\d{7}$/ };
export const PLACE_KINDS = Object.keys(PLACE_PATTERNS);

export function emptyState() {
  return {
    tools: [],
    yearFrom: null,
    yearTo: null,
    voivodeship: [],
    county: [],
    municipality: [],
    q: "",
    view: "markers",
    lat: null,
    lon: null,
    zoom: null,
    // Embed only: show the list, show the controls, language of the embed.
    list: false,
    controls: true,
    lang: null,
  };
}

// Values of a parameter given repeated (a submitted form) or comma-separated (our links).
function listValues(params, name) {
  return params.getAll(name).flatMap((value) => value.split(",")).map((v) => v.trim()).filter(Boolean);
}

function parseYear(value, limits) {
  if (!/^[0-9]{4}$/.test(value)) return null;
  const year = Number(value);
  return year >= limits.yearMin && year <= limits.yearMax ? year : null;
}

function parseNumber(value, min, max) {
  if (value === null || !/^-?\d+(\.\d+)?$/.test(value.trim())) return null;
  const number = Number(value);
  return Number.isFinite(number) && number >= min && number <= max ? number : null;
}

/**
 * Reads a state from a query string. Anything invalid is left at its default and reported in
 * `invalid` (parameter and value) for the page to show; unknown parameters are ignored.
 * ctx: { tools: Set of slugs, places: { voivodeship: Map, county: Map, municipality: Map },
 *        maxZoom, embed, limits: { yearMin, yearMax, qMaxLength, views } }
 */
export function parseState(search, ctx) {
  const params = new URLSearchParams(search);
  const state = emptyState();
  const invalid = [];
  const reject = (param, value) => invalid.push({ param, value });

  for (const slug of listValues(params, "tool")) {
    if (!ctx.tools.has(slug)) reject("tool", slug);
    else if (!state.tools.includes(slug)) state.tools.push(slug);
  }

  const year = params.get("year");
  let from = params.get("year_from");
  let to = params.get("year_to");
  if (year !== null && from === null && to === null) {
    if (parseYear(year, ctx.limits) === null) reject("year", year);
    else from = to = year;
  }
  if (from !== null && from !== "") {
    state.yearFrom = parseYear(from, ctx.limits);
    if (state.yearFrom === null) reject("year_from", from);
  }
  if (to !== null && to !== "") {
    state.yearTo = parseYear(to, ctx.limits);
    if (state.yearTo === null) reject("year_to", to);
  }
  if (state.yearFrom !== null && state.yearTo !== null && state.yearFrom > state.yearTo) {
    reject("year_from", from);
    reject("year_to", to);
    state.yearFrom = state.yearTo = null;
  }

  for (const kind of PLACE_KINDS) {
    for (const code of listValues(params, kind)) {
      if (!PLACE_PATTERNS[kind].test(code) || !ctx.places[kind].has(code)) reject(kind, code);
      else if (!state[kind].includes(code)) state[kind].push(code);
    }
  }

  const q = (params.get("q") || "").trim();
  if (q.length > ctx.limits.qMaxLength) reject("q", `${q.slice(0, 20)}…`);
  else state.q = q;

  const view = params.get("view");
  if (view !== null && view !== "") {
    if (ctx.limits.views.includes(view)) state.view = view;
    else reject("view", view);
  }

  const position = ["lat", "lon", "zoom"].map((name) => params.get(name));
  if (position.some((value) => value !== null && value !== "")) {
    const lat = parseNumber(position[0], -85, 85);
    const lon = parseNumber(position[1], -180, 180);
    const zoom = parseNumber(position[2], 0, ctx.maxZoom);
    // Whole or quarter steps: small maps zoom by quarters (view.js).
    const zoomOk = zoom !== null && Number.isInteger(zoom * 4);
    if (lat !== null && lon !== null && zoomOk) Object.assign(state, { lat, lon, zoom });
    else {
      if (lat === null) reject("lat", position[0] ?? "");
      if (lon === null) reject("lon", position[1] ?? "");
      if (!zoomOk) reject("zoom", position[2] ?? "");
    }
  }

  if (ctx.embed) {
    const list = params.get("list");
    if (list !== null) {
      if (list === "1" || list === "0") state.list = list === "1";
      else reject("list", list);
    }
    const controls = params.get("controls");
    if (controls !== null) {
      if (controls === "1" || controls === "0") state.controls = controls === "1";
      else reject("controls", controls);
    }
    const lang = params.get("lang");
    if (lang) state.lang = lang;
  }
  return { state, invalid };
}

// The selection as API parameters, in the order the server's preload uses
// (practices.pages.map.selection_query); `withTools: false` leaves the tool out, for the
// tool filter's facet counts.
export function selectionParams(state, { withTools = true } = {}) {
  const params = new URLSearchParams();
  if (withTools && state.tools.length) params.set("tool", state.tools.join(","));
  if (state.yearFrom !== null) params.set("year_from", state.yearFrom);
  if (state.yearTo !== null) params.set("year_to", state.yearTo);
  for (const kind of ["municipality", "county", "voivodeship"]) {
    if (state[kind].length) params.set(kind, state[kind].join(","));
  }
  if (state.q) params.set("q", state.q);
  return params;
}

// The state as a query string for the page, in a fixed order so that equal states give
// equal links.
export function toQuery(state, { embed = false } = {}) {
  const params = selectionParams(state);
  if (state.view !== "markers") params.set("view", state.view);
  if (state.lat !== null) {
    params.set("lat", state.lat.toFixed(4));
    params.set("lon", state.lon.toFixed(4));
    params.set("zoom", String(state.zoom));
  }
  if (embed) {
    if (state.list) params.set("list", "1");
    if (!state.controls) params.set("controls", "0");
    if (state.lang) params.set("lang", state.lang);
  }
  const query = params.toString().replaceAll("%2C", ",");
  return query ? `?${query}` : "";
}

export function hasPlace(state) {
  return PLACE_KINDS.some((kind) => state[kind].length > 0);
}

export function activeFilterCount(state) {
  return (
    state.tools.length +
    (state.yearFrom !== null || state.yearTo !== null ? 1 : 0) +
    PLACE_KINDS.reduce((sum, kind) => sum + state[kind].length, 0) +
    (state.q ? 1 : 0)
  );
}
