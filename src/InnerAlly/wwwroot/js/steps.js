// The critic-to-ally record one step at a time, and a letter one part at a time on a phone
// (data-steps="narrow": all parts at once on a wider screen). Without this script every step is on
// the page at once; with it, each step has Back and Next (or "Skip this step" while it is empty), and
// the save button stays below every step, so the record can be saved, and left, from anywhere.

const narrow = window.matchMedia("(max-width: 40rem)");

for (const form of document.querySelectorAll("form[data-steps]")) {
  const steps = [...form.querySelectorAll("[data-step]")];
  if (steps.length < 2) continue;
  const progress = form.querySelector("[data-steps-progress]");
  const filled = (step) =>
    [...step.querySelectorAll("textarea, select, input")].some((el) => (el.type === "checkbox" ? el.checked : el.value.trim() !== ""));

  const echo = () => {
    for (const panel of form.querySelectorAll("[data-echo]")) {
      const text = panel.dataset.echo
        .split(" ")
        .map((id) => document.getElementById(id)?.value.trim())
        .filter(Boolean)
        .join("\n\n");
      panel.querySelector("[data-echo-text]").textContent = text;
      panel.hidden = text === "";
    }
  };

  const onlyNarrow = form.dataset.steps === "narrow";
  let shown = 0;
  const show = (index, moveFocus) => {
    shown = index;
    const stepped = !onlyNarrow || narrow.matches;
    form.classList.toggle("one-step-at-a-time", stepped);
    steps.forEach((step, i) => {
      step.hidden = stepped && i !== index;
    });
    for (const nav of form.querySelectorAll(".step-nav")) nav.hidden = !stepped;
    progress.hidden = !stepped;
    progress.textContent = `Step ${index + 1} of ${steps.length}`;
    echo();
    if (moveFocus) (steps[index].querySelector("h2") ?? steps[index]).focus();
  };

  for (const [i, step] of steps.entries()) {
    const nav = document.createElement("div");
    nav.className = "button-row step-nav";
    if (i > 0) {
      const back = document.createElement("button");
      back.type = "button";
      back.className = "button-quiet";
      back.textContent = "Back";
      back.addEventListener("click", () => show(i - 1, true));
      nav.append(back);
    }
    if (i < steps.length - 1) {
      const next = document.createElement("button");
      next.type = "button";
      const label = () => {
        const ready = filled(step);
        next.textContent = ready ? "Next" : "Skip this step";
        next.className = ready ? "" : "button-quiet";
      };
      label();
      step.addEventListener("input", label);
      step.addEventListener("change", label);
      next.addEventListener("click", () => show(i + 1, true));
      nav.append(next);
    }
    step.append(nav);
  }

  // After the server asks for another look, open the first step with a message beside it.
  const problem = steps.findIndex((step) => step.querySelector(".field-error"));
  show(Math.max(problem, 0), false);
  if (onlyNarrow) narrow.addEventListener("change", () => show(shown, false));
}
