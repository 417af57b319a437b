// @vitest-environment jsdom
import { PROBLEM_TYPE_BASE } from "@shared/api/problem-types";
import type { RoutingAgent } from "@shared/api/routing";
import type { CaseDetail } from "@shared/domain/appeal";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { I18nextProvider } from "react-i18next";
import { afterEach, describe, expect, test, vi } from "vitest";
import { ApiError } from "../../../../renderer/src/api/api-error";
import type { CachedCase, DeskData } from "../../../../renderer/src/desk-data";
import { createI18n } from "../../../../renderer/src/i18n/i18n";
import type { RoutingApi } from "../../../../renderer/src/routing/routing-api";
import { ReassignDialog } from "../../../../renderer/src/supervisor/reassign-dialog";
import { detail } from "../../../support/case-detail";

afterEach(cleanup);

const member = (patch: Partial<RoutingAgent> & { id: string }): RoutingAgent => ({
  username: patch.id,
  displayName: patch.id,
  role: "agent",
  languages: ["vi", "en"],
  regions: ["VN"],
  kinds: ["p2p_trade", "payment"],
  capacity: 10,
  load: 3,
  presence: "online",
  paused: false,
  ...patch,
});

function rowOf(d: CaseDetail): CachedCase {
  return {
    ...d,
    assigneeKey: d.assigneeId ?? "",
    escalatedKey: "",
    amountValue: 0,
    pendingCount: 0,
  };
}

function setup(caseDetail: CaseDetail, team: RoutingAgent[], reassign = vi.fn(async () => ({}))) {
  const data = {
    observeCase: (_id: string, listener: (view: unknown) => void) => {
      listener({ detail: caseDetail, summary: caseDetail, queued: [], isStale: false });
      return () => undefined;
    },
    syncNow: vi.fn(async () => undefined),
  } as unknown as DeskData;
  const api = {
    team: vi.fn(async () => ({ agents: team, waiting: 0 })),
    reassign,
  } as unknown as RoutingApi;
  const onClose = vi.fn();
  render(
    <I18nextProvider i18n={createI18n("en")}>
      <ReassignDialog
        api={api}
        data={data}
        row={rowOf(caseDetail)}
        nameOf={(id) => team.find((a) => a.id === id)?.displayName ?? String(id)}
        onClose={onClose}
      />
    </I18nextProvider>,
  );
  return { api, reassign, onClose };
}

describe("reassign dialog", () => {
  test("shows names, load, presence and skills; greys out who lacks the skill; confirms the change", async () => {
    const caseDetail = detail({ id: "c1", status: "in_review", assigneeId: "u-a1" });
    const { reassign } = setup(caseDetail, [
      member({ id: "u-a1", displayName: "Mai Anh" }),
      member({ id: "u-a2", displayName: "Chen Hao", presence: "away", load: 4 }),
      member({ id: "u-a3", displayName: "Lý Minh", languages: ["zh"], regions: ["CN"] }),
      member({ id: "u-s1", displayName: "Linh Tran", role: "supervisor" }),
    ]);
    const chen = await screen.findByRole("radio", { name: /Chen Hao/ });
    // The holder and supervisors are not offered for first-stage work.
    expect(screen.queryByRole("radio", { name: /Mai Anh/ })).toBeNull();
    expect(screen.queryByRole("radio", { name: /Linh Tran/ })).toBeNull();
    const chenRow = chen.closest("tr") as HTMLElement;
    expect(within(chenRow).getByText("4 / 10")).toBeTruthy();
    expect(within(chenRow).getByText("Away")).toBeTruthy();
    expect(
      within(chenRow).getByText(/Vietnamese, English · Vietnam · P2P trade, Payment/),
    ).toBeTruthy();
    const ly = screen.getByRole("radio", { name: /Lý Minh/ }) as HTMLInputElement;
    expect(ly.disabled).toBe(true);
    expect(
      within(ly.closest("tr") as HTMLElement).getByText("Does not cover this case"),
    ).toBeTruthy();
    // Nothing raw: no user id anywhere in the dialog.
    expect(document.body.textContent).not.toMatch(/u-a\d/);

    fireEvent.click(chen);
    fireEvent.click(screen.getByRole("button", { name: "Continue" }));
    expect(reassign).not.toHaveBeenCalled();
    expect(screen.getByText(/moves from Mai Anh to Chen Hao/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Reassign" }));
    await screen.findByText(/is now with Chen Hao/);
    expect(reassign).toHaveBeenCalledWith("c1", caseDetail.version, { assignee: "u-a2" });
  });

  test("asks before giving a case to someone at capacity, and says so to the server", async () => {
    const caseDetail = detail({ id: "c2", status: "in_review", assigneeId: null });
    const { reassign } = setup(caseDetail, [
      member({ id: "u-a2", displayName: "Chen Hao", load: 10 }),
    ]);
    fireEvent.click(await screen.findByRole("radio", { name: /Chen Hao/ }));
    expect(screen.getByText("Full")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Continue" }));
    expect(screen.getByText(/already holds 10 open cases and their capacity is 10/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Assign anyway" }));
    await screen.findByText(/is now with Chen Hao/);
    expect(reassign).toHaveBeenCalledWith("c2", caseDetail.version, {
      assignee: "u-a2",
      confirmOverCapacity: true,
    });
  });

  test("never offers a second-stage review to a first decider (four-eyes)", async () => {
    const base = detail({ id: "c3", stage: "second", status: "second_stage", assigneeId: null });
    const decision = {
      id: "d1",
      stage: "first" as const,
      outcome: "release" as const,
      favouredParty: "complainant" as const,
      amount: "40",
      rationale: "The receipt matches the order amount and time.",
      decidedBy: "u-s1",
      decidedAt: "2026-03-02T03:00:00.000Z",
      receiverSide: "buyer" as const,
      currency: "USDT" as const,
      terms: null,
    };
    setup({ ...base, decisions: [decision] }, [
      member({ id: "u-s1", displayName: "Linh Tran", role: "supervisor" }),
      member({ id: "u-s2", displayName: "Wei Zhang", role: "supervisor" }),
      member({ id: "u-a1", displayName: "Mai Anh" }),
    ]);
    const linh = (await screen.findByRole("radio", { name: /Linh Tran/ })) as HTMLInputElement;
    expect(linh.disabled).toBe(true);
    expect(screen.getByText("Took the first decision (four-eyes)")).toBeTruthy();
    expect((screen.getByRole("radio", { name: /Wei Zhang/ }) as HTMLInputElement).disabled).toBe(
      false,
    );
    expect(screen.queryByRole("radio", { name: /Mai Anh/ })).toBeNull();
  });

  test("explains a refusal from the server in the user's language and changes nothing", async () => {
    const caseDetail = detail({ id: "c4", status: "in_review", assigneeId: null });
    const refusal = new ApiError("refused", 422, {
      type: `${PROBLEM_TYPE_BASE}missing-skill`,
      title: "Missing skill",
      status: 422,
    });
    const reassign = vi.fn(async () => {
      throw refusal;
    });
    const { api } = setup(caseDetail, [member({ id: "u-a2", displayName: "Chen Hao" })], reassign);
    fireEvent.click(await screen.findByRole("radio", { name: /Chen Hao/ }));
    fireEvent.click(screen.getByRole("button", { name: "Continue" }));
    fireEvent.click(screen.getByRole("button", { name: "Reassign" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe(
      "Not reassigned: This agent does not cover the case's language, region or case type.",
    );
    // Back at the picker, with the team read again.
    await vi.waitFor(() => expect(api.team).toHaveBeenCalledTimes(2));
    expect(screen.getByRole("radio", { name: /Chen Hao/ })).toBeTruthy();
  });
});
