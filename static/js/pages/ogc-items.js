// The features of an OGC API items page on a small map (json_script "ogc-features"), with
// each feature's properties in a popup built from DOM nodes (never HTML strings).
const collection = JSON.parse(document.getElementById("ogc-features").textContent);
const config = JSON.parse(document.getElementById("ogc-map-config").textContent);
const container = document.getElementById("ogc-map");
const map = L.map(container, { maxZoom: config.maxZoom, scrollWheelZoom: false })
  .setView(config.center, config.zoom);
if (config.tileUrl) {
  L.tileLayer(config.tileUrl, { attribution: config.tileAttribution, maxZoom: config.maxZoom }).addTo(map);
}

function popup(feature) {
  const list = document.createElement("dl");
  for (const [name, value] of Object.entries(feature.properties || {})) {
    const term = document.createElement("dt");
    term.textContent = name;
    const detail = document.createElement("dd");
    detail.textContent = typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
    list.append(term, detail);
  }
  return list;
}

const layer = L.geoJSON(collection, {
  pointToLayer: (feature, latlng) => L.circleMarker(latlng, { radius: 6, weight: 1, color: "#222222", fillColor: "#1f77b4", fillOpacity: 0.9 }),
  style: { color: "#36506b", weight: 1, fillOpacity: 0.1 },
  onEachFeature: (feature, item) => item.bindPopup(() => popup(feature)),
}).addTo(map);
if (layer.getBounds().isValid()) map.fitBounds(layer.getBounds(), { maxZoom: 12, padding: [12, 12] });
container.dataset.ready = "true";
container.dataset.features = String(collection.features.length);
