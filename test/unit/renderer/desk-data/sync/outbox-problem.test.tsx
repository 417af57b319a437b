// @vitest-environment jsdom
import { PROBLEM_TYPE_BASE } from "@shared/api/problem-types";
import { cleanup, render } from "@testing-library/react";
import { I18nextProvider } from "react-i18next";
import { afterEach, expect, test } from "vitest";
import { ApiError } from "../../../../../renderer/src/api/api-error";
import { PendingList } from "../../../../../renderer/src/case-workspace/case-workspace";
import { applyServerDetail } from "../../../../../renderer/src/desk-data/cases/case-cache";
import {
  type DeskDatabase,
  openDeskDatabase,
} from "../../../../../renderer/src/desk-data/cases/desk-db";
import {
  addToOutbox,
  outboxEntries,
} from "../../../../../renderer/src/desk-data/outbox/outbox-store";
import { createSyncStatusStore } from "../../../../../renderer/src/desk-data/sync/status-store";
import type { SyncApi } from "../../../../../renderer/src/desk-data/sync/sync-api";
import { SyncEngine } from "../../../../../renderer/src/desk-data/sync/sync-engine";
import { createI18n } from "../../../../../renderer/src/i18n/i18n";
import { vi } from "../../../../../renderer/src/i18n/locales/vi";
import { detail } from "../../../../support/case-detail";
import { FAKE_IDB, freshUser } from "../../../../support/fake-indexeddb";

const open: DeskDatabase[] = [];
afterEach(async () => {
  cleanup();
  for (const db of open.splice(0)) await db.delete();
});

/** A server that refuses every mutation with this problem (its English detail included). */
function refusing(status: number, slug: string | null): SyncApi {
  const problem = {
    type: slug ? `${PROBLEM_TYPE_BASE}${slug}` : "about:blank",
    title: "Refused",
    status,
    detail: "Only the assignee may add notes to this case.",
  };
  return {
    changes: () => Promise.reject(new Error("not used")),
    getCase: () => Promise.reject(new Error("not used")),
    mutate: () => Promise.reject(new ApiError(problem.detail, status, problem, problem)),
    evidenceContent: () => Promise.reject(new Error("not used")),
    uploadEvidence: () => Promise.reject(new Error("not used")),
    eventStream: () => ({ url: "http://invalid/events", headers: () => ({}) }),
  };
}

async function failedEntry(status: number, slug: string | null) {
  const db = openDeskDatabase(freshUser(), FAKE_IDB);
  open.push(db);
  await applyServerDetail(db, detail({ id: "c1", version: 2 }));
  await addToOutbox(db, "u-agent1", "c1", { type: "notes", body: { text: "Called the buyer" } });
  const engine = new SyncEngine({
    db,
    api: refusing(status, slug),
    status: createSyncStatusStore(),
    useLiveEvents: false,
  });
  await engine.pushRound();
  const [entry] = await outboxEntries(db, "c1");
  if (!entry) throw new Error("the refused entry is gone");
  return entry;
}

function shown(entry: Awaited<ReturnType<typeof failedEntry>>): string {
  const { container } = render(
    <I18nextProvider i18n={createI18n("vi")}>
      <PendingList queued={[entry]} />
    </I18nextProvider>,
  );
  return container.textContent ?? "";
}

test("a refused action keeps its problem type and reads in the agent's language", async () => {
  const entry = await failedEntry(403, "forbidden");
  expect(entry.state).toBe("failed");
  expect(entry.lastProblem).toBe("forbidden");
  const text = shown(entry);
  expect(text).toContain(vi.problems.forbidden);
  expect(text).not.toContain("Only the assignee");
});

test("a problem type the desk does not know reads as its status, not the server's English", async () => {
  const entry = await failedEntry(422, null);
  expect(entry.lastProblem).toBeNull();
  const text = shown(entry);
  expect(text).toContain(vi.problems.unknown.replace("{{status}}", "422"));
  expect(text).not.toContain("Only the assignee");
});
