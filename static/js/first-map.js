// The gmina map: display boundaries, name on hover, county and voivodeship on click.
const config = JSON.parse(document.getElementById("map-config").textContent);
const map = L.map("map", { maxZoom: config.maxZoom }).setView(config.center, config.zoom);
if (config.tileUrl) {
  L.tileLayer(config.tileUrl, { attribution: config.tileAttribution, maxZoom: config.maxZoom }).addTo(map);
}
const response = await fetch("/api/municipalities/?voivodeship=" + config.region.join(","));
const data = await response.json();
const layer = L.geoJSON(data, {
  style: { color: "#0b5394", weight: 1, fillOpacity: 0.1 },
  onEachFeature: (feature, shape) => {
    const p = feature.properties;
    shape.bindTooltip(p.name, { sticky: true });
    shape.bindPopup(`<strong>${p.name}</strong><br>${p.county_name}, ${p.voivodeship_name}`);
  },
}).addTo(map);
if (layer.getLayers().length) map.fitBounds(layer.getBounds());
