/**
 * The zh-Hant entries written by hand instead of converted by OpenCC, each with the zh-Hans text
 * it translates. `scripts/zh-hant-catalog.ts` regenerates every other entry from Simplified, and
 * keeps these only while their Simplified source is unchanged; the catalog test fails when one is
 * stale, so whoever changes the Simplified text also looks at the Traditional one.
 */
export const ZH_HANT_HAND_WRITTEN: Readonly<Record<string, string>> = {
  // Taiwan says 登出 for signing out; OpenCC's phrase table keeps the mainland 退出登入.
  "app.signOut": "退出登录",
  "app.signOutPending": "您还有尚未同步的操作。退出登录会将其从本机删除。仍要退出吗？",
  // 回饋 is the Taiwan word for feedback; OpenCC writes 反饋.
  "timelineSummary.step.feedback": "各方反馈",
};
