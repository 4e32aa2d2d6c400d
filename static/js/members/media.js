// The upload widget of a submission (templates/media/upload_widget.html): sends each image or
// PDF at once to the JSON endpoints of practices.media, lists what the submission holds with
// thumbnails and a remove button, and keeps the ids in the hidden inputs "images" and
// "attachments" that the form's autosave stores. Messages go to one aria-live region.
// Every text from the server is set with textContent, never as HTML.

const FIELD = { image: "image", attachment: "file" };
const IDS = { image: "images", attachment: "attachments" };

function fill(text, values) {
  return text.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
}

function humanSize(bytes, language) {
  const units = ["B", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${value.toLocaleString(language, { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${units[unit]}`;
}

function withLanguage(url, config, extra = {}) {
  const address = new URL(url, window.location.href);
  address.searchParams.set("language", config.language);
  for (const [key, value] of Object.entries(extra)) address.searchParams.set(key, value);
  return address.toString();
}

function errorText(answer, fallback) {
  const errors = answer && answer.errors;
  if (!errors) return fallback;
  return Object.values(errors).flat().join(" ") || fallback;
}

function setUp(root) {
  const config = JSON.parse(root.querySelector("#media-config").textContent);
  const text = config.messages;
  const status = root.querySelector("[data-media-status]");
  const progress = root.querySelector("[data-media-progress]");
  const idBox = root.querySelector("[data-media-ids]");
  const sections = {};
  for (const section of root.querySelectorAll("[data-media-kind]")) {
    sections[section.dataset.mediaKind] = section;
  }

  function say(message, isError = false) {
    status.textContent = message;
    status.classList.toggle("is-error", isError);
  }

  function storedIds(kind) {
    return [...idBox.querySelectorAll(`input[name="${IDS[kind]}"]`)].map((input) => input.value);
  }

  function changed() {
    // The form's autosave listens to the form's own events.
    idBox.dispatchEvent(new Event("input", { bubbles: true }));
    idBox.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function keepId(kind, id) {
    if (storedIds(kind).includes(String(id))) return false;
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = IDS[kind];
    input.value = String(id);
    idBox.append(input);
    return true;
  }

  function dropId(kind, id) {
    for (const input of idBox.querySelectorAll(`input[name="${IDS[kind]}"]`)) {
      if (input.value === String(id)) input.remove();
    }
  }

  function itemName(item) {
    if (item.kind === "image") return item.alt || text.noDescription;
    return item.title || text.document;
  }

  function render(item) {
    const entry = document.createElement("li");
    entry.className = "media-item";
    entry.dataset.id = String(item.id);
    if (item.kind === "image") {
      const link = document.createElement("a");
      link.href = item.url;
      link.target = "_blank";
      link.rel = "noopener";
      const picture = document.createElement("img");
      picture.src = item.thumbnail;
      picture.alt = item.alt;
      picture.loading = "lazy";
      link.append(picture);
      const caption = document.createElement("span");
      caption.className = "media-caption";
      caption.textContent = itemName(item);
      entry.append(link, caption);
    } else {
      const link = document.createElement("a");
      link.href = item.url;
      link.textContent = itemName(item);
      const size = document.createElement("span");
      size.className = "media-size";
      size.textContent = ` (PDF, ${item.size_display || humanSize(item.size, config.language)})`;
      entry.append(link, size);
    }
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "button button-small";
    remove.textContent = text.remove;
    remove.setAttribute("aria-label", fill(text.removeLabel, { name: itemName(item) }));
    remove.addEventListener("click", () => removeItem(item, entry, remove));
    entry.append(remove);
    sections[item.kind].querySelector("[data-media-list]").append(entry);
  }

  async function removeItem(item, entry, button) {
    button.disabled = true;
    if (item.own) {
      const address = config.deleteUrl.replace(config.kindSlot, item.kind).replace(config.idSlot, String(item.id));
      try {
        const response = await fetch(withLanguage(address, config), {
          method: "POST",
          headers: { "X-CSRFToken": config.csrfToken, Accept: "application/json" },
          credentials: "same-origin",
        });
        // 404: already gone; either way it is no longer part of the submission.
        if (!response.ok && response.status !== 404) {
          const answer = await response.json().catch(() => null);
          say(errorText(answer, text.failed), true);
          button.disabled = false;
          return;
        }
      } catch (error) {
        say(text.failed, true);
        button.disabled = false;
        return;
      }
    }
    entry.remove();
    dropId(item.kind, item.id);
    changed();
    say(fill(text.removed, { name: itemName(item) }));
  }

  function send(kind, file, description) {
    return new Promise((resolve) => {
      const body = new FormData();
      body.append(FIELD[kind], file);
      body.append(kind === "image" ? "alt" : "title", description);
      const request = new XMLHttpRequest();
      request.open("POST", withLanguage(config.url, config, { kind }));
      request.setRequestHeader("X-CSRFToken", config.csrfToken);
      request.setRequestHeader("Accept", "application/json");
      request.responseType = "json";
      request.upload.addEventListener("progress", (event) => {
        if (!event.lengthComputable) return;
        const percent = Math.round((100 * event.loaded) / event.total);
        progress.value = percent;
        say(`${text.uploading} ${percent}%`);
      });
      request.addEventListener("load", () => resolve({ status: request.status, answer: request.response }));
      request.addEventListener("error", () => resolve({ status: 0, answer: null }));
      request.send(body);
    });
  }

  async function upload(kind) {
    const section = sections[kind];
    const input = section.querySelector("[data-media-file]");
    const description = section.querySelector("[data-media-text]");
    const button = section.querySelector("[data-media-upload]");
    const file = input.files && input.files[0];
    if (!file) {
      say(text.noFile, true);
      input.focus();
      return;
    }
    // A hint only: the server checks the size (and the content) again.
    if (file.size > config.maxBytes[kind]) {
      say(fill(text.tooLarge, {
        size: humanSize(file.size, config.language), limit: humanSize(config.maxBytes[kind], config.language),
      }), true);
      return;
    }
    button.disabled = true;
    progress.hidden = false;
    progress.value = 0;
    say(text.uploading);
    const { status: code, answer } = await send(kind, file, description.value.trim());
    progress.hidden = true;
    button.disabled = false;
    if (code === 201 && answer) {
      render(answer);
      keepId(kind, answer.id);
      changed();
      input.value = "";
      description.value = "";
      say(fill(text.added, { name: itemName(answer) }));
    } else {
      say(errorText(answer, text.failed), true);
      input.focus();
    }
  }

  for (const [kind, section] of Object.entries(sections)) {
    section.querySelector("[data-media-upload]").addEventListener("click", () => upload(kind));
  }

  async function load() {
    try {
      const response = await fetch(withLanguage(config.url, config), {
        headers: { Accept: "application/json" }, credentials: "same-origin",
      });
      if (!response.ok) throw new Error(String(response.status));
      const answer = await response.json();
      let added = false;
      for (const item of [...answer.images, ...answer.attachments]) {
        render(item);
        added = keepId(item.kind, item.id) || added;
      }
      // Ids the server no longer knows (removed elsewhere) leave the list.
      for (const kind of Object.keys(IDS)) {
        const known = (kind === "image" ? answer.images : answer.attachments).map((item) => String(item.id));
        for (const id of storedIds(kind)) {
          if (!known.includes(id)) {
            dropId(kind, id);
            added = true;
          }
        }
      }
      if (added) changed();
      root.dataset.mediaReady = "true";
    } catch (error) {
      say(text.loadFailed, true);
    }
  }

  load();
}

for (const root of document.querySelectorAll("[data-media-widget]")) setUp(root);
