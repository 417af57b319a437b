import { EmbeddedServerCommand, EmbeddedServerMessage } from "@shared/ipc/embedded-server";
import { describe, expect, it } from "vitest";

describe("the embedded server's messages", () => {
  it("are read by one schema each way: the child's report and the parent's stop", () => {
    expect(EmbeddedServerMessage.parse({ type: "listening", port: 8787 })).toEqual({
      type: "listening",
      port: 8787,
    });
    expect(EmbeddedServerMessage.parse({ type: "failed", message: "no disk" }).type).toBe("failed");
    // A malformed report is not mistaken for a start: the parent keeps waiting (and times out).
    for (const junk of [null, "listening", { type: "listening" }, { type: "listening", port: 0 }]) {
      expect(EmbeddedServerMessage.safeParse(junk).success).toBe(false);
    }
    expect(EmbeddedServerCommand.safeParse({ type: "stop" }).success).toBe(true);
    expect(EmbeddedServerCommand.safeParse({ type: "stop-now" }).success).toBe(false);
  });
});
