// A small map on a case, gmina or tool page, in the main map's style: the same markers (a
// symbol per tool, a dashed ring for a sample case) and clusters (static/js/map/markers.js),
// drawn over an outline of the place, so that it reads without base-map tiles. Everything it
// needs comes from the page through json_script (#page-map-config):
//   tileUrl, tileAttribution, maxZoom, center, zoom  base map and initial view
//   tools, strings, lang  the tools in their order (for their symbols), the clusters' names
//   boundary   GeoJSON geometry to outline (a gmina), or null
//   outlineUrl the gminy to outline, as the main map requests them (tool pages), or absent
//   points     [{lon, lat, title, tool, sample?, url?}] markers given inline
//   dataUrl    a GeoJSON FeatureCollection of cases to fetch instead (tool pages)
//   cluster    cluster the markers (static/js/map/clusters.js)
// The page lists the same cases as text, so the map is a visual aid; markers still get names
// (title) and are keyboard reachable.
import { createClusterLayer } from "../map/clusters.js";
import { el } from "../map/dom.js";
import { setupStrings, tn } from "../map/i18n.js";
import { toolIcons } from "../map/markers.js";
import { shapeFor } from "../map/shapes.js";

const config = JSON.parse(document.getElementById("page-map-config").textContent);
const container = document.getElementById("page-map");
setupStrings(config.strings || {}, config.lang || document.documentElement.lang || "pl");
const tools = new Map((config.tools || []).map((tool, i) => [tool.slug, { ...tool, shape: shapeFor(tool.slug, i) }]));
const icons = toolIcons(tools);

const map = L.map(container, {
  maxZoom: config.maxZoom,
  scrollWheelZoom: false,
}).setView(config.center, config.zoom);

if (config.tileUrl) {
  L.tileLayer(config.tileUrl, {
    attribution: config.tileAttribution,
    maxZoom: config.maxZoom,
  }).addTo(map);
}

function popupContent(title, url) {
  const wrapper = document.createElement("div");
  if (url) {
    const link = document.createElement("a");
    link.href = url;
    link.textContent = title;
    wrapper.append(link);
  } else {
    wrapper.textContent = title;
  }
  return wrapper;
}

function marker(lat, lon, { title, url, tool, sample }) {
  const key = tools.has(tool) ? tool : "";
  return L.marker([lat, lon], {
    icon: icons.get(sample ? `${key}|sample` : key), title, keyboard: true, riseOnHover: true,
  }).bindPopup(popupContent(title, url));
}

const bounds = L.latLngBounds([]);

// The outline of the region (a tool's voivodeships, gmina by gmina, as on the main map),
// under the gmina's own outline and the markers.
const region = L.geoJSON(null, {
  style: { color: "#36506b", weight: 0.8, opacity: 0.55, fillOpacity: 0, className: "region-outline" },
  interactive: false,
}).addTo(map);

if (config.boundary) {
  const outline = L.geoJSON(config.boundary, {
    style: { color: "#0b5394", weight: 2, fillOpacity: 0.08, className: "gmina-outline" },
    interactive: false,
  }).addTo(map);
  bounds.extend(outline.getBounds());
}

// Markers are made when first shown (a tool's page may have thousands of cases).
const markerOf = (point) => {
  if (!point.marker) point.marker = marker(point.lat, point.lon, point);
  return point.marker;
};
// Cases that share one spot: their titles, each a link to its case.
const spotPopup = (points) => el("div", {},
  el("p", { text: tn("spotCases", points.length) }),
  el("ul", { class: "case-popup__spot" }, points.map((point) => el("li", {}, popupContent(point.title, point.url)))));
const group = config.cluster
  ? createClusterLayer({
    position: (point) => [point.lat, point.lon], key: (point) => point.key, marker: markerOf, listPopup: spotPopup,
  })
  : L.featureGroup();
group.addTo(map);
const points = [];
function addPoints(more) {
  for (const point of more) {
    point.key = points.length;
    points.push(point);
    bounds.extend([point.lat, point.lon]);
  }
  if (config.cluster) group.setItems(points);
  else more.forEach((point) => group.addLayer(markerOf(point)));
}
addPoints(config.points || []);

function fit() {
  const target = bounds.isValid() ? bounds : region.getBounds();
  if (target.isValid()) {
    map.fitBounds(target, { padding: [28, 28], maxZoom: 13, animate: false });
  }
}

async function getJson(url, headers = {}) {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

const outline = config.outlineUrl
  ? getJson(config.outlineUrl).then((collection) => {
    region.addData(collection);
    container.dataset.outline = "ready";
  }, (error) => {
    // The markers still show where the cases are.
    container.dataset.outline = `error: ${error}`;
  })
  : null;

if (config.dataUrl) {
  try {
    const data = await getJson(config.dataUrl, { Accept: "application/geo+json, application/json" });
    const more = [];
    for (const feature of data.features || []) {
      if (!feature.geometry) continue;
      const [lon, lat] = feature.geometry.coordinates;
      const props = feature.properties || {};
      more.push({ lat, lon, title: props.title || "", url: props.url, tool: props.tool, sample: props.is_sample });
    }
    addPoints(more);
  } catch (error) {
    // The page lists the cases as text; a map without markers is not a broken page.
    container.dataset.loadError = String(error);
  }
}
if (outline) await outline;
fit();
container.dataset.ready = "true";
