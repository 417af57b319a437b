import { describe, expect, it } from "vitest";
import {
  afterFailure,
  nextUpload,
} from "../../../../../renderer/src/desk-data/uploads/upload-logic";
import type { QueuedUpload } from "../../../../../renderer/src/desk-data/uploads/upload-types";
import { bareDetail } from "../../../../support/case-detail";

function upload(overrides: Partial<QueuedUpload> & { id: string }): QueuedUpload {
  return {
    caseId: "c1",
    file: new Blob(["x"]),
    fileName: "a.png",
    mimeType: "image/png",
    size: 1,
    sha256: "0".repeat(64),
    description: "",
    baseVersion: 3,
    state: "pending",
    actorId: "u-agent1",
    createdAt: 0,
    attempts: 0,
    nextAttemptAt: 0,
    lastError: null,
    lastErrorCode: null,
    lastStatus: null,
    ...overrides,
  };
}
const failure = (status: number, body: unknown = null) => ({
  status,
  message: "m",
  code: null,
  body,
  retryAfterMs: null,
});

describe("which upload goes next", () => {
  it("sends the oldest due one, skipping failed ones and cases with actions still queued", () => {
    const uploads = [
      upload({ id: "late", createdAt: 3 }),
      upload({ id: "failed", createdAt: 0, state: "failed" }),
      upload({ id: "busy", createdAt: 1, caseId: "c2" }),
      upload({ id: "first", createdAt: 2 }),
    ];
    expect(nextUpload(uploads, 10, (c) => c === "c2").due?.id).toBe("first");
  });

  it("says how long to wait when nothing is due", () => {
    const uploads = [
      upload({ id: "a", nextAttemptAt: 500 }),
      upload({ id: "b", nextAttemptAt: 300 }),
    ];
    expect(nextUpload(uploads, 100, () => false)).toEqual({ due: null, waitMs: 200 });
    expect(nextUpload([], 100, () => false).waitMs).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("what a failed attempt does", () => {
  it("retries unreachable and busy servers later under the same key", () => {
    for (const status of [0, 408, 429, 503]) {
      const outcome = afterFailure(
        upload({ id: "a", attempts: 1 }),
        failure(status),
        1_000,
        () => 0.5,
      );
      expect(outcome.kind).toBe("update");
      expect(outcome.changes.state).toBeUndefined();
      expect(outcome.changes.attempts).toBe(2);
      expect(outcome.changes.nextAttemptAt).toBeGreaterThanOrEqual(1_000);
    }
  });

  it("moves to the version a 412 carries and goes again at once", () => {
    const current = { ...bareDetail("c1"), version: 9 };
    const outcome = afterFailure(
      upload({ id: "a" }),
      failure(412, { type: "x", title: "Precondition failed", status: 412, current }),
      1_000,
      () => 0.5,
    );
    expect(outcome.changes).toMatchObject({ baseVersion: 9, nextAttemptAt: 1_000 });
  });

  it("backs off a 412 without the current case, and after several in a row", () => {
    const bare = afterFailure(upload({ id: "a" }), failure(412), 1_000, () => 0.99);
    expect(bare.changes.baseVersion).toBeUndefined();
    expect(bare.changes.nextAttemptAt).toBeGreaterThan(1_000);
    const current = { ...bareDetail("c1"), version: 9 };
    const body = { type: "x", title: "t", status: 412, current };
    const fifth = afterFailure(
      upload({ id: "a", attempts: 4 }),
      failure(412, body),
      1_000,
      () => 0.99,
    );
    expect(fifth.changes.nextAttemptAt).toBeGreaterThan(1_000);
  });

  it("pauses on 401 and fails for good on other refusals", () => {
    expect(afterFailure(upload({ id: "a" }), failure(401), 0, () => 0).kind).toBe("pause");
    for (const status of [403, 409, 413, 415, 422]) {
      expect(afterFailure(upload({ id: "a" }), failure(status), 0, () => 0).changes.state).toBe(
        "failed",
      );
    }
  });
});
