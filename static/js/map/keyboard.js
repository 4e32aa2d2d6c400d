// Keyboard paths through the map. The map's controls (zoom, legend) come before the gmina
// areas and markers in the tab order, followed by a visible skip link that passes them; a
// popup opened from the keyboard (Enter on an area or a marker) takes the focus, and Escape
// or its close button gives the focus back to what opened it.
import { el } from "./dom.js";
import { t } from "./i18n.js";

// Puts the controls and a skip link before the map's panes: positions stay as they were
// (the controls are absolutely placed), only the order of Tab changes.
export function orderForKeyboard(map, skipTarget) {
  const container = map.getContainer();
  const controls = container.querySelector(".leaflet-control-container");
  const skip = el("a", { class: "map-skip map-skip--areas", href: "#", text: t("skipMap") });
  skip.addEventListener("click", (event) => {
    event.preventDefault();
    const target = skipTarget();
    if (target) target.focus();
  });
  container.prepend(controls, skip);
  return skip;
}

export function popupFocus(map) {
  let opener = null; // the focused area or marker whose Enter opened the popup
  let open = null;
  const container = map.getContainer();

  // Capture phase: noted before the area's own handler opens the popup.
  container.addEventListener("keydown", (event) => {
    if ((event.key === "Enter" || event.key === " ") && event.target.matches("path[tabindex], .leaflet-marker-icon")) {
      opener = event.target;
    }
    if (event.key === "Escape" && open && open.getElement() && open.getElement().contains(event.target)) {
      event.preventDefault();
      event.stopPropagation();
      map.closePopup(open);
    }
  }, true);

  map.on("popupopen", ({ popup }) => {
    open = popup;
    if (!opener || document.activeElement !== opener) {
      opener = null;
      return;
    }
    // The content node stays while a pending popup fills in, so the focus survives that.
    const content = popup.getElement().querySelector(".leaflet-popup-content");
    content.setAttribute("tabindex", "-1");
    content.focus();
  });

  map.on("popupclose", ({ popup }) => {
    if (popup !== open) return;
    open = null;
    const from = opener;
    opener = null;
    const focus = document.activeElement;
    const lost = !focus || focus === document.body || (popup.getElement() && popup.getElement().contains(focus));
    if (from && from.isConnected && lost) from.focus();
  });
}
