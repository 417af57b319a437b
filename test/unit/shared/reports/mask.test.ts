import { describe, expect, test } from "vitest";
import { isMasked, maskEmail, maskPhone } from "../../../../shared/reports/mask";

describe("contact masking", () => {
  test("keeps the country code and the last three digits of a phone", () => {
    expect(maskPhone("+84 912 345 678")).toBe("+84 ••• ••• 678");
    expect(maskPhone("+8613800138000")).toBe("+86 ••• ••• •• 000");
    expect(maskPhone(null)).toBeNull();
  });
  test("keeps the first letter and the domain of an e-mail", () => {
    expect(maskEmail("thao.nguyen@example.vn")).toBe("t•••@example.vn");
  });
  test("is idempotent, so the server and the desk may both mask", () => {
    const phone = maskPhone("+86 138 0013 8000");
    expect(isMasked(phone)).toBe(true);
    expect(maskPhone(phone)).toBe(phone);
    expect(maskEmail(maskEmail("a@b.cn"))).toBe("a•••@b.cn");
  });
});
