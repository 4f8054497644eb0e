// "Read it aloud": the browser's own speech reads a letter or a card, paragraph by paragraph,
// a little slower than usual. Nothing is sent anywhere. Hidden where the browser cannot speak.

const synth = window.speechSynthesis;

for (const box of document.querySelectorAll("[data-read-aloud]")) {
  const source = document.getElementById(box.dataset.readAloud);
  const start = box.querySelector("[data-read-start]");
  const stop = box.querySelector("[data-read-stop]");
  if (!synth || !window.SpeechSynthesisUtterance || !source || !start || !stop) continue;
  box.hidden = false;

  let reading = 0;
  const done = () => {
    reading++;
    stop.hidden = true;
    start.hidden = false;
  };

  start.addEventListener("click", () => {
    synth.cancel();
    const run = ++reading;
    const paragraphs = [...source.querySelectorAll("p")].map((p) => p.textContent.trim()).filter(Boolean);
    let next = 0;
    const speak = () => {
      if (run !== reading) return;
      if (next >= paragraphs.length) {
        done();
        return;
      }
      const utterance = new SpeechSynthesisUtterance(paragraphs[next++]);
      utterance.rate = 0.9;
      utterance.lang = document.documentElement.lang || "en";
      utterance.onend = speak;
      utterance.onerror = () => run === reading && done();
      synth.speak(utterance);
    };
    start.hidden = true;
    stop.hidden = false;
    stop.focus();
    speak();
  });

  stop.addEventListener("click", () => {
    synth.cancel();
    done();
    start.focus();
  });

  window.addEventListener("pagehide", () => synth.cancel());
}
