// @vitest-environment jsdom
import type { Reply } from "@shared/api/replies";
import type { DeskAction } from "@shared/domain/desk-action";
import { formatLocaleMoney } from "@shared/money";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { I18nextProvider } from "react-i18next";
import { afterEach, describe, expect, test, vi } from "vitest";
import { DecisionDialog } from "../../../../renderer/src/actions/decision-dialog";
import { createI18n } from "../../../../renderer/src/i18n/i18n";
import { detail } from "../../../support/case-detail";

afterEach(cleanup);

function macro(id: string, outcome: Reply["outcome"], vi: string): Reply {
  return {
    id,
    kind: "decision_macro",
    title: `Macro ${id}`,
    bodies: { vi, "zh-Hans": "买方已付款。", "zh-Hant": "買方已付款。", en: "The buyer paid." },
    outcome,
    tags: [],
    archived: false,
    version: 1,
    seq: 1,
    updatedAt: "2026-03-02T02:00:00.000Z",
    updatedBy: "u-supervisor1",
  };
}

const RELEASE = macro(
  "rp-release",
  "release",
  "Bên mua đã chứng minh chuyển khoản {amount} cho đơn {order} thành công. Tài sản được giải phóng cho bên mua.",
);
/** A payment outcome: not offered on a P2P trade, so not listed. */
const REFUND = macro(
  "rp-refund",
  "full_refund",
  "Hoàn tiền toàn bộ {amount} cho người thanh toán.",
);

describe("decision macros in the decision dialog", () => {
  test("a macro pre-fills outcome and the rationale in the party's language; the decision is still the checked one", async () => {
    const onSubmit = vi.fn(async (_action: DeskAction) => undefined);
    const c = detail({ id: "c5" });
    render(
      <I18nextProvider i18n={createI18n("en")}>
        <DecisionDialog
          detail={c}
          macros={[RELEASE, REFUND]}
          open
          onClose={() => undefined}
          onSubmit={onSubmit}
        />
      </I18nextProvider>,
    );
    const select = screen.getByLabelText("Template") as HTMLSelectElement;
    const labels = [...select.options].map((o) => o.textContent);
    expect(labels).toContain("Macro rp-release");
    expect(labels).not.toContain("Macro rp-refund");
    fireEvent.change(select, { target: { value: "macro:rp-release" } });
    const outcomes = screen.getByRole("radiogroup", { name: "Outcome" });
    expect((outcomes.querySelector('input[value="release"]') as HTMLInputElement).checked).toBe(
      true,
    );
    const rationale = `Bên mua đã chứng minh chuyển khoản ${formatLocaleMoney("1000000", "VND", "vi-VN")} cho đơn ORD-1 thành công. Tài sản được giải phóng cho bên mua.`;
    expect((screen.getByLabelText(/Rationale/) as HTMLTextAreaElement).value).toBe(rationale);
    fireEvent.click(screen.getByRole("button", { name: "Submit decision" }));
    fireEvent.click(await screen.findByRole("button", { name: "Confirm decision" }));
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({
      type: "decision",
      body: { outcome: "release", rationale },
    });
  });
});
