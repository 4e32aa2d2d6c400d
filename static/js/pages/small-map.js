// A small map on a case, gmina or tool page. Everything it needs comes from the page through
// json_script (#page-map-config):
//   tileUrl, tileAttribution, maxZoom, center, zoom  base map and initial view
//   boundary   GeoJSON geometry to outline (a gmina), or null
//   points     [{lon, lat, title, url?}] markers given inline
//   dataUrl    a GeoJSON FeatureCollection of cases to fetch instead (tool pages)
//   cluster    cluster the markers (needs leaflet.markercluster)
// The page lists the same cases as text, so the map is a visual aid; markers still get names
// (title/alt) and are keyboard reachable.

const config = JSON.parse(document.getElementById("page-map-config").textContent);
const container = document.getElementById("page-map");

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

function marker(lat, lon, title, url) {
  return L.marker([lat, lon], { title, alt: title, keyboard: true }).bindPopup(
    popupContent(title, url),
  );
}

const bounds = L.latLngBounds([]);

if (config.boundary) {
  const outline = L.geoJSON(config.boundary, {
    style: { color: "#0b5394", weight: 2, fillOpacity: 0.08, className: "gmina-outline" },
    interactive: false,
  }).addTo(map);
  bounds.extend(outline.getBounds());
}

const group =
  config.cluster && L.markerClusterGroup
    ? L.markerClusterGroup({ showCoverageOnHover: false })
    : L.featureGroup();
group.addTo(map);

for (const point of config.points || []) {
  group.addLayer(marker(point.lat, point.lon, point.title, point.url));
  bounds.extend([point.lat, point.lon]);
}

function fit() {
  if (bounds.isValid()) {
    map.fitBounds(bounds, { padding: [28, 28], maxZoom: 13, animate: false });
  }
}

if (config.dataUrl) {
  try {
    const response = await fetch(config.dataUrl, { headers: { Accept: "application/geo+json, application/json" } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const data = await response.json();
    const markers = [];
    for (const feature of data.features || []) {
      if (!feature.geometry) continue;
      const [lon, lat] = feature.geometry.coordinates;
      const props = feature.properties || {};
      markers.push(marker(lat, lon, props.title || "", props.url));
      bounds.extend([lat, lon]);
    }
    group.addLayers ? group.addLayers(markers) : markers.forEach((m) => group.addLayer(m));
  } catch (error) {
    // The page lists the cases as text; a map without markers is not a broken page.
    container.dataset.loadError = String(error);
  }
}
fit();
container.dataset.ready = "true";
