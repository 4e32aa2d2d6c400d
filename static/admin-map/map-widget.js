// Admin map widgets: a point picker bound to a text box, and read-only boundary maps.
// Leaflet comes from our static files (vendor/leaflet); configuration from json_script.
"use strict";

(function () {
  const DECIMALS = 6;

  function readConfig(id) {
    const element = document.getElementById(id);
    return element ? JSON.parse(element.textContent) : {};
  }

  function makeMap(element, config) {
    const map = L.map(element, { maxZoom: config.maxZoom || 18 });
    if (config.tileUrl) {
      L.tileLayer(config.tileUrl, {
        attribution: config.tileAttribution,
        maxZoom: config.maxZoom || 18,
      }).addTo(map);
    }
    map.setView(config.center || [53.6, 22.1], config.zoom || 7);
    return map;
  }

  // A [lat, lng] from the text box: GeoJSON Point or WKT POINT (lon lat); null otherwise.
  function parsePoint(text) {
    const value = text.trim();
    if (!value) return null;
    try {
      const geojson = JSON.parse(value);
      if (geojson && geojson.type === "Point" && Array.isArray(geojson.coordinates)) {
        return [Number(geojson.coordinates[1]), Number(geojson.coordinates[0])];
      }
    } catch (error) {
      const match = /POINT\s*\(\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\)/i.exec(value);
      if (match) return [Number(match[2]), Number(match[1])];
    }
    return null;
  }

  function serialise(latlng) {
    const round = (x) => Number(x.toFixed(DECIMALS));
    return JSON.stringify({ type: "Point", coordinates: [round(latlng.lng), round(latlng.lat)] });
  }

  function pointWidget(container) {
    const input = document.getElementById(container.dataset.input);
    const config = readConfig(container.dataset.config);
    const map = makeMap(container.querySelector(".mapa-point-widget__map"), config);
    let marker = null;

    function place(latlng, write) {
      if (marker) {
        marker.setLatLng(latlng);
      } else {
        marker = L.marker(latlng, { draggable: true, keyboard: true }).addTo(map);
        marker.on("dragend", () => { input.value = serialise(marker.getLatLng()); });
      }
      if (write) input.value = serialise(latlng);
    }

    const initial = parsePoint(input.value);
    if (initial) {
      place(initial, false);
      map.setView(initial, 12);
    }
    map.on("click", (event) => place(event.latlng, true));
    input.addEventListener("change", () => {
      const point = parsePoint(input.value);
      if (point) {
        place(point, false);
        map.panTo(point);
      }
    });
    container.querySelector(".mapa-point-widget__clear").addEventListener("click", () => {
      input.value = "";
      if (marker) {
        map.removeLayer(marker);
        marker = null;
      }
    });
  }

  function boundaryMap(element) {
    const config = readConfig(element.dataset.config);
    const map = makeMap(element, config);
    if (config.geometry) {
      const layer = L.geoJSON(config.geometry, { style: { weight: 2, fillOpacity: 0.15 } });
      layer.addTo(map);
      map.fitBounds(layer.getBounds());
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll(".mapa-point-widget").forEach(pointWidget);
    document.querySelectorAll(".mapa-boundary-map").forEach(boundaryMap);
  });
})();
