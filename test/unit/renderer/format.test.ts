import { describe, expect, test } from "vitest";
import { formatAmount } from "../../../renderer/src/queue/format";

describe("formatAmount", () => {
  test("groups the integer part exactly, beyond float precision", () => {
    expect(formatAmount("12345678901234567.5", "VND")).toBe("12,345,678,901,234,567.5 VND");
  });
  test("keeps the fraction as written", () => {
    expect(formatAmount("3499.50", "CNY")).toBe("3,499.50 CNY");
    expect(formatAmount("0.00000001", "BTC")).toBe("0.00000001 BTC");
  });
  test("uses the locale's separators", () => {
    expect(formatAmount("25000000", "VND", "vi-VN")).toBe("25.000.000 VND");
    expect(formatAmount("1250.5", "EUR", "de-DE")).toBe("1.250,5 EUR");
  });
});
