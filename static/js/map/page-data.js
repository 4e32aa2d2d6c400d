// Lookup tables built from the data the server put in the page (json_script "map-data"):
// tools, place names for the search and the chips, links to the pages.
import { getJson } from "./api.js";
import { t } from "./i18n.js";
import { fold } from "./places.js";
import { shapeFor } from "./shapes.js";

export function readPageData(data) {
  const tools = new Map(data.tools.map((tool, i) => [tool.slug, { ...tool, shape: shapeFor(tool.slug, i) }]));
  const voivodeships = new Map(data.places.voivodeships);
  const counties = new Map(data.places.counties);
  const gminy = new Map(data.places.gminy.map(([teryt, name, type]) => [teryt, { name, type }]));
  const typeLabel = (type) => data.places.types[type] || type;

  const placeLabel = (kind, code) => {
    if (kind === "voivodeship") return voivodeships.get(code) || code;
    if (kind === "county") return counties.get(code) || code;
    const gmina = gminy.get(code);
    return gmina ? `${gmina.name} (${typeLabel(gmina.type)})` : code;
  };

  // The search's entries; the same array grows when the whole country's names arrive.
  const placeEntries = [];
  function listEntries() {
    placeEntries.splice(0, placeEntries.length,
      ...[...voivodeships].map(([code, label]) => ({
        kind: "voivodeship", code, name: label, detail: t("placeVoivodeship"), folded: fold(label),
      })),
      ...[...counties].map(([code, label]) => ({
        kind: "county", code, name: label, detail: voivodeships.get(code.slice(0, 2)) || "", folded: fold(label),
      })),
      ...[...gminy].map(([code, gmina]) => ({
        kind: "municipality", code, name: gmina.name,
        detail: [typeLabel(gmina.type), counties.get(code.slice(0, 4))].filter(Boolean).join(", "),
        folded: fold(gmina.name),
      })),
    );
  }
  listEntries();

  // The page carries the names of the region in view only; the first search asks the server
  // for the whole country's once (the lookups above grow, so chips and the URL know them).
  let allPlaces = data.places.complete ? Promise.resolve() : null;
  function loadAllPlaces() {
    if (!allPlaces) {
      allPlaces = getJson(data.urls.places).then((places) => {
        for (const [code, label] of places.counties) counties.set(code, label);
        for (const [teryt, name, type] of places.gminy) gminy.set(teryt, { name, type });
        listEntries();
      });
      allPlaces.catch(() => { allPlaces = null; }); // asked again at the next search
    }
    return allPlaces;
  }

  const linkTarget = data.embed ? "_blank" : null; // pages refuse framing: open them outside
  return {
    embed: data.embed,
    placeLabel,
    placeEntries,
    loadAllPlaces,
    parseContext: {
      tools: new Set(tools.keys()),
      places: { voivodeship: voivodeships, county: counties, municipality: gminy },
      maxZoom: data.config.maxZoom,
      embed: data.embed,
      limits: data.limits,
    },
    ctx: {
      tools,
      linkTarget,
      typeLabel,
      countyLabel: (code) => counties.get(code),
      voivodeshipLabel: (code) => voivodeships.get(code),
      caseUrl: (slug) => data.urls.case.replace("__slug__", encodeURIComponent(slug)),
      gminaUrl: (teryt) => data.urls.gmina.replace("0000000", teryt),
    },
  };
}
