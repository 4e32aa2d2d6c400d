// Clusters of markers, the same on every map of the site. The points are indexed once
// (supercluster: a k-d tree of clusters per zoom level, built in milliseconds for thousands
// of points) and only what the view shows is in the DOM: the clusters and lone markers of
// the visible area and a margin around it, redrawn when the map stops moving. A marker is
// made the first time it is shown (by the caller's `marker(item)`, which may keep it).
//
// A cluster is a white disc with its count, named for screen readers, and a focusable
// button: a click or Enter zooms in until its cases separate. Cases at one spot, which no
// zoom separates (cases placed at their gmina's point), open a popup listing them instead
// (the caller's `listPopup(items)`).
import Supercluster from "supercluster";
import { el } from "./dom.js";
import { formatNumber, tn } from "./i18n.js";

// Markers closer than this, in screen pixels, are drawn as one cluster.
const RADIUS = 45;
// The part of the view's size drawn beyond each of its edges, so that a short pan shows
// markers already in place.
const MARGIN = 0.5;

// A cluster's size class (.map-cluster--small, medium, large) and side in CSS pixels, by its
// count; the vector tiles draw the same discs (tile-points.js).
export function clusterSize(count) {
  const size = count < 10 ? "small" : count < 100 ? "medium" : "large";
  return { size, side: { small: 32, medium: 38, large: 46 }[size] };
}

export function clusterIcon(count) {
  const { size, side } = clusterSize(count);
  // A node of its own per cluster (Leaflet appends it): text goes in as text.
  const html = el("span", { class: "map-cluster__inner" },
    el("span", { class: "map-cluster__count", dataset: { count: String(count) }, "aria-hidden": "true",
      text: formatNumber(count) }),
    el("span", { class: "visually-hidden", text: tn("clusterLabel", count) }));
  return L.divIcon({ className: `map-cluster map-cluster--${size}`, html, iconSize: [side, side] });
}

let ClusterLayer = null;

function layerClass() {
  if (ClusterLayer) return ClusterLayer;
  ClusterLayer = L.FeatureGroup.extend({
    initialize({ position, marker, key, listPopup }) {
      L.FeatureGroup.prototype.initialize.call(this);
      Object.assign(this, { position, marker, key, listPopup });
      this.index = null;
      this.items = [];
      this.shown = new Map(); // key -> marker on the map: "c<cluster id>" or "p<item key>"
      this.on("click keypress", this.onActivate, this);
    },

    // Replaces the points: `items` are the caller's objects, placed by position(item) as
    // [lat, lon]. Redraws at once when the layer is on a map.
    setItems(items) {
      this.items = items;
      this.index = null;
      if (items.length) {
        this.index = new Supercluster({
          radius: RADIUS,
          extent: 256, // Leaflet's tile size: the radius is in the map's own pixels
          minZoom: 0,
          maxZoom: this.maxZoom(),
        }).load(items.map((item) => {
          const [lat, lon] = this.position(item);
          return { type: "Feature", geometry: { type: "Point", coordinates: [lon, lat] }, properties: { item } };
        }));
      }
      // Cluster ids belong to one index: every cluster goes, lone markers may stay.
      for (const [key, layer] of this.shown) {
        if (key[0] === "c") {
          this.removeLayer(layer);
          this.shown.delete(key);
        }
      }
      this.draw();
    },

    maxZoom() {
      return this._map ? Math.ceil(this._map.getMaxZoom()) : 18;
    },

    onAdd(map) {
      L.FeatureGroup.prototype.onAdd.call(this, map);
      map.on("moveend", this.draw, this);
      this.draw();
    },

    onRemove(map) {
      map.off("moveend", this.draw, this);
      L.FeatureGroup.prototype.onRemove.call(this, map);
    },

    // The clusters and markers of the view (with its margin) at the map's zoom, keeping
    // those already shown.
    draw() {
      const map = this._map;
      if (!map) return;
      const wanted = new Map();
      if (this.index) {
        const view = map.getBounds().pad(MARGIN);
        const box = [Math.max(view.getWest(), -180), Math.max(view.getSouth(), -85),
          Math.min(view.getEast(), 180), Math.min(view.getNorth(), 85)];
        for (const feature of this.index.getClusters(box, Math.floor(map.getZoom()))) {
          if (feature.properties.cluster) wanted.set(`c${feature.id}`, feature);
          else wanted.set(`p${this.key(feature.properties.item)}`, feature);
        }
      }
      for (const [key, layer] of this.shown) {
        if (!wanted.has(key)) {
          this.removeLayer(layer);
          this.shown.delete(key);
        }
      }
      for (const [key, feature] of wanted) {
        if (this.shown.has(key)) continue;
        const layer = key[0] === "c" ? clusterMarker(feature) : this.marker(feature.properties.item);
        this.shown.set(key, layer);
        this.addLayer(layer);
      }
    },

    // A click or Enter on a cluster: zoom in until its cases separate, or list them when
    // they share one spot.
    onActivate({ layer, type, originalEvent }) {
      if (!layer || layer.options.clusterId === undefined || layer.getPopup() || !this._map) return;
      if (type === "keypress" && originalEvent.key !== "Enter") return;
      const map = this._map;
      const id = layer.options.clusterId;
      const separate = this.index.getClusterExpansionZoom(id);
      const leaves = this.index.getLeaves(id, Infinity);
      if (separate > map.getMaxZoom()) {
        // Bound once: Leaflet opens it on the next click or Enter by itself.
        layer.bindPopup(this.listPopup(leaves.map((leaf) => leaf.properties.item)), { maxWidth: 300 }).openPopup();
        return;
      }
      const bounds = L.latLngBounds(leaves.map((leaf) => this.position(leaf.properties.item)));
      if (map.getBoundsZoom(bounds, false, L.point(48, 48)) >= separate) {
        map.fitBounds(bounds, { padding: [24, 24] });
      } else {
        map.setView(layer.getLatLng(), separate);
      }
    },

    // The extent of every point, shown or not.
    getBounds() {
      const bounds = L.latLngBounds([]);
      for (const item of this.items) bounds.extend(this.position(item));
      return bounds;
    },
  });
  return ClusterLayer;
}

function clusterMarker(feature) {
  const [lon, lat] = feature.geometry.coordinates;
  return L.marker([lat, lon], {
    icon: clusterIcon(feature.properties.point_count),
    keyboard: true,
    clusterId: feature.id,
  });
}

// A layer of clustered markers. `position(item)` gives an item's [lat, lon], `key(item)` a
// key unique among the items, `marker(item)` its marker, `listPopup(items)` the content of
// a popup listing items that share one spot.
export function createClusterLayer(options) {
  const Layer = layerClass();
  return new Layer(options);
}
