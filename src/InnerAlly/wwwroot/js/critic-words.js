// While someone writes their inner critic's words, the language engine (POST /api/v1/analysis,
// on this server) marks the self-critical sentences with a word on their tone, offers its CFT
// questions about what the critic fears, and then names CBT's thinking traps in plain words, here
// and in the later steps. Offered, never required: without this script, or if the engine is busy
// or unreachable, the form works just the same.

const WAIT_MS = 900;
const words = JSON.parse(document.getElementById("analysis-words")?.textContent ?? "null");

const element = (tag, className, text) => {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
};

// The text with each self-critical sentence in a <mark>, built from text nodes (never as HTML).
const marked = (text, sentences) => {
  const p = element("p", "note-text marked-text");
  let at = 0;
  for (const s of [...sentences].sort((a, b) => a.start - b.start)) {
    if (s.start < at || s.start + s.length > text.length) continue;
    p.append(text.slice(at, s.start), element("mark", "", text.slice(s.start, s.start + s.length)));
    at = s.start + s.length;
  }
  p.append(text.slice(at));
  return p;
};

const capital = (text) => text.charAt(0).toUpperCase() + text.slice(1);

const render = (panel, result, text) => {
  const critic = result.selfCriticism;
  const traps = result.thinkingTraps ?? [];
  const prompts = result.prompts ?? [];
  const parts = [element("h3", "", words.heading)];
  if (!critic.present && traps.length === 0) {
    parts.push(element("p", "muted", words.nothing));
  } else {
    parts.push(element("p", "hint", words.intro));
    if (critic.present) {
      parts.push(element("h4", "", words.sentences), marked(text, critic.sentences), element("p", "small", words.tone));
      for (const form of new Set(critic.sentences.map((s) => s.form))) {
        if (words.forms[form]) parts.push(element("p", "small", words.forms[form]));
      }
    }
    if (prompts.length > 0) {
      parts.push(element("h4", "", words.prompts));
      const list = element("ul", "prompt-list");
      const seen = new Set();
      for (const prompt of prompts) {
        if (seen.has(prompt.fear)) continue;
        seen.add(prompt.fear);
        list.append(element("li", "", prompt.fear), element("li", "", prompt.friend));
      }
      parts.push(list);
    }
    if (traps.length > 0) {
      parts.push(element("h4", "", words.traps), element("p", "small muted", words.trapsIntro));
      const list = element("dl", "traps");
      for (const trap of traps) {
        list.append(element("dt", "", capital(trap.trap)), element("dd", "", words.trapWords[trap.trap] ?? ""));
      }
      parts.push(list);
    }
  }
  panel.replaceChildren(...parts);
  panel.hidden = false;

  // The first question is also offered where it is answered: the critic's fear, and the reply.
  for (const [kind, label, value] of [["fear", words.fearPromptLabel, prompts[0]?.fear], ["friend", words.friendPromptLabel, prompts[0]?.friend]]) {
    for (const slot of document.querySelectorAll(`[data-offered="${kind}"]`)) {
      slot.textContent = value ? `${label}, if it helps: ${value}` : "";
      slot.hidden = !value;
    }
  }
};

for (const field of document.querySelectorAll('textarea[data-analyze="critic"]')) {
  const panel = document.querySelector(`[data-analysis-for="${field.id}"]`);
  const status = document.querySelector(`[data-analysis-status="${field.id}"]`);
  const token = field.form?.querySelector('input[name="__RequestVerificationToken"]')?.value;
  if (!words || !panel || !token) continue;

  let timer;
  let pending;
  let lastRead = null;
  let notBefore = 0;

  const read = async () => {
    const text = field.value;
    if (text === lastRead) return;
    if (text.trim() === "") {
      lastRead = text;
      panel.hidden = true;
      return;
    }
    // The engine has a per-person budget of texts a minute; after a 429, wait as long as it asks.
    const wait = notBefore - Date.now();
    if (wait > 0) {
      timer = setTimeout(read, wait);
      return;
    }
    pending?.abort();
    pending = new AbortController();
    try {
      const response = await fetch("/api/v1/analysis", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", RequestVerificationToken: token },
        body: JSON.stringify({ text }),
        signal: pending.signal,
      });
      if (response.status === 429) {
        notBefore = Date.now() + (Number(response.headers.get("Retry-After")) || 60) * 1000;
        timer = setTimeout(read, notBefore - Date.now());
        return;
      }
      if (!response.ok || field.value !== text) return;
      lastRead = text;
      render(panel, await response.json(), text);
      if (status) status.textContent = "Notes on your critic's words are below the box.";
    } catch {
      // Offline, or replaced by a newer read: nothing to show, nothing lost.
    }
  };

  field.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(read, WAIT_MS);
  });
  if (field.value.trim() !== "") read();
}
