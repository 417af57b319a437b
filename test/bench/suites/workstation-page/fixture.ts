/**
 * The workstation bench's 100,000 appeals and their search documents (ids, names, a statement and
 * a ten-message chat in Vietnamese, Chinese or English), deterministic: the page and the Node-side
 * measurement of the worker's matching index the same text.
 */
import type { CaseSummary } from "@shared/domain/appeal";
import type { SearchDocument } from "@shared/search/document";

export const N = 100_000;
const VI = ["Nguyễn Văn An", "Trần Thị Bích Ngọc", "Lê Hoàng Minh", "Phạm Thu Hà", "Đặng Quốc Bảo"];
const ZH = ["王伟", "李娜", "张敏", "刘洋", "陈静"];
const EN = ["Daniel Kim", "Olivia Bennett", "Lucas Moreau", "Grace Wong", "Hannah Lee"];
const STATUSES = [
  "escalated",
  "in_review",
  "awaiting_evidence",
  "decided",
  "second_stage",
] as const;

export function rows(now: number): CaseSummary[] {
  const out: CaseSummary[] = [];
  let seed = 7;
  const rand = () => {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  for (let i = 0; i < N; i++) {
    const names = [VI, ZH, EN][i % 3] as string[];
    const filed = now - Math.floor(rand() * 30 * 86_400_000);
    const status = STATUSES[i % STATUSES.length] as (typeof STATUSES)[number];
    const due =
      status === "awaiting_evidence" ? null : filed + Math.floor(rand() * 20 * 86_400_000);
    out.push({
      id: `case-${i}`,
      reference: `AP-${String(i + 1).padStart(6, "0")}`,
      kind: i % 2 ? "payment" : "p2p_trade",
      reason: i % 2 ? "duplicate_charge" : "paid_not_released",
      status,
      stage: status === "second_stage" ? "second" : "first",
      region: i % 2 ? "CN" : "VN",
      amount: String(Math.floor(rand() * 50_000_000)),
      currency: i % 2 ? "CNY" : "VND",
      complainantName: names[i % 5] as string,
      respondentName: names[(i + 2) % 5] as string,
      assigneeId: i % 4 === 0 ? "u-agent1" : null,
      filedAt: new Date(filed).toISOString(),
      escalatedAt: new Date(filed + 600_000).toISOString(),
      updatedAt: new Date(filed + 600_000).toISOString(),
      version: 1,
      priority: "normal",
      dueAt: due === null ? null : new Date(due).toISOString(),
      warnAt: due === null ? null : new Date(due - 86_400_000).toISOString(),
      needsSupervisor: false,
    });
  }
  return out;
}

const STATEMENTS = [
  "Tôi đã chuyển khoản đủ {amount} VND qua Vietcombank nhưng người bán không mở khóa coin.",
  "Hai bên đã thỏa thuận hoàn tiền nhưng đến nay tôi vẫn chưa nhận được {amount}.",
  "I was charged twice for the same order, {amount} each time. Please refund one charge.",
  "卖家一直不放币，我已付款{amount}元，要求退款。",
  "銀行轉賬失敗已退回，我想取消訂單，但對方不同意。",
  "The merchant never delivered order {order} and stopped answering my messages.",
];
const CHAT = [
  "Tôi đã gửi ảnh chụp màn hình giao dịch lúc {time}.",
  "Bạn kiểm tra lại sao kê ngân hàng giúp tôi.",
  "协商失败，请客服介入。",
  "我没有收到任何款项，请提供银行流水。",
  "Please check the receipt I uploaded for {order}.",
  "I will wait for customer support to decide.",
  "Chưa thấy tiền về tài khoản, mã giao dịch {order}.",
  "請儘快處理，我已經等了{time}。",
];

/** The searchable text of a bench case: ids, names, a statement and a ten-message chat. */
export function documentOf(s: CaseSummary, i: number): SearchDocument {
  const fill = (text: string) =>
    text
      .replace("{amount}", s.amount)
      .replace("{order}", `ORD-${s.reference}`)
      .replace(
        "{time}",
        `${(i % 24).toString().padStart(2, "0")}:${(i % 60).toString().padStart(2, "0")}`,
      );
  return {
    caseId: s.id,
    version: s.version,
    pieces: [
      { field: "reference", text: s.reference },
      { field: "order_id", text: `ORD-${s.reference}` },
      { field: "party_name", text: s.complainantName },
      { field: "party_name", text: s.respondentName },
      { field: "user_id", text: `U${100_000 + i}` },
      { field: "user_id", text: `M${300_000 + i}` },
      { field: "phone", text: String(1_000 + ((i * 37) % 9_000)) },
      { field: "statement", text: fill(STATEMENTS[i % STATEMENTS.length] as string) },
      ...Array.from({ length: 10 }, (_, m) => ({
        field: "chat" as const,
        text: fill(CHAT[(i + m) % CHAT.length] as string),
      })),
    ],
  };
}
