// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { I18nextProvider } from "react-i18next";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { WorkstationAction } from "../../../renderer/src/actions/action-types";
import { DecisionDialog } from "../../../renderer/src/actions/decision-dialog";
import { createI18n } from "../../../renderer/src/i18n/i18n";
import { detail } from "./fixtures";

afterEach(cleanup);

function renderDialog(language: "en" | "vi" | "zh-Hans" = "en") {
  const onSubmit = vi.fn(async (_action: WorkstationAction) => undefined);
  const onClose = vi.fn();
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <DecisionDialog detail={detail({ id: "c1" })} open onClose={onClose} onSubmit={onSubmit} />
    </I18nextProvider>,
  );
  return { onSubmit, onClose };
}

describe("DecisionDialog", () => {
  test("refuses a missing outcome and a short rationale, in words, before any confirmation", () => {
    const { onSubmit } = renderDialog();
    fireEvent.click(screen.getByRole("button", { name: "Submit decision" }));
    expect(screen.getByText("Choose an outcome.")).toBeTruthy();
    expect(screen.getByText(/Write at least 20 characters/)).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  test("a partial refund needs an amount no larger than the disputed one", () => {
    renderDialog();
    const outcome = screen.getByRole("radiogroup", { name: "Outcome" });
    fireEvent.click(outcome.querySelector('input[value="partial_refund"]') as HTMLInputElement);
    fireEvent.change(screen.getByLabelText(/Amount to refund/), { target: { value: "2000000" } });
    fireEvent.change(screen.getByLabelText(/Rationale/), {
      target: { value: "Only part of the order was delivered to the buyer." },
    });
    fireEvent.click(screen.getByRole("button", { name: "Submit decision" }));
    expect(screen.getByText(/Not more than the disputed amount/)).toBeTruthy();
  });

  test("states the consequence in plain words, then queues the contract's body", async () => {
    const { onSubmit } = renderDialog();
    const outcome = screen.getByRole("radiogroup", { name: "Outcome" });
    fireEvent.click(outcome.querySelector('input[value="release"]') as HTMLInputElement);
    fireEvent.change(screen.getByLabelText(/Rationale/), {
      target: { value: "  The transfer receipt matches the order amount and time.  " },
    });
    fireEvent.click(screen.getByRole("button", { name: "Submit decision" }));
    expect(
      screen.getByText(/The escrowed 40 USDT will be released to Nguyễn Văn An \(Buyer\)/),
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
});
