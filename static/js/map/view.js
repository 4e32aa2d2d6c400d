// The Leaflet map and its view: where it opens (the address's position, else the place
// filtered or the default region fitted to the map's size), refitting when the map changes
// size until the visitor moves it, and telling the page when the visitor did.
import { hasPlace } from "./state.js";

// How the map opens, also read by first-tiles.js, which computes the first view before the
// map exists: its lowest zoom, the padding its first bounds are fitted with, the highest
// zoom a fit goes to, and its zoom steps.
export const MIN_ZOOM = 4;
export const FIRST_PADDING = 8;
export const FIT_MAX_ZOOM = 12;
// A small map (an embed, a phone) fits its region closely, in quarter zoom steps, rather
// than a whole zoom level out with the region in a corner of empty space.
export function zoomSnap(embed, width) {
  return embed || width < 600 ? 0.25 : 1;
}

export function createMapView({ data, embed, root, getState, onVisitorMove }) {
  const map = L.map("map", {
    maxZoom: data.config.maxZoom, // the clusters need it when there is no tile layer
    minZoom: MIN_ZOOM,
    scrollWheelZoom: !embed, // an embed must not catch the host page's scrolling
    zoomSnap: zoomSnap(embed, document.getElementById("map").clientWidth),
  });
  if (data.config.tileUrl) {
    L.tileLayer(data.config.tileUrl, {
      attribution: data.config.tileAttribution, maxZoom: data.config.maxZoom,
    }).addTo(map);
  }
  let programmaticMoves = 0;
  let fitted = null; // the bounds the map was last fitted to, refitted when it resizes
  let settledView = null; // centre and zoom where the last programmatic move left the map
  const view = { map, pendingFit: false }; // pendingFit: fit the place once its bounds are known

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

  view.fitTo = (bounds, padding) => {
    fitted = { bounds, padding };
    moveMap(() => map.fitBounds(bounds, { animate: false, padding: [padding, padding], maxZoom: FIT_MAX_ZOOM }));
  };

  // Without lat/lon/zoom the map shows the place filtered, else the default region: bounds
  // the server computed for the first view (the boundaries later), fitted to the map's size.
  view.showInitial = ({ first = false } = {}) => {
    const state = getState();
    if (state.lat !== null) {
      moveMap(() => map.setView([state.lat, state.lon], state.zoom, { animate: false }));
      return;
    }
    const bounds = first ? data.config.initialBounds : (hasPlace(state) ? null : data.config.regionBounds);
    if (bounds) {
      view.fitTo(bounds, FIRST_PADDING);
    } else {
      fitted = null;
      moveMap(() => map.setView(data.config.center, data.config.zoom, { animate: false }));
      view.pendingFit = hasPlace(state);
    }
  };

  // The map may change size (a phone turned, a window or a partner's column resized): while
  // the visitor has not moved the map, the region stays fitted to it.
  map.on("resize", () => {
    if (fitted && getState().lat === null) view.fitTo(fitted.bounds, fitted.padding);
  });
  // The view as the page shows it, for tests and for anyone inspecting the page.
  map.on("moveend", () => {
    const shown = map.getCenter();
    root.dataset.zoom = String(map.getZoom());
    root.dataset.center = `${shown.lat.toFixed(4)},${shown.lng.toFixed(4)}`;
    root.dataset.bounds = map.getBounds().toBBoxString();
  });
  map.on("moveend", () => {
    // Leaflet ends a resize with a late moveend: the visitor moved nothing.
    if (programmaticMoves || viewKey() === settledView) return;
    view.pendingFit = false;
    onVisitorMove(map.getCenter(), map.getZoom());
  });
  view.showInitial({ first: true });
  return view;
}
