// The filter form (rendered by the server, so it has real labels and works as a plain GET
// form without scripts) and the chips that show the active filters one by one.
import { debounce, el } from "./dom.js";
import { formatNumber, t } from "./i18n.js";
import { createPlaceSearch } from "./places.js";
import { symbolNode } from "./shapes.js";
import { PLACE_KINDS } from "./state.js";

export function createFilters(form, ctx) {
  const toolBoxes = [...form.querySelectorAll("input[name=tool]")];
  const yearFrom = form.querySelector("input[name=year_from]");
  const yearTo = form.querySelector("input[name=year_to]");
  const sliderFrom = form.querySelector("[data-slider=from]");
  const sliderTo = form.querySelector("[data-slider=to]");
  const q = form.querySelector("input[name=q]");
  const { min: boundMin, max: boundMax } = ctx.years;
  let current = null;

  for (const slot of form.querySelectorAll("[data-symbol]")) {
    const tool = ctx.tools.get(slot.dataset.symbol);
    if (tool) slot.replaceChildren(symbolNode(tool.shape, tool.color, 18));
  }

  for (const slider of [sliderFrom, sliderTo]) {
    slider.min = String(boundMin);
    slider.max = String(boundMax);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    commitQ.flush();
  });

  toolBoxes.forEach((box) => box.addEventListener("change", () => {
    ctx.onChange({ tools: toolBoxes.filter((b) => b.checked).map((b) => b.value) });
  }));

  const readYear = (input) => {
    const value = input.value.trim();
    if (!value || !input.checkValidity()) return null;
    return Math.min(Math.max(Number(value), ctx.limits.yearMin), ctx.limits.yearMax);
  };
  function commitYears(from, to, options) {
    if (from !== null && to !== null && from > to) [from, to] = [to, from];
    ctx.onChange({ yearFrom: from, yearTo: to }, options);
  }
  for (const input of [yearFrom, yearTo]) {
    input.addEventListener("change", () => commitYears(readYear(yearFrom), readYear(yearTo)));
  }
  // A thumb at the end of the slider means "no bound on this side".
  const sliderYears = () => {
    let from = Number(sliderFrom.value);
    let to = Number(sliderTo.value);
    if (from > to) [from, to] = [to, from];
    return [from <= boundMin ? null : from, to >= boundMax ? null : to];
  };
  const slide = debounce(() => commitYears(...sliderYears(), { coalesce: "years" }), 150);
  for (const slider of [sliderFrom, sliderTo]) {
    slider.addEventListener("input", () => {
      const [from, to] = sliderYears();
      yearFrom.value = from ?? "";
      yearTo.value = to ?? "";
      slide();
    });
  }

  const sendQ = () => {
    if (current && q.value.trim() !== current.q) ctx.onChange({ q: q.value.trim() }, { coalesce: "q" });
  };
  const commitQ = Object.assign(debounce(sendQ, 450), { flush: sendQ });
  q.addEventListener("input", commitQ);

  createPlaceSearch(
    form.querySelector("[data-place-input]"),
    form.querySelector("[data-place-options]"),
    form.querySelector("[data-place-status]"),
    {
      entries: ctx.placeEntries,
      loadAll: ctx.loadAllPlaces,
      onPick(kind, code) {
        const change = { voivodeship: [], county: [], municipality: [] };
        change[kind] = [code];
        ctx.onChange(change, { fitPlace: true });
      },
    },
  );

  return {
    // Shows a state in the controls (after a URL change, Back/Forward, a chip removed).
    show(state) {
      current = state;
      toolBoxes.forEach((box) => { box.checked = state.tools.includes(box.value); });
      yearFrom.value = state.yearFrom ?? "";
      yearTo.value = state.yearTo ?? "";
      sliderFrom.value = String(state.yearFrom ?? boundMin);
      sliderTo.value = String(state.yearTo ?? boundMax);
      if (document.activeElement !== q) q.value = state.q;
    },
    // How many cases each tool has under the other filters (the server's facet counts).
    showCounts(countsByTool) {
      for (const box of toolBoxes) {
        const target = form.querySelector(`[data-tool-count="${box.value}"]`);
        if (target) target.textContent = `(${formatNumber(countsByTool.get(box.value) || 0)})`;
      }
    },
  };
}

export function renderChips(container, state, ctx) {
  const list = container.querySelector("ul");
  const chips = [];
  const chip = (label, change) => chips.push(el("li", { class: "chip" },
    el("span", { text: label }),
    el("button", {
      type: "button", class: "chip__remove", "aria-label": t("removeFilter", { label }),
      onclick: () => ctx.onChange(change, { focusChips: true }),
    }, el("span", { "aria-hidden": "true", text: "×" }))));

  for (const slug of state.tools) {
    const tool = ctx.tools.get(slug);
    chip(t("chipTool", { name: tool ? tool.name : slug }), { tools: state.tools.filter((s) => s !== slug) });
  }
  if (state.yearFrom !== null || state.yearTo !== null) {
    const label = state.yearFrom !== null && state.yearTo !== null
      ? (state.yearFrom === state.yearTo ? t("chipYear", { year: state.yearFrom })
        : t("chipYears", { from: state.yearFrom, to: state.yearTo }))
      : state.yearFrom !== null ? t("chipYearFrom", { year: state.yearFrom }) : t("chipYearTo", { year: state.yearTo });
    chip(label, { yearFrom: null, yearTo: null });
  }
  for (const kind of PLACE_KINDS) {
    for (const code of state[kind]) {
      chip(t("chipPlace", { name: ctx.placeLabel(kind, code) }), { [kind]: state[kind].filter((c) => c !== code) });
    }
  }
  if (state.q) chip(t("chipQ", { q: state.q }), { q: "" });
  list.replaceChildren(...chips);
  container.hidden = chips.length === 0;
}
