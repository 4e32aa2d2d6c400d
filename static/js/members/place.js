// The place step: a combobox finding gminy by name or TERYT code (ARIA 1.2 pattern, fully
// usable with the keyboard), and a map where a click sets the point and fills in the gmina
// that contains it. Leaflet is our own static copy (partials/leaflet_assets.html).
const config = JSON.parse(document.getElementById("place-config").textContent);
const input = document.getElementById("id_municipality");
const listbox = document.getElementById("gmina-options");
const gminaStatus = document.querySelector("[data-gmina-status]");
const pointStatus = document.querySelector("[data-point-status]");
const lonInput = document.getElementById("id_lon");
const latInput = document.getElementById("id_lat");
const messages = config.messages;

const format = (template, values) =>
  template.replace(/%\((\w+)\)s/g, (_match, name) => String(values[name] ?? ""));
// Values set by a script announce themselves as changes, so the draft saves them.
const changed = (element) => element.dispatchEvent(new Event("change", { bubbles: true }));

// --- The gmina combobox -------------------------------------------------------------------
let options = [];
let active = -1;
let timer = null;
let controller = null;

function close() {
  listbox.hidden = true;
  listbox.replaceChildren();
  input.setAttribute("aria-expanded", "false");
  input.removeAttribute("aria-activedescendant");
  options = [];
  active = -1;
}

function show(results) {
  options = results;
  active = -1;
  input.removeAttribute("aria-activedescendant");
  listbox.replaceChildren(...results.map((gmina, index) => {
    const option = document.createElement("li");
    option.id = `gmina-option-${index}`;
    option.setAttribute("role", "option");
    option.setAttribute("aria-selected", "false");
    option.dataset.teryt = gmina.teryt;
    option.textContent = `${gmina.name} (${gmina.teryt}), ${gmina.county}, ${gmina.voivodeship}`;
    // mousedown, not click: the input must not lose focus (and close the list) first.
    option.addEventListener("mousedown", (event) => {
      event.preventDefault();
      choose(index);
    });
    return option;
  }));
  listbox.hidden = results.length === 0;
  input.setAttribute("aria-expanded", results.length ? "true" : "false");
  gminaStatus.textContent = results.length
    ? format(messages.results, { count: results.length }) : messages.noResults;
}

function highlight(index) {
  const items = listbox.querySelectorAll("[role=option]");
  items.forEach((item, i) => item.setAttribute("aria-selected", i === index ? "true" : "false"));
  active = index;
  if (index >= 0) {
    input.setAttribute("aria-activedescendant", items[index].id);
    items[index].scrollIntoView({ block: "nearest" });
  }
}

function choose(index) {
  const gmina = options[index];
  if (!gmina) return;
  input.value = gmina.label;
  close();
  gminaStatus.textContent = format(messages.chosen, { label: gmina.label });
  changed(input);
}

async function search() {
  const query = input.value.trim();
  if (!query) {
    close();
    return;
  }
  if (controller) controller.abort();
  controller = new AbortController();
  try {
    const response = await fetch(`${config.searchUrl}?q=${encodeURIComponent(query)}`,
      { signal: controller.signal });
    if (!response.ok) return;
    show((await response.json()).results);
  } catch (error) {
    if (error.name !== "AbortError") close();
  }
}

// Each keystroke takes the shown options away (and drops a search still on its way): they
// were found for other text, and Enter must never choose one of them. The new text's options
// come 200 ms after the last keystroke, or at once with ArrowDown.
input.addEventListener("input", () => {
  clearTimeout(timer);
  if (controller) controller.abort();
  close();
  timer = setTimeout(search, 200);
});
input.addEventListener("keydown", (event) => {
  const open = !listbox.hidden && options.length > 0;
  if (event.key === "ArrowDown") {
    event.preventDefault();
    if (!open) search();
    else highlight(Math.min(active + 1, options.length - 1));
  } else if (event.key === "ArrowUp" && open) {
    event.preventDefault();
    highlight(Math.max(active - 1, 0));
  } else if (event.key === "Enter" && open && active >= 0) {
    event.preventDefault(); // choose, do not submit the form
    choose(active);
  } else if (event.key === "Escape" && open) {
    event.preventDefault();
    close();
  }
});
input.addEventListener("blur", () => setTimeout(close, 150));

// --- The map ------------------------------------------------------------------------------
const mapNode = document.getElementById("place-map");
const map = L.map(mapNode, { maxZoom: config.maxZoom || 18 });
if (config.tileUrl) {
  L.tileLayer(config.tileUrl, {
    attribution: config.tileAttribution, maxZoom: config.maxZoom || 18,
  }).addTo(map);
}
let marker = null;

function typedPoint() {
  const lon = Number.parseFloat(lonInput.value.replace(",", "."));
  const lat = Number.parseFloat(latInput.value.replace(",", "."));
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return null;
  return L.latLng(lat, lon);
}

function placeMarker(latlng) {
  if (!latlng) {
    if (marker) map.removeLayer(marker);
    marker = null;
    return;
  }
  if (marker) marker.setLatLng(latlng);
  else marker = L.circleMarker(latlng, {
    radius: 8, weight: 3, color: "#0b4f8a", interactive: false,
  }).addTo(map);
}

async function findGmina(latlng) {
  mapNode.dataset.lookup = "pending";
  try {
    const url = `${config.atUrl}?lon=${latlng.lng}&lat=${latlng.lat}`;
    const response = await fetch(url);
    const { gmina } = await response.json();
    if (gmina) {
      input.value = gmina.label;
      changed(input);
      pointStatus.textContent = format(messages.pointIn, { label: gmina.label });
    } else {
      pointStatus.textContent = messages.pointOutside;
    }
  } catch (error) {
    pointStatus.textContent = messages.pointOutside;
  } finally {
    mapNode.dataset.lookup = "done";
  }
}

map.on("click", (event) => {
  const round = (value) => value.toFixed(6);
  lonInput.value = round(event.latlng.lng);
  latInput.value = round(event.latlng.lat);
  placeMarker(event.latlng);
  changed(lonInput);
  findGmina(event.latlng);
});
for (const field of [lonInput, latInput]) {
  field.addEventListener("change", () => placeMarker(typedPoint()));
}
document.querySelector("[data-clear-point]").addEventListener("click", () => {
  lonInput.value = "";
  latInput.value = "";
  placeMarker(null);
  changed(lonInput);
  pointStatus.textContent = "";
});

const initial = typedPoint();
if (initial) {
  placeMarker(initial);
  map.setView(initial, 12);
} else {
  map.setView(config.center, config.zoom);
}
mapNode.dataset.ready = "true";
