import type { DeskAction } from "@shared/domain/desk-action";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  isRedundant,
  nextToPush,
  projectSummary,
  rebaseAfterAck,
} from "../../../../../renderer/src/desk-data/outbox/outbox-logic";
import type {
  OutboxEntry,
  OutboxState,
} from "../../../../../renderer/src/desk-data/outbox/outbox-types";
import { bareSummary as summary } from "../../../../support/case-detail";

type Sequenced = OutboxEntry & { seq: number };

function entry(
  seq: number,
  caseId: string,
  action: DeskAction,
  patch: Partial<OutboxEntry> = {},
): Sequenced {
  return {
    seq,
    idempotencyKey: `k-${seq}`,
    caseId,
    action,
    baseVersion: 1,
    baseSummary: null,
    state: "pending",
    actorId: "agent1",
    createdAt: seq,
    attempts: 0,
    nextAttemptAt: 0,
    lastError: null,
    lastStatus: null,
    ...patch,
  };
}
const note = (text: string): DeskAction => ({ type: "notes", body: { text } });
const claim: DeskAction = { type: "claim", body: {} };
const release: DeskAction = { type: "release", body: {} };

const arbitraryOutbox = fc
  .array(
    fc.record({
      caseId: fc.constantFrom("a", "b", "c"),
      state: fc.constantFrom<OutboxState>("pending", "pending", "pending", "conflict", "failed"),
    }),
    { maxLength: 30 },
  )
  .map((rows) => rows.map((r, i) => entry(i + 1, r.caseId, note(`n${i}`), { state: r.state })));

describe("nextToPush", () => {
  test("draining the outbox pushes every sendable entry once, in seq order, and none after its case's conflict", () => {
    fc.assert(
      fc.property(arbitraryOutbox, (outbox) => {
        const shuffled = [...outbox].reverse(); // input order must not matter
        const pushed: Sequenced[] = [];
        let remaining = shuffled;
        for (;;) {
          const next = nextToPush(remaining);
          if (!next) break;
          pushed.push(next);
          remaining = remaining.filter((e) => e.seq !== next.seq);
        }
        const seqs = pushed.map((e) => e.seq);
        expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
        for (const e of outbox) {
          const firstConflict = outbox.find((c) => c.caseId === e.caseId && c.state === "conflict");
          const shouldPush = e.state === "pending" && (!firstConflict || e.seq < firstConflict.seq);
          expect(seqs.includes(e.seq)).toBe(shouldPush);
        }
      }),
    );
  });

  test("a conflict stops only its own case", () => {
    const outbox = [
      entry(1, "a", note("1"), { state: "conflict" }),
      entry(2, "a", note("2")),
      entry(3, "b", note("3")),
    ];
    expect(nextToPush(outbox)?.seq).toBe(3);
  });
});

describe("rebaseAfterAck", () => {
  test("later entries on the same base follow the acked entry's new version; others keep theirs", () => {
    const outbox = [
      entry(1, "a", claim, { baseVersion: 4 }),
      entry(2, "a", note("x"), { baseVersion: 4 }),
      entry(3, "b", note("y"), { baseVersion: 4 }),
      entry(4, "a", note("z"), { baseVersion: 9 }),
    ];
    expect(rebaseAfterAck(outbox, outbox[0]!, 5)).toEqual([{ seq: 2, baseVersion: 5 }]);
  });

  test("a chain of actions taken offline on one case reaches the server with consecutive versions", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 1000 }), (n, base) => {
        let outbox = Array.from({ length: n }, (_, i) =>
          entry(i + 1, "a", note(`${i}`), { baseVersion: base }),
        );
        const sent: number[] = [];
        let version = base;
        while (outbox.length) {
          const next = nextToPush(outbox)!;
          expect(next.baseVersion).toBe(version); // the If-Match the server expects
          sent.push(next.baseVersion);
          version += 1;
          const updates = new Map(
            rebaseAfterAck(outbox, next, version).map((u) => [u.seq, u.baseVersion]),
          );
          outbox = outbox
            .filter((e) => e.seq !== next.seq)
            .map((e) => ({ ...e, baseVersion: updates.get(e.seq) ?? e.baseVersion }));
        }
        expect(sent).toEqual(Array.from({ length: n }, (_, i) => base + i));
      }),
    );
  });
});

describe("isRedundant", () => {
  test("a repeated claim or release coalesces; notes never do", () => {
    expect(isRedundant([entry(1, "a", claim)], claim)).toBe(true);
    expect(isRedundant([entry(1, "a", claim), entry(2, "a", release)], claim)).toBe(false);
    expect(isRedundant([entry(1, "a", claim, { state: "failed" })], claim)).toBe(false);
    expect(isRedundant([entry(1, "a", note("same"))], note("same"))).toBe(false);
  });
});

describe("projectSummary", () => {
  test("applies pending actions in order, skips failed ones, keeps the server's version", () => {
    const server = summary("c1", { version: 7 });
    const view = projectSummary(server, [
      entry(1, "c1", claim),
      entry(
        2,
        "c1",
        {
          type: "decision",
          body: {
            outcome: "release",
            favouredParty: "complainant",
            rationale: "Bank statement shows the transfer.",
          },
        },
        { state: "failed" },
      ),
      entry(3, "c1", { type: "escalate", body: { reason: "Large amount" } }),
    ]);
    expect(view).toMatchObject({
      status: "in_review",
      assigneeId: "agent1",
      needsSupervisor: true,
      version: 7,
    });
  });
});
