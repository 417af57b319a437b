/**
 * The one `CaseDetail` fixture of the tests: `summary`/`detail` give a realistic escalated P2P case
 * (Vietnamese parties, chat, evidence, timeline); `bareSummary`/`bareDetail` the same shape with
 * nothing in it yet (empty history, parties without contacts), for the cache and sync tests.
 * Tests override what they look at.
 */
import type { CaseDetail, CaseSummary } from "@shared/domain/appeal";

/** A summary with sensible defaults; tests override what they look at. */
export function summary(overrides: Partial<CaseSummary> & { id: string }): CaseSummary {
  const n = Number(overrides.id.replace(/\D/g, "")) || 1;
  return {
    reference: `AP-${String(n).padStart(6, "0")}`,
    kind: "p2p_trade",
    reason: "paid_not_released",
    status: "escalated",
    stage: "first",
    region: "VN",
    amount: "1000000",
    currency: "VND",
    complainantName: "Nguyễn Văn An",
    respondentName: "Trần Thị Bình",
    assigneeId: null,
    filedAt: "2026-03-02T02:00:00.000Z",
    escalatedAt: "2026-03-02T02:10:00.000Z",
    updatedAt: "2026-03-02T02:10:00.000Z",
    version: 1,
    priority: "normal",
    dueAt: "2026-03-20T10:00:00.000Z",
    warnAt: "2026-03-16T10:00:00.000Z",
    needsSupervisor: false,
    ...overrides,
  };
}

export function detail(overrides: Partial<CaseDetail> & { id: string }): CaseDetail {
  return {
    ...summary(overrides),
    complainant: {
      role: "complainant",
      side: "buyer",
      externalUserId: "u-1",
      displayName: "Nguyễn Văn An",
      phone: "+84901234567",
      email: "an@example.com",
      language: "vi",
      statement: "Tôi đã chuyển khoản nhưng người bán không mở khóa.",
    },
    respondent: {
      role: "respondent",
      side: "seller",
      externalUserId: "u-2",
      displayName: "Trần Thị Bình",
      phone: "+84907654321",
      email: null,
      language: "vi",
      statement: "Tôi chưa nhận được tiền, không thể thỏa thuận.",
    },
    trade: {
      orderId: "ORD-1",
      asset: "USDT",
      assetAmount: "40",
      fiatAmount: "1000000",
      fiatCurrency: "VND",
      price: "25000",
      paymentMethod: "Bank transfer",
      createdAt: "2026-03-02T01:50:00.000Z",
      markedPaidAt: "2026-03-02T01:55:00.000Z",
    },
    payment: null,
    messages: [
      {
        id: "m1",
        author: "complainant",
        authorName: "Nguyễn Văn An",
        to: null,
        text: "Tôi đã trả tiền rồi",
        language: "vi",
        at: "2026-03-02T02:01:00.000Z",
      },
      {
        id: "m2",
        author: "respondent",
        authorName: "Trần Thị Bình",
        to: null,
        text: "协商失败",
        language: "zh",
        at: "2026-03-02T02:03:00.000Z",
      },
    ],
    evidence: [
      {
        id: "e1",
        uploadedBy: "complainant",
        fileName: "transfer.png",
        mimeType: "image/png",
        size: 68,
        sha256: "a".repeat(64),
        description: "Bank transfer screenshot",
        uploadedAt: "2026-03-02T02:02:00.000Z",
      },
    ],
    timeline: [
      {
        id: "t1",
        type: "order_created",
        at: "2026-03-02T01:50:00.000Z",
        actor: "system",
        summary: "",
      },
      { id: "t2", type: "appeal_filed", at: "2026-03-02T02:00:00.000Z", actor: "An", summary: "" },
      { id: "t3", type: "escalated", at: "2026-03-02T02:10:00.000Z", actor: "system", summary: "" },
    ],
    decisions: [],
    notes: [],
    phoneContacts: [],
    evidenceRequests: [],
    respondentDeadline: null,
    verification: null,
    slaClocks: [],
    computedAt: "2026-03-02T02:10:00.000Z",
    reviews: [],
    verificationSteps: [],
    ...overrides,
  };
}

/** A summary with the cache tests' values: an unsorted, unscheduled case (no deadline). */
export function bareSummary(id: string, patch: Partial<CaseSummary> = {}): CaseSummary {
  return summary({
    id,
    amount: "1250000",
    complainantName: "Nguyễn Văn A",
    respondentName: "王芳",
    filedAt: "2025-03-01T08:00:00.000Z",
    escalatedAt: "2025-03-01T08:10:00.000Z",
    updatedAt: "2025-03-01T08:10:00.000Z",
    dueAt: null,
    warnAt: null,
    ...patch,
  });
}

/** A detail with nothing in it yet: parties without contacts, no trade, no history. */
export function bareDetail(id: string, patch: Partial<CaseDetail> = {}): CaseDetail {
  const party = (role: "complainant" | "respondent") => ({
    role,
    side: role === "complainant" ? ("buyer" as const) : ("seller" as const),
    externalUserId: `${role}-${id}`,
    displayName: role,
    phone: null,
    email: null,
    language: "vi" as const,
    statement: "",
  });
  return detail({
    ...bareSummary(id),
    complainant: party("complainant"),
    respondent: party("respondent"),
    trade: null,
    messages: [],
    evidence: [],
    timeline: [],
    computedAt: "2025-03-01T08:10:00.000Z",
    ...patch,
  });
}
