// Cases as markers: one symbol per tool (colour and shape), clustered when dense. Markers
// are keyboard-focusable buttons named by their title, tool, year and gmina.
import { el } from "./dom.js";
import { formatNumber, t, tn } from "./i18n.js";
import { symbolNode, symbolSvg } from "./shapes.js";

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function casePopup(properties, ctx) {
  const tool = ctx.tools.get(properties.tool);
  return el(
    "div",
    { class: "case-popup" },
    el("p", { class: "case-popup__title" },
      el("a", { href: ctx.caseUrl(properties.slug), target: ctx.linkTarget, rel: ctx.linkTarget ? "noopener" : null },
        properties.title)),
    el(
      "dl",
      { class: "case-popup__facts" },
      el("dt", { text: t("tool") }),
      el("dd", {}, tool ? symbolNode(tool.shape, tool.color, 14) : null, " ", tool ? tool.name : properties.tool),
      el("dt", { text: t("year") }),
      el("dd", { text: String(properties.year) }),
      el("dt", { text: t("gmina") }),
      el("dd", { text: properties.municipality_name }),
    ),
    properties.is_sample ? el("p", { class: "sample-flag", text: t("sample") }) : null,
  );
}

export function createMarkerLayer(map, ctx) {
  let finishLoading = null;
  const icons = new Map();
  for (const [slug, tool] of ctx.tools) {
    icons.set(slug, L.divIcon({
      className: `case-marker case-marker--${tool.shape}`,
      html: symbolSvg(tool.shape, tool.color, 22),
      iconSize: [22, 22],
      iconAnchor: [11, 11],
      popupAnchor: [0, -9],
    }));
  }
  const fallbackIcon = L.divIcon({ className: "case-marker", html: symbolSvg("circle", "#555555", 22), iconSize: [22, 22] });

  const cluster = L.markerClusterGroup({
    chunkedLoading: true,
    showCoverageOnHover: false,
    spiderfyOnMaxZoom: true,
    maxClusterRadius: 45,
    chunkProgress(processed, total) {
      if (processed === total && finishLoading) finishLoading();
    },
    iconCreateFunction(group) {
      const count = group.getChildCount();
      const size = count < 10 ? "small" : count < 100 ? "medium" : "large";
      const side = { small: 32, medium: 38, large: 46 }[size];
      return L.divIcon({
        className: `map-cluster map-cluster--${size}`,
        html:
          `<span class="map-cluster__count" data-count="${count}" aria-hidden="true">${escapeHtml(formatNumber(count))}</span>` +
          `<span class="visually-hidden">${escapeHtml(tn("clusterLabel", count))}</span>`,
        iconSize: [side, side],
      });
    },
  }).addTo(map);

  function makeMarker(feature) {
    const p = feature.properties;
    const [lon, lat] = feature.geometry.coordinates;
    const tool = ctx.tools.get(p.tool);
    const marker = L.marker([lat, lon], {
      icon: icons.get(p.tool) || fallbackIcon,
      title: t("markerLabel", {
        title: p.title, tool: tool ? tool.name : p.tool, year: p.year, gmina: p.municipality_name,
      }),
      keyboard: true,
      riseOnHover: true,
    });
    marker.bindPopup(() => casePopup(p, ctx), { maxWidth: 280 });
    return marker;
  }

  // Updates run one after another: markercluster adds a large set in timed chunks and
  // cannot cancel them, so a clear in the middle would let the old chunks come back.
  let queue = Promise.resolve();

  function replace(features) {
    cluster.clearLayers();
    const markers = features.filter((f) => f.geometry && f.geometry.coordinates).map(makeMarker);
    // Off the map (choropleth view) the group only stores them: nothing to wait for.
    if (!markers.length || !map.hasLayer(cluster)) {
      cluster.addLayers(markers);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      finishLoading = () => {
        finishLoading = null;
        resolve();
      };
      cluster.addLayers(markers);
    });
  }

  return {
    layer: cluster,
    // Replaces the markers; resolves when every marker is in the layer.
    update(features) {
      queue = queue.then(() => replace(features));
      return queue;
    },
    bounds() {
      return cluster.getBounds();
    },
  };
}

// The symbols of the tools in the selection (all tools when it is empty).
export function markersLegend(ctx, present) {
  const tools = [...ctx.tools.entries()].filter(([slug]) => !present.size || present.has(slug));
  return el(
    "ul",
    { class: "map-legend__list" },
    tools.map(([, tool]) =>
      el("li", {}, symbolNode(tool.shape, tool.color, 18), el("span", { text: tool.name }))),
    el("li", {}, el("span", { class: "map-legend__cluster", "aria-hidden": "true", text: "12" }),
      el("span", { text: t("legendCluster") })),
  );
}
