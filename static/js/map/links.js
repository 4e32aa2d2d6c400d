// The page's address and the links that must carry its state: the language switch
// (data-keep-query, rendered by the base template), the embed's link to the full map, the
// oEmbed discovery link and the downloads (the selection's filters).
import { createDownloadMenu } from "./download-menu.js";
import { selectionParams, toQuery } from "./state.js";

export function createLinks({ data, embed, root, getState }) {
  const downloadBox = root.querySelector("[data-download]");
  const downloads = downloadBox ? createDownloadMenu(downloadBox) : null;

  function syncLinks() {
    const state = getState();
    if (downloads) downloads.update(selectionParams(state), { view: state.view, lang: data.lang });
    const query = toQuery({ ...state, list: false, controls: true, lang: null });
    for (const link of document.querySelectorAll("a[data-keep-query]")) {
      const url = new URL(link.href, location.href);
      url.search = query;
      link.href = url.toString();
    }
    const mapLink = root.querySelector("[data-map-link]");
    if (mapLink) mapLink.href = `${data.urls.map}${query}`;
    const discovery = document.querySelector('link[type="application/json+oembed"]');
    if (discovery) {
      const url = new URL(discovery.href, location.href);
      url.searchParams.set("url", location.href);
      discovery.href = url.toString();
    }
  }

  return {
    // Writes the state into the address ("push" adds a history entry, "replace" does not).
    // An embed only ever replaces its entry: an iframe's pushState would add entries to the
    // host page's history, and its Back button would then step through our filters.
    writeUrl(mode) {
      const url = `${location.pathname}${toQuery(getState(), { embed })}${location.hash}`;
      if (url !== `${location.pathname}${location.search}${location.hash}`) {
        if (mode === "push" && !embed) history.pushState(null, "", url);
        else history.replaceState(null, "", url);
      }
      syncLinks();
    },
  };
}
