// Keeps what someone is writing in this browser until the server has saved it, so a dropped
// connection or an expired sign-in loses no words. The page after a successful save names the
// draft to let go (site.js); signing out lets go of every draft. Forms opt in with data-draft="key".

const PREFIX = "innerally.draft.";
const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

const read = (key) => {
  try {
    const draft = JSON.parse(localStorage.getItem(key) ?? "null");
    return draft && typeof draft.fields === "object" && Date.now() - draft.at < MAX_AGE_MS ? draft : null;
  } catch {
    return null;
  }
};

// Once signing out has begun, nothing more is kept: site.js forgets every draft as the form is
// sent, and a copy written after that (say, by a field that lost focus to the button) would outlive it.
let signingOut = false;
for (const form of document.querySelectorAll('form[action$="/account/logout"]')) {
  form.addEventListener("submit", () => {
    signingOut = true;
  });
}

const write = (key, fields) => {
  if (signingOut) return;
  try {
    localStorage.setItem(key, JSON.stringify({ at: Date.now(), fields }));
  } catch {
    // Storage is full or turned off: the form still works, only without the safety copy.
  }
};

for (const form of document.querySelectorAll("form[data-draft]")) {
  const key = PREFIX + form.dataset.draft;
  const fields = () => [...form.elements].filter((el) => el.name && el.type !== "hidden" && el.type !== "submit" && el.type !== "button");

  const snapshot = () => {
    const data = {};
    for (const el of fields()) {
      if (el.type === "checkbox" || el.type === "radio") {
        data[el.name] ??= [];
        if (el.checked) data[el.name].push(el.value);
      } else {
        data[el.name] = el.value;
      }
    }
    return data;
  };

  const apply = (data) => {
    for (const el of fields()) {
      if (!(el.name in data)) continue;
      if (el.type === "checkbox" || el.type === "radio") {
        el.checked = data[el.name].includes(el.value);
      } else {
        el.value = data[el.name];
      }
      el.dispatchEvent(new Event("input", { bubbles: true }));
    }
  };

  const shown = snapshot();
  const draft = read(key);
  const differs = (kept, now) => Object.keys(kept).some((name) => name in now && JSON.stringify(kept[name]) !== JSON.stringify(now[name]));
  if (draft && differs(draft.fields, shown)) {
    apply(draft.fields);
    const notice = document.createElement("div");
    notice.className = "form-message draft-notice";
    notice.setAttribute("role", "status");
    const text = document.createElement("p");
    const when = new Date(draft.at).toLocaleString(undefined, { weekday: "long", hour: "2-digit", minute: "2-digit" });
    text.textContent = `This browser kept what you were writing here (${when}) and has put it back. It is not saved until you save it.`;
    const undo = document.createElement("button");
    undo.type = "button";
    undo.className = "link-button";
    undo.textContent = "Show what was saved before instead";
    undo.addEventListener("click", () => {
      apply(shown);
      try {
        localStorage.removeItem(key);
      } catch {
        // Nothing to remove.
      }
      notice.remove();
    });
    notice.append(text, undo);
    form.prepend(notice);
  }

  let timer;
  const keep = () => {
    clearTimeout(timer);
    timer = setTimeout(() => write(key, snapshot()), 400);
  };
  form.addEventListener("input", keep);
  form.addEventListener("change", keep);
  // The newest words are kept as the form is sent: if the answer never comes, they are still here.
  form.addEventListener("submit", () => {
    clearTimeout(timer);
    write(key, snapshot());
  });
}
