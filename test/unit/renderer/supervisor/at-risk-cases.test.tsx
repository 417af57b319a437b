// @vitest-environment jsdom
import type { User } from "@shared/domain/user";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { I18nextProvider } from "react-i18next";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { CachedCase, DeskData } from "../../../../renderer/src/desk-data";
import { createI18n } from "../../../../renderer/src/i18n/i18n";
import { AtRiskCases } from "../../../../renderer/src/supervisor/oversight-dashboard";
import { bareSummary as summary } from "../../../support/case-detail";

afterEach(cleanup);

const past = new Date(Date.now() - 3_600_000).toISOString();
const agents: User[] = [
  { id: "u-agent1", username: "agent1", displayName: "Mai Anh", role: "agent" },
  { id: "u-agent2", username: "agent2", displayName: "Wang Lei", role: "agent" },
] as User[];

function setup(rows: CachedCase[]) {
  const enqueue = vi.fn(async () => ({ seq: 1, idempotencyKey: "k" }));
  const data = { allCases: async () => rows, enqueue } as unknown as DeskData;
  render(
    <I18nextProvider i18n={createI18n("en")}>
      <AtRiskCases data={data} agents={agents} region="" />
    </I18nextProvider>,
  );
  return enqueue;
}

describe("dashboard: cases at risk", () => {
  test("references link to the case; a reassignment is confirmed before it is queued", async () => {
    const row = summary("c1", {
      status: "in_review",
      assigneeId: "u-agent1",
      warnAt: past,
      dueAt: past,
    }) as CachedCase;
    const enqueue = setup([row]);
    const link = await screen.findByRole("link", { name: row.reference });
    expect(link.getAttribute("href")).toBe("#/cases/c1");
    fireEvent.change(screen.getByRole("combobox"), { target: { value: "u-agent2" } });
    expect(enqueue).not.toHaveBeenCalled();
    expect(screen.getByText(/moves from Mai Anh to Wang Lei/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Reassign" }));
    expect(enqueue).toHaveBeenCalledWith("c1", {
      type: "reassign",
      body: { assignee: "u-agent2" },
    });
  });

  test("a case the lifecycle will not let move says why instead of offering agents", async () => {
    const row = summary("c2", { status: "decided", warnAt: past, dueAt: past }) as CachedCase;
    setup([row]);
    const cell = await screen.findByText(/cannot be reassigned/);
    expect(cell.textContent).toContain("Decided");
    expect(within(document.body).queryByRole("combobox")).toBeNull();
  });
});
