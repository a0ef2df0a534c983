// The minute-taking form, with JavaScript: every change is kept in this browser (localStorage) at
// once and sent to the server in the background a moment later; the browser's copy is dropped only
// when the server has confirmed a save of it. Each save names the save it was made from, so a
// second tab's changes are refused rather than overwritten. Without JavaScript the form's own
// buttons save it.
const form = document.getElementById("take-minutes");
if (form) {
  const key = `quorum:take-minutes:${form.dataset.slug}`;
  const version = document.getElementById("version");
  const status = document.getElementById("sync-status");
  let timer = 0;
  let sending = false;
  let again = false;
  // changes made after the save in flight was read from the form
  let edits = 0;

  const say = (text) => {
    status.textContent = text;
  };
  const fields = () => [...new FormData(form).entries()].filter(([k, v]) => typeof v === "string" && k !== "csrf" && k !== "action");
  const keep = () => localStorage.setItem(key, JSON.stringify({ base: version.value, fields: fields() }));

  const restore = () => {
    const raw = localStorage.getItem(key);
    if (!raw) return false;
    let saved;
    try {
      saved = JSON.parse(raw);
    } catch {
      localStorage.removeItem(key);
      return false;
    }
    if (saved.base !== version.value) {
      // a copy sent with the form's own buttons is on the server; any other was overtaken by a newer save
      if (!saved.submitted) say("Changes kept in this browser were made from an earlier save and were not put back: the server has a newer save.");
      localStorage.removeItem(key);
      return false;
    }
    for (const [name, value] of saved.fields) {
      const el = form.elements.namedItem(name);
      // the page's own counts and agenda list stand: items published on the agenda since the kept copy was made are on the page, not in the copy
      if (!el || name === "version" || name === "item-count" || name === "agenda-items") continue;
      if (el instanceof RadioNodeList) continue;
      if (el.type === "checkbox") el.checked = value === el.value;
      else el.value = value;
    }
    // a ticked box absent from the kept fields was unticked
    for (const box of form.querySelectorAll("input[type=checkbox]")) if (!saved.fields.some(([n]) => n === box.name)) box.checked = false;
    say("Changes kept in this browser have been put back. Sending them now.");
    return true;
  };

  async function send() {
    if (sending) {
      again = true;
      return;
    }
    sending = true;
    const sentAt = edits;
    const body = new URLSearchParams(new FormData(form));
    body.set("action", "save");
    try {
      // not form.action: the buttons are named "action", which shadows the attribute
      const res = await fetch(form.getAttribute("action"), { method: "POST", body, headers: { accept: "application/json" }, credentials: "same-origin" });
      const answer = await res.json().catch(() => ({}));
      if (res.ok) {
        version.value = String(answer.version);
        if (edits === sentAt) localStorage.removeItem(key);
        else keep();
        say(`Saved (save ${answer.version}).`);
      } else if (res.status === 409) {
        say(`Not saved: ${answer.message ?? "these minutes were saved elsewhere."} Your changes are kept in this browser.`);
      } else {
        say(`Not saved: ${(answer.errors ?? []).map((e) => e.message).join("; ") || "the server refused the save"}. Your changes are kept in this browser.`);
      }
    } catch {
      say("Not saved: no connection. Your changes are kept in this browser and will be sent when the connection returns.");
    } finally {
      sending = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(send, 1500);
  }

  const changed = () => {
    edits++;
    keep();
    say("Unsaved changes (kept in this browser).");
    if (navigator.onLine) schedule();
  };
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  window.addEventListener("online", () => {
    if (localStorage.getItem(key)) send();
  });
  window.addEventListener("offline", () => say("No connection: changes are kept in this browser until it returns."));
  // a button's own submit goes with the form: what it sends is what was typed, so the browser's copy can go once it is sent
  form.addEventListener("submit", (event) => {
    if (!navigator.onLine) {
      event.preventDefault();
      say("No connection: the minutes were not sent. Your changes are kept in this browser; try again when the connection returns.");
      return;
    }
    clearTimeout(timer);
    localStorage.setItem(key, JSON.stringify({ base: version.value, fields: fields(), submitted: true }));
  });
  if (restore()) send();
}
