// Translated strings for the map's scripts. The server renders them in the page's language
// (json_script "map-strings"), so the scripts never guess the language and need no request.
let strings = {};
let language = "pl";
let numbers = new Intl.NumberFormat("pl");
let plurals = new Intl.PluralRules("pl");
let collator = new Intl.Collator("pl", { sensitivity: "base", numeric: true });

export function setupStrings(data, lang) {
  strings = data;
  language = lang;
  numbers = new Intl.NumberFormat(lang);
  plurals = new Intl.PluralRules(lang);
  collator = new Intl.Collator(lang, { sensitivity: "base", numeric: true });
}

export function lang() {
  return language;
}

function interpolate(text, params) {
  return text.replace(/%\((\w+)\)s/g, (match, name) =>
    name in params ? String(params[name]) : match);
}

// A plain string, with %(name)s placeholders filled from params.
export function t(key, params = {}) {
  const text = strings[key];
  return interpolate(typeof text === "string" ? text : key, params);
}

// A string with a count: the server sends every plural form the language needs, keyed by
// the CLDR category that Intl.PluralRules picks (Polish: one, few, many).
export function tn(key, count, params = {}) {
  const forms = strings[key] || {};
  const text = forms[plurals.select(count)] || forms.other || key;
  return interpolate(text, { ...params, count: numbers.format(count) });
}

export function formatNumber(value) {
  return numbers.format(value);
}

// One collator for every comparison: localeCompare with a locale builds one per call.
export function compareText(a, b) {
  return collator.compare(a, b);
}
