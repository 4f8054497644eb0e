// The guided player: one step at a time, with the time left in the step and in the whole practice.
// Where it is in the practice is worked out from absolute time on every tick (time since Start,
// less time paused, plus any steps skipped), so slow timers and pauses never make it drift; the
// timers only decide when to repaint. Without this file the page is a readable script.
import { Pacer } from "./pacer.js";
import { setUpSound } from "./player-sound.js";

const root = document.querySelector("[data-player]");
if (root) setUp(root);

function setUp(root) {
  const $ = (selector) => root.querySelector(selector);
  const all = (selector) => root.querySelectorAll(selector);
  const steps = [...document.querySelectorAll(`#${root.dataset.script} [data-step]`)].map((el) => ({
    text: (el.querySelector("[data-step-text]") ?? el).textContent.replace(/\s+/g, " ").trim(),
    ms: Number(el.dataset.seconds) * 1000,
  }));
  if (!steps.length || steps.some((s) => !(s.ms > 0))) return;
  let sum = 0;
  const ends = steps.map((s) => (sum += s.ms));
  const total = sum;

  const ui = {
    ready: $("[data-ready]"), stage: $("[data-stage]"), end: $("[data-end]"),
    controls: $("[data-controls]"), keys: all("[data-keys]"),
    start: $("[data-start]"), pause: $("[data-pause]"), skip: $("[data-skip]"), stop: $("[data-stop]"),
    number: $("[data-step-number]"), text: $("[data-step-now]"),
    stepLeft: $("[data-step-left]"), totalLeft: $("[data-total-left]"),
    announce: $("[data-announce]"), log: $("[data-log]"), practised: $("[data-practised]"),
  };
  const pacerEl = $("[data-pacer]");
  const pacer = pacerEl ? new Pacer(pacerEl) : null;
  const sound = setUpSound(root);

  let state = "idle"; // idle, playing, paused, ended
  let startedAt = 0, pausedAt = null, pausedTotal = 0, endedAt = 0, skipped = 0, index = -1, timer = 0;
  const practised = () => (state === "ended" ? endedAt : pausedAt ?? performance.now()) - startedAt - pausedTotal;
  const position = () => practised() + skipped;

  const clock = (ms) => {
    const s = Math.max(0, Math.ceil(ms / 1000 - 1e-6));
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  };
  const say = (text) => {
    ui.announce.textContent = text;
  };

  function show(...els) { for (const el of els) if (el) el.hidden = false; }
  function hide(...els) { for (const el of els) if (el) el.hidden = true; }

  function paint() {
    const pos = position();
    const i = ends.findIndex((end) => pos < end);
    if (i === -1) return finish(true);
    if (i !== index) {
      index = i;
      ui.text.textContent = steps[i].text;
      const where = steps.length > 1 ? `Step ${i + 1} of ${steps.length}` : "";
      if (ui.number) ui.number.textContent = where;
      say(where ? `${where}. ${steps[i].text}` : steps[i].text);
      if (i > 0) sound.chime();
      sound.speak(steps[i].text);
    }
    if (ui.stepLeft) ui.stepLeft.textContent = clock(ends[i] - pos);
    ui.totalLeft.textContent = clock(total - pos);
    return pos;
  }

  function tick() {
    clearTimeout(timer);
    if (state !== "playing") return;
    const pos = paint();
    if (state !== "playing") return;
    // Repaint when the seconds shown next change (step ends fall on whole seconds too).
    const next = (total - pos) % 1000 || 1000;
    timer = setTimeout(tick, Math.max(1, Math.ceil(next)));
  }

  function start() {
    state = "playing";
    startedAt = performance.now();
    pausedAt = null; pausedTotal = 0; skipped = 0; index = -1;
    hide(ui.ready, ui.start, ui.end);
    show(ui.stage, ui.controls, ...ui.keys, ui.pause, ui.skip, ui.stop);
    ui.pause.textContent = ui.pause.dataset.wordsPause;
    sound.wakeAudio();
    pacer?.start();
    tick();
    ui.pause.focus();
  }

  function togglePause() {
    if (state === "playing") {
      pausedAt = performance.now();
      state = "paused";
      clearTimeout(timer);
      pacer?.pause();
      sound.pause();
      ui.pause.textContent = ui.pause.dataset.wordsResume;
      say("Paused.");
    } else if (state === "paused") {
      pausedTotal += performance.now() - pausedAt;
      pausedAt = null;
      state = "playing";
      pacer?.resume();
      sound.resume();
      ui.pause.textContent = ui.pause.dataset.wordsPause;
      tick();
    }
  }

  function skip() {
    if ((state !== "playing" && state !== "paused") || steps.length < 2) return;
    skipped += ends[index] - position();
    if (state === "playing") tick();
    else paint();
  }

  function finish(complete) {
    if (state === "ended" || state === "idle") return;
    endedAt = pausedAt ?? performance.now();
    state = "ended";
    clearTimeout(timer);
    pacer?.stop();
    sound.cancel();
    if (complete) sound.chime();
    // Said honestly: under a minute says so; the log is still offered, with its least length (1).
    const seconds = practised() / 1000;
    const minutes = Math.max(1, Math.round(seconds / 60));
    for (const el of all("[data-when]")) el.hidden = el.dataset.when !== (complete ? "complete" : "stopped");
    ui.practised.textContent = seconds < 60
      ? "You practised for less than a minute."
      : `You practised for about ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
    ui.log.href = `${root.dataset.log}?minutes=${minutes}`;
    hide(ui.stage, ui.controls, ...ui.keys, ui.pause, ui.skip, ui.stop);
    show(ui.end);
    say("");
    ui.end.focus();
  }

  ui.start.addEventListener("click", start);
  ui.pause.addEventListener("click", togglePause);
  ui.skip?.addEventListener("click", skip);
  ui.stop.addEventListener("click", () => finish(false));
  $("[data-again]").addEventListener("click", start);

  // Shortcuts, never while typing in a field; Space on a button or link keeps its usual meaning.
  document.addEventListener("keydown", (e) => {
    if (state !== "playing" && state !== "paused") return;
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target instanceof Element ? e.target : document.body;
    if (target.closest("input, select, textarea, [contenteditable]")) return;
    const key = e.key.toLowerCase();
    if (key === " " || key === "k") {
      if (key === " " && target.closest("button, a, summary")) return;
      togglePause();
    } else if (key === "n" || key === "arrowright") {
      skip();
    } else if (key === "escape") {
      finish(false);
    } else {
      return;
    }
    e.preventDefault();
  });

  root.hidden = false;
}
