import type { Language } from "@shared/domain/appeal";

/**
 * What simulated parties say at the later steps of an appeal, written for the simulator.
 * (Filing statements and chat come from the demo phrases, shared with the seed.)
 */
type Lines = Record<Language, readonly string[]>;

export const EVIDENCE_REPLY: Lines = {
  vi: [
    "Tôi gửi thêm ảnh chụp sao kê ngân hàng như CS yêu cầu.",
    "Đây là biên lai chuyển khoản có mã giao dịch, mong CS xem giúp.",
    "Xin lỗi vì gửi trễ, tôi vừa lấy được sao kê từ ngân hàng.",
  ],
  zh: [
    "按客服要求补充银行流水截图。",
    "这是带交易流水号的转账凭证，请客服查看。",
    "抱歉晚了，刚从银行拿到对账单。",
  ],
  en: [
    "Attaching the bank statement screenshot support asked for.",
    "Here is the transfer receipt with the reference number.",
    "Sorry for the delay, the bank only just sent me the statement.",
  ],
};

export const OBJECTION: Lines = {
  vi: [
    "Tôi không đồng ý với kết quả, tôi đã cung cấp đủ bằng chứng thanh toán.",
    "Quyết định này chưa xem xét sao kê tôi gửi sau, đề nghị xem xét lại.",
  ],
  zh: [
    "我不同意处理结果，我已经提供了完整的付款证明。",
    "这个决定没有考虑我后来补交的流水，申请复核。",
  ],
  en: [
    "I disagree with the decision; my payment proof was complete.",
    "The decision ignored the statement I sent later. Please review it again.",
  ],
};

export const RESPONDENT_ANSWER: Lines = {
  vi: [
    "Tôi chưa nhận được tiền, không thể mở khóa.",
    "Hai bên đã thỏa thuận xong, tôi sẽ mở khóa.",
  ],
  zh: ["我没有收到款，不能放币。", "双方已经协商好了，我马上放币。"],
  en: [
    "I have not received the money, so I will not release.",
    "We agreed between us; I will release now.",
  ],
};

export const FEEDBACK: Lines = {
  vi: ["Cảm ơn CS, tôi đã nhận được tiền.", "Tôi vẫn chưa nhận được khoản hoàn tiền."],
  zh: ["谢谢客服，款项已收到。", "我还是没有收到退款。"],
  en: ["Thanks, I have received the funds.", "I still have not received the refund."],
};
