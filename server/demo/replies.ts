import type { ReplyWrite } from "@shared/api/replies";

/**
 * The demo set of canned replies and decision macros, written for each language as its speakers
 * would write to a customer (not translated word by word). Placeholders are filled by the desk
 * from the case (`shared/replies/placeholders.ts`).
 */
export const DEMO_REPLIES: readonly (ReplyWrite & { id: string })[] = [
  {
    id: "rp-demo-received",
    kind: "reply",
    title: "We have your appeal",
    tags: ["greeting"],
    bodies: {
      vi: "Chào {partyName}, bộ phận CSKH đã tiếp nhận khiếu nại {reference} của bạn. Chúng tôi đang xem xét các bằng chứng của cả hai bên và sẽ phản hồi trước {deadline}. Cảm ơn bạn đã kiên nhẫn chờ đợi.",
      "zh-Hans":
        "{partyName}您好，我们已收到您的申诉 {reference}，正在核查双方提交的证据，将在 {deadline} 前给您答复。感谢您的耐心等待。",
      "zh-Hant":
        "{partyName}您好，我們已收到您的申訴 {reference}，正在核對雙方提交的證據，將於 {deadline} 前回覆您。感謝您耐心等候。",
      en: "Hello {partyName}, we have received your appeal {reference}. We are reviewing the evidence from both sides and will get back to you by {deadline}. Thank you for your patience.",
    },
  },
  {
    id: "rp-demo-proof-of-payment",
    kind: "reply",
    title: "Ask for proof of payment",
    tags: ["evidence"],
    bodies: {
      vi: "Chào {partyName}, để xử lý khiếu nại {reference}, bạn vui lòng gửi ảnh chụp biên lai chuyển khoản {amount} cho đơn {order}, thấy rõ thời gian, số tài khoản nhận và mã giao dịch, trước {deadline}.",
      "zh-Hans":
        "{partyName}您好，为处理申诉 {reference}，请在 {deadline} 前上传订单 {order} 的 {amount} 转账凭证截图，需清楚显示转账时间、收款账号和交易流水号。",
      "zh-Hant":
        "{partyName}您好，為處理申訴 {reference}，請於 {deadline} 前上傳訂單 {order} 的 {amount} 轉帳憑證截圖，需清楚顯示轉帳時間、收款帳號及交易序號。",
      en: "Hello {partyName}, to settle appeal {reference}, please upload a screenshot of your transfer of {amount} for order {order} by {deadline}, showing the time, the receiving account and the transaction number.",
    },
  },
  {
    id: "rp-demo-bank-statement",
    kind: "reply",
    title: "Ask the seller for a bank statement",
    tags: ["evidence"],
    bodies: {
      vi: "Chào {partyName}, {counterpartyName} cho biết đã chuyển {amount} cho đơn {order}. Bạn vui lòng gửi sao kê tài khoản ngân hàng trong ngày giao dịch trước {deadline}; nếu không nhận được phản hồi, chúng tôi sẽ giải quyết dựa trên bằng chứng hiện có.",
      "zh-Hans":
        "{partyName}您好，{counterpartyName}表示已为订单 {order} 支付 {amount}。请在 {deadline} 前提供交易当天的银行流水；逾期未回复的，我们将依据现有证据作出处理。",
      "zh-Hant":
        "{partyName}您好，{counterpartyName}表示已為訂單 {order} 付款 {amount}。請於 {deadline} 前提供交易當日的銀行對帳單；逾期未回覆者，我們將依現有證據處理。",
      en: "Hello {partyName}, {counterpartyName} says they paid {amount} for order {order}. Please send your bank statement for the day of the trade by {deadline}; without an answer we will decide on the evidence we have.",
    },
  },
  {
    id: "rp-demo-mediation",
    kind: "reply",
    title: "Suggest an agreement",
    tags: ["mediation"],
    bodies: {
      vi: "Chào {partyName}, hai bên có thể tự thỏa thuận về khoản {amount} của đơn {order} không? Nếu đồng ý, bạn chỉ cần trả lời tin nhắn này, chúng tôi sẽ ghi nhận và đóng khiếu nại {reference}.",
      "zh-Hans":
        "{partyName}您好，双方是否愿意就订单 {order} 的 {amount} 协商解决？如同意，请直接回复本消息，我们会记录协商结果并关闭申诉 {reference}。",
      "zh-Hant":
        "{partyName}您好，雙方是否願意就訂單 {order} 的 {amount} 協商解決？如同意，請直接回覆本訊息，我們會記錄協商結果並結案申訴 {reference}。",
      en: "Hello {partyName}, would you and the other party settle the {amount} of order {order} between you? If so, just reply to this message and we will record the agreement and close appeal {reference}.",
    },
  },
  {
    id: "rp-demo-macro-release",
    kind: "decision_macro",
    title: "Buyer paid, seller did not release",
    outcome: "release",
    tags: ["p2p"],
    bodies: {
      vi: "Bên mua đã chứng minh chuyển khoản {amount} cho đơn {order} thành công, khớp với giao dịch. Bên bán không chứng minh được khoản thanh toán bị lỗi hay bị hoàn lại. Tài sản tiền mã hóa được giải phóng cho bên mua.",
      "zh-Hans":
        "买方已证明就订单 {order} 完成 {amount} 的银行转账，与交易信息一致；卖方未能证明该笔付款失败或已退回。数字资产放行给买方。",
      "zh-Hant":
        "買方已證明就訂單 {order} 完成 {amount} 的銀行轉帳，與交易資訊相符；賣方未能證明該筆付款失敗或已退回。數位資產放行給買方。",
      en: "The buyer showed a completed bank transfer of {amount} for order {order}, matching the trade. The seller did not show that the payment failed or was returned. The crypto is released to the buyer.",
    },
  },
  {
    id: "rp-demo-macro-cancel",
    kind: "decision_macro",
    title: "No payment received",
    outcome: "cancel_order",
    tags: ["p2p"],
    bodies: {
      vi: "Bằng chứng của bên mua cho đơn {order} không cho thấy đã chuyển khoản {amount} thành công, và sao kê của bên bán không có khoản tiền nào được nhận. Đơn hàng bị hủy, tài sản được trả lại cho bên bán.",
      "zh-Hans":
        "买方就订单 {order} 提交的证据未能显示 {amount} 已转账成功，卖方的银行流水也没有相应入账。订单取消，数字资产退还卖方。",
      "zh-Hant":
        "買方就訂單 {order} 提交的證據未能顯示 {amount} 已轉帳成功，賣方的銀行對帳單亦無相應入帳。訂單取消，數位資產退還賣方。",
      en: "The buyer's evidence for order {order} does not show a completed transfer of {amount}, and the seller's bank statement shows no incoming payment. The order is cancelled and the crypto returned to the seller.",
    },
  },
  {
    id: "rp-demo-macro-refund",
    kind: "decision_macro",
    title: "Charged twice",
    outcome: "full_refund",
    tags: ["payment"],
    bodies: {
      vi: "Lịch sử giao dịch {order} cho thấy cùng một khoản {amount} bị trừ hai lần. Khoản trừ trùng được hoàn lại toàn bộ cho người thanh toán.",
      "zh-Hans":
        "交易 {order} 的记录显示同一笔 {amount} 被重复扣款。重复扣除的款项全额退还付款人。",
      "zh-Hant":
        "交易 {order} 的紀錄顯示同一筆 {amount} 遭重複扣款。重複扣除的款項全額退還付款人。",
      en: "The records of transaction {order} show the same {amount} charged twice. The duplicate charge is refunded in full to the payer.",
    },
  },
];
