import installProblemText from "../../shared/problem-text.id.js";
import { signInMessages } from "./sign-in.messages.js";

/** The sign-in part's Indonesian words. */
export default function install(): void {
  installProblemText();
  signInMessages.id = {
    title: "Masuk ke meja layanan",
    email: "E-mail",
    password: "Kata sandi",
    signIn: "Masuk",
    or: "atau",
    withIdp: "Masuk dengan {name}",
    forgot: "Lupa kata sandi?",
    forgotTitle: "Minta tautan untuk kata sandi baru",
    send: "Kirim tautan",
    sent: "Bila alamat ini milik agen meja layanan ini, tautan untuk kata sandi baru sedang dikirim. Tautan berlaku sekali, selama satu jam.",
    back: "Kembali ke halaman masuk",
    setTitle: "Atur kata sandi Anda",
    newPassword: "Kata sandi baru (paling sedikit {n} karakter)",
    setAndSignIn: "Simpan kata sandi dan masuk",
    popupBlocked: "Peramban memblokir jendela masuk; izinkan pop-up untuk halaman ini lalu coba lagi.",
    busy: "Sedang masuk…",
  };
}
