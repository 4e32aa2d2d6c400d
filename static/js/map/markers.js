// Cases as markers: one symbol per tool (colour and shape), clustered when dense; a sample
// case has a dashed ring. The layer gets only what it draws, the compact points of
// /api/points/ ([id, lon, lat, tool index, year, sample]); a popup fetches its case's details
// when it opens (ctx.loadCase, cached in the page). Markers are keyboard-focusable buttons
// named by their tool and year.
import { el, inSlices, nextTask } from "./dom.js";
import { formatNumber, t, tn } from "./i18n.js";
import { symbolNode, symbolSvg } from "./shapes.js";

export function casePopup(properties, ctx) {
  const tool = ctx.tools.get(properties.tool);
  return [
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
  ].filter(Boolean);
}

// A popup's content: filled in when the case's details arrive, then kept as the popup's
// content (a popup whose content is a function calls it again on every update).
function lazyPopup(marker, id, ctx) {
  const node = el("div", { class: "case-popup", "aria-busy": "true" }, el("p", { text: t("loadingCase") }));
  ctx.loadCase(id).then((feature) => {
    node.replaceChildren(...casePopup(feature.properties, ctx));
    node.removeAttribute("aria-busy");
    marker.setPopupContent(node);
  }, () => {
    node.replaceChildren(el("p", { text: t("caseError") }));
    node.removeAttribute("aria-busy");
    marker.setPopupContent(node);
    // Try again the next time it opens.
    marker.once("popupclose", () => marker.setPopupContent(() => lazyPopup(marker, id, ctx)));
  });
  return node;
}

// The marker icon of each tool (keyed by slug, "|sample" for a sample case, "" for an
// unknown tool). Icons are shared by every marker of a tool, so their HTML is a string: only
// constants and a checked colour go into it (shapes.symbolSvg), never data.
export function toolIcons(tools) {
  const icons = new Map();
  const icon = (tool, sample) => L.divIcon({
    className: `case-marker case-marker--${tool.shape}${sample ? " case-marker--sample" : ""}`,
    html: symbolSvg(tool.shape, tool.color, 22),
    iconSize: [22, 22],
    iconAnchor: [11, 11],
    popupAnchor: [0, -9],
  });
  for (const [slug, tool] of tools) {
    icons.set(slug, icon(tool, false));
    icons.set(`${slug}|sample`, icon(tool, true));
  }
  const fallback = { shape: "circle", color: "#555555" };
  icons.set("", icon(fallback, false));
  icons.set("|sample", icon(fallback, true));
  return icons;
}

// The site's cluster group: white discs with the count, bordered by size, named for screen
// readers (the small maps of the pages use it too). `options` go to markercluster.
export function createClusterGroup(options = {}) {
  return L.markerClusterGroup({
    showCoverageOnHover: false,
    spiderfyOnMaxZoom: true,
    maxClusterRadius: 45,
    iconCreateFunction(group) {
      const count = group.getChildCount();
      const size = count < 10 ? "small" : count < 100 ? "medium" : "large";
      const side = { small: 32, medium: 38, large: 46 }[size];
      // A node of its own per cluster (Leaflet appends it): text goes in as text.
      const html = el("span", { class: "map-cluster__inner" },
        el("span", { class: "map-cluster__count", dataset: { count: String(count) }, "aria-hidden": "true",
          text: formatNumber(count) }),
        el("span", { class: "visually-hidden", text: tn("clusterLabel", count) }));
      return L.divIcon({ className: `map-cluster map-cluster--${size}`, html, iconSize: [side, side] });
    },
    ...options,
  });
}

export function createMarkerLayer(map, ctx) {
  let finishLoading = null;
  const icons = toolIcons(ctx.tools);
  const cluster = createClusterGroup({
    // Markers go in in slices of at most 40 ms with no pause between them, so that adding
    // thousands never holds the main thread in one long task (a tap stays answered).
    chunkedLoading: true,
    chunkInterval: 40,
    chunkDelay: 0,
    chunkProgress(processed, total) {
      if (processed === total && finishLoading) finishLoading();
    },
  }).addTo(map);

  // A marker's popup is bound on its first click (or Enter): binding one for each of
  // thousands of markers up front was a third of the time spent making them.
  // Leaflet listens for Enter only on a layer with a popup, so the group listens for it too.
  function openFirst({ layer, type, originalEvent }) {
    if (!layer || !layer.options.caseId || layer.getPopup()) return;
    if (type === "keypress" && originalEvent.key !== "Enter") return;
    layer.bindPopup(() => lazyPopup(layer, layer.options.caseId, ctx), { maxWidth: 280 }).openPopup();
  }
  cluster.on("click keypress", openFirst);

  // A marker's name depends only on its tool, year and sample flag: made once for each.
  const labels = new Map();
  function labelOf(slug, tool, year, sample) {
    const key = `${slug}|${year}|${sample}`;
    let label = labels.get(key);
    if (label === undefined) {
      label = t(sample ? "markerLabelSample" : "markerLabel", { tool: tool ? tool.name : slug, year });
      labels.set(key, label);
    }
    return label;
  }

  // Markers are kept by id across selections: a selection seen before is drawn again from
  // the same objects, and its popups' details stay loaded.
  const made = new Map();
  function markerOf(row, slugs) {
    const [id, lon, lat, toolIndex, year, sample] = row;
    let marker = made.get(id);
    if (marker) return marker;
    const slug = slugs[toolIndex] || "";
    const tool = ctx.tools.get(slug);
    marker = L.marker([lat, lon], {
      icon: icons.get(sample ? `${tool ? slug : ""}|sample` : (tool ? slug : "")),
      title: labelOf(slug, tool, year, sample),
      keyboard: true,
      riseOnHover: true,
      caseId: id,
    });
    made.set(id, marker);
    return marker;
  }

  // Updates run one after another: markercluster adds a large set in timed chunks and
  // cannot cancel them, so a clear in the middle would let the old chunks come back.
  let queue = Promise.resolve();

  async function replace(points) {
    cluster.clearLayers();
    // Made in slices: thousands of markers in one go held the main thread for one long task.
    const markers = await inSlices(points.rows, (row) => markerOf(row, points.tools));
    // Off the map (choropleth view) the group only stores them: nothing to wait for.
    if (!markers.length || !map.hasLayer(cluster)) {
      cluster.addLayers(markers);
      return Promise.resolve();
    }
    if (markers.length > 128) await nextTask(); // clustering starts in a task of its own
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
    // Replaces the markers with the points of a selection ({tools, rows}); resolves when
    // every marker is in the layer.
    update(points) {
      queue = queue.then(() => replace(points));
      return queue;
    },
    bounds() {
      return cluster.getBounds();
    },
  };
}

// The symbols of the tools in the selection (all tools when it is empty), and the dashed
// ring of sample cases when the selection has any.
// Vector tiles (`clusters` false) draw no clusters.
export function markersLegend(ctx, present, samples = false, { clusters = true } = {}) {
  const tools = [...ctx.tools.entries()].filter(([slug]) => !present.size || present.has(slug));
  return el(
    "ul",
    { class: "map-legend__list" },
    tools.map(([, tool]) =>
      el("li", {}, symbolNode(tool.shape, tool.color, 18), el("span", { text: tool.name }))),
    clusters
      ? el("li", {}, el("span", { class: "map-legend__cluster", "aria-hidden": "true", text: "12" }),
        el("span", { text: t("legendCluster") }))
      : null,
    samples
      ? el("li", { class: "map-legend__sample" },
        el("span", { class: "map-legend__sample-symbol", "aria-hidden": "true" }, symbolNode("circle", "#ffffff", 16)),
        el("span", { text: t("legendSample") }))
      : null,
  );
}
