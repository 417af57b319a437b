// @vitest-environment jsdom
import type { RoutingAgent } from "@shared/api/routing";
import type { User } from "@shared/domain/user";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { I18nextProvider } from "react-i18next";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { CachedCase, DeskData } from "../../../../renderer/src/desk-data";
import { createI18n } from "../../../../renderer/src/i18n/i18n";
import type { RoutingApi } from "../../../../renderer/src/routing/routing-api";
import { AtRiskCases } from "../../../../renderer/src/supervisor/oversight-dashboard";
import { detail, bareSummary as summary } from "../../../support/case-detail";

afterEach(cleanup);

const past = new Date(Date.now() - 3_600_000).toISOString();
const agents: User[] = [
  { id: "u-agent1", username: "agent1", displayName: "Mai Anh", role: "agent" },
  { id: "u-agent2", username: "agent2", displayName: "Wang Lei", role: "agent" },
] as User[];

function setup(rows: CachedCase[]) {
  const reassign = vi.fn(async () => ({}));
  const data = {
    allCases: async () => rows,
    observeCase: (id: string, listener: (view: unknown) => void) => {
      const row = rows.find((r) => r.id === id);
      listener(
        row ? { detail: detail({ ...row }), summary: row, queued: [], isStale: false } : undefined,
      );
      return () => undefined;
    },
    syncNow: async () => undefined,
  } as unknown as DeskData;
  const team: RoutingAgent[] = agents.map((a) => ({
    ...a,
    languages: ["vi"],
    regions: ["VN"],
    kinds: ["p2p_trade"],
    capacity: 20,
    load: 2,
    presence: "online",
    paused: false,
  }));
  const routing = {
    team: async () => ({ agents: team, waiting: 0 }),
    reassign,
  } as unknown as RoutingApi;
  render(
    <I18nextProvider i18n={createI18n("en")}>
      <AtRiskCases data={data} agents={agents} region="" routing={routing} />
    </I18nextProvider>,
  );
  return reassign;
}

describe("dashboard: cases at risk", () => {
  test("references link to the case; a reassignment opens the dialog and is confirmed before it is sent", async () => {
    const row = summary("c1", {
      status: "in_review",
      assigneeId: "u-agent1",
      warnAt: past,
      dueAt: past,
    }) as CachedCase;
    const reassign = setup([row]);
    const link = await screen.findByRole("link", { name: row.reference });
    expect(link.getAttribute("href")).toBe("#/cases/c1");
    fireEvent.click(screen.getByRole("button", { name: `Reassign case ${row.reference}` }));
    fireEvent.click(await screen.findByRole("radio", { name: /Wang Lei/ }));
    fireEvent.click(screen.getByRole("button", { name: "Continue" }));
    expect(reassign).not.toHaveBeenCalled();
    expect(screen.getByText(/moves from Mai Anh to Wang Lei/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Reassign" }));
    await screen.findByText(/is now with Wang Lei/);
    expect(reassign).toHaveBeenCalledWith("c1", row.version, { assignee: "u-agent2" });
  });

  test("a case the lifecycle will not let move says why instead of offering agents", async () => {
    const row = summary("c2", { status: "decided", warnAt: past, dueAt: past }) as CachedCase;
    setup([row]);
    const cell = await screen.findByText(/cannot be reassigned/);
    expect(cell.textContent).toContain("Decided");
    expect(within(document.body).queryByRole("button", { name: /Reassign/ })).toBeNull();
  });
});
