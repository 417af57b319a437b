// @vitest-environment jsdom
import type { CaseDetail } from "@shared/domain/appeal";
import type { DeskAction } from "@shared/domain/desk-action";
import { checkDecision, decisionCaseOf, formatLocaleMoney } from "@shared/money";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { I18nextProvider } from "react-i18next";
import { afterEach, describe, expect, test, vi } from "vitest";
import { DecisionDialog } from "../../../../renderer/src/actions/decision-dialog";
import { DECISION_TEMPLATES } from "../../../../renderer/src/actions/templates";
import { createI18n } from "../../../../renderer/src/i18n/i18n";
import { detail } from "../../../support/case-detail";

afterEach(cleanup);

const RATIONALE = "Only part of the order was delivered to the payer.";

function renderDialog(language: "en" | "vi" | "zh-Hans" = "en", caseDetail = detail({ id: "c1" })) {
  const onSubmit = vi.fn(async (_action: DeskAction) => undefined);
  const onClose = vi.fn();
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <DecisionDialog detail={caseDetail} open onClose={onClose} onSubmit={onSubmit} />
    </I18nextProvider>,
  );
  return { onSubmit, onClose };
}

/** The payment complaint: 5,798,000 VND, the payer complains about the merchant. */
function paymentCase(): CaseDetail {
  const base = detail({ id: "p1" });
  return {
    ...base,
    kind: "payment",
    reason: "duplicate_charge",
    amount: "5798000",
    currency: "VND",
    complainant: { ...base.complainant, side: "payer", displayName: "Lê Thị Hoa" },
    respondent: { ...base.respondent, side: "merchant", displayName: "Cửa hàng Minh Châu" },
    trade: null,
    payment: {
      transactionId: "TX-9",
      amount: "5798000",
      currency: "VND",
      merchant: "Cửa hàng Minh Châu",
      method: "Ví điện tử",
      occurredAt: "2026-03-02T01:00:00.000Z",
    },
  };
}

/** The same P2P trade with the seller as the complainant. */
function sellerComplains(): CaseDetail {
  const base = detail({ id: "s1" });
  return {
    ...base,
    reason: "payment_not_received",
    complainant: { ...base.respondent, role: "complainant" },
    respondent: { ...base.complainant, role: "respondent" },
  };
}

function choose(outcome: string) {
  const group = screen.getByRole("radiogroup", { name: /Outcome|Kết quả|裁决结果/ });
  fireEvent.click(group.querySelector(`input[value="${outcome}"]`) as HTMLInputElement);
}

describe("DecisionDialog", () => {
  test("refuses a missing outcome and a short rationale, in words, before any confirmation", () => {
    const { onSubmit } = renderDialog();
    fireEvent.click(screen.getByRole("button", { name: "Submit decision" }));
    expect(screen.getByText("Choose an outcome.")).toBeTruthy();
    expect(screen.getByText(/Write at least 20 characters/)).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  test("offers a payment complaint no crypto release, and a trade no refund", () => {
    renderDialog("en", paymentCase());
    const outcomes = screen.getByRole("radiogroup", { name: "Outcome" });
    expect(outcomes.querySelector('input[value="release"]')).toBeNull();
    expect(outcomes.querySelector('input[value="partial_refund"]')).not.toBeNull();
    cleanup();
    renderDialog("en");
    const trade = screen.getByRole("radiogroup", { name: "Outcome" });
    expect(trade.querySelector('input[value="partial_refund"]')).toBeNull();
  });

  test("a Vietnamese agent's 200.000 is two hundred thousand, shown as money and queued exactly", async () => {
    const { onSubmit } = renderDialog("vi", paymentCase());
    choose("partial_refund");
    fireEvent.change(screen.getByLabelText(/Số tiền hoàn/), { target: { value: "200.000" } });
    expect(screen.getByText("Đọc là 200.000 ₫ · Đồng Việt Nam")).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Lý do quyết định/), { target: { value: RATIONALE } });
    fireEvent.click(screen.getByRole("button", { name: "Gửi quyết định" }));
    expect(
      screen.getByText(/Lê Thị Hoa \(Người trả tiền, Bên khiếu nại\) sẽ được hoàn 200\.000\s₫/),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Xác nhận quyết định" }));
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0]).toEqual({
      type: "decision",
      body: {
        outcome: "partial_refund",
        favouredParty: "complainant",
        amount: "200000",
        rationale: RATIONALE,
      },
    });
  });

  test("refuses over the disputed amount with the limit, and VND decimals, in the agent's words", () => {
    const { onSubmit } = renderDialog("vi", paymentCase());
    choose("partial_refund");
    const amount = screen.getByLabelText(/Số tiền hoàn/);
    fireEvent.change(screen.getByLabelText(/Lý do quyết định/), { target: { value: RATIONALE } });
    fireEvent.change(amount, { target: { value: "99.999.999" } });
    fireEvent.click(screen.getByRole("button", { name: "Gửi quyết định" }));
    expect(screen.getByText("Không vượt quá số tiền tranh chấp (5.798.000 ₫).")).toBeTruthy();
    fireEvent.change(amount, { target: { value: "1000,5" } });
    fireEvent.click(screen.getByRole("button", { name: "Gửi quyết định" }));
    expect(screen.getAllByText("VND có tối đa 0 chữ số thập phân.").length).toBeGreaterThan(0);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  test("states the consequence in plain words, then queues the contract's body", async () => {
    const { onSubmit } = renderDialog();
    choose("release");
    expect(screen.getByText(/Nguyễn Văn An \(Buyer, Complainant\)/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Rationale/), {
      target: { value: "  The transfer receipt matches the order amount and time.  " },
    });
    fireEvent.click(screen.getByRole("button", { name: "Submit decision" }));
    expect(
      screen.getByText(
        /The escrowed 40 USDT will be released to Nguyễn Văn An \(Buyer, Complainant\)/,
      ),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Confirm decision" }));
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0]).toEqual({
      type: "decision",
      body: {
        outcome: "release",
        favouredParty: "complainant",
        rationale: "The transfer receipt matches the order amount and time.",
      },
    });
  });

  test("a template fills the outcome and a rationale with the case's facts, in the agent's language", () => {
    renderDialog("vi");
    fireEvent.change(screen.getByLabelText("Mẫu"), { target: { value: "paidNotReleased" } });
    const rationale = screen.getByLabelText(/Lý do quyết định/) as HTMLTextAreaElement;
    expect(rationale.value).toContain("Nguyễn Văn An");
    expect(rationale.value).toContain("ORD-1");
    expect(rationale.value).not.toMatch(/\{\w+\}/);
    const release = screen.getByRole("radio", {
      name: "Mở khóa coin cho người mua",
    }) as HTMLInputElement;
    expect(release.checked).toBe(true);
  });

  // Every template, with the buyer complaining and with the seller complaining (and the payment
  // templates on a payment case): the confirmation names the party the stored decision pays.
  const orientations: [string, () => CaseDetail][] = [
    ["buyer complains", () => detail({ id: "b1" })],
    ["seller complains", sellerComplains],
    ["payer complains", paymentCase],
  ];
  for (const [orientation, makeCase] of orientations) {
    for (const template of DECISION_TEMPLATES) {
      const caseDetail = makeCase();
      const offered = caseDetail.kind === "p2p_trade" ? ["release", "cancel_order"] : null;
      if (
        offered
          ? !offered.includes(template.outcome)
          : ["release", "cancel_order"].includes(template.outcome)
      )
        continue;
      test(`template ${template.id}, ${orientation}: the confirmation and the stored decision name the same receiver`, async () => {
        const { onSubmit } = renderDialog("en", caseDetail);
        fireEvent.change(screen.getByLabelText("Template"), { target: { value: template.id } });
        if (template.outcome === "partial_refund") {
          fireEvent.change(screen.getByLabelText(/Amount to refund/), {
            target: { value: "1,000,000" },
          });
        }
        fireEvent.click(screen.getByRole("button", { name: "Submit decision" }));
        const confirmation = document.querySelector(".consequence")?.textContent ?? "";
        fireEvent.click(screen.getByRole("button", { name: "Confirm decision" }));
        await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
        const action = onSubmit.mock.calls[0]?.[0];
        if (action?.type !== "decision") throw new Error("no decision queued");
        // What the server stores: the shared check of the queued body against the same case.
        const stored = checkDecision(decisionCaseOf(caseDetail), action.body, { now: new Date() });
        if (!stored.ok) throw new Error(JSON.stringify(stored.errors));
        const role = stored.decision.favouredParty;
        expect(role).not.toBeNull();
        if (!role) return;
        expect(caseDetail[role].side).toBe(stored.decision.receiverSide);
        expect(confirmation).toContain(caseDetail[role].displayName);
        const other = role === "complainant" ? "respondent" : "complainant";
        expect(confirmation).not.toContain(caseDetail[other].displayName);
        if (stored.decision.amount && stored.decision.currency) {
          expect(confirmation).toContain(
            formatLocaleMoney(stored.decision.amount, stored.decision.currency, "en"),
          );
        }
        // The template's own rationale names the receiver too.
        expect(action.body.rationale).toContain(caseDetail[role].displayName);
      });
    }
  }
});
