// Cases as vector tiles, for a selection too large for markers (more than the server's
// MAPA_TILES_THRESHOLD): the tiles of /tiles/practices/{z}/{x}/{y}.mvt with the selection's
// filters, each drawn on a canvas with the markers' symbols (tool colour and shape, the
// dashed ring of a sample). Each tile is drawn 512 pixels wide: at map zoom z the page asks
// for the tiles of zoom z − 1, a quarter as many requests as 256-pixel tiles (on a phone, one
// wave of HTTP/1.1's six connections instead of three). Up to tile zoom 13 the server counts
// the cases per cell of an 8 × 8 grid on each tile (`cells=8`: 64 pixels, as the markers'
// clusters; a feature with `count`): a cell of several is drawn as the markers'
// cluster disc with its number (its look read from .map-cluster in map-markers.css), a cell
// of one as that case. Each is drawn inside its own cell, as near its cases' mean as the
// cell allows: discs never overlap nor cross a tile's edge (those tiles have no buffer).
// A click on a point opens the same popup as a marker, its details fetched on demand
// (ctx.loadCase); a click on a disc zooms in towards it. Like the markers' clusters, the
// canvas has no keyboard path: the list twin lists the same cases. Each drawn feature of a
// loaded tile is kept for that hit test.
import { fetchBytes, getBytes, startRequest } from "./api.js";
import { clusterSize } from "./clusters.js";
import { el } from "./dom.js";
import { formatNumber, t } from "./i18n.js";
import { casePopup } from "./markers.js";
import { readTile } from "./mvt.js";
import { SHAPES } from "./shapes.js";
import { CELLS, coveringTiles, SIZE, tileUrl } from "./tile-grid.js";

const SYMBOL = 14; // CSS pixels, a little smaller than a marker: these maps are dense
const HIT = 9; // how far from a point's centre a click still hits it, in CSS pixels
const ZOOM_IN = 2; // levels a click on a disc zooms in: its cell becomes half a tile wide
const paths = new Map();
const pathOf = (shape) => {
  if (!paths.has(shape)) paths.set(shape, new Path2D(SHAPES[shape] || SHAPES.circle));
  return paths.get(shape);
};

function drawPoint(context, x, y, tool, sample) {
  context.save();
  context.translate(x - SYMBOL / 2, y - SYMBOL / 2);
  context.scale(SYMBOL / 20, SYMBOL / 20); // the shapes are drawn in a 20×20 box
  const path = pathOf(tool ? tool.shape : "circle");
  context.fillStyle = tool ? tool.color : "#555555";
  context.fill(path, "evenodd");
  context.lineWidth = 2;
  context.strokeStyle = "#ffffff";
  if (sample) {
    context.setLineDash([3, 2]);
    context.strokeStyle = "#222222";
  }
  context.stroke(path);
  context.restore();
}

// The markers' cluster discs (clusters.js clusterSize): their side by count, and their
// colours, border and font read once per size from the stylesheet's .map-cluster rules.
const discLooks = new Map();
function discLook(count) {
  const { size, side } = clusterSize(count);
  if (!discLooks.has(size)) {
    const probe = el("div", { class: `map-cluster map-cluster--${size}`, "aria-hidden": "true" });
    probe.style.position = "absolute";
    probe.style.visibility = "hidden";
    document.body.append(probe);
    const style = getComputedStyle(probe);
    discLooks.set(size, {
      side, border: parseFloat(style.borderTopWidth) || 3, edge: style.borderTopColor,
      fill: style.backgroundColor, ink: style.color,
      font: `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`,
    });
    probe.remove();
  }
  return discLooks.get(size);
}

function drawDisc(context, x, y, count) {
  const look = discLook(count);
  context.save();
  context.beginPath();
  context.arc(x, y, (look.side - look.border) / 2, 0, 2 * Math.PI);
  context.shadowColor = "rgba(0, 0, 0, .4)"; // the rule's box-shadow
  context.shadowBlur = 3;
  context.shadowOffsetY = 1;
  context.fillStyle = look.fill;
  context.fill();
  context.shadowColor = "transparent";
  context.lineWidth = look.border;
  context.strokeStyle = look.edge;
  context.stroke();
  context.fillStyle = look.ink;
  context.font = look.font;
  context.textAlign = "center";
  context.textBaseline = "middle";
  // A number wider than the disc's inside ("12,345") is narrowed to fit.
  const text = formatNumber(count);
  const room = look.side - 2 * look.border - 4;
  context.fillText(text, x, y + 0.5, Math.min(room, context.measureText(text).width));
  context.restore();
  return look.side / 2;
}

// A position moved, if it must be, so that a drawing `radius` wide stays in its grid cell.
function inCell(value, cell, radius) {
  const start = Math.floor(value / cell) * cell;
  return Math.min(Math.max(value, start + radius), start + cell - radius);
}

// Asks for the tiles that cover the map's view now, before the layer exists, as Leaflet's
// grid will: the first view of a selection drawn from tiles has them on their way while the
// page is still being wired. The layer takes each (api.js, getBytes); one the view no longer
// needs is never taken. (A first view without a position in its address asked for them even
// earlier, first-tiles.js: these requests are then answered by those.)
export function prefetchTiles(map, urlTemplate, query) {
  const size = map.getSize();
  const centre = map.getCenter();
  const tiles = coveringTiles(size.x, size.y, map.getZoom(), (zoom) => {
    const point = map.project(centre, zoom);
    return [point.x, point.y];
  });
  for (const coords of tiles) startRequest(tileUrl(urlTemplate, query, coords), fetchBytes);
}

export function createTilePoints(map, ctx, { urlTemplate }) {
  const loaded = new Map(); // tile key -> {coords, points: [{x, y, id, count, radius}]} in tile pixels
  let query = null;

  const Grid = L.GridLayer.extend({
    createTile(coords, done) {
      const tile = L.DomUtil.create("canvas", "case-tile");
      const size = this.getTileSize();
      const ratio = window.devicePixelRatio || 1;
      tile.width = size.x * ratio;
      tile.height = size.y * ratio;
      const key = this._tileCoordsToKey(coords);
      getBytes(tileUrl(urlTemplate, query, coords)).then((buffer) => {
        const layer = readTile(buffer).practices;
        const context = tile.getContext("2d");
        context.scale(ratio, ratio);
        const points = [];
        const cell = size.x / CELLS;
        for (const feature of layer ? layer.features : []) {
          let x = (feature.x / layer.extent) * size.x;
          let y = (feature.y / layer.extent) * size.y;
          const { id, tool, sample, count } = feature.properties;
          if (count > 1) {
            const radius = discLook(count).side / 2;
            [x, y] = [inCell(x, cell, radius), inCell(y, cell, radius)];
            drawDisc(context, x, y, count);
            points.push({ x, y, count, radius });
            continue;
          }
          if (count === 1) [x, y] = [inCell(x, cell, SYMBOL / 2 + 1), inCell(y, cell, SYMBOL / 2 + 1)];
          drawPoint(context, x, y, ctx.tools.get(tool), Boolean(sample));
          points.push({ x, y, id, count: 1, radius: HIT });
        }
        loaded.set(key, { coords, points });
        done(null, tile);
      }).catch((error) => done(error, tile));
      return tile;
    },
  });

  // minZoom 1: the map's own minimum is 4, and zoom 0 has no tile of one zoom less.
  const grid = new Grid({ tileSize: SIZE, minZoom: 1, updateWhenZooming: false, className: "case-tiles" });
  grid.on("tileunload", (event) => loaded.delete(grid._tileCoordsToKey(event.coords)));
  // The cases drawn at the map's zoom and the discs among them, for the page's tests (the
  // tiles of the zoom before are removed only after this event).
  grid.on("load", () => {
    let total = 0;
    let discs = 0;
    const zoom = Math.round(map.getZoom());
    for (const tile of loaded.values()) {
      if (tile.coords.z !== zoom) continue;
      for (const point of tile.points) {
        total += point.count;
        if (point.count > 1) discs += 1;
      }
    }
    map.getContainer().dataset.tilePoints = String(total);
    map.getContainer().dataset.tileClusters = String(discs);
  });

  function openCase(latlng, id) {
    const node = el("div", { class: "case-popup", "aria-busy": "true" }, el("p", { text: t("loadingCase") }));
    const popup = L.popup({ maxWidth: 280 }).setLatLng(latlng).setContent(node).openOn(map);
    ctx.loadCase(id).then((feature) => {
      node.replaceChildren(...casePopup(feature.properties, ctx));
    }, () => {
      node.replaceChildren(el("p", { text: t("caseError") }));
    }).finally(() => {
      node.removeAttribute("aria-busy");
      popup.update();
    });
  }

  // The nearest point or disc of the loaded tiles under a click, in the tiles' own zoom.
  // Listened for before Leaflet's own handlers (capture), so that it wins over the gmina
  // under it.
  map.getContainer().addEventListener("click", (event) => {
    if (!map.hasLayer(grid) || event.target.closest(".leaflet-control-container, .leaflet-popup-pane")) return;
    const zoom = Math.round(map.getZoom());
    const scale = map.getZoomScale(map.getZoom(), zoom);
    const at = map.project(map.mouseEventToLatLng(event), zoom);
    const size = grid.getTileSize();
    let best = null;
    for (const { coords, points } of loaded.values()) {
      if (coords.z !== zoom) continue;
      for (const point of points) {
        const x = coords.x * size.x + point.x;
        const y = coords.y * size.y + point.y;
        const distance = Math.hypot(x - at.x, y - at.y) * scale;
        if (distance <= point.radius && (!best || distance < best.distance)) best = { distance, x, y, point };
      }
    }
    if (!best) return;
    event.stopPropagation();
    const latlng = map.unproject([best.x, best.y], zoom);
    if (best.point.count > 1) map.setView(latlng, Math.min(zoom + ZOOM_IN, map.getMaxZoom()));
    else openCase(latlng, best.point.id);
  }, true);

  return {
    layer: grid,
    // Shows the tiles of a selection (its query string, "" or "?tool=…"), asked as soon as
    // the selection is known to be drawn from tiles (the markers view's loadPoints): the
    // layer is on the map from then on. Resolves once the view's tiles have loaded (or
    // failed: Leaflet reports each as tileerror and counts it done), or when the layer leaves
    // the map first (the visitor switched views), so that what comes after the points (the
    // list's page, the gmina outline) does not share the connection and the main thread
    // with them.
    show(selectionQuery) {
      if (selectionQuery !== query || !map.hasLayer(grid)) {
        const changed = selectionQuery !== query;
        query = selectionQuery;
        if (changed) loaded.clear();
        if (!map.hasLayer(grid)) map.addLayer(grid);
        else if (changed) grid.redraw();
      }
      return new Promise((resolve) => {
        if (!grid.isLoading()) {
          resolve();
          return;
        }
        const done = () => {
          grid.off("load remove", done);
          resolve();
        };
        grid.on("load remove", done);
      });
    },
  };
}
