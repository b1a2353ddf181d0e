import { describe, expect, it } from "vitest";
import { logInput } from "./log-ticket.input.js";
import { logMessages } from "./log-ticket.messages.js";

function form(entries: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.append(k, v);
  return f;
}

describe("<sigap-log-ticket>", () => {
  it("sends the filled fields as LogTicketInput, trimmed, and leaves blank ones out", () => {
    const input = logInput(
      form({
        channel: "PHONE",
        customerId: " PLG-42 ",
        reporterName: " Pak Rahmat ",
        reporterPhone: "0812 5555 0101",
        reporterEmail: "",
        language: "",
        location: "Loket 2",
        kelurahan: "",
        kecamatan: "",
        serviceId: "svc",
        categoryId: "",
        urgency: "HIGH",
        impact: "MEDIUM",
        groupId: "grp",
        problemType: "Printer",
        description: " Tidak mencetak resi ",
      }),
    );
    expect(input).toEqual({
      channel: "PHONE",
      customerId: "PLG-42",
      reporterName: "Pak Rahmat",
      reporterPhone: "0812 5555 0101",
      location: "Loket 2",
      serviceId: "svc",
      urgency: "HIGH",
      impact: "MEDIUM",
      groupId: "grp",
      problemType: "Printer",
      description: "Tidak mencetak resi",
    });
  });

  it.each([
    [{ me: "on" }, "me"],
    [{}, undefined],
  ])("allocates to the agent when 'assign to me' is ticked (%j → %s)", (extra, assignee) => {
    expect(logInput(form({ channel: "WALK_IN", reporterName: "A", description: "B", ...extra })).assigneeId).toBe(assignee);
  });

  it("sends the uploaded files' ids", () => {
    const f = form({ channel: "PHONE", reporterName: "A", description: "B" });
    f.append("attachmentIds", "a1");
    f.append("attachmentIds", "a2");
    expect(logInput(f).attachmentIds).toEqual(["a1", "a2"]);
  });

  it("leaves urgency and impact to the gateway's defaults when none is picked", () => {
    const input = logInput(form({ channel: "EMAIL", reporterName: "A", description: "B", urgency: "", impact: "" }));
    expect(input.urgency).toBeNull();
    expect(input.impact).toBeNull();
  });

  it("has every word in both languages", () => {
    expect(Object.keys(logMessages.id ?? {}).sort()).toEqual(Object.keys(logMessages.en).sort());
  });
});
