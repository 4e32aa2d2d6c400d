// "Download": a disclosure button over the links to the selection's exports. Each link
// carries the map's current filters (updated when they change); Escape or a click elsewhere
// closes the menu, and Escape returns focus to the button.
export function createDownloadMenu(box) {
  const toggle = box.querySelector("[data-download-toggle]");
  const menu = box.querySelector("[data-download-menu]");
  const links = [...box.querySelectorAll("[data-download-link]")].map((link) => {
    const url = new URL(link.getAttribute("href"), location.href);
    return { link, path: url.pathname, fixed: url.searchParams };
  });

  function setOpen(open, { focusButton = false } = {}) {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    menu.hidden = !open;
    if (!open && focusButton) toggle.focus();
  }

  toggle.addEventListener("click", () => setOpen(toggle.getAttribute("aria-expanded") !== "true"));
  box.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !menu.hidden) {
      event.preventDefault();
      setOpen(false, { focusButton: true });
    }
  });
  document.addEventListener("click", (event) => {
    if (!menu.hidden && !box.contains(event.target)) setOpen(false);
  });
  box.addEventListener("focusout", (event) => {
    if (!menu.hidden && event.relatedTarget && !box.contains(event.relatedTarget)) setOpen(false);
  });

  return {
    // `selection`: URLSearchParams of the current filters; `extra` adds the map's options
    // (view, language) to the downloadable map.
    update(selection, extra = {}) {
      for (const { link, path, fixed } of links) {
        const params = new URLSearchParams(selection);
        for (const [name, value] of fixed) params.set(name, value);
        if (link.hasAttribute("data-download-map")) {
          for (const [name, value] of Object.entries(extra)) if (value) params.set(name, value);
        }
        const query = params.toString().replaceAll("%2C", ",");
        link.href = query ? `${path}?${query}` : path;
      }
    },
  };
}
