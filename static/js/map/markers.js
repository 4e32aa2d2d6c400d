// Cases as markers: one symbol per tool (colour and shape), clustered when dense
// (clusters.js); a sample case has a dashed ring. The layer gets only what it draws, the compact points of
// /api/points/ (pointRows: [id, lon, lat, tool index, year, sample]); a popup fetches its case's details
// when it opens (ctx.loadCase, cached in the page). Markers are keyboard-focusable buttons
// named by their tool and year.
import { createClusterLayer } from "./clusters.js";
import { el } from "./dom.js";
import { t, tn } from "./i18n.js";
import { symbolNode, symbolSvg } from "./shapes.js";

// The rows [id, lon, lat, tool index, year, sample] of /api/points/'s columnar answer: its
// `id` holds each id less the previous one, its `place` an index into `places` ([lon, lat]).
export function pointRows({ places, id, place, tool, year, sample }) {
  const rows = new Array(id.length);
  let last = 0;
  for (let i = 0; i < id.length; i += 1) {
    last += id[i];
    const [lon, lat] = places[place[i]];
    rows[i] = [last, lon, lat, tool[i], year[i], sample[i]];
  }
  return rows;
}

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

// Cases that share one spot (placed at their gmina's point), listed in one popup: a button
// per case, named like its marker; a button shows that case's details, with a way back.
function spotPopup(rows, ctx, labelOf) {
  const node = el("div", { class: "case-popup" });
  const sorted = [...rows].sort((a, b) => b[4] - a[4] || a[3] - b[3] || a[0] - b[0]);
  function showList(focusId = null) {
    const buttons = new Map();
    node.replaceChildren(
      el("p", { class: "case-popup__title", text: tn("spotCases", rows.length) }),
      el("ul", { class: "case-popup__spot" }, sorted.map((row) => {
        const button = el("button", { type: "button", class: "case-popup__choice", text: labelOf(row),
          onclick: (event) => showCase(row, event) });
        buttons.set(row[0], button);
        return el("li", {}, button);
      })),
    );
    if (focusId !== null) buttons.get(focusId).focus();
  }
  // The clicked button leaves the DOM: Leaflet, which looks for the popup among a click's
  // ancestors, would take the click for one on the map and close the popup.
  function showCase(row, event) {
    event.stopPropagation();
    const back = el("button", { type: "button", class: "case-popup__choice case-popup__back", text: t("spotBack"),
      onclick: (click) => {
        click.stopPropagation();
        showList(row[0]);
      } });
    node.replaceChildren(el("p", { text: t("loadingCase") }));
    node.setAttribute("aria-busy", "true");
    ctx.loadCase(row[0]).then((feature) => {
      node.replaceChildren(...casePopup(feature.properties, ctx), back);
    }, () => {
      node.replaceChildren(el("p", { text: t("caseError") }), back);
    }).finally(() => {
      node.removeAttribute("aria-busy");
      const link = node.querySelector("a") || back;
      link.focus();
    });
  }
  showList();
  return node;
}

export function createMarkerLayer(map, ctx) {
  const icons = toolIcons(ctx.tools);
  let slugs = [];

  // A marker's name depends only on its tool, year and sample flag: made once for each.
  const labels = new Map();
  function labelOf(row) {
    const [, , , toolIndex, year, sample] = row;
    const slug = slugs[toolIndex] || "";
    const key = `${slug}|${year}|${sample}`;
    let label = labels.get(key);
    if (label === undefined) {
      const tool = ctx.tools.get(slug);
      label = t(sample ? "markerLabelSample" : "markerLabel", { tool: tool ? tool.name : slug, year });
      labels.set(key, label);
    }
    return label;
  }

  // Markers are made when first shown and kept by id across selections: a selection seen
  // before is drawn again from the same objects, and its popups' details stay loaded.
  const made = new Map();
  function markerOf(row) {
    const [id, lon, lat, toolIndex, , sample] = row;
    let marker = made.get(id);
    if (marker) return marker;
    const slug = slugs[toolIndex] || "";
    const known = ctx.tools.has(slug) ? slug : "";
    marker = L.marker([lat, lon], {
      icon: icons.get(sample ? `${known}|sample` : known),
      title: labelOf(row),
      keyboard: true,
      riseOnHover: true,
      caseId: id,
    });
    made.set(id, marker);
    return marker;
  }

  const layer = createClusterLayer({
    position: (row) => [row[2], row[1]],
    key: (row) => row[0],
    marker: markerOf,
    listPopup: (rows) => spotPopup(rows, ctx, labelOf),
  }).addTo(map);

  // A marker's popup is bound on its first click (or Enter): a popup for each of thousands
  // of markers up front would cost more than the markers. Leaflet listens for Enter only on
  // a layer with a popup, so the layer listens for it too.
  layer.on("click keypress", ({ layer: marker, type, originalEvent }) => {
    if (!marker || !marker.options.caseId || marker.getPopup()) return;
    if (type === "keypress" && originalEvent.key !== "Enter") return;
    marker.bindPopup(() => lazyPopup(marker, marker.options.caseId, ctx), { maxWidth: 280 }).openPopup();
  });

  return {
    layer,
    // Replaces the markers with the points of a selection ({tools, rows}).
    update(points) {
      slugs = points.tools;
      layer.setItems(points.rows);
      return Promise.resolve();
    },
    bounds() {
      return layer.getBounds();
    },
  };
}

// The symbols of the tools in the selection (all tools when it is empty), and the dashed
// ring of sample cases when the selection has any.
// Markers and vector tiles both draw clusters.
export function markersLegend(ctx, present, samples = false) {
  const tools = [...ctx.tools.entries()].filter(([slug]) => !present.size || present.has(slug));
  return el(
    "ul",
    { class: "map-legend__list" },
    tools.map(([, tool]) =>
      el("li", {}, symbolNode(tool.shape, tool.color, 18), el("span", { text: tool.name }))),
    el("li", {}, el("span", { class: "map-legend__cluster", "aria-hidden": "true", text: "12" }),
      el("span", { text: t("legendCluster") })),
    samples
      ? el("li", { class: "map-legend__sample" },
        el("span", { class: "map-legend__sample-symbol", "aria-hidden": "true" }, symbolNode("circle", "#ffffff", 16)),
        el("span", { text: t("legendSample") }))
      : null,
  );
}
