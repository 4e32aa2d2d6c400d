// The first view's vector tiles, asked for as soon as the map's element is laid out. A
// classic script written into the page right after the map's markup and data
// (templates/partials/map_app.html), it runs while the page's larger scripts are still
// arriving and compiling, some hundreds of milliseconds on a phone before the map exists.
// It computes the view the map will open (view.js: the first bounds fitted with their
// padding, in quarter zoom steps on a small map) and the tiles Leaflet's grid will ask for
// there (tile-grid.js), and preloads them: the layer's requests for the same addresses are
// then answered by these. Only for a first view drawn from tiles (the page says so, with the
// selection's query: tilesFirst) whose address does not give a position of its own, on a map
// that has a size (not in a hidden frame).
import { coveringTiles, project, scaleAt, tileUrl, unproject } from "./tile-grid.js";
import { FIRST_PADDING, FIT_MAX_ZOOM, MIN_ZOOM, zoomSnap } from "./view.js";

const data = JSON.parse(document.getElementById("map-data").textContent);
const address = new URLSearchParams(location.search);
const element = document.getElementById("map");
if (data.tilesFirst && element && !["lat", "lon", "zoom"].some((name) => address.has(name))) {
  const [width, height] = [element.clientWidth, element.clientHeight];
  if (width > 2 * FIRST_PADDING && height > 2 * FIRST_PADDING) preload(data, width, height);
}

function preload(data, width, height) {
  const { centre, zoom } = firstView(data.config, width, height, zoomSnap(data.embed, width));
  for (const coords of coveringTiles(width, height, zoom, (tileZoom) => project(centre, tileZoom))) {
    const link = document.createElement("link");
    link.rel = "preload";
    link.as = "fetch";
    link.crossOrigin = "anonymous"; // as the script's own fetch(): the browser hands this answer to it
    link.href = tileUrl(data.urls.tiles, data.tilesFirst.query, coords);
    document.head.append(link);
  }
}

// Where Leaflet opens a new map (view.js, showInitial): fitBounds(initialBounds, {padding,
// maxZoom}), or setView(center, zoom) without bounds; as Leaflet computes them.
function firstView({ initialBounds, center, zoom, maxZoom }, width, height, snap) {
  const limit = (value) => Math.max(MIN_ZOOM, Math.min(maxZoom, value));
  if (!initialBounds) return { centre: center, zoom: limit(Math.round(zoom / snap) * snap) };
  const [[lat1, lng1], [lat2, lng2]] = initialBounds;
  const [south, north] = [Math.min(lat1, lat2), Math.max(lat1, lat2)];
  const [west, east] = [Math.min(lng1, lng2), Math.max(lng1, lng2)];
  // getBoundsZoom(bounds, false, padding on both sides), from zoom 0: the map has none yet.
  const nw = project([north, west], 0);
  const se = project([south, east], 0);
  const scale = Math.min(
    (width - 2 * FIRST_PADDING) / (Math.max(nw[0], se[0]) - Math.min(nw[0], se[0])),
    (height - 2 * FIRST_PADDING) / (Math.max(nw[1], se[1]) - Math.min(nw[1], se[1])),
  );
  let fitted = Math.log((scale * scaleAt(0)) / 256) / Math.LN2;
  if (Number.isNaN(fitted)) fitted = Infinity;
  fitted = Math.round(fitted / (snap / 100)) * (snap / 100);
  fitted = Math.min(FIT_MAX_ZOOM, limit(Math.floor(fitted / snap) * snap));
  const sw = project([south, west], fitted);
  const ne = project([north, east], fitted);
  return { centre: unproject([(sw[0] + ne[0]) / 2, (sw[1] + ne[1]) / 2], fitted), zoom: fitted };
}
