// The gminy layer: display boundaries with the name on hover and a summary on click
// (county, voivodeship, matching cases by tool, a link to the gmina's page). In the markers
// view it is drawn as outlines; in the choropleth view each gmina is shaded by the number of
// matching cases, in classes named in the legend, and every gmina with cases is a
// keyboard-focusable button. The boundaries come from /api/municipalities/ (one URL per
// region, whatever the filters, so the browser keeps it); the counts per gmina come from
// the server for the selection (/api/stats/?by=municipality,tool, through ctx.loadCounts).
// Names go into tooltips and popups as text nodes, never as HTML.
import { el } from "./dom.js";
import { formatNumber, t, tn } from "./i18n.js";
import { symbolNode } from "./shapes.js";

// The rules of practices/choropleth.py (count_classes), line for line; a browser test
// compares the two on the same counts. At most MAX_CLASSES classes, bounded by quantiles of
// the positive counts (or each distinct count when there are few); a class's colour is its
// place in the distribution, so equal counts share a colour and 21 next to 22 are never at
// opposite ends of the palette. Zero has its own colour (EMPTY_FILL).
const PALETTE = ["#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026"];
const EMPTY_FILL = "#f2f2f2";
const MAX_CLASSES = 6;

// The palette position of a share (0–1] of the gminy with cases.
function shadeIndex(share) {
  const scaled = Math.round(share * PALETTE.length * 1e9) / 1e9;
  return Math.max(Math.ceil(scaled) - 1, 0);
}

// How many of the sorted `values` are at most `value`.
function countAtMost(values, value) {
  let n = 0;
  while (n < values.length && values[n] <= value) n += 1;
  return n;
}

// [[upper bound, share of the counts at or below the bound's quantile]], lowest first.
function bounds(positive, maxClasses) {
  const distinct = [...new Set(positive)];
  if (distinct.length <= maxClasses) {
    return distinct.map((high) => [high, countAtMost(positive, high) / positive.length]);
  }
  const found = new Map();
  for (let i = 1; i <= maxClasses; i += 1) {
    const high = positive[Math.max(0, Math.ceil((positive.length * i) / maxClasses) - 1)];
    found.set(high, i / maxClasses); // a repeated bound keeps its highest quantile
  }
  return [...found.entries()].sort((a, b) => a[0] - b[0]);
}

// The classes ({min, max, color}) of the positive counts among `values`, lowest first.
export function classBreaks(values, maxClasses = MAX_CLASSES) {
  const positive = values.filter((v) => v > 0).sort((a, b) => a - b);
  if (!positive.length) return [];
  const found = bounds(positive, maxClasses);
  // From the top down, each class takes its share's colour or, when that is not lighter than
  // the class above, the next lighter one: every class keeps a colour of its own.
  const positions = [];
  let above = PALETTE.length;
  for (let i = found.length - 1; i >= 0; i -= 1) {
    above = Math.min(shadeIndex(found[i][1]), above - 1);
    positions.unshift(above);
  }
  let low = positive[0];
  return found.map(([high], i) => {
    const item = { min: low, max: high, color: PALETTE[positions[i]] };
    low = high + 1;
    return item;
  });
}

function classOf(classes, count) {
  return classes.find((c) => count >= c.min && count <= c.max) || null;
}

export function createBoundaryLayer(map, ctx) {
  let counts = new Map(); // teryt -> { total, perTool: Map(slug -> n) }
  let countsReady = false;
  let samples = false; // the selection's counts include sample cases
  let classes = [];
  let mode = "outline";
  let loadedScope = null;
  const group = L.geoJSON(null, {
    style: (feature) => styleFor(feature),
    onEachFeature(feature, layer) {
      layer.bindTooltip(() => el("span", { text: tooltipText(feature) }), { sticky: true, direction: "top" });
      layer.bindPopup(() => popup(layer), { maxWidth: 300 });
    },
  }).addTo(map);

  function countFor(feature) {
    const entry = counts.get(feature.properties.teryt);
    return entry ? entry.total : 0;
  }

  function styleFor(feature) {
    if (mode === "outline") {
      return { color: "#36506b", weight: 0.8, opacity: 0.55, fill: true, fillOpacity: 0 };
    }
    const found = classOf(classes, countFor(feature));
    return {
      color: "#4d4d4d", weight: 0.6, opacity: 0.8, fill: true,
      fillColor: found ? found.color : EMPTY_FILL, fillOpacity: found ? 0.85 : 0.55,
    };
  }

  function tooltipText(feature) {
    const name = feature.properties.name;
    if (mode !== "choropleth") return name;
    const count = countFor(feature);
    const text = `${name}: ${tn("caseCount", count)}`;
    return samples && count > 0 ? `${text}. ${t("sampleCounts")}` : text;
  }

  // The summary; its counts are the server's, loaded on demand in the markers view.
  function popup(layer) {
    const node = el("div", { class: "gmina-popup" });
    if (countsReady) {
      node.append(...summary(layer.feature));
      return node;
    }
    node.append(...summary(layer.feature, { pending: true }));
    ctx.loadCounts().then(() => {
      node.replaceChildren(...summary(layer.feature));
      if (layer.isPopupOpen()) layer.getPopup().update();
    }, () => {});
    return node;
  }

  function summary(feature, { pending = false } = {}) {
    const p = feature.properties;
    const entry = counts.get(p.teryt);
    const perTool = entry && !pending ? [...entry.perTool.entries()] : [];
    const place = [ctx.countyLabel(p.county) || p.county_name, ctx.voivodeshipLabel(p.voivodeship) || p.voivodeship_name]
      .filter(Boolean).join(", ");
    return [
      el("p", { class: "gmina-popup__title" }, el("strong", { text: p.name }), ` (${ctx.typeLabel(p.type)})`),
      el("p", { text: place }),
      pending ? el("p", { text: t("loading") }) : el("p", { text: tn("matchingCount", entry ? entry.total : 0) }),
      samples && entry && !pending ? el("p", { class: "sample-flag", text: t("sampleCounts") }) : null,
      perTool.length
        ? el("ul", { class: "gmina-popup__tools" }, perTool.map(([slug, n]) => {
          const tool = ctx.tools.get(slug);
          return el("li", {}, tool ? symbolNode(tool.shape, tool.color, 14) : null, ` ${tool ? tool.name : slug}: ${n}`);
        }))
        : null,
      el("a", { href: ctx.gminaUrl(p.teryt), target: ctx.linkTarget, rel: ctx.linkTarget ? "noopener" : null,
        text: t("openGmina", { name: p.name }) }),
    ].filter(Boolean);
  }

  // Names the paths for screen readers and lets the keyboard reach gminy with cases.
  function decorate(layer) {
    const path = layer.getElement && layer.getElement();
    if (!path) return;
    const count = countFor(layer.feature);
    path.dataset.teryt = layer.feature.properties.teryt;
    path.dataset.count = String(count);
    if (mode === "choropleth" && count > 0) {
      path.setAttribute("tabindex", "0");
      path.setAttribute("role", "button");
      path.setAttribute("aria-label", tooltipText(layer.feature));
    } else {
      path.removeAttribute("tabindex");
      path.removeAttribute("role");
      path.removeAttribute("aria-label");
    }
    if (!path.dataset.keys) {
      path.dataset.keys = "1";
      path.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          layer.openPopup(layer.getCenter());
        }
      });
      path.addEventListener("focus", () => layer.setStyle({ weight: 3, color: "#000000" }));
      path.addEventListener("blur", () => layer.setStyle(styleFor(layer.feature)));
    }
  }

  function restyle() {
    group.eachLayer((layer) => {
      layer.setStyle(styleFor(layer.feature));
      decorate(layer);
    });
  }

  return {
    get scope() {
      return loadedScope;
    },
    setData(collection, scope) {
      group.clearLayers();
      group.addData(collection); // styled as they are added (the group's style option)
      loadedScope = scope;
      group.eachLayer(decorate);
    },
    // The counts of the current selection (teryt -> {total, perTool}), and whether they
    // include sample cases.
    setCounts(next, withSamples) {
      counts = next;
      samples = withSamples;
      countsReady = true;
      classes = classBreaks([...counts.values()].map((c) => c.total));
      restyle();
    },
    // The selection changed: the counts shown are no longer its own.
    forgetCounts() {
      countsReady = false;
    },
    get samples() {
      return samples;
    },
    setMode(next) {
      if (next === mode) return; // the page shows its view again after each answer
      mode = next;
      restyle();
    },
    get classes() {
      return classes;
    },
    // The gminy with matching cases, for the table twin: [{teryt, name, county, count}].
    rows() {
      const shown = new Map();
      group.eachLayer((layer) => shown.set(layer.feature.properties.teryt, layer.feature.properties));
      return [...counts.entries()].filter(([, entry]) => entry.total > 0).map(([teryt, entry]) => {
        const p = shown.get(teryt);
        return {
          teryt, count: entry.total, name: p ? p.name : teryt,
          county: p ? ctx.countyLabel(p.county) || p.county_name || "" : "",
        };
      });
    },
    // Bounds of the gminy whose TERYT code starts with one of the codes.
    boundsOf(codes) {
      let bounds = null;
      group.eachLayer((layer) => {
        const teryt = layer.feature.properties.teryt;
        if (codes.some((code) => teryt.startsWith(code))) {
          bounds = bounds ? bounds.extend(layer.getBounds()) : L.latLngBounds(layer.getBounds().getSouthWest(), layer.getBounds().getNorthEast());
        }
      });
      return bounds;
    },
  };
}

export function choroplethLegend(classes, samples = false) {
  return el(
    "ul",
    { class: "map-legend__list" },
    samples ? el("li", { class: "sample-flag", text: t("sampleCounts") }) : null,
    el("li", {}, el("span", { class: "map-legend__swatch", style: `background:${EMPTY_FILL}` }), el("span", { text: t("noMatching") })),
    classes.map((c) => el("li", {},
      el("span", { class: "map-legend__swatch", style: `background:${c.color}` }),
      el("span", { text: c.min === c.max ? tn("caseCount", c.min) : tn("caseRange", c.max, { min: formatNumber(c.min) }) }))),
  );
}
