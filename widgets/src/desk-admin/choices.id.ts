import { levelWords, typeWords } from "./choices.js";

/** The Indonesian names of priorities, levels and ticket types (the sections' `*.id.ts` call it). */
export default function installLevelWords(): void {
  levelWords.id = { P1: "Kritis", P2: "Tinggi", P3: "Sedang", P4: "Rendah", P5: "Perencanaan", HIGH: "Tinggi", MEDIUM: "Sedang", LOW: "Rendah" };
  typeWords.id = { INCIDENT: "Insiden", SERVICE_REQUEST: "Permintaan layanan", WORK_ORDER: "Perintah kerja" };
}
