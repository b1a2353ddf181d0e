import { describe, expect, it } from "vitest";
import { createConfirmLinks } from "./confirm-link.js";

const links = createConfirmLinks("a-secret-of-the-gateway-0123456789");
const ID = "7f1c2a4e-1111-4222-8333-944445555666";
const RESOLVED = new Date("2026-11-30T08:00:00.000Z");
const sig = links.sign(ID, RESOLVED);

describe("confirm links", () => {
  it.each([
    // ticket, resolvedAt, signature, → opens
    ["its own resolution", ID, RESOLVED, sig, true],
    ["a later resolution (reopened, resolved again)", ID, new Date("2026-12-01T08:00:00.000Z"), sig, false],
    ["a ticket no longer resolved", ID, null, sig, false],
    ["another ticket", "7f1c2a4e-1111-4222-8333-944445555667", RESOLVED, sig, false],
    ["a tampered signature", ID, RESOLVED, `${sig.slice(0, -1)}${sig.endsWith("0") ? "1" : "0"}`, false],
    ["a signature of the wrong length", ID, RESOLVED, sig.slice(0, 30), false],
    ["no signature", ID, RESOLVED, "", false],
    ["another gateway secret's signature", ID, RESOLVED, createConfirmLinks("another-secret").sign(ID, RESOLVED), false],
  ])("%s: opens %s", (_what, id, resolvedAt, given, opens) => {
    expect(links.opens(id, resolvedAt, given)).toBe(opens);
  });
});
