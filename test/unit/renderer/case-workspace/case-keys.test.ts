import { DESK_COMMANDS } from "@shared/ipc/desk-commands";
import { describe, expect, test } from "vitest";
import { caseKeyAction } from "../../../../renderer/src/case-workspace/case-keys";
import { CASE_SHORTCUTS, SHORTCUTS } from "../../../../renderer/src/queue/shortcuts-dialog";

const press = (key: string, patch: Partial<Parameters<typeof caseKeyAction>[0]> = {}) =>
  caseKeyAction(
    { key, ctrlKey: false, metaKey: false, altKey: false, target: null, ...patch },
    false,
  );

describe("keys inside a case", () => {
  test("each key asks for one action", () => {
    expect(press("d")).toBe("decide");
    expect(press("R")).toBe("reply");
    expect(press("e")).toBe("request-evidence");
    expect(press("n")).toBe("note");
    expect(press("j")).toBe("next");
    expect(press("k")).toBe("previous");
    expect(press("Escape")).toBe("back");
    expect(press("?")).toBe("help");
    expect(press("c")).toBeNull();
  });

  test("never while typing, with a modifier, or under an open dialog", () => {
    expect(press("d", { target: { tagName: "TEXTAREA" } as unknown as EventTarget })).toBeNull();
    expect(press("n", { target: { tagName: "INPUT" } as unknown as EventTarget })).toBeNull();
    expect(press("d", { ctrlKey: true })).toBeNull();
    expect(press("r", { metaKey: true })).toBeNull();
    expect(
      caseKeyAction(
        { key: "d", ctrlKey: false, metaKey: false, altKey: false, target: null },
        true,
      ),
    ).toBeNull();
  });
});

describe("the application menu and the ? list agree", () => {
  const listed = new Set(
    [...SHORTCUTS, ...CASE_SHORTCUTS].flatMap((s) => s.keys.map((k) => k.toLowerCase())),
  );

  test("every single key the menu shows is a key the screens list", () => {
    for (const spec of Object.values(DESK_COMMANDS)) {
      if (spec.registerInMenu) continue;
      const key = spec.key === "Escape" ? "esc" : spec.key.toLowerCase();
      expect(listed, `${spec.label} (${spec.key})`).toContain(key);
    }
  });

  test("no single key stands for two menu commands", () => {
    const byKey = new Map<string, string>();
    for (const spec of Object.values(DESK_COMMANDS)) {
      if (spec.registerInMenu) continue;
      expect(byKey.get(spec.key), spec.key).toBeUndefined();
      byKey.set(spec.key, spec.label);
    }
  });

  test("the menu's c claims, as c does in the queue; replying is r", () => {
    expect(DESK_COMMANDS["queue.claim"].key).toBe("C");
    expect(DESK_COMMANDS["case.compose"].key).toBe("R");
    expect(press(DESK_COMMANDS["case.compose"].key)).toBe("reply");
    expect(press(DESK_COMMANDS["case.decide"].key)).toBe("decide");
    expect(press(DESK_COMMANDS["case.request-evidence"].key)).toBe("request-evidence");
    expect(press(DESK_COMMANDS["case.note"].key)).toBe("note");
  });
});
