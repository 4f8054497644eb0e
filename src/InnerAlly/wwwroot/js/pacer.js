// The breathing pacer: a circle that grows as you breathe in and shrinks as you breathe out, or,
// for people who prefer less motion, a calm count of seconds. Every time it wakes it works out the
// phase afresh from the time since it started (less any pauses): phase = elapsed mod period. A
// timer that fires late therefore shows late once, and the lateness never adds up into drift.
// For tests, the element carries data-phase ("in" or "out"), data-phase-index (0, 1, 2, ... from
// the start) and data-phase-started-at (ms since the start, when this phase was shown).

const lessMotion = matchMedia("(prefers-reduced-motion: reduce)");

export class Pacer {
  constructor(el) {
    this.el = el;
    this.period = 60000 / Number(el.dataset.rate);
    this.inMs = this.period / (1 + Number(el.dataset.ratio));
    this.circle = el.querySelector("[data-pacer-circle]");
    this.label = el.querySelector("[data-pacer-label]");
    this.count = el.querySelector("[data-pacer-count]");
    this.stop();
  }

  elapsed() {
    return (this.pausedAt ?? performance.now()) - this.startedAt - this.pausedTotal;
  }

  start() {
    this.stop();
    this.move(0.45, 0);
    void this.circle.offsetWidth; // let the small circle be drawn before it starts to grow
    this.startedAt = performance.now();
    this.tick();
  }

  pause() {
    if (this.startedAt === null || this.pausedAt !== null) return;
    this.pausedAt = performance.now();
    clearTimeout(this.timer);
    // Hold the circle where it is now.
    const now = getComputedStyle(this.circle).transform;
    this.circle.style.transition = "none";
    this.circle.style.transform = now === "none" ? "" : now;
  }

  resume() {
    if (this.pausedAt === null) return;
    this.pausedTotal += performance.now() - this.pausedAt;
    this.pausedAt = null;
    this.tick(true);
  }

  stop() {
    clearTimeout(this.timer);
    this.startedAt = null;
    this.pausedAt = null;
    this.pausedTotal = 0;
    this.index = -1;
    this.el.dataset.phase = "ready";
    this.label.textContent = "";
    this.count.textContent = "";
  }

  tick(resumed = false) {
    const t = this.elapsed();
    const cycle = Math.floor(t / this.period);
    const breathingIn = t - cycle * this.period < this.inMs;
    const begun = cycle * this.period + (breathingIn ? 0 : this.inMs);
    const ends = breathingIn ? begun + this.inMs : (cycle + 1) * this.period;
    const index = cycle * 2 + (breathingIn ? 0 : 1);
    if (index !== this.index || resumed) {
      if (index !== this.index) {
        this.index = index;
        Object.assign(this.el.dataset, {
          phase: breathingIn ? "in" : "out",
          phaseIndex: String(index),
          phaseStartedAt: String(Math.round(t)),
        });
        this.label.textContent = breathingIn ? this.el.dataset.wordsIn : this.el.dataset.wordsOut;
      }
      this.move(breathingIn ? 1 : 0.45, ends - t);
    }

    const counted = Math.floor((t - begun) / 1000) + 1;
    this.count.textContent = lessMotion.matches
      ? Array.from({ length: counted }, (_, i) => i + 1).join(", ")
      : "";
    // Wake at the next whole second of the count or the next phase, whichever comes first.
    const next = Math.min(ends, begun + counted * 1000) - t;
    this.timer = setTimeout(() => this.tick(), Math.max(1, Math.ceil(next)));
  }

  move(scale, ms) {
    if (lessMotion.matches) {
      this.circle.style.transition = "";
      this.circle.style.transform = "";
      return;
    }
    this.circle.style.transition = `transform ${Math.max(0, Math.round(ms))}ms ease-in-out`;
    this.circle.style.transform = `scale(${scale})`;
  }
}
