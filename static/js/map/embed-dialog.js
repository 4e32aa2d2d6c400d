// "Embed this map": an <iframe> snippet for the current filters and view, with shape and
// option fields, a live preview (full width or a phone's) and a copy button. The snippet is
// responsive: the frame takes the width of the partner's column, with a fixed height or an
// aspect ratio, so it never overflows a phone.
import { debounce } from "./dom.js";
import { t } from "./i18n.js";
import { toQuery } from "./state.js";

const ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeAttribute = (text) => String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);

export function embedUrl(base, state, { list, controls, lang }) {
  const query = toQuery({ ...state, list, controls, lang }, { embed: true });
  return `${base}${query}`;
}

// `shape` is {height: px} or {ratio: "16/9"}; the style it gives the frame.
export function frameStyle(shape) {
  const size = shape.ratio ? `aspect-ratio:${shape.ratio}` : `height:${shape.height}px`;
  return `border:0;width:100%;${size}`;
}

export function iframeSnippet(src, shape, title) {
  return `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" ` +
    `style="${frameStyle(shape)}" loading="lazy" allowfullscreen></iframe>`;
}

const RATIOS = new Set(["16/9", "4/3", "1/1", "3/4"]);

export function createEmbedDialog(dialog, opener, ctx) {
  const shapeField = dialog.querySelector("[name=embed_shape]");
  const previewWidth = dialog.querySelector("[name=embed_preview_width]");
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
    const shape = RATIOS.has(shapeField.value) ? { ratio: shapeField.value } : { height: size(height, 600) };
    height.disabled = Boolean(shape.ratio);
    code.value = iframeSnippet(src, shape, t("embedTitle"));
    // The preview is the snippet's frame in a column of the chosen width.
    preview.style.width = previewWidth.value === "phone" ? "calc(390px + 2px)" : "100%"; // + its border
    preview.style.aspectRatio = shape.ratio ? shape.ratio.replace("/", " / ") : "auto";
    preview.style.height = shape.ratio ? "auto" : `${shape.height}px`;
    if (preview.getAttribute("src") !== src) preview.setAttribute("src", src);
    copied.textContent = "";
  }
  const refreshSoon = debounce(refresh, 300);
  for (const input of [shapeField, height, list, controls]) input.addEventListener("input", refreshSoon);
  previewWidth.addEventListener("input", refresh);

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
