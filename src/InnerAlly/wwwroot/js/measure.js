// Taking a questionnaire: progress, one question at a time on narrow screens, the support notice
// the moment a safety item is answered above its threshold, and a draft kept as answers are given.
// Without this file the whole questionnaire is one form on one page, and it works the same.

const form = document.querySelector("form[data-measure-form]");
if (form) {
  const items = [...form.querySelectorAll("[data-item]")];
  const scored = items.filter((item) => item.dataset.optional !== "true");
  const progress = form.querySelector("[data-progress]");
  const bar = form.querySelector("[data-progress-bar]");
  const nav = form.querySelector("[data-nav]");
  const back = nav.querySelector("[data-back]");
  const next = nav.querySelector("[data-next]");
  const narrow = window.matchMedia("(max-width: 40rem)");
  const answered = (item) => item.querySelector("input:checked") !== null;
  let current = Math.max(0, items.findIndex((item) => !answered(item)));
  if (items.every(answered)) current = 0;

  const show = () => {
    const count = scored.filter(answered).length;
    bar.hidden = false;
    bar.value = count;
    if (narrow.matches) {
      items.forEach((item, i) => { item.hidden = i !== current; });
      nav.hidden = false;
      back.disabled = current === 0;
      next.hidden = current === items.length - 1;
      // Counted among the scored questions only: an optional one (PHQ-9's "how difficult") is named as extra.
      const item = items[current];
      const where = scored.includes(item)
        ? `Question ${scored.indexOf(item) + 1} of ${scored.length}.`
        : "One more question, not part of the score.";
      progress.textContent = `${where} ${count} of ${scored.length} answered.`;
    } else {
      items.forEach((item) => { item.hidden = false; });
      nav.hidden = true;
      progress.textContent = `${count} of ${scored.length} answered.`;
    }
  };

  const move = (by) => {
    current = Math.min(items.length - 1, Math.max(0, current + by));
    show();
    items[current].focus();
  };
  back.addEventListener("click", () => move(-1));
  next.addEventListener("click", () => move(1));
  narrow.addEventListener("change", show);

  // The support notice appears as soon as a safety item is answered above its threshold; the answer stands as given.
  const checkSafety = () => {
    for (const notice of form.querySelectorAll("[data-safety-for]")) {
      const chosen = form.querySelector(`input[name="Answers[${notice.dataset.safetyFor}]"]:checked`);
      if (chosen && Number(chosen.value) > Number(notice.dataset.above)) notice.hidden = false;
    }
  };

  // A draft is kept as answers are given, so stopping halfway loses nothing.
  let timer;
  const autosave = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      fetch(form.dataset.autosave, { method: "POST", body: new FormData(form), credentials: "same-origin" }).catch(() => {
        // Offline or interrupted: the buttons below still save everything.
      });
    }, 400);
  };

  form.addEventListener("change", (event) => {
    if (!event.target.matches("input[type=radio]")) return;
    checkSafety();
    show();
    autosave();
  });

  checkSafety();
  show();
}
