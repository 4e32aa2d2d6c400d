// "Embed this map": an <iframe> snippet for the current filters and view, with size and
// option fields, a live preview and a copy button.
import { debounce } from "./dom.js";
import { t } from "./i18n.js";
import { toQuery } from "./state.js";

const ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeAttribute = (text) => String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);

export function embedUrl(base, state, { list, controls, lang }) {
  const query = toQuery({ ...state, list, controls, lang }, { embed: true });
  return `${base}${query}`;
}

export function iframeSnippet(src, width, height, title) {
  return `<iframe src="${escapeAttribute(src)}" width="${width}" height="${height}" ` +
    `title="${escapeAttribute(title)}" style="border:0" loading="lazy" allowfullscreen></iframe>`;
}

export function createEmbedDialog(dialog, opener, ctx) {
  const width = dialog.querySelector("[name=embed_width]");
  const height = dialog.querySelector("[name=embed_height]");
  const list = dialog.querySelector("[name=embed_list]");
  const controls = dialog.querySelector("[name=embed_controls]");
  const code = dialog.querySelector("[data-embed-code]");
  const preview = dialog.querySelector("[data-embed-preview]");
  const copied = dialog.querySelector("[data-embed-status]");

  const size = (input, fallback) => {
    const value = Number(input.value);
    return Number.isInteger(value) && value >= 200 && value <= 2000 ? value : fallback;
  };

  function refresh() {
    const src = embedUrl(ctx.embedBase, ctx.getState(), {
      list: list.checked, controls: controls.checked, lang: ctx.lang === "pl" ? null : ctx.lang,
    });
    const w = size(width, 800);
    const h = size(height, 600);
    code.value = iframeSnippet(src, w, h, t("embedTitle"));
    preview.style.aspectRatio = `${w} / ${h}`;
    if (preview.getAttribute("src") !== src) preview.setAttribute("src", src);
    copied.textContent = "";
  }
  const refreshSoon = debounce(refresh, 300);
  for (const input of [width, height, list, controls]) input.addEventListener("input", refreshSoon);

  opener.addEventListener("click", () => {
    refresh();
    dialog.showModal();
  });
  dialog.querySelector("[data-embed-close]").addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => {
    preview.removeAttribute("src");
    opener.focus();
  });
  dialog.querySelector("[data-embed-copy]").addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(code.value);
    } catch {
      // Clipboard API refused (insecure context, permissions): fall back to a selection.
      code.select();
      document.execCommand("copy");
    }
    copied.textContent = t("copied");
  });
}
