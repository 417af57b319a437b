import type { CaseDetail, CaseSummary } from "@shared/domain/appeal";
import type { DexieOptions } from "dexie";
import { IDBKeyRange, indexedDB } from "fake-indexeddb";

/** Dexie over fake-indexeddb: each test gets its own in-memory databases. */
export const FAKE_IDB: DexieOptions = { indexedDB, IDBKeyRange };

let counter = 0;
/** A unique user id per test, so each test opens a fresh database. */
export function freshUser(): string {
  counter += 1;
  return `u-${Date.now().toString(36)}-${counter}`;
}

export function summary(id: string, patch: Partial<CaseSummary> = {}): CaseSummary {
  const n = Number(id.replace(/\D/g, "")) || 1;
  return {
    id,
    reference: `AP-${String(n).padStart(6, "0")}`,
    kind: "p2p_trade",
    reason: "paid_not_released",
    status: "escalated",
    stage: "first",
    region: "VN",
    amount: "1250000",
    currency: "VND",
    complainantName: "Nguyễn Văn A",
    respondentName: "王芳",
    assigneeId: null,
    filedAt: "2025-03-01T08:00:00.000Z",
    escalatedAt: "2025-03-01T08:10:00.000Z",
    updatedAt: "2025-03-01T08:10:00.000Z",
    version: 1,
    priority: "normal",
    dueAt: null,
    warnAt: null,
    needsSupervisor: false,
    ...patch,
  } satisfies CaseSummary;
}

export function detail(id: string, patch: Partial<CaseDetail> = {}): CaseDetail {
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
  return {
    ...summary(id),
    complainant: party("complainant"),
    respondent: party("respondent"),
    trade: null,
    payment: null,
    messages: [],
    evidence: [],
    timeline: [],
    decisions: [],
    notes: [],
    phoneContacts: [],
    evidenceRequests: [],
    respondentDeadline: null,
    verification: null,
    slaClocks: [],
    computedAt: "2025-03-01T08:10:00.000Z",
    reviews: [],
    verificationSteps: [],
    ...patch,
  } satisfies CaseDetail;
}
