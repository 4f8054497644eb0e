// Small progressive enhancements; every page works without this file.

// Forms that ask for a time zone get the browser's own, so days line up with the person's day.
for (const input of document.querySelectorAll("input[data-timezone]")) {
  if (!input.value) {
    try {
      input.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch {
      // Leave it empty; the server uses UTC and the person can choose later.
    }
  }
}

// A gentle count of the characters left in fields that have a limit. Writing fields carry the
// limit as data-maxlength rather than maxlength, which would cut pasted words off unseen.
for (const field of document.querySelectorAll("textarea[data-count]")) {
  const counter = document.getElementById(field.dataset.count);
  const max = Number(field.getAttribute("maxlength") ?? field.dataset.maxlength);
  if (!counter || !max) continue;
  const update = () => {
    const left = max - field.value.length;
    counter.textContent = left < 0 ? `${-left} characters over the limit of ${max.toLocaleString("en")}; nothing is lost, but it can't be saved like this`
      : left <= 200 ? `${left} characters left` : "";
  };
  field.addEventListener("input", update);
  update();
}

// Drafts kept while writing (drafts.js): let go of one the server has saved, and of all of them
// on signing out (or deleting the account), so the next person on this device sees none of it.
const DRAFTS = "innerally.draft.";
const forget = (test) => {
  try {
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith(DRAFTS) && test(key.slice(DRAFTS.length))) localStorage.removeItem(key);
    }
  } catch {
    // Storage may be turned off; there is then nothing to forget.
  }
};
for (const saved of document.querySelectorAll("[data-draft-saved]")) {
  forget((key) => key === saved.dataset.draftSaved);
}
for (const form of document.querySelectorAll('form[action$="/account/logout"]')) {
  form.addEventListener("submit", () => forget(() => true));
}
// After an account is deleted there is nobody left to keep drafts for.
if (document.querySelector("[data-drafts-forget]")) forget(() => true);

// A "Print" button needs script to do anything, so it stays hidden without it.
for (const button of document.querySelectorAll("button[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}

// "More" in the main bar is a <details>, so it opens without this script; with it, Escape or a
// tap anywhere else closes it again, as a menu would.
for (const more of document.querySelectorAll("details[data-more]")) {
  document.addEventListener("click", (event) => {
    if (more.open && !more.contains(event.target)) more.open = false;
  });
  more.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && more.open) {
      more.open = false;
      more.querySelector("summary").focus();
    }
  });
}
