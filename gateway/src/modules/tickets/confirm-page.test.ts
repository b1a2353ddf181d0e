import { describe, expect, it } from "vitest";
import { confirmPage } from "./confirm-page.js";

describe("confirmPage", () => {
  it.each([
    // state, language, text the page holds
    [{ kind: "ask", code: "01.30112026.001", resolution: "Replaced <b>the</b> cable", sig: "abc", problem: null }, "en", ["Is the problem solved?", "Replaced &lt;b&gt;the&lt;/b&gt; cable", 'name="sig" value="abc"', 'value="FIXED"', 'value="NOT_FIXED"']],
    [{ kind: "ask", code: "01.30112026.001", resolution: null, sig: "abc", problem: "Tell us" }, "id", ["Apakah masalahnya sudah teratasi?", 'role="alert">Tell us<', 'aria-describedby="problem"']],
    [{ kind: "done", code: "01.30112026.001", closed: true }, "en", ["Ticket 01.30112026.001 is closed."]],
    [{ kind: "done", code: "01.30112026.001", closed: false }, "id", ["Tiket 01.30112026.001 kembali ditangani"]],
    [{ kind: "gone" }, "en", ["no longer opens the check"]],
  ] as const)("shows %j in %s", (state, lang, texts) => {
    const html = confirmPage(state, lang, "n0nce", "https://company.example/lacak?code=x&token=");
    for (const t of texts) expect(html).toContain(t);
    expect(html).toContain('<style nonce="n0nce">');
    expect(html).toContain('href="https://company.example/lacak?code=x&amp;token="');
    expect(html).not.toMatch(/<script|style="/);
  });
});
