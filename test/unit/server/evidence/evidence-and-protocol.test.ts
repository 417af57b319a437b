import { etagOf, parseIfMatch } from "@shared/api/headers";
import { sniffMime } from "@shared/evidence/sniff";
import { describe, expect, it } from "vitest";
import { canonicalJson, entryHash, GENESIS_HASH } from "../../../../server/audit/chain";
import { receiptImage } from "../../../../server/simulator/png";

describe("evidence sniffing", () => {
  it("recognises the accepted kinds by their bytes", () => {
    expect(sniffMime(receiptImage(1, true))).toBe("image/png");
    expect(sniffMime(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe("image/jpeg");
    expect(sniffMime(Buffer.from("RIFF\x10\x00\x00\x00WEBPVP8 ", "latin1"))).toBe("image/webp");
    expect(sniffMime(Buffer.from("%PDF-1.7\n"))).toBe("application/pdf");
    expect(sniffMime(Buffer.from("Chuyển khoản 2.500.000 VND 已付款\n"))).toBe("text/plain");
  });

  it("refuses everything else, whatever it claims to be", () => {
    expect(sniffMime(Buffer.from([0x4d, 0x5a, 0x90, 0x00]))).toBeNull();
    expect(sniffMime(Buffer.from([0xc3, 0x28]))).toBeNull();
    expect(sniffMime(Buffer.from("text\u0000with nul"))).toBeNull();
    expect(sniffMime(Buffer.alloc(0))).toBeNull();
  });

  it("draws the same simulator image for the same seed", () => {
    expect(receiptImage(7, false).equals(receiptImage(7, false))).toBe(true);
    expect(receiptImage(7, false).equals(receiptImage(8, false))).toBe(false);
  });
});

describe("mutation protocol", () => {
  it("round-trips versions through ETag / If-Match; weak, foreign or zero tags name no version", () => {
    expect(parseIfMatch(etagOf(42))).toEqual({ kind: "tags", versions: [42] });
    expect(parseIfMatch(' "1", W/"2" ,"3"')).toEqual({ kind: "tags", versions: [1, 3] });
    for (const foreign of ['W/"1"', '"0"', '"-3"', '"abc"', '""', '"v7"', '"1e3"'])
      expect(parseIfMatch(foreign)).toEqual({ kind: "tags", versions: [] });
    expect(parseIfMatch(" * ")).toEqual({ kind: "any" });
    for (const bad of ["1", "", '"1" "2"', "W/1", '"a"b"', '"1",'])
      expect(parseIfMatch(bad)).toEqual({ kind: "invalid" });
  });
});

describe("audit chain", () => {
  it("hashes canonical JSON, so key order does not matter but content does", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
    const content = {
      caseId: "c",
      actorId: "u",
      actorRole: "agent" as const,
      action: "note",
      at: new Date("2025-01-01T00:00:00Z"),
      beforeVersion: 1,
      afterVersion: 2,
      requestId: "r",
      idempotencyKey: "k",
      details: { from: "in_review", to: "in_review" },
    };
    const hash = entryHash(GENESIS_HASH, 1, content);
    expect(
      entryHash(GENESIS_HASH, 1, { ...content, details: { to: "in_review", from: "in_review" } }),
    ).toBe(hash);
    expect(entryHash(GENESIS_HASH, 1, { ...content, afterVersion: 3 })).not.toBe(hash);
    expect(entryHash(GENESIS_HASH, 2, content)).not.toBe(hash);
  });
});
