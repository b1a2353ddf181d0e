import type { Services } from "../../services.js";
import { systemActor } from "../audit/audit-trail.js";
import { Role } from "../agents/role.js";
import { ArticleStatus, ArticleVisibility } from "./article.rules.js";

/** A published article of the demo site, by the name of the IT service it is about. */
interface DemoArticle {
  service: string;
  language: "id" | "en";
  title: string;
  body: string;
}

const ARTICLES: readonly DemoArticle[] = [
  {
    service: "Ipos",
    language: "id",
    title: "Ipos tidak bisa login",
    body: "Gejala\nLayar login Ipos menolak kata sandi yang benar atau berhenti di \"Memuat…\".\n\nPenyelesaian\nTutup Ipos, hapus cache peramban, lalu buka lagi. Jika tetap gagal, pastikan jam komputer benar: Ipos menolak login bila jam meleset lebih dari lima menit.",
  },
  {
    service: "Ipos",
    language: "en",
    title: "Ipos will not log in",
    body: "Symptom\nThe Ipos login screen refuses a correct password or stops at \"Loading…\".\n\nFix\nClose Ipos, clear the browser cache and open it again. If it still fails, check the computer's clock: Ipos refuses a login when the clock is more than five minutes off.",
  },
  {
    service: "E-Pod",
    language: "id",
    title: "E-Pod tidak mengirim foto tanda tangan",
    body: "Gejala\nPengantaran tersimpan tetapi foto tanda tangan penerima tidak terkirim.\n\nPenyelesaian\nAktifkan data seluler untuk E-Pod di pengaturan ponsel, lalu buka menu Antrean dan ketuk Kirim ulang.",
  },
  {
    service: "E-Pod",
    language: "en",
    title: "E-Pod does not send the signature photo",
    body: "Symptom\nA delivery is saved but the recipient's signature photo never arrives.\n\nFix\nAllow mobile data for E-Pod in the phone's settings, then open Queue and tap Send again.",
  },
  {
    service: "PosPay",
    language: "id",
    title: "Pembayaran PosPay tertunda",
    body: "Gejala\nPelanggan sudah membayar tetapi status tagihan masih \"Menunggu\".\n\nPenyelesaian\nStatus diperbarui paling lambat 15 menit. Setelah itu, cetak bukti bayar dari menu Riwayat dan laporkan nomor transaksinya.",
  },
  {
    service: "PosPay",
    language: "en",
    title: "PosPay payment pending",
    body: "Symptom\nThe customer has paid but the bill still shows \"Pending\".\n\nFix\nThe status updates within 15 minutes. After that, print the receipt from History and report its transaction number.",
  },
];

/** Publishes the demo site's articles that are missing, by title: a rerun adds nothing twice. */
export async function seedDemoArticles(services: Services, siteId: string, serviceIds: ReadonlyMap<string, string>): Promise<void> {
  const writer = { id: "demo-seed", siteId, role: Role.ADMIN, name: "Sigap demo" };
  const actor = systemActor("demo-seed");
  const { articles, reads } = services.knowledge;
  const titles = new Set((await reads.desk(siteId, { query: null, language: null, serviceId: null, categoryId: null, first: 50 }, null)).map((a) => a.title));
  for (const a of ARTICLES) {
    if (titles.has(a.title)) continue;
    const change = { id: null, language: a.language, title: a.title, body: a.body, serviceId: serviceIds.get(a.service) ?? null, categoryId: null, visibility: ArticleVisibility.PUBLIC };
    const saved = await articles.save(writer, change, actor);
    await articles.move(writer, saved.id, ArticleStatus.IN_REVIEW, actor);
    await articles.move(writer, saved.id, ArticleStatus.PUBLISHED, actor);
  }
}
