// Lookup tables built once from the data the server put in the page (json_script
// "map-data"): tools, place names for the search and the chips, links to the pages.
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

  const placeEntries = [
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
  ];

  const linkTarget = data.embed ? "_blank" : null; // pages refuse framing: open them outside
  return {
    embed: data.embed,
    placeLabel,
    placeEntries,
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
