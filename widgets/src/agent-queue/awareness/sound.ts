/** Where the agent's sound choice is kept: per agent, so a shared computer keeps each one's. */
export function soundKey(agentId: string): string {
  return `sigap-sound:${agentId}`;
}

/** The agent's choice (true on, false off), or null when they never chose. */
export function soundChoice(storage: Pick<Storage, "getItem">, agentId: string): boolean | null {
  try {
    const v = storage.getItem(soundKey(agentId));
    return v === "on" ? true : v === "off" ? false : null;
  } catch {
    // Storage refused (private mode, a sandboxed frame): no remembered choice.
    return null;
  }
}

/** Keeps the agent's choice; a refused storage only means it is not remembered. */
export function keepSoundChoice(storage: Pick<Storage, "setItem">, agentId: string, on: boolean): void {
  try {
    storage.setItem(soundKey(agentId), on ? "on" : "off");
  } catch {
    // Not remembered, still applied for this page.
  }
}

let audio: AudioContext | null = null;

/**
 * A short two-tone beep made with Web Audio: no audio file to fetch, nothing a strict CSP blocks.
 * Browsers start audio only after the reader has interacted with the page; before that it is silent.
 */
export function beep(): void {
  try {
    audio ??= new AudioContext();
    const at = audio.currentTime;
    const gain = audio.createGain();
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.2, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.3);
    gain.connect(audio.destination);
    const osc = audio.createOscillator();
    osc.frequency.setValueAtTime(880, at);
    osc.frequency.setValueAtTime(660, at + 0.12);
    osc.connect(gain);
    osc.start(at);
    osc.stop(at + 0.3);
  } catch {
    // No Web Audio here: the visual markers still tell.
  }
}

/** Whether a live queue event is worth a tone: a new ticket, or a push whose latest change was the reporter's. */
export function wantsTone(event: { kind: string; ticket: { unread: boolean } | null }): boolean {
  return event.kind === "CREATED" || (event.kind === "UPDATED" && !!event.ticket?.unread);
}
