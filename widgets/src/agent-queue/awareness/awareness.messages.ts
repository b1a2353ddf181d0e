import { lazyWords, type Messages } from "../../shared/locale.js";

const en = {
  sound: "Sound",
  soundHint: "A short tone for a new ticket or a reporter's message",
  viewing: "{name} is viewing",
  typing: "{name} is typing…",
};

/** A key of the awareness parts' words. */
export type AwarenessKey = keyof typeof en;

/** The awareness parts' words (toolbar toggle, presence line); Indonesian set by {@link indonesian}. */
export const awarenessMessages: Messages<AwarenessKey> = { en };

/** The parts' Indonesian words, loaded for Indonesian readers only. */
export const indonesian = lazyWords(() => import("./awareness.messages.id.js"));
