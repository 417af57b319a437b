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
  // Written in Taiwan usage by the engineers who added these screens (稽核紀錄, 帳戶, 類型, 幣別…),
  // where OpenCC's phrase table gives mainland words (審計記錄, 賬戶, 型別, 幣種).
  "supervisor.audit.trail.title": "案件的审计记录",
  "supervisor.audit.trail.show": "查看审计记录",
  "supervisor.audit.trail.empty": "该案件暂无记录。",
  "supervisor.audit.trail.failed": "无法加载审计记录：{{error}}",
  "supervisor.audit.trail.contactReveal": "已查看联系方式",
  "search.server.unavailable": "服务器搜索不可用（离线）；只搜索了本机缓存的申诉。",
  "context.noAccount": "平台未发送账户信息。",
  "context.accountAge": "账户年龄",
  "context.kycLevel.3": "高级",
  "queueExport.column.kind": "类型",
  "queueExport.column.currency": "币种",
  "queueExport.column.priority": "优先级",
  // 平台 is the common Taiwan form; OpenCC writes 平臺.
  "supervisor.audit.trail.actors.platform": "平台",
};
