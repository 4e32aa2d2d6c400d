// What the map asks the server for. Every answer is for exactly the current selection: the
// points of the markers (or, over the threshold, the vector tiles), the counts per gmina
// (choropleth, gmina popups), the tool filter's facet counts (the selection without its
// tool), the list's pages and a popup's case. The keys say which selection each part shows,
// so nothing is asked for twice in a row.
import { getJson, withQuery } from "./api.js";
import { pointRows } from "./markers.js";
import { selectionParams } from "./state.js";

export function createLoaders({ data, embed, root, getState, scope, parts }) {
  // parts: { boundaries, markers, tilePoints, filters, list }, the layers and controls fed;
  // scope(): the voivodeships whose gminy the map draws.
  const keys = { drawn: null, counts: null, facets: null, list: null };
  let drawn = { count: 0, samples: false, tools: new Set() };
  let tileMode = false; // whether the drawn selection is in tiles
  let countsShown = { count: 0, samples: false };
  let countsPending = null;
  let facetsPending = null;
  let firstMarkers = true;
  const cases = new Map(); // id -> promise of the case's feature (popups)

  const selectionKey = () => selectionParams(getState()).toString();

  function apiUrl(base, extra = {}, { withTools = true } = {}) {
    const params = selectionParams(getState(), { withTools });
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

  // The counts per gmina of the current selection in the gminy drawn, applied to the
  // boundaries. A selection without a place is asked for in the drawn region only: the
  // classes are those of the gminy shown, the total is the cases shown, and a national
  // database does not send the counts of 2,477 gminy to colour 234. (A selection with a
  // place lies within the region drawn, scope().)
  function countsUrl() {
    const state = getState();
    const placed = state.municipality.length || state.county.length || state.voivodeship.length;
    const region = placed ? {} : { voivodeship: scope().join(",") };
    return apiUrl(data.urls.stats, { ...region, by: data.requests.choroplethBy });
  }

  function loadCounts() {
    const key = selectionKey();
    if (keys.counts === key) return Promise.resolve(countsShown);
    if (countsPending && countsPending.key === key) return countsPending.promise;
    const promise = getJson(countsUrl()).then((stats) => {
      const counts = new Map();
      for (const row of stats.rows) {
        const entry = counts.get(row.municipality) || { total: 0, perTool: new Map() };
        entry.total += row.count;
        entry.perTool.set(row.tool, row.count);
        counts.set(row.municipality, entry);
      }
      const shown = { count: stats.total, samples: Boolean(stats.note) };
      if (key === selectionKey()) {
        parts.boundaries.setCounts(counts, shown.samples);
        keys.counts = key;
        countsShown = shown;
      }
      return shown;
    }).finally(() => {
      if (countsPending && countsPending.key === key) countsPending = null;
    });
    countsPending = { key, promise };
    return promise;
  }

  // The tool filter's facet counts (the selection without its tool), asked once per
  // selection. Not aborted with a render: the next render of the same selection shares it.
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
    if (keys.facets === url) return;
    const stats = await facets();
    parts.filters.showCounts(new Map(stats.rows.map((row) => [row.tool, row.count])));
    keys.facets = url;
  }

  // The markers of the selection, or its vector tiles when it has more cases than the
  // threshold: the facet counts (asked anyway) say how many it has before any point is
  // asked. `isCurrent()` says whether the render that asked is still the latest.
  async function loadPoints(signal, isCurrent) {
    const state = getState();
    const key = selectionKey();
    if (keys.drawn === key) return drawn;
    const stats = await facets();
    if (!isCurrent()) return drawn;
    const counts = new Map(stats.rows.map((row) => [row.tool, row.count]));
    const count = state.tools.length ? state.tools.reduce((sum, slug) => sum + (counts.get(slug) || 0), 0) : stats.total;
    if (count > data.limits.tilesThreshold) {
      tileMode = true;
      const tilesLoaded = parts.tilePoints.show(withQuery("", selectionParams(state)));
      keys.drawn = key;
      const tools = new Set([...counts].filter(([slug, n]) => n && (!state.tools.length || state.tools.includes(slug))).map(([slug]) => slug));
      drawn = { count, samples: Boolean(stats.note), tools };
      root.dataset.layer = "tiles";
      parts.showPoints();
      // Done when the view's tiles are drawn, as the markers are done when drawn.
      await tilesLoaded;
      return drawn;
    }
    const points = await getJson(apiUrl(data.urls.points), signal);
    if (!isCurrent()) return drawn;
    tileMode = false;
    root.dataset.layer = "markers";
    const rows = pointRows(points);
    const tools = new Set(rows.map((row) => points.tools[row[3]]));
    await parts.markers.update({ tools: points.tools, rows });
    if (!isCurrent()) return drawn;
    keys.drawn = key;
    drawn = { count: rows.length, samples: rows.some((row) => row[5] === 1), tools };
    parts.showPoints();
    if (firstMarkers) {
      firstMarkers = false;
      performance.mark("mapa:markers");
    }
    return drawn;
  }

  function loadList() {
    const state = getState();
    const key = selectionKey();
    if ((embed && !state.list) || state.view !== "markers" || keys.list === key) return null;
    keys.list = key;
    return parts.list.update().catch((error) => {
      keys.list = null;
      throw error;
    });
  }

  return {
    selectionKey,
    apiUrl,
    loadCase,
    loadCounts,
    loadFacets,
    loadPoints,
    loadList,
    // Forget what was shown, so that everything is asked again (the Retry button).
    reset() {
      keys.drawn = keys.counts = keys.facets = keys.list = null;
      facetsPending = null;
    },
    // Whether the markers (or tiles) and the counts per gmina show the current selection.
    drawnIsCurrent: () => keys.drawn === selectionKey(),
    countsAreCurrent: () => keys.counts === selectionKey(),
    countsKey: () => keys.counts,
    get drawn() { return drawn; },
    get tileMode() { return tileMode; },
  };
}
