// The list twin of the choropleth view: the matching cases per gmina as a sortable table
// (gmina, county, count), so that the numbers behind the colours have a text equivalent. Its
// rows are the choropleth's own: the server's counts per gmina for the selection
// (/api/stats/), named from the boundaries (a gmina outside them shows its TERYT code).
import { el } from "./dom.js";
import { compareText, formatNumber, t } from "./i18n.js";

export function createGminaTable(root, ctx) {
  const table = root.querySelector("table");
  const tbody = table.querySelector("tbody");
  let rows = [];
  let shownKey = null;
  let sortKey = "count";
  let ascending = false;

  function compare(a, b) {
    const byName = compareText(a.name, b.name) || (a.teryt < b.teryt ? -1 : a.teryt > b.teryt ? 1 : 0);
    if (sortKey === "name") return ascending ? byName : -byName;
    return (ascending ? a.count - b.count : b.count - a.count) || byName;
  }

  function row(item) {
    return el("tr", { dataset: { teryt: item.teryt } },
      el("td", {}, el("a", { href: ctx.gminaUrl(item.teryt), target: ctx.linkTarget,
        rel: ctx.linkTarget ? "noopener" : null, text: item.name })),
      el("td", { text: item.county }),
      el("td", { class: "gmina-count-table__count", text: formatNumber(item.count) }));
  }

  function draw() {
    const sorted = [...rows].sort(compare);
    tbody.replaceChildren(...(sorted.length ? sorted.map(row)
      : [el("tr", {}, el("td", { colspan: 3, text: t("noCases") }))]));
    for (const th of table.querySelectorAll("th[data-sort]")) {
      if (th.dataset.sort === sortKey) th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    }
    root.dataset.rows = String(rows.length);
    root.dataset.state = "ready";
    root.removeAttribute("aria-busy");
  }

  for (const th of table.querySelectorAll("th[data-sort]")) {
    th.querySelector("button").addEventListener("click", () => {
      if (sortKey === th.dataset.sort) ascending = !ascending;
      else {
        sortKey = th.dataset.sort;
        ascending = sortKey === "name";
      }
      draw();
    });
  }

  return {
    // The rows ({teryt, name, county, count}) of the selection `key`; drawn once per key.
    show(key, next) {
      if (key === shownKey) return;
      shownKey = key;
      rows = next;
      draw();
    },
    // The counts shown are not the current selection's: they are on their way.
    pending() {
      shownKey = null;
      root.dataset.state = "loading";
      root.setAttribute("aria-busy", "true");
    },
  };
}
