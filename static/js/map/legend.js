// The legend, inside the map but made of ordinary text: every symbol and colour is named.
import { el } from "./dom.js";
import { t } from "./i18n.js";

export function createLegend(map, { open }) {
  const body = el("div", { class: "map-legend__body" });
  const heading = el("span", { text: t("legend") });
  const details = el("details", { class: "map-legend", open }, el("summary", {}, heading), body);
  const Legend = L.Control.extend({
    options: { position: "bottomright" },
    onAdd() {
      const container = el("div", { class: "leaflet-control map-legend-control" }, details);
      L.DomEvent.disableClickPropagation(container);
      L.DomEvent.disableScrollPropagation(container);
      return container;
    },
  });
  new Legend().addTo(map);
  return {
    set(title, content) {
      heading.textContent = title;
      body.replaceChildren(content);
    },
  };
}
