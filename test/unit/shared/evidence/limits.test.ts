import { EVIDENCE_MAX_BYTES } from "@shared/api/evidence";
import { checkEvidenceFile, isWithinEvidenceSize } from "@shared/evidence/limits";
import { sniffMime } from "@shared/evidence/sniff";
import { describe, expect, it } from "vitest";

const bytes = (...b: number[]) => new Uint8Array(b);
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));

describe("the server's evidence limits, as the desk checks them before uploading", () => {
  it("takes the accepted kinds by content, whatever the name says", () => {
    expect(checkEvidenceFile(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toEqual({
      ok: true,
      mimeType: "image/png",
    });
    expect(checkEvidenceFile(utf8("%PDF-1.7\n"))).toEqual({
      ok: true,
      mimeType: "application/pdf",
    });
    expect(checkEvidenceFile(utf8("Sao kê ngân hàng: đã chuyển khoản\r\n退款\tok\f"))).toEqual({
      ok: true,
      mimeType: "text/plain",
    });
  });

  it("refuses empty, oversized and unknown files with a reason", () => {
    expect(checkEvidenceFile(bytes())).toEqual({ ok: false, reason: "empty" });
    expect(checkEvidenceFile(new Uint8Array(EVIDENCE_MAX_BYTES + 1))).toEqual({
      ok: false,
      reason: "too_large",
    });
    expect(checkEvidenceFile(bytes(0x4d, 0x5a, 0x90, 0x00))).toEqual({
      ok: false,
      reason: "unsupported_type",
    });
    expect(isWithinEvidenceSize(EVIDENCE_MAX_BYTES)).toBe(true);
    expect(isWithinEvidenceSize(EVIDENCE_MAX_BYTES + 1)).toBe(false);
    expect(isWithinEvidenceSize(0)).toBe(false);
  });

  it("reads text as strict UTF-8, like the fatal TextDecoder it replaces", () => {
    const cases: Array<[Uint8Array, boolean]> = [
      [utf8("plain"), true],
      [bytes(0xef, 0xbb, 0xbf, 0x61), true], // BOM
      [utf8("🙂 emoji"), true],
      [bytes(0x61, 0x0b), false], // vertical tab
      [bytes(0x61, 0x7f), false],
      [bytes(0xc0, 0xaf), false], // overlong "/"
      [bytes(0xe0, 0x80, 0xaf), false], // overlong
      [bytes(0xed, 0xa0, 0x80), false], // surrogate
      [bytes(0xf4, 0x90, 0x80, 0x80), false], // past U+10FFFF
      [bytes(0xe2, 0x82), false], // truncated
      [bytes(0x80), false], // lone continuation
    ];
    for (const [input, isText] of cases) {
      const decodes = (() => {
        try {
          const text = new TextDecoder("utf-8", { fatal: true }).decode(input);
          // biome-ignore lint/suspicious/noControlCharactersInRegex: the rule under test
          return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
        } catch {
          return false;
        }
      })();
      expect(decodes, Buffer.from(input).toString("hex")).toBe(isText);
      expect(sniffMime(input) === "text/plain", Buffer.from(input).toString("hex")).toBe(isText);
    }
  });
});
