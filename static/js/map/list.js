// The accessible twin of the map: the same selection as a sortable table. It is shown in
// pages of PAGE_SIZE rows so that thousands of cases do not freeze the page.
import { el } from "./dom.js";
import { compareText, t, tn } from "./i18n.js";
import { symbolNode } from "./shapes.js";

const PAGE_SIZE = 100;
const COLUMNS = ["title", "tool", "year", "gmina"];

export function createCaseList(root, ctx) {
  const table = root.querySelector("table");
  const tbody = table.querySelector("tbody");
  const more = root.querySelector("[data-list-more]");
  let rows = [];
  let shown = PAGE_SIZE;
  let sortKey = "year";
  let ascending = false;

  const toolName = (slug) => (ctx.tools.get(slug) || { name: slug }).name;
  const comparators = {
    title: (a, b) => compareText(a.title, b.title),
    tool: (a, b) => compareText(toolName(a.tool), toolName(b.tool)),
    year: (a, b) => a.year - b.year,
    gmina: (a, b) => compareText(a.municipality_name, b.municipality_name),
  };

  function sorted() {
    const primary = comparators[sortKey];
    const direction = ascending ? 1 : -1;
    return [...rows].sort((a, b) => direction * primary(a, b) || comparators.title(a, b));
  }

  function row(p) {
    const tool = ctx.tools.get(p.tool);
    return el(
      "tr",
      {},
      el("td", {},
        el("a", { href: ctx.caseUrl(p.slug), target: ctx.linkTarget, rel: ctx.linkTarget ? "noopener" : null }, p.title),
        p.is_sample ? el("span", { class: "sample-flag", text: t("sample") }) : null),
      el("td", {}, tool ? symbolNode(tool.shape, tool.color, 16) : null, " ", toolName(p.tool)),
      el("td", { text: String(p.year) }),
      el("td", { text: p.municipality_name }),
    );
  }

  function render() {
    const ordered = sorted();
    const visible = ordered.slice(0, shown);
    if (!ordered.length) {
      tbody.replaceChildren(el("tr", {}, el("td", { colspan: COLUMNS.length, text: t("noCases") })));
    } else {
      tbody.replaceChildren(...visible.map(row));
    }
    const left = ordered.length - visible.length;
    more.hidden = left <= 0;
    more.textContent = tn("showMore", Math.min(left, PAGE_SIZE), { left });
    root.dataset.rows = String(ordered.length);
    for (const th of table.querySelectorAll("th[data-sort]")) {
      if (th.dataset.sort === sortKey) th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    }
  }

  for (const th of table.querySelectorAll("th[data-sort]")) {
    th.querySelector("button").addEventListener("click", () => {
      if (sortKey === th.dataset.sort) ascending = !ascending;
      else {
        sortKey = th.dataset.sort;
        ascending = sortKey !== "year";
      }
      render();
    });
  }
  more.addEventListener("click", () => {
    const firstNew = shown;
    shown += PAGE_SIZE;
    render();
    // Keyboard users continue where the new rows start.
    const link = tbody.rows[firstNew] && tbody.rows[firstNew].querySelector("a");
    if (link) link.focus();
  });

  return {
    update(features) {
      rows = features.map((f) => f.properties);
      shown = PAGE_SIZE;
      render();
    },
  };
}
