import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./passwords.js";

describe("passwords", () => {
  it("hashes with argon2id and verifies only the same password", async () => {
    const phc = await hashPassword("correct horse battery");
    expect(phc).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(phc, "correct horse battery")).toBe(true);
    expect(await verifyPassword(phc, "correct horse batterY")).toBe(false);
  });

  it("answers false without a hash, or with a malformed one", async () => {
    expect(await verifyPassword(null, "anything at all")).toBe(false);
    expect(await verifyPassword("not a phc string", "anything at all")).toBe(false);
  });
});
