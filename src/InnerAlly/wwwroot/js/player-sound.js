// The guided player's voice and chime (player.js plays the steps): read aloud with the
// browser's own speech, a soft tone between steps, both off until chosen and remembered on this device.

export function setUpSound(root) {
  const $ = (selector) => root.querySelector(selector);
  const all = (selector) => root.querySelectorAll(selector);

  // Voice and sound, remembered on this device.
  const KEY = "innerally.player";
  const prefs = { speak: false, voice: "", rate: 0.9, chime: false };
  try {
    Object.assign(prefs, JSON.parse(localStorage.getItem(KEY) ?? "{}"));
  } catch {
    // Unreadable or blocked storage: the defaults will do.
  }
  const save = () => {
    try {
      localStorage.setItem(KEY, JSON.stringify(prefs));
    } catch {
      // Private browsing may refuse; the choices still hold for this visit.
    }
  };

  const synth = window.speechSynthesis;
  const speech = synth && window.SpeechSynthesisUtterance;
  const voiceSelect = $("[data-option=voice]");
  const rateInput = $("[data-option=rate]");
  const rateShown = $("[data-rate-shown]");
  const speakBox = $("[data-option=speak]");
  const chimeBox = $("[data-option=chime]");

  function speak(text) {
    if (!speech || !prefs.speak) return;
    synth.cancel();
    const words = new SpeechSynthesisUtterance(text);
    words.rate = Number(prefs.rate) || 0.9;
    const voice = synth.getVoices().find((v) => v.voiceURI === prefs.voice);
    if (voice) words.voice = voice;
    synth.speak(words);
  }

  if (!speech) {
    for (const el of all("[data-speech-only]")) el.hidden = true;
  } else if (speakBox) {
    const listVoices = () => {
      const voices = synth.getVoices();
      voiceSelect.length = 1;
      for (const v of voices) voiceSelect.add(new Option(`${v.name} (${v.lang})`, v.voiceURI));
      voiceSelect.value = voices.some((v) => v.voiceURI === prefs.voice) ? prefs.voice : "";
    };
    listVoices();
    synth.addEventListener?.("voiceschanged", listVoices);
    speakBox.checked = !!prefs.speak;
    rateInput.value = String(prefs.rate);
    rateShown.textContent = rateInput.value;
    speakBox.addEventListener("change", () => {
      prefs.speak = speakBox.checked;
      save();
      if (!prefs.speak) synth.cancel();
    });
    voiceSelect.addEventListener("change", () => { prefs.voice = voiceSelect.value; save(); });
    rateInput.addEventListener("input", () => {
      prefs.rate = Number(rateInput.value);
      rateShown.textContent = rateInput.value;
      save();
    });
  }

  // A soft sine chime between steps, made on the spot with Web Audio (nothing to download).
  let audio = null;
  function wakeAudio() {
    if (!prefs.chime || !window.AudioContext) return;
    try {
      audio ??= new AudioContext();
      audio.resume();
    } catch {
      audio = null;
    }
  }
  function chime() {
    if (!prefs.chime || !audio) return;
    const t = audio.currentTime, tone = audio.createOscillator(), gain = audio.createGain();
    tone.type = "sine";
    tone.frequency.value = 528;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.12, t + 0.05);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 2);
    tone.connect(gain).connect(audio.destination);
    tone.start(t);
    tone.stop(t + 2.1);
  }
  if (chimeBox) {
    chimeBox.checked = !!prefs.chime;
    chimeBox.addEventListener("change", () => {
      prefs.chime = chimeBox.checked;
      save();
      wakeAudio();
    });
  }

  return {
    speak, chime, wakeAudio,
    pause: () => synth?.pause(),
    resume: () => synth?.resume(),
    cancel: () => synth?.cancel(),
  };
}
