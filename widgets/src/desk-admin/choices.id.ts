import { levelWords } from "./choices.js";

/** The Indonesian names of priorities and levels (the sections' `*.id.ts` call it). */
export default function installLevelWords(): void {
  levelWords.id = { P1: "Kritis", P2: "Tinggi", P3: "Sedang", P4: "Rendah", P5: "Perencanaan", HIGH: "Tinggi", MEDIUM: "Sedang", LOW: "Rendah" };
}
