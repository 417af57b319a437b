// @vitest-environment jsdom
import type { Reply } from "@shared/api/replies";
import type { DeskAction } from "@shared/domain/desk-action";
import { formatLocaleMoney } from "@shared/money";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { I18nextProvider } from "react-i18next";
import { afterEach, describe, expect, test, vi } from "vitest";
import { MessageForm } from "../../../../renderer/src/actions/action-forms";
import {
  insertAt,
  moveActive,
  pickerItems,
} from "../../../../renderer/src/actions/reply-picker-logic";
import { createI18n } from "../../../../renderer/src/i18n/i18n";
import { detail } from "../../../support/case-detail";

afterEach(cleanup);

function reply(id: string, title: string, vi: string, patch: Partial<Reply> = {}): Reply {
  return {
    id,
    kind: "reply",
    title,
    bodies: {
      vi,
      "zh-Hans": `{partyName}您好，${title}`,
      "zh-Hant": `{partyName}您好，${title}`,
      en: `Hello {partyName}: ${title}`,
    },
    outcome: null,
    tags: [],
    archived: false,
    version: 1,
    seq: 1,
    updatedAt: "2026-03-02T02:00:00.000Z",
    updatedBy: "u-supervisor1",
    ...patch,
  };
}

const REPLIES = [
  reply("rp-a", "Ask for proof of payment", "Chào {partyName}, vui lòng gửi biên lai {amount}."),
  reply("rp-b", "Refund on its way", "Chào {partyName}, khoản hoàn tiền đang được xử lý."),
  reply("rp-m", "Macro", "x", { kind: "decision_macro", outcome: "release" }),
  reply("rp-x", "Archived", "x", { archived: true }),
];

describe("picker logic", () => {
  test("searches titles first, then bodies, accent-insensitively; only live replies of the kind", () => {
    expect(pickerItems(REPLIES, "reply", "").map((r) => r.id)).toEqual(["rp-a", "rp-b"]);
    expect(pickerItems(REPLIES, "reply", "hoan tien").map((r) => r.id)).toEqual(["rp-b"]);
    expect(pickerItems(REPLIES, "reply", "REFUND").map((r) => r.id)).toEqual(["rp-b"]);
    expect(pickerItems(REPLIES, "decision_macro", "").map((r) => r.id)).toEqual(["rp-m"]);
  });
  test("arrows wrap around; insertion replaces the selection", () => {
    expect(moveActive(1, 1, 2)).toBe(0);
    expect(moveActive(0, -1, 2)).toBe(1);
    expect(moveActive(0, 1, 0)).toBe(-1);
    expect(insertAt("ab cd", "XY", 3, 5)).toEqual({ text: "ab XY", caret: 5 });
  });
});

describe("the composer's picker", () => {
  function renderComposer() {
    const onSubmit = vi.fn(async (_action: DeskAction) => undefined);
    const c = detail({ id: "c3", amount: "1250000", currency: "VND" });
    render(
      <I18nextProvider i18n={createI18n("en")}>
        <MessageForm detail={c} replies={REPLIES} onSubmit={onSubmit} onDone={() => undefined} />
      </I18nextProvider>,
    );
    return { onSubmit };
  }

  test("Ctrl+K opens it; arrows, Enter insert the Vietnamese party's text with placeholders filled", () => {
    renderComposer();
    const composer = screen.getByLabelText("Message");
    fireEvent.keyDown(composer, { key: "k", ctrlKey: true });
    const search = screen.getByRole("combobox", { name: "Search replies" });
    const options = within(screen.getByRole("listbox", { name: "Replies" })).getAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual([
      "Ask for proof of payment",
      "Refund on its way",
    ]);
    expect(options[0]?.getAttribute("aria-selected")).toBe("true");
    // The party (the complainant) speaks Vietnamese: that is the language chosen.
    expect((screen.getByLabelText("Language") as HTMLSelectElement).value).toBe("vi");
    fireEvent.keyDown(search, { key: "ArrowDown" });
    fireEvent.keyDown(search, { key: "ArrowDown" });
    fireEvent.keyDown(search, { key: "Enter" });
    expect((composer as HTMLTextAreaElement).value).toBe(
      `Chào Nguyễn Văn An, vui lòng gửi biên lai ${formatLocaleMoney("1250000", "VND", "vi-VN")}.`,
    );
    expect(screen.queryByRole("combobox", { name: "Search replies" })).toBeNull();
  });

  test("the language can be switched, search narrows the list, and Esc closes without inserting", () => {
    renderComposer();
    const composer = screen.getByLabelText("Message") as HTMLTextAreaElement;
    fireEvent.click(screen.getByRole("button", { name: /Insert a canned reply/ }));
    fireEvent.change(screen.getByLabelText("Language"), { target: { value: "en" } });
    const search = screen.getByRole("combobox", { name: "Search replies" });
    fireEvent.change(search, { target: { value: "refund" } });
    expect(
      within(screen.getByRole("listbox", { name: "Replies" })).getAllByRole("option"),
    ).toHaveLength(1);
    expect(screen.getByRole("region", { name: "Preview" }).textContent).toBe(
      "Hello Nguyễn Văn An: Refund on its way",
    );
    fireEvent.keyDown(search, { key: "Escape" });
    expect(screen.queryByRole("combobox", { name: "Search replies" })).toBeNull();
    expect(composer.value).toBe("");
    fireEvent.keyDown(composer, { key: "k", metaKey: true });
    fireEvent.keyDown(screen.getByRole("combobox", { name: "Search replies" }), { key: "Enter" });
    expect(composer.value).toBe(
      `Chào Nguyễn Văn An, vui lòng gửi biên lai ${formatLocaleMoney("1250000", "VND", "vi-VN")}.`,
    );
  });
});
