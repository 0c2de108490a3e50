/** A short tone made in the browser (no sound file to fetch), only when the user asked for it. */
export function beep() {
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    tone.frequency.value = 880;
    tone.connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.2);
  } catch {
    // No audio device: the visible cue is enough.
  }
}
