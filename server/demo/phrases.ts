import type { AppealReason, Language } from "@shared/domain/appeal";

/**
 * What parties write, per language. Written for this project in the register real users use on
 * P2P and payment apps (short, direct, sometimes upset). Placeholders: {amount}, {currency},
 * {order}, {bank}, {merchant}, {time}.
 */
type Lines = Record<Language, readonly string[]>;

export const NAMES: Record<Language, readonly string[]> = {
  vi: [
    "Nguyễn Văn An",
    "Trần Thị Bích Ngọc",
    "Lê Hoàng Minh",
    "Phạm Thu Hà",
    "Hoàng Đức Thắng",
    "Vũ Thị Lan",
    "Đặng Quốc Bảo",
    "Bùi Thanh Tùng",
    "Đỗ Mỹ Linh",
    "Ngô Gia Huy",
    "Dương Thảo Vy",
    "Lý Văn Khải",
    "Phan Thị Hồng",
    "Trịnh Công Sơn",
    "Võ Minh Châu",
  ],
  zh: [
    "王伟",
    "李娜",
    "张敏",
    "刘洋",
    "陈静",
    "杨帆",
    "赵磊",
    "黄丽",
    "周杰",
    "吴婷",
    "徐浩",
    "孙悦",
    "马超",
    "朱琳",
    "胡明",
  ],
  en: [
    "James Carter",
    "Olivia Bennett",
    "Daniel Kim",
    "Sophie Turner",
    "Marcus Reid",
    "Priya Nair",
    "Ethan Brooks",
    "Hannah Lee",
    "Lucas Moreau",
    "Grace Wong",
  ],
};

export const BANKS: Record<Language, readonly string[]> = {
  vi: ["Vietcombank", "Techcombank", "MB Bank", "ACB", "VPBank", "BIDV"],
  zh: ["中国工商银行", "招商银行", "中国建设银行", "支付宝", "微信支付"],
  en: ["Wise", "Revolut", "HSBC", "Chase", "SEPA transfer"],
};

export const MERCHANTS: Record<Language, readonly string[]> = {
  vi: ["Điện Máy Xanh", "Tiki", "Shopee Mall", "Grab Food", "Vé Xe Rồng Vàng"],
  zh: ["京东商城", "美团外卖", "携程旅行", "拼多多", "滴滴出行"],
  en: ["StreamFlix", "CloudGym", "Northwind Electronics", "SkyHop Airlines", "UrbanEats"],
};

export const COMPLAINT: Record<AppealReason, Lines> = {
  paid_not_released: {
    vi: [
      'Tôi đã chuyển khoản đủ {amount} {currency} qua {bank} lúc {time} và bấm "Đã thanh toán", nhưng người bán không mở khóa coin. Đã gửi ảnh chụp giao dịch.',
      "Đơn {order}: tiền đã trừ trong tài khoản của tôi hơn một tiếng rồi, người bán không trả lời tin nhắn. Mong CS xử lý giúp.",
    ],
    zh: [
      '我已通过{bank}转账{amount}{currency}，并点击了"已付款"，但卖家一直不放币。付款截图已上传。',
      "订单{order}：钱已经从我账户扣除超过一小时，卖家不回复消息，请客服尽快处理。",
    ],
    en: [
      "I sent the full {amount} {currency} through {bank} at {time} and marked the order paid, but the seller has not released the coins. Transfer receipt attached.",
      "Order {order}: the money left my account over an hour ago and the seller stopped answering the chat. Please step in.",
    ],
  },
  payment_not_received: {
    vi: [
      "Người mua bấm đã thanh toán nhưng tài khoản {bank} của tôi không nhận được đồng nào. Tôi đính kèm sao kê ngân hàng.",
      "Tôi kiểm tra sao kê nhiều lần, không có khoản {amount} {currency} nào từ người mua. Không thể mở khóa coin.",
    ],
    zh: [
      "买家点了已付款，但我的{bank}账户没有收到任何款项。已附上银行流水。",
      "我反复查看了流水，没有收到买家的{amount}{currency}，所以不能放币。",
    ],
    en: [
      "The buyer marked the order as paid but nothing arrived in my {bank} account. Bank statement attached.",
      "I checked my statement several times: no {amount} {currency} from the buyer. I cannot release.",
    ],
  },
  wrong_amount_received: {
    vi: [
      "Tôi chỉ nhận được một phần tiền, thiếu so với {amount} {currency} của đơn {order}. Người mua nói đã chuyển đủ.",
    ],
    zh: ["我只收到了一部分款项，比订单{order}的{amount}{currency}少。买家坚持说已经全额付款。"],
    en: [
      "I received less than the {amount} {currency} due on order {order}. The buyer insists the full amount was sent.",
    ],
  },
  payment_failed_refunded: {
    vi: [
      "Giao dịch chuyển khoản bị ngân hàng hoàn lại, tôi muốn hủy đơn {order} nhưng người bán không đồng ý.",
    ],
    zh: ["银行转账失败已退回，我想取消订单{order}，但对方不同意。"],
    en: [
      "My bank bounced the transfer and refunded it; I want order {order} cancelled but the other side refuses.",
    ],
  },
  failed_payment: {
    vi: [
      "Thanh toán cho {merchant} báo thất bại nhưng tài khoản vẫn bị trừ {amount} {currency}. Đơn hàng không được tạo.",
    ],
    zh: ["在{merchant}付款显示失败，但账户还是被扣了{amount}{currency}，订单也没有生成。"],
    en: [
      "My payment to {merchant} showed as failed, yet {amount} {currency} was taken and no order exists.",
    ],
  },
  wrong_amount_charged: {
    vi: [
      "{merchant} trừ của tôi {amount} {currency}, nhiều hơn giá niêm yết. Tôi có hóa đơn và ảnh giỏ hàng.",
    ],
    zh: ["{merchant}扣了我{amount}{currency}，比标价多。我有发票和购物车截图。"],
    en: [
      "{merchant} charged me {amount} {currency}, more than the listed price. I have the invoice and a cart screenshot.",
    ],
  },
  duplicate_charge: {
    vi: ["Tôi bị trừ tiền hai lần cho cùng một đơn ở {merchant}, mỗi lần {amount} {currency}."],
    zh: ["同一笔订单在{merchant}被扣了两次款，每次{amount}{currency}。"],
    en: ["I was charged twice for the same order at {merchant}, {amount} {currency} each time."],
  },
  service_not_delivered: {
    vi: [
      "Đã thanh toán {amount} {currency} cho {merchant} nhưng dịch vụ không được cung cấp, liên hệ shop không ai trả lời.",
    ],
    zh: ["已向{merchant}支付{amount}{currency}，但服务没有提供，联系商家也无人回应。"],
    en: [
      "I paid {merchant} {amount} {currency} and never got the service; the merchant does not reply.",
    ],
  },
  account_takeover: {
    vi: [
      "Có người đăng nhập tài khoản của tôi từ thiết bị lạ và thanh toán {amount} {currency}. Tôi không thực hiện giao dịch này.",
    ],
    zh: ["有人用陌生设备登录了我的账户并支付了{amount}{currency}，这笔交易不是我做的。"],
    en: [
      "Someone logged into my account from an unknown device and paid {amount} {currency}. I did not make this payment.",
    ],
  },
  repayment_hardship: {
    vi: [
      "Tôi mất việc tháng trước, không thể trả khoản {amount} {currency} một lần. Xin được trả góp, có đính kèm bảng lương cũ.",
    ],
    zh: ["我上个月失业了，无法一次性还清{amount}{currency}，希望分期还款，附上之前的工资单。"],
    en: [
      "I lost my job last month and cannot repay {amount} {currency} at once. I am asking for instalments; payslips attached.",
    ],
  },
};

export const RESPONSE: Lines = {
  vi: [
    "Tôi không đồng ý. Tôi đã kiểm tra kỹ và sẽ cung cấp sao kê cho CS.",
    "Thương lượng không thành. Đề nghị CS xem xét bằng chứng của tôi.",
    "Tôi chưa nhận được tiền, không thể mở khóa. Đã gửi ảnh sao kê.",
  ],
  zh: [
    "我不同意，已核对清楚，会向客服提供流水。",
    "协商失败，请客服审核我提交的证据。",
    "我没有收到款，不能放币，流水截图已上传。",
  ],
  en: [
    "I disagree. I have checked carefully and will send my statement to support.",
    "Negotiation failed. Please review my evidence.",
    "No money has arrived, so I cannot release. Statement screenshot uploaded.",
  ],
};

/** What the party that lost the first decision writes when it asks for a second-stage review. */
export const OBJECTION: Record<"vi" | "zh" | "en", string> = {
  vi: "Tôi không đồng ý với kết quả: giấy tờ tôi nộp chưa được xem xét kỹ, mong được xét lại.",
  zh: "我不认同这个结果：我提交的材料没有被仔细核对，请求重新审理。",
  en: "I do not accept this outcome: the documents I sent were not looked at closely. Please review it again.",
};

export const CHAT: Lines = {
  vi: [
    "Bạn kiểm tra lại giúp mình nhé.",
    "Mình đã chuyển rồi mà.",
    "Chưa thấy tiền về bạn ơi.",
    "Gửi mình mã giao dịch được không?",
  ],
  zh: ["麻烦你再查一下。", "我已经转过去了。", "还没有到账。", "能发一下交易流水号吗？"],
  en: [
    "Can you check again please?",
    "I already sent it.",
    "Nothing has arrived yet.",
    "Could you send me the transfer reference?",
  ],
};

export const EVIDENCE_DESCRIPTIONS: Lines = {
  vi: ["Ảnh chụp màn hình chuyển khoản", "Sao kê ngân hàng", "Hóa đơn điện tử"],
  zh: ["转账截图", "银行流水", "电子发票"],
  en: ["Transfer screenshot", "Bank statement", "Invoice"],
};

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);
}
