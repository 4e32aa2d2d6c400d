// The case form's drafts: what is typed is saved to the server a second after typing stops
// and when the page is left, and kept in this browser (localStorage) until the server has it.
// A copy the server never received (an expired session, a server error, no connection) is
// put back into the form when the page is opened again, then saved. Nothing typed is lost.
const DELAY_MS = 1000;

const configNode = document.getElementById("case-form-config");
const form = document.querySelector("form[data-case-form]");

function format(template, values) {
  return template.replace(/%\((\w+)\)s/g, (_match, name) => String(values[name] ?? ""));
}

// The form's fields as {name: value, or [values] for a group of checkboxes}.
export function formFields(target) {
  const fields = {};
  for (const element of target.elements) {
    const { name, type } = element;
    if (!name || name === "csrfmiddlewaretoken" || name === "action") continue;
    if (type === "submit" || type === "button" || type === "file") continue;
    if (type === "checkbox") {
      if (!(name in fields)) fields[name] = [];
      if (element.checked) fields[name].push(element.value);
    } else if (type === "radio") {
      if (element.checked) fields[name] = element.value;
      else if (!(name in fields)) fields[name] = "";
    } else {
      fields[name] = element.value;
    }
  }
  return fields;
}

function restoreFields(target, fields, skip) {
  for (const [name, value] of Object.entries(fields)) {
    if (name === skip) continue;
    for (const element of target.elements) {
      if (element.name !== name) continue;
      if (element.type === "checkbox") {
        element.checked = Array.isArray(value) && value.includes(element.value);
      } else if (element.type === "radio") {
        element.checked = element.value === value;
      } else if (element.type !== "submit" && element.type !== "button") {
        element.value = value;
      }
    }
  }
}

function csrfToken(target) {
  const input = target.querySelector("input[name=csrfmiddlewaretoken]");
  if (input) return input.value;
  const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : "";
}

function start(config) {
  const key = `mapa-submission-${config.submission}`;
  const status = form.querySelector("[data-autosave-status]");
  let timer = null;
  let version = 0;
  let savedVersion = 0;

  const readAll = () => {
    try {
      return JSON.parse(localStorage.getItem(key) || "{}") || {};
    } catch (error) {
      return {};
    }
  };
  const writeEntry = (entry) => {
    try {
      const all = readAll();
      all[config.step] = entry;
      localStorage.setItem(key, JSON.stringify(all));
    } catch (error) {
      // Storage full or disabled: the server copy is all there is.
    }
  };
  const say = (text) => {
    if (status) status.textContent = text;
  };
  const keepLocally = (dirty) => writeEntry({
    fields: formFields(form), base: config.updatedAt, dirty, at: Date.now(),
  });

  async function save({ keepalive = false } = {}) {
    clearTimeout(timer);
    timer = null;
    const sending = version;
    const fields = formFields(form);
    say(config.messages.saving);
    let response;
    try {
      response = await fetch(config.autosaveUrl, {
        method: "POST",
        credentials: "same-origin",
        keepalive,
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken(form) },
        body: JSON.stringify({ step: config.step, fields }),
      });
    } catch (error) {
      say(format(config.messages.failed, { reason: config.messages.offline }));
      form.dataset.autosave = "failed";
      return;
    }
    let answer = null;
    try {
      answer = await response.json();
    } catch (error) {
      answer = null;
    }
    if (response.ok && answer) {
      config.updatedAt = answer.updated_at;
      savedVersion = sending;
      writeEntry({ fields, base: answer.updated_at, dirty: version !== sending, at: Date.now() });
      say(answer.message);
      form.dataset.autosave = "saved";
    } else if (response.status === 401 || response.status === 403) {
      say(config.messages.expired);
      form.dataset.autosave = "expired";
    } else {
      say(format(config.messages.failed, {
        reason: (answer && answer.error) || config.messages.server,
      }));
      form.dataset.autosave = "failed";
    }
  }

  const changed = () => {
    version += 1;
    keepLocally(true);
    clearTimeout(timer);
    timer = setTimeout(save, DELAY_MS);
  };
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  // A real submit saves through the POST; the local copy stays until the server answers.
  form.addEventListener("submit", () => {
    clearTimeout(timer);
    timer = null;
    keepLocally(true);
  });
  const leave = () => {
    if (version !== savedVersion && timer !== null) save({ keepalive: true });
  };
  window.addEventListener("pagehide", leave);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") leave();
  });

  // A copy the server never got, made when the server had what it has now: put it back.
  const entry = readAll()[config.step];
  if (entry && entry.dirty && entry.base >= config.updatedAt) {
    restoreFields(form, entry.fields, config.honeypot);
    say(config.messages.restored);
    form.dataset.restored = "true";
    version += 1;
    save();
  } else if (entry && entry.base < config.updatedAt) {
    // The server has moved on since (a POST or another tab saved): its copy is newer.
    const all = readAll();
    delete all[config.step];
    try {
      localStorage.setItem(key, JSON.stringify(all));
    } catch (error) {
      // nothing to clean up then
    }
  }
  form.dataset.autosave = form.dataset.autosave || "ready";
}

if (configNode && form && !form.querySelector("fieldset[disabled]")) {
  start(JSON.parse(configNode.textContent));
}
