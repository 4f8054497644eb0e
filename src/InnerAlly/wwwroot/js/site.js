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

// A gentle count of the characters left in fields that have a limit.
for (const field of document.querySelectorAll("textarea[maxlength][data-count]")) {
  const counter = document.getElementById(field.dataset.count);
  if (!counter) continue;
  const max = Number(field.getAttribute("maxlength"));
  const update = () => {
    const left = max - field.value.length;
    counter.textContent = left <= 200 ? `${left} characters left` : "";
  };
  field.addEventListener("input", update);
  update();
}

// A "Print" button needs script to do anything, so it stays hidden without it.
for (const button of document.querySelectorAll("button[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
