// Cases as vector tiles, for a selection too large for markers (more than the server's
// MAPA_TILES_THRESHOLD): the tiles of /tiles/practices/{z}/{x}/{y}.mvt with the selection's
// filters, each drawn on a canvas with the markers' symbols (tool colour and shape, the
// dashed ring of a sample). A click on a point opens the same popup as a marker, its details
// fetched on demand (ctx.loadCase). Each point of a loaded tile is kept for that hit test.
import { el } from "./dom.js";
import { t } from "./i18n.js";
import { casePopup } from "./markers.js";
import { readTile } from "./mvt.js";
import { SHAPES } from "./shapes.js";

const SYMBOL = 14; // CSS pixels, a little smaller than a marker: these maps are dense
const HIT = 9; // how far from a point's centre a click still hits it, in CSS pixels
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

export function createTilePoints(map, ctx, { urlTemplate }) {
  const loaded = new Map(); // tile key -> {coords, points: [{x, y, id}]} in tile pixels
  let query = null;

  const Grid = L.GridLayer.extend({
    createTile(coords, done) {
      const tile = L.DomUtil.create("canvas", "case-tile");
      const size = this.getTileSize();
      const ratio = window.devicePixelRatio || 1;
      tile.width = size.x * ratio;
      tile.height = size.y * ratio;
      const key = this._tileCoordsToKey(coords);
      const url = urlTemplate.replace("/0/0/0.mvt", `/${coords.z}/${coords.x}/${coords.y}.mvt`) + query;
      fetch(url).then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.arrayBuffer();
      }).then((buffer) => {
        const layer = readTile(buffer).practices;
        const context = tile.getContext("2d");
        context.scale(ratio, ratio);
        const points = [];
        for (const feature of layer ? layer.features : []) {
          const x = (feature.x / layer.extent) * size.x;
          const y = (feature.y / layer.extent) * size.y;
          const { id, tool, sample } = feature.properties;
          drawPoint(context, x, y, ctx.tools.get(tool), Boolean(sample));
          points.push({ x, y, id });
        }
        loaded.set(key, { coords, points });
        done(null, tile);
      }).catch((error) => done(error, tile));
      return tile;
    },
  });

  const grid = new Grid({ tileSize: 256, updateWhenZooming: false, className: "case-tiles" });
  grid.on("tileunload", (event) => loaded.delete(grid._tileCoordsToKey(event.coords)));
  grid.on("load", () => {
    let total = 0;
    for (const tile of loaded.values()) total += tile.points.length;
    map.getContainer().dataset.tilePoints = String(total);
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

  // The nearest point of the loaded tiles under a click, in the tiles' own zoom. Listened
  // for before Leaflet's own handlers (capture), so that a point wins over the gmina under it.
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
        if (distance <= HIT && (!best || distance < best.distance)) best = { distance, x, y, id: point.id };
      }
    }
    if (!best) return;
    event.stopPropagation();
    openCase(map.unproject([best.x, best.y], zoom), best.id);
  }, true);

  return {
    layer: grid,
    // Shows the tiles of a selection (its query string, "" or "?tool=…").
    show(selectionQuery) {
      if (selectionQuery === query) return;
      query = selectionQuery;
      loaded.clear();
      grid.redraw();
    },
  };
}
