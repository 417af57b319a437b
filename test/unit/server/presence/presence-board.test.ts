import { describe, expect, test } from "vitest";
import { PresenceBoard, type PresenceNotice } from "../../../../server/presence/board";

const notice = (
  userId: string,
  state: "open" | "closed",
  at: number,
  caseId = "c1",
): PresenceNotice => ({
  caseId,
  userId,
  displayName: userId === "u1" ? "Mai Anh" : "Chen Hao",
  role: "agent",
  state,
  at,
});

describe("presence board", () => {
  test("reports a change when someone comes or goes, not on a heartbeat", () => {
    const board = new PresenceBoard(60_000);
    expect(board.apply(notice("u1", "open", 1_000))).toBe(true);
    expect(board.apply(notice("u1", "open", 21_000))).toBe(false);
    expect(board.apply(notice("u2", "open", 22_000))).toBe(true);
    expect(board.viewers("c1").map((v) => v.displayName)).toEqual(["Chen Hao", "Mai Anh"]);
    expect(board.viewers("c1")[1]?.expiresAt).toBe(new Date(81_000).toISOString());
    expect(board.apply(notice("u2", "closed", 23_000))).toBe(true);
    expect(board.viewers("c1").map((v) => v.userId)).toEqual(["u1"]);
    expect(board.openCases()).toEqual(["c1"]);
  });

  test("a notice arriving twice or late (another process, NOTIFY after the local apply) changes nothing", () => {
    const board = new PresenceBoard(60_000);
    board.apply(notice("u1", "open", 1_000));
    board.apply(notice("u1", "closed", 2_000));
    // The "open" from before the close, delivered again through NOTIFY: older, ignored.
    expect(board.apply(notice("u1", "open", 1_000))).toBe(false);
    expect(board.apply(notice("u1", "closed", 2_000))).toBe(false);
    expect(board.viewers("c1")).toEqual([]);
  });

  test("entries expire a TTL after their last heartbeat, and only open ones count as a change", () => {
    const board = new PresenceBoard(60_000);
    board.apply(notice("u1", "open", 0));
    board.apply(notice("u2", "open", 0, "c2"));
    board.apply(notice("u2", "closed", 10_000, "c2"));
    board.apply(notice("u1", "open", 30_000));
    expect(board.sweep(65_000)).toEqual([]);
    expect(board.sweep(90_000)).toEqual(["c1"]);
    expect(board.viewers("c1")).toEqual([]);
    expect(board.openCases()).toEqual([]);
  });
});
