// The accessible twin of the map: the same selection as a sortable table. Its rows come from
// the server a page at a time (/api/practices/?…&limit=&offset=&sort=, through ctx.loadPage),
// sorted there, so that thousands of cases are neither downloaded nor sorted in the page.
import { el } from "./dom.js";
import { t, tn } from "./i18n.js";
import { symbolNode } from "./shapes.js";

const COLUMNS = ["title", "tool", "year", "gmina"];
// The column's order in the API's `sort` parameter.
const SORTS = { title: "title", tool: "tool", year: "year", gmina: "municipality" };

export function createCaseList(root, ctx) {
  const table = root.querySelector("table");
  const tbody = table.querySelector("tbody");
  const more = root.querySelector("[data-list-more]");
  let sortKey = "year";
  let ascending = false;
  let matched = 0;
  let loaded = 0;
  let run = 0;

  const toolName = (slug) => (ctx.tools.get(slug) || { name: slug }).name;
  const sort = () => `${ascending ? "" : "-"}${SORTS[sortKey]}`;

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

  function showSort() {
    for (const th of table.querySelectorAll("th[data-sort]")) {
      if (th.dataset.sort === sortKey) th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    }
  }

  function showMore() {
    const left = matched - loaded;
    more.hidden = left <= 0;
    more.textContent = tn("showMore", Math.min(left, ctx.pageSize), { left });
  }

  // Loads a page from `offset` (0: the list starts again); resolves when it is shown.
  async function load(offset) {
    const current = ++run;
    root.dataset.state = "loading";
    root.setAttribute("aria-busy", "true");
    let page;
    try {
      page = await ctx.loadPage(offset, sort());
    } catch (error) {
      if (current === run) {
        root.dataset.state = "error";
        root.removeAttribute("aria-busy");
      }
      throw error;
    }
    if (current !== run) return false; // a newer request took over
    const rows = page.features.map((f) => row(f.properties));
    matched = page.numberMatched;
    if (offset === 0) {
      tbody.replaceChildren(...(rows.length ? rows
        : [el("tr", {}, el("td", { colspan: COLUMNS.length, text: t("noCases") }))]));
    } else {
      tbody.append(...rows);
    }
    loaded = offset + rows.length;
    root.dataset.rows = String(matched);
    root.dataset.state = "ready";
    root.removeAttribute("aria-busy");
    showMore();
    return true;
  }

  for (const th of table.querySelectorAll("th[data-sort]")) {
    th.querySelector("button").addEventListener("click", () => {
      if (sortKey === th.dataset.sort) ascending = !ascending;
      else {
        sortKey = th.dataset.sort;
        ascending = sortKey !== "year";
      }
      showSort();
      load(0).catch(() => {});
    });
  }
  more.addEventListener("click", async () => {
    const firstNew = loaded;
    if (!(await load(loaded).catch(() => false))) return;
    // Keyboard users continue where the new rows start.
    const link = tbody.rows[firstNew] && tbody.rows[firstNew].querySelector("a");
    if (link) link.focus();
  });
  showSort();

  return {
    // The selection changed: the list starts again from its first page.
    update() {
      return load(0);
    },
  };
}
