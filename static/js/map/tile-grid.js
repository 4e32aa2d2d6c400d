// The grid of the case layer's vector tiles, shared by the layer (tile-points.js) and by the
// script that asks for the first view's tiles before the map exists (first-tiles.js). No
// Leaflet here: the computations are Leaflet's own (GridLayer), written with plain numbers.
export const SIZE = 512; // CSS pixels a tile is drawn, from the tile of one zoom less
export const CELLS = 8; // the server's grid per side of a tile, asked as `cells` (practices/opendata/tiles.py)

// The address of the tile drawn at `coords`: the server's tile of one zoom less, `cells`
// per side, with the selection's query ("" or "?tool=…").
export function tileUrl(urlTemplate, query, coords) {
  return urlTemplate.replace("/0/0/0.mvt", `/${coords.z - 1}/${coords.x}/${coords.y}.mvt`)
    + (query ? `${query}&cells=${CELLS}` : `?cells=${CELLS}`);
}

// The tiles Leaflet's grid asks for to cover a map `width` × `height` pixels at `zoom`:
// those of the rounded zoom over the view's pixel bounds around `centre`, the view's centre
// in pixels at that rounded zoom (`project(tileZoom)`, floored here as Leaflet does).
export function coveringTiles(width, height, zoom, project) {
  const tileZoom = Math.round(zoom);
  const scale = scaleAt(zoom) / scaleAt(tileZoom); // Leaflet's getZoomScale
  const [px, py] = project(tileZoom);
  const [cx, cy] = [Math.floor(px), Math.floor(py)];
  const [hx, hy] = [width / (scale * 2), height / (scale * 2)];
  const count = 2 ** tileZoom;
  const tiles = [];
  const minY = Math.max(Math.floor((cy - hy) / SIZE), 0);
  const maxY = Math.min(Math.ceil((cy + hy) / SIZE) - 1, count - 1);
  const minX = Math.max(Math.floor((cx - hx) / SIZE), 0);
  const maxX = Math.min(Math.ceil((cx + hx) / SIZE) - 1, count - 1);
  for (let y = minY; y <= maxY; y += 1) {
    for (let x = minX; x <= maxX; x += 1) tiles.push({ z: tileZoom, x, y });
  }
  return tiles;
}

// Web Mercator as Leaflet's CRS.EPSG3857 computes it: the scale of a zoom, a position's pixel
// at a zoom and back.
const R = 6378137;
const MAX_LATITUDE = 85.0511287798;
const K = 0.5 / (Math.PI * R);

export function scaleAt(zoom) {
  return 256 * Math.pow(2, zoom);
}

export function project([lat, lng], zoom) {
  const d = Math.PI / 180;
  const sin = Math.sin(Math.max(Math.min(MAX_LATITUDE, lat), -MAX_LATITUDE) * d);
  const x = R * lng * d;
  const y = (R * Math.log((1 + sin) / (1 - sin))) / 2;
  const scale = scaleAt(zoom);
  return [scale * (K * x + 0.5), scale * (-K * y + 0.5)];
}

export function unproject([px, py], zoom) {
  const scale = scaleAt(zoom);
  const x = (px / scale - 0.5) / K;
  const y = (py / scale - 0.5) / -K;
  const d = 180 / Math.PI;
  return [(2 * Math.atan(Math.exp(y / R)) - Math.PI / 2) * d, (x * d) / R];
}
