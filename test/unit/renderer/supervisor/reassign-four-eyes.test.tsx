// @vitest-environment jsdom
import type { User } from "@shared/domain/user";
import { cleanup, render, screen } from "@testing-library/react";
import { I18nextProvider } from "react-i18next";
import { afterEach, expect, test, vi } from "vitest";
import type { CachedCase, DeskData } from "../../../../renderer/src/desk-data";
import { createI18n } from "../../../../renderer/src/i18n/i18n";
import { ReassignSelect } from "../../../../renderer/src/supervisor/oversight-dashboard";
import { detail } from "../../../support/case-detail";

afterEach(cleanup);

const user = (id: string, role: User["role"]): User => ({
  id,
  username: id,
  displayName: id,
  role,
});

test("a second-stage case is never offered to anyone who took a first-stage decision on it", async () => {
  // s1 decided, the case reopened, a1 decided again; s3 holds the review now.
  const base = detail({ id: "c7", stage: "second", status: "supervisor_review", assigneeId: "s3" });
  const first = {
    id: "d1",
    stage: "first" as const,
    outcome: "release" as const,
    favouredParty: "complainant" as const,
    amount: "40",
    rationale: "The receipt matches the order amount and time.",
    decidedBy: "s1",
    decidedAt: "2026-03-02T03:00:00.000Z",
    receiverSide: "buyer" as const,
    currency: "USDT" as const,
    terms: null,
  };
  const caseDetail = {
    ...base,
    decisions: [first, { ...first, id: "d2", decidedBy: "a1" }],
  };
  const data: Pick<DeskData, "getCase" | "enqueue"> = {
    getCase: vi.fn(async () => ({
      detail: caseDetail,
      summary: caseDetail,
      queued: [],
      isStale: false,
    })),
    enqueue: vi.fn(),
  };
  const row = {
    ...caseDetail,
    assigneeKey: "s3",
    escalatedKey: "",
    amountValue: 0,
    pendingCount: 0,
  };
  render(
    <I18nextProvider i18n={createI18n("en")}>
      <ReassignSelect
        data={data as DeskData}
        agents={[user("s1", "supervisor"), user("s2", "supervisor"), user("s3", "supervisor")]}
        row={row satisfies CachedCase}
        onPick={vi.fn()}
      />
    </I18nextProvider>,
  );
  await vi.waitFor(() => expect(data.getCase).toHaveBeenCalledWith("c7"));
  await vi.waitFor(() => expect(screen.queryByRole("option", { name: "s1" })).toBeNull());
  expect(screen.getByRole("option", { name: "s2" })).toBeTruthy();
  // The current reviewer is not offered either; agents never take a second-stage case.
  expect(screen.queryByRole("option", { name: "s3" })).toBeNull();
});
