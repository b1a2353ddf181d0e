import { awarenessMessages } from "./awareness.messages.js";

/** The awareness parts' Indonesian words. */
export default function install(): void {
  awarenessMessages.id = {
    sound: "Suara",
    soundHint: "Nada singkat untuk tiket baru atau pesan pelapor",
    viewing: "{name} sedang melihat",
    typing: "{name} sedang mengetik…",
  };
}
