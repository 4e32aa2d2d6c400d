// Place search: voivodeships, counties and gminy found by name on the client, ignoring case
// and Polish diacritics ("elk" finds Ełk, "lomza" finds Łomża). An ARIA 1.2 combobox.
import { el } from "./dom.js";
import { t } from "./i18n.js";

const MAX_OPTIONS = 12;
const KIND_ORDER = { voivodeship: 0, county: 1, municipality: 2 };

// "ł" has no Unicode decomposition, so it is mapped by hand after stripping accents.
export function fold(text) {
  return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ł/g, "l");
}

export function searchPlaces(entries, query) {
  const q = fold(query.trim());
  if (!q) return [];
  const found = [];
  for (const entry of entries) {
    let score = -1;
    if (entry.folded.startsWith(q)) score = 0;
    else if (entry.folded.split(/[\s-]+/).some((word) => word.startsWith(q))) score = 1;
    else if (entry.folded.includes(q)) score = 2;
    if (score >= 0) found.push({ entry, score });
  }
  found.sort((a, b) => a.score - b.score || KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind]
    || a.entry.name.localeCompare(b.entry.name));
  return found.slice(0, MAX_OPTIONS).map((f) => f.entry);
}

// `entries` may grow: `loadAll()` (once, on the first search) adds the places outside the
// region the page carries, and the options are searched again when they arrive.
export function createPlaceSearch(input, listbox, status, { entries, onPick, loadAll = null }) {
  let options = [];
  let active = -1;

  function close() {
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    active = index;
    listbox.querySelectorAll("[role=option]").forEach((node, i) => {
      node.setAttribute("aria-selected", i === index ? "true" : "false");
      if (i === index) node.scrollIntoView({ block: "nearest" });
    });
    if (index >= 0) input.setAttribute("aria-activedescendant", `${listbox.id}-${index}`);
    else input.removeAttribute("aria-activedescendant");
  }

  function pick(index) {
    const entry = options[index];
    if (!entry) return;
    input.value = "";
    close();
    status.textContent = "";
    onPick(entry.kind, entry.code);
  }

  // `keep`: the options are searched again under a visitor who may be choosing among them
  // (the country's names arrived): the option highlighted stays highlighted, so that Enter
  // picks what the visitor sees selected.
  function open({ keep = false } = {}) {
    const kept = keep ? options[active] : null;
    options = searchPlaces(entries, input.value);
    listbox.replaceChildren(...options.map((entry, i) => el(
      "li",
      { id: `${listbox.id}-${i}`, role: "option", "aria-selected": "false", class: "place-option",
        dataset: { kind: entry.kind, code: entry.code },
        onmousedown: (event) => event.preventDefault(), onclick: () => pick(i) },
      el("span", { class: "place-option__name", text: entry.name }),
      el("span", { class: "place-option__detail", text: entry.detail }),
    )));
    const hasOptions = options.length > 0;
    listbox.hidden = !hasOptions;
    input.setAttribute("aria-expanded", hasOptions ? "true" : "false");
    active = -1;
    status.textContent = input.value.trim() && !hasOptions ? t("noPlace") : "";
    if (kept) highlight(options.findIndex((entry) => entry.kind === kept.kind && entry.code === kept.code));
  }

  let complete = !loadAll;
  input.addEventListener("input", () => {
    open();
    if (complete) return;
    complete = true;
    loadAll().then(() => {
      if (document.activeElement === input && input.value.trim()) open({ keep: true });
    }, () => { complete = false; });
  });
  input.addEventListener("blur", close);
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (listbox.hidden) open();
      highlight(Math.min(active + 1, options.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      highlight(Math.max(active - 1, 0));
    } else if (event.key === "Enter") {
      if (!listbox.hidden && options.length) {
        event.preventDefault();
        pick(active >= 0 ? active : 0);
      }
    } else if (event.key === "Escape") {
      if (!listbox.hidden) {
        event.preventDefault();
        close();
      } else input.value = "";
    }
  });
}
