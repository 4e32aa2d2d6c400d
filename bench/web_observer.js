// Added by bench/web.py before the page's own scripts: watches what the visitor sees and
// records, in window.__bench, the first animation frame in which it is complete. It relies
// on Leaflet's panes only, never on marks or hooks of the product's code.
(() => {
  const expect = __EXPECT__; // {markers, gminy, atLeast}
  const state = { longtasks: [], markersAt: null, choroplethAt: null, tilesAt: null, seen: {} };
  window.__bench = state;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.longtasks.push([entry.startTime, entry.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch (error) {
    state.longtaskError = String(error);
  }

  // Cases in the DOM: a marker counts 1, a cluster the number it stands for.
  function markers() {
    let total = 0;
    for (const icon of document.querySelectorAll(".leaflet-marker-pane > *")) {
      const tagged = icon.querySelector("[data-count]");
      if (tagged) total += parseInt(tagged.dataset.count, 10) || 0;
      else if (/cluster/.test(icon.className)) {
        total += parseInt((icon.firstElementChild || icon).textContent.replace(/\D/g, ""), 10) || 0;
      } else total += 1;
    }
    return total;
  }

  // Filled areas in the overlay pane and how many different fills they have.
  function areas() {
    let filled = 0;
    const colours = new Set();
    for (const path of document.querySelectorAll(".leaflet-overlay-pane path")) {
      const fill = path.getAttribute("fill");
      const opacity = parseFloat(path.getAttribute("fill-opacity") ?? "1");
      if (fill && fill !== "none" && opacity > 0) {
        filled += 1;
        colours.add(fill);
      }
    }
    return { filled, colours: colours.size };
  }

  // Canvas tiles of cases (a selection drawn from vector tiles): how many, and whether
  // Leaflet has marked every one loaded.
  function canvasTiles() {
    const tiles = document.querySelectorAll(".leaflet-tile-pane canvas");
    return { tiles: tiles.length, loaded: [...tiles].filter((tile) => tile.classList.contains("leaflet-tile-loaded")).length };
  }

  const enough = (seen, wanted) => (expect.atLeast ? seen >= wanted : seen === wanted);

  function check(time) {
    const count = markers();
    const { filled, colours } = areas();
    const { tiles, loaded } = canvasTiles();
    state.seen = { markers: count, filled, colours, tiles, loaded };
    if (state.tilesAt === null && tiles > 0 && loaded === tiles) state.tilesAt = time;
    if (state.markersAt === null && count > 0 && enough(count, expect.markers)) state.markersAt = time;
    if (state.choroplethAt === null && filled >= expect.gminy && colours > 1) state.choroplethAt = time;
  }

  let dirty = true;
  function frame(time) {
    if (dirty) {
      dirty = false;
      check(time);
    }
    if (state.markersAt === null || state.choroplethAt === null || state.tilesAt === null) {
      requestAnimationFrame(frame);
    }
  }
  requestAnimationFrame(frame);
  new MutationObserver(() => {
    dirty = true;
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();
