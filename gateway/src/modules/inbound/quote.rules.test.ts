import { describe, expect, it } from "vitest";
import { stripQuoted } from "./quote.rules.js";

describe("stripQuoted", () => {
  it.each([
    ["plain text stays", "Printer is still broken.\nThanks", "Printer is still broken.\nThanks"],
    ["Gmail, one line", "Still broken.\n\nOn Mon, Nov 30, 2026 at 10:00 AM Budi <budi@contoh.example> wrote:\n> Please restart it.\n", "Still broken."],
    ["Gmail, wrapped attribution", "Still broken.\n\nOn Mon, Nov 30, 2026 at 10:00 AM Layanan TI <\nreply+abc@desk.example> wrote:\n\n> Please restart it.", "Still broken."],
    ["Gmail in Indonesian", "Masih rusak.\n\nPada tanggal Sen, 30 Nov 2026 pukul 10.00 Layanan TI <desk@contoh.example>\nmenulis:\n\n> Silakan nyalakan ulang.", "Masih rusak."],
    ["Indonesian, one line", "Sudah normal, terima kasih.\nPada Sen, 30 Nov 2026 10:00, Desk <desk@contoh.example> menulis:\n> Apakah sudah normal?", "Sudah normal, terima kasih."],
    ["Outlook original message", "Still broken.\r\n\r\n-----Original Message-----\r\nFrom: Desk\r\nSent: Monday\r\nPlease restart it.", "Still broken."],
    [
      "Outlook header block",
      "Still broken.\n\n________________________________\nFrom: Layanan TI <desk@contoh.example>\nSent: Monday, November 30, 2026 10:00 AM\nTo: Budi\nSubject: RE: 01.30112026.001",
      "Still broken.",
    ],
    ["Outlook header block without a rule", "Still broken.\n\nFrom: Layanan TI <desk@contoh.example>\nSent: Monday, November 30, 2026 10:00 AM\nTo: Budi", "Still broken."],
    ["Outlook in Indonesian", "Masih rusak.\n\nDari: Layanan TI <desk@contoh.example>\nDikirim: Senin, 30 November 2026 10.00\nKepada: Budi", "Masih rusak."],
    ["Pesan Asli", "Masih rusak.\n-----Pesan Asli-----\nDari: Desk", "Masih rusak."],
    ["interleaved > lines", "> Is it on?\nYes, it is on.\n> Any lights?\nA red one.", "Yes, it is on.\nA red one."],
    ["signature after -- ", "Still broken.\n\n-- \nBudi Santoso\nKantor Pos Cabang 01", "Still broken."],
    ["mobile footer", "Still broken.\n\nSent from my iPhone", "Still broken."],
    ["Indonesian mobile footer", "Masih rusak.\n\nDikirim dari iPhone saya", "Masih rusak."],
    ["a sentence starting with On is kept", "On Monday it failed again.\nPlease come.", "On Monday it failed again.\nPlease come."],
    ["From: in the text without headers is kept", "From: the third floor, the printer jams.", "From: the third floor, the printer jams."],
    ["only quoted history is empty", "On Mon, Nov 30, 2026 Desk <d@x.example> wrote:\n> hi", ""],
  ])("%s", (_name, input, expected) => {
    expect(stripQuoted(input)).toBe(expected);
  });
});
