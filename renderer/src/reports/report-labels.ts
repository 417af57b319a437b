/**
 * The words of a case report in the four languages the desk serves. Reports are read outside the
 * app (auditors, regulators), so they carry their own catalog instead of the UI's runtime i18n:
 * a report in Chinese reads the same whoever exported it.
 */
import type {
  AppealReason,
  CaseKind,
  CaseStatus,
  DecisionOutcome,
  Language,
  MessageAuthor,
  PartySide,
  SlaClockStatus,
} from "@shared/domain/appeal";
import { type Catalog, en as enCatalog } from "../i18n/locales/en";
import { vi as viCatalog } from "../i18n/locales/vi";
import { zhHans as zhCatalog } from "../i18n/locales/zh-hans";
import { zhHant as zhHantCatalog } from "../i18n/locales/zh-hant";

/** The decision record's own words: receivers, terms, reviews and verification steps. */
export interface DecisionRecordLabels {
  receiver: string;
  terms: string;
  noReceiver: string;
  coupon: (amount: string) => string;
  membership: (days: number) => string;
  instalment: (amount: string, date: string) => string;
  acceptedByBoth: string;
  reviewedBy: string;
  remandTo: string;
  verdicts: { uphold: string; overturn: string; remand: string };
  verification: string;
  steps: { records_checked: string; feedback: string; confirmed: string };
  satisfied: string;
  unhappy: string;
  note: string;
  viaPlatform: string;
}

export interface ReportLabels {
  title: string;
  record: DecisionRecordLabels;
  sections: {
    summary: string;
    parties: string;
    facts: string;
    timeline: string;
    chat: string;
    evidence: string;
    clocks: string;
    decisions: string;
    review: string;
    audit: string;
  };
  fields: {
    reference: string;
    caseId: string;
    kind: string;
    reason: string;
    status: string;
    stage: string;
    region: string;
    timeZone: string;
    amount: string;
    filedAt: string;
    escalatedAt: string;
    assignee: string;
    version: string;
    name: string;
    side: string;
    userId: string;
    phone: string;
    email: string;
    language: string;
    statement: string;
    orderId: string;
    asset: string;
    fiat: string;
    price: string;
    paymentMethod: string;
    createdAt: string;
    markedPaidAt: string;
    transactionId: string;
    merchant: string;
    occurredAt: string;
    at: string;
    actor: string;
    event: string;
    details: string;
    author: string;
    to: string;
    text: string;
    file: string;
    type: string;
    size: string;
    sha256: string;
    uploadedBy: string;
    description: string;
    thumbnail: string;
    clock: string;
    target: string;
    started: string;
    stopped: string;
    due: string;
    outcome: string;
    favoured: string;
    decidedBy: string;
    rationale: string;
    action: string;
    versions: string;
    requestId: string;
    hash: string;
  };
  stages: { first: string; second: string };
  contactsMasked: string;
  contactsRevealed: string;
  none: string;
  auditExcerpt: (shown: number, total: number) => string;
  footer: (exporter: string, at: string) => string;
  reportHash: string;
  page: (n: number, total: number) => string;
  kinds: Record<CaseKind, string>;
  reasons: Record<AppealReason, string>;
  statuses: Record<CaseStatus, string>;
  outcomes: Record<DecisionOutcome, string>;
  sides: Record<PartySide, string>;
  authors: Record<MessageAuthor, string>;
  clockStatuses: Record<SlaClockStatus, string>;
  roles: { complainant: string; respondent: string };
  /** SLA clocks by policy clock id; an unknown clock keeps the policy's own label. */
  clocks: Readonly<Record<string, string>>;
  /**
   * The desk's catalog in the report's language, for the words a report shares with the screens
   * (timeline events and what their codes mean, language names): one translation, not two.
   */
  catalog: Catalog;
}

const en: ReportLabels = {
  title: "Case report",
  record: {
    receiver: "Receives",
    terms: "Terms",
    noReceiver: "No single party (agreed terms apply)",
    coupon: (amount) => `Coupon worth ${amount}`,
    membership: (days) => `Membership extension of ${days} days`,
    instalment: (amount, date) => `${amount} due ${date}`,
    acceptedByBoth: "Accepted by both parties",
    reviewedBy: "Reviewed by",
    remandTo: "Remanded to",
    verdicts: { uphold: "Upheld", overturn: "Overturned", remand: "Remanded" },
    verification: "Post-decision verification",
    steps: {
      records_checked: "Records checked",
      feedback: "Party feedback",
      confirmed: "Confirmed",
    },
    satisfied: "Satisfied",
    unhappy: "Not satisfied",
    note: "Note / comment",
    viaPlatform: "via the platform",
  },
  sections: {
    summary: "Summary",
    parties: "Parties",
    facts: "Trade and payment facts",
    timeline: "Timeline",
    chat: "Chat transcript",
    evidence: "Evidence",
    clocks: "SLA clocks",
    decisions: "Decisions",
    review: "Second-stage review",
    audit: "Audit trail",
  },
  fields: {
    reference: "Reference",
    caseId: "Case id",
    kind: "Kind",
    reason: "Reason",
    status: "Status",
    stage: "Stage",
    region: "Region calendar",
    timeZone: "Time zone",
    amount: "Amount",
    filedAt: "Filed",
    escalatedAt: "Escalated",
    assignee: "Assignee",
    version: "Version",
    name: "Name",
    side: "Side",
    userId: "Platform user id",
    phone: "Phone",
    email: "E-mail",
    language: "Language",
    statement: "Statement",
    orderId: "Order id",
    asset: "Asset amount",
    fiat: "Fiat amount",
    price: "Price",
    paymentMethod: "Payment method",
    createdAt: "Order created",
    markedPaidAt: "Marked paid",
    transactionId: "Transaction id",
    merchant: "Merchant",
    occurredAt: "Occurred",
    at: "Time",
    actor: "Actor",
    event: "Event",
    details: "Details",
    author: "From",
    to: "To",
    text: "Message",
    file: "File",
    type: "Type",
    size: "Size",
    sha256: "SHA-256",
    uploadedBy: "Uploaded by",
    description: "Description",
    thumbnail: "Preview",
    clock: "Clock",
    target: "Target",
    started: "Started",
    stopped: "Stopped",
    due: "Due",
    outcome: "Outcome",
    favoured: "In favour of",
    decidedBy: "Decided by",
    rationale: "Rationale",
    action: "Action",
    versions: "Version",
    requestId: "Request id",
    hash: "Entry hash",
  },
  stages: { first: "First stage", second: "Second stage" },
  contactsMasked: "Contact details are masked.",
  contactsRevealed: "Contact details shown in full at the exporter's request (audited).",
  none: "None",
  auditExcerpt: (shown, total) => `Latest ${shown} of ${total} entries.`,
  footer: (exporter, at) => `Exported by ${exporter} at ${at}`,
  reportHash: "Report SHA-256",
  page: (n, total) => `Page ${n} of ${total}`,
  kinds: { p2p_trade: "P2P trade", payment: "Payment" },
  reasons: {
    paid_not_released: "Paid, but the seller does not release",
    payment_not_received: "Marked paid, but no payment received",
    wrong_amount_received: "Payment received with the wrong amount",
    payment_failed_refunded: "Payment failed and was refunded",
    failed_payment: "Failed payment",
    wrong_amount_charged: "Wrong amount charged",
    duplicate_charge: "Duplicate charge",
    service_not_delivered: "Service not delivered",
    account_takeover: "Account takeover",
    repayment_hardship: "Repayment hardship",
  },
  statuses: {
    awaiting_respondent: "Awaiting respondent",
    agreed: "Agreement reached",
    escalated: "Escalated",
    in_review: "In review",
    awaiting_evidence: "Awaiting evidence",
    decided: "Decided",
    verifying: "Verifying",
    second_stage: "Second-stage appeal",
    supervisor_review: "Supervisor review",
    closed: "Closed",
  },
  outcomes: {
    release: "Release to the buyer",
    cancel_order: "Cancel the order",
    full_refund: "Full refund",
    partial_refund: "Partial refund",
    compensation: "Non-cash compensation",
    mediation: "Mediation agreement",
    repayment_plan: "Repayment plan",
  },
  sides: { buyer: "Buyer", seller: "Seller", payer: "Payer", merchant: "Merchant" },
  authors: { complainant: "Complainant", respondent: "Respondent", agent: "CS", system: "System" },
  clockStatuses: {
    pending: "Not started",
    running: "Running",
    paused: "Paused",
    met: "Met",
    breached: "Breached",
  },
  roles: { complainant: "Complainant", respondent: "Respondent" },
  clocks: {
    respondent_window: "Respondent answers the appeal",
    first_response: "First response to the parties",
    resolution: "Decision",
    second_stage_review: "Second-stage review",
    post_decision_verification: "Post-decision verification",
  },
  catalog: enCatalog,
};

const vi: ReportLabels = {
  title: "Báo cáo vụ khiếu nại",
  record: {
    receiver: "Bên nhận",
    terms: "Điều khoản",
    noReceiver: "Không có một bên riêng (áp dụng điều khoản thỏa thuận)",
    coupon: (amount) => `Phiếu giảm giá trị giá ${amount}`,
    membership: (days) => `Gia hạn hội viên ${days} ngày`,
    instalment: (amount, date) => `${amount} đến hạn ${date}`,
    acceptedByBoth: "Cả hai bên đã chấp nhận",
    reviewedBy: "Người xem xét",
    remandTo: "Chuyển lại cho",
    verdicts: { uphold: "Giữ nguyên", overturn: "Thay đổi", remand: "Trả lại xử lý" },
    verification: "Xác minh sau quyết định",
    steps: {
      records_checked: "Đã kiểm tra hồ sơ",
      feedback: "Phản hồi của bên",
      confirmed: "Đã xác nhận",
    },
    satisfied: "Hài lòng",
    unhappy: "Không hài lòng",
    note: "Ghi chú / nhận xét",
    viaPlatform: "qua nền tảng",
  },
  sections: {
    summary: "Tóm tắt",
    parties: "Các bên",
    facts: "Thông tin giao dịch và thanh toán",
    timeline: "Dòng thời gian",
    chat: "Nội dung trò chuyện",
    evidence: "Bằng chứng",
    clocks: "Thời hạn SLA",
    decisions: "Quyết định",
    review: "Xem xét lần hai",
    audit: "Nhật ký kiểm toán",
  },
  fields: {
    reference: "Mã vụ",
    caseId: "ID vụ",
    kind: "Loại",
    reason: "Lý do",
    status: "Trạng thái",
    stage: "Giai đoạn",
    region: "Lịch khu vực",
    timeZone: "Múi giờ",
    amount: "Số tiền",
    filedAt: "Ngày khiếu nại",
    escalatedAt: "Chuyển CSKH",
    assignee: "Người xử lý",
    version: "Phiên bản",
    name: "Họ tên",
    side: "Vai trò",
    userId: "ID người dùng",
    phone: "Điện thoại",
    email: "Email",
    language: "Ngôn ngữ",
    statement: "Trình bày",
    orderId: "Mã lệnh",
    asset: "Số lượng tài sản",
    fiat: "Số tiền pháp định",
    price: "Giá",
    paymentMethod: "Phương thức thanh toán",
    createdAt: "Tạo lệnh",
    markedPaidAt: "Đánh dấu đã thanh toán",
    transactionId: "Mã giao dịch",
    merchant: "Người bán hàng",
    occurredAt: "Thời điểm",
    at: "Thời gian",
    actor: "Người thực hiện",
    event: "Sự kiện",
    details: "Chi tiết",
    author: "Từ",
    to: "Đến",
    text: "Tin nhắn",
    file: "Tệp",
    type: "Định dạng",
    size: "Kích thước",
    sha256: "SHA-256",
    uploadedBy: "Người tải lên",
    description: "Mô tả",
    thumbnail: "Xem trước",
    clock: "Thời hạn",
    target: "Mục tiêu",
    started: "Bắt đầu",
    stopped: "Kết thúc",
    due: "Hạn",
    outcome: "Kết quả",
    favoured: "Có lợi cho",
    decidedBy: "Người quyết định",
    rationale: "Lý do quyết định",
    action: "Hành động",
    versions: "Phiên bản",
    requestId: "Mã yêu cầu",
    hash: "Mã băm",
  },
  stages: { first: "Giai đoạn một", second: "Giai đoạn hai" },
  contactsMasked: "Thông tin liên hệ đã được che.",
  contactsRevealed:
    "Thông tin liên hệ hiển thị đầy đủ theo yêu cầu của người xuất (đã ghi nhật ký).",
  none: "Không có",
  auditExcerpt: (shown, total) => `${shown} mục gần nhất trên tổng số ${total}.`,
  footer: (exporter, at) => `Xuất bởi ${exporter} lúc ${at}`,
  reportHash: "SHA-256 của báo cáo",
  page: (n, total) => `Trang ${n}/${total}`,
  kinds: { p2p_trade: "Giao dịch P2P", payment: "Thanh toán" },
  reasons: {
    paid_not_released: "Đã thanh toán nhưng người bán không mở khóa",
    payment_not_received: "Đã đánh dấu thanh toán nhưng chưa nhận được tiền",
    wrong_amount_received: "Nhận được tiền nhưng sai số tiền",
    payment_failed_refunded: "Thanh toán thất bại và đã hoàn tiền",
    failed_payment: "Thanh toán thất bại",
    wrong_amount_charged: "Bị trừ sai số tiền",
    duplicate_charge: "Bị trừ tiền hai lần",
    service_not_delivered: "Không nhận được dịch vụ",
    account_takeover: "Tài khoản bị chiếm đoạt",
    repayment_hardship: "Khó khăn trả nợ",
  },
  statuses: {
    awaiting_respondent: "Chờ bên bị khiếu nại",
    agreed: "Đã thỏa thuận",
    escalated: "Chờ CSKH",
    in_review: "Đang xem xét",
    awaiting_evidence: "Chờ bằng chứng",
    decided: "Đã quyết định",
    verifying: "Đang xác minh",
    second_stage: "Khiếu nại lần hai",
    supervisor_review: "Giám sát viên xem xét",
    closed: "Đã đóng",
  },
  outcomes: {
    release: "Mở khóa cho người mua",
    cancel_order: "Hủy lệnh",
    full_refund: "Hoàn tiền toàn bộ",
    partial_refund: "Hoàn tiền một phần",
    compensation: "Bồi thường phi tiền mặt",
    mediation: "Thỏa thuận hòa giải",
    repayment_plan: "Kế hoạch trả nợ",
  },
  sides: {
    buyer: "Người mua",
    seller: "Người bán",
    payer: "Người trả",
    merchant: "Người bán hàng",
  },
  authors: {
    complainant: "Bên khiếu nại",
    respondent: "Bên bị khiếu nại",
    agent: "CSKH",
    system: "Hệ thống",
  },
  clockStatuses: {
    pending: "Chưa bắt đầu",
    running: "Đang chạy",
    paused: "Tạm dừng",
    met: "Đạt",
    breached: "Quá hạn",
  },
  roles: { complainant: "Bên khiếu nại", respondent: "Bên bị khiếu nại" },
  clocks: {
    respondent_window: "Bên bị khiếu nại phản hồi",
    first_response: "Phản hồi đầu tiên cho các bên",
    resolution: "Ra quyết định",
    second_stage_review: "Xem xét lần hai",
    post_decision_verification: "Xác minh sau quyết định",
  },
  catalog: viCatalog,
};

const zh: ReportLabels = {
  title: "申诉案件报告",
  record: {
    receiver: "接收方",
    terms: "条款",
    noReceiver: "无单独接收方（按约定条款执行）",
    coupon: (amount) => `面值 ${amount} 的优惠券`,
    membership: (days) => `会员延期 ${days} 天`,
    instalment: (amount, date) => `${amount}，${date} 到期`,
    acceptedByBoth: "双方均已接受",
    reviewedBy: "复核人",
    remandTo: "发回",
    verdicts: { uphold: "维持", overturn: "改判", remand: "发回重审" },
    verification: "裁决后核实",
    steps: { records_checked: "已核对记录", feedback: "当事方反馈", confirmed: "已确认" },
    satisfied: "满意",
    unhappy: "不满意",
    note: "备注 / 意见",
    viaPlatform: "经平台",
  },
  sections: {
    summary: "概要",
    parties: "当事人",
    facts: "交易与支付信息",
    timeline: "时间线",
    chat: "聊天记录",
    evidence: "证据",
    clocks: "SLA 时限",
    decisions: "裁决",
    review: "二次复核",
    audit: "审计记录",
  },
  fields: {
    reference: "案件编号",
    caseId: "案件 ID",
    kind: "类型",
    reason: "申诉原因",
    status: "状态",
    stage: "阶段",
    region: "地区日历",
    timeZone: "时区",
    amount: "金额",
    filedAt: "申诉时间",
    escalatedAt: "转客服时间",
    assignee: "处理人",
    version: "版本",
    name: "姓名",
    side: "身份",
    userId: "平台用户 ID",
    phone: "电话",
    email: "邮箱",
    language: "语言",
    statement: "陈述",
    orderId: "订单号",
    asset: "数字资产数量",
    fiat: "法币金额",
    price: "单价",
    paymentMethod: "付款方式",
    createdAt: "下单时间",
    markedPaidAt: "标记付款时间",
    transactionId: "交易号",
    merchant: "商户",
    occurredAt: "发生时间",
    at: "时间",
    actor: "操作人",
    event: "事件",
    details: "详情",
    author: "发送方",
    to: "接收方",
    text: "内容",
    file: "文件",
    type: "格式",
    size: "大小",
    sha256: "SHA-256",
    uploadedBy: "上传方",
    description: "说明",
    thumbnail: "预览",
    clock: "时限",
    target: "目标",
    started: "开始",
    stopped: "结束",
    due: "截止",
    outcome: "裁决结果",
    favoured: "支持方",
    decidedBy: "裁决人",
    rationale: "裁决理由",
    action: "操作",
    versions: "版本",
    requestId: "请求 ID",
    hash: "条目哈希",
  },
  stages: { first: "一审", second: "二审" },
  contactsMasked: "联系方式已脱敏。",
  contactsRevealed: "应导出人要求显示完整联系方式（已记录审计）。",
  none: "无",
  auditExcerpt: (shown, total) => `最近 ${shown} 条，共 ${total} 条。`,
  footer: (exporter, at) => `导出人：${exporter}，导出时间：${at}`,
  reportHash: "报告 SHA-256",
  page: (n, total) => `第 ${n} 页，共 ${total} 页`,
  kinds: { p2p_trade: "P2P 交易", payment: "支付" },
  reasons: {
    paid_not_released: "已付款但卖家未放币",
    payment_not_received: "买家已标记付款但未收到款项",
    wrong_amount_received: "收到款项但金额不符",
    payment_failed_refunded: "付款失败并已退款",
    failed_payment: "支付失败",
    wrong_amount_charged: "扣款金额错误",
    duplicate_charge: "重复扣款",
    service_not_delivered: "未提供服务",
    account_takeover: "账户被盗",
    repayment_hardship: "还款困难",
  },
  statuses: {
    awaiting_respondent: "等待被申诉方",
    agreed: "已协商一致",
    escalated: "等待客服",
    in_review: "审理中",
    awaiting_evidence: "等待补充证据",
    decided: "已裁决",
    verifying: "核实中",
    second_stage: "二次申诉",
    supervisor_review: "主管复核中",
    closed: "已结案",
  },
  outcomes: {
    release: "放币给买家",
    cancel_order: "取消订单",
    full_refund: "全额退款",
    partial_refund: "部分退款",
    compensation: "非现金补偿",
    mediation: "调解协议",
    repayment_plan: "分期还款计划",
  },
  sides: { buyer: "买家", seller: "卖家", payer: "付款人", merchant: "商户" },
  authors: { complainant: "申诉方", respondent: "被申诉方", agent: "客服", system: "系统" },
  clockStatuses: {
    pending: "未开始",
    running: "计时中",
    paused: "已暂停",
    met: "达标",
    breached: "超时",
  },
  roles: { complainant: "申诉方", respondent: "被申诉方" },
  clocks: {
    respondent_window: "被申诉方响应",
    first_response: "首次回复当事人",
    resolution: "作出裁决",
    second_stage_review: "二次复核",
    post_decision_verification: "裁决后核实",
  },
  catalog: zhCatalog,
};

// Traditional Chinese (Taiwan usage), converted from `zh` by OpenCC and corrected by hand where its
// phrase table gives mainland words (稽核紀錄, 帳戶, 類型, 支持方).
const zhHant: ReportLabels = {
  title: "申訴案件報告",
  record: {
    receiver: "接收方",
    terms: "條款",
    noReceiver: "無單獨接收方（按約定條款執行）",
    coupon: (amount) => `面值 ${amount} 的優惠券`,
    membership: (days) => `會員延期 ${days} 天`,
    instalment: (amount, date) => `${amount}，${date} 到期`,
    acceptedByBoth: "雙方均已接受",
    reviewedBy: "複核人",
    remandTo: "發回",
    verdicts: { uphold: "維持", overturn: "改判", remand: "發回重審" },
    verification: "裁決後核實",
    steps: { records_checked: "已核對記錄", feedback: "當事方回饋", confirmed: "已確認" },
    satisfied: "滿意",
    unhappy: "不滿意",
    note: "備註 / 意見",
    viaPlatform: "經平台",
  },
  sections: {
    summary: "概要",
    parties: "當事人",
    facts: "交易與支付資訊",
    timeline: "時間軸",
    chat: "聊天紀錄",
    evidence: "證據",
    clocks: "SLA 時限",
    decisions: "裁決",
    review: "二次複核",
    audit: "稽核紀錄",
  },
  fields: {
    reference: "案件編號",
    caseId: "案件 ID",
    kind: "類型",
    reason: "申訴原因",
    status: "狀態",
    stage: "階段",
    region: "地區日曆",
    timeZone: "時區",
    amount: "金額",
    filedAt: "申訴時間",
    escalatedAt: "轉客服時間",
    assignee: "處理人",
    version: "版本",
    name: "姓名",
    side: "身份",
    userId: "平台使用者 ID",
    phone: "電話",
    email: "電子郵件",
    language: "語言",
    statement: "陳述",
    orderId: "訂單號",
    asset: "數位資產數量",
    fiat: "法幣金額",
    price: "單價",
    paymentMethod: "付款方式",
    createdAt: "下單時間",
    markedPaidAt: "標記付款時間",
    transactionId: "交易號",
    merchant: "商戶",
    occurredAt: "發生時間",
    at: "時間",
    actor: "操作人",
    event: "事件",
    details: "詳情",
    author: "傳送方",
    to: "接收方",
    text: "內容",
    file: "檔案",
    type: "格式",
    size: "大小",
    sha256: "SHA-256",
    uploadedBy: "上傳方",
    description: "說明",
    thumbnail: "預覽",
    clock: "時限",
    target: "目標",
    started: "開始",
    stopped: "結束",
    due: "截止",
    outcome: "裁決結果",
    favoured: "支持方",
    decidedBy: "裁決人",
    rationale: "裁決理由",
    action: "操作",
    versions: "版本",
    requestId: "請求 ID",
    hash: "條目雜湊",
  },
  stages: { first: "一審", second: "二審" },
  contactsMasked: "聯絡方式已遮蔽。",
  contactsRevealed: "應匯出人要求顯示完整聯絡方式（已記入稽核紀錄）。",
  none: "無",
  auditExcerpt: (shown, total) => `最近 ${shown} 條，共 ${total} 條。`,
  footer: (exporter, at) => `匯出人：${exporter}，匯出時間：${at}`,
  reportHash: "報告 SHA-256",
  page: (n, total) => `第 ${n} 頁，共 ${total} 頁`,
  kinds: { p2p_trade: "P2P 交易", payment: "支付" },
  reasons: {
    paid_not_released: "已付款但賣家未放幣",
    payment_not_received: "買家已標記付款但未收到款項",
    wrong_amount_received: "收到款項但金額不符",
    payment_failed_refunded: "付款失敗並已退款",
    failed_payment: "支付失敗",
    wrong_amount_charged: "扣款金額錯誤",
    duplicate_charge: "重複扣款",
    service_not_delivered: "未提供服務",
    account_takeover: "帳戶被盜",
    repayment_hardship: "還款困難",
  },
  statuses: {
    awaiting_respondent: "等待被申訴方",
    agreed: "已協商一致",
    escalated: "等待客服",
    in_review: "審理中",
    awaiting_evidence: "等待補充證據",
    decided: "已裁決",
    verifying: "核實中",
    second_stage: "二次申訴",
    supervisor_review: "主管複核中",
    closed: "已結案",
  },
  outcomes: {
    release: "放幣給買家",
    cancel_order: "取消訂單",
    full_refund: "全額退款",
    partial_refund: "部分退款",
    compensation: "非現金補償",
    mediation: "調解協議",
    repayment_plan: "分期還款計畫",
  },
  sides: { buyer: "買家", seller: "賣家", payer: "付款人", merchant: "商戶" },
  authors: { complainant: "申訴方", respondent: "被申訴方", agent: "客服", system: "系統" },
  clockStatuses: {
    pending: "未開始",
    running: "計時中",
    paused: "已暫停",
    met: "達標",
    breached: "超時",
  },
  roles: { complainant: "申訴方", respondent: "被申訴方" },
  clocks: {
    respondent_window: "被申訴方回應",
    first_response: "首次回覆當事人",
    resolution: "作出裁決",
    second_stage_review: "二次複核",
    post_decision_verification: "裁決後核實",
  },
  catalog: zhHantCatalog,
};

/**
 * A report's language: chosen by the exporter among the desk's four, by default the complainant's
 * (`zh` reads as Simplified). The same codes as the desk's languages, kept here so the report code
 * does not load the desk's i18n; independent of the desk's own language: a report may be for others.
 */
export const REPORT_LANGUAGES = ["en", "vi", "zh-Hans", "zh-Hant"] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export const REPORT_LABELS = {
  en,
  vi,
  "zh-Hans": zh,
  "zh-Hant": zhHant,
} as const satisfies Record<ReportLanguage, ReportLabels>;

/** The report language a party's language stands for: Chinese parties read Simplified by default. */
export function reportLanguageOf(language: Language): ReportLanguage {
  return language === "zh" ? "zh-Hans" : language;
}
