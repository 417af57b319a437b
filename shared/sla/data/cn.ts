/**
 * China (mainland): public holidays and make-up working days (调休上班).
 *
 * Sources:
 * - 2025: 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12).
 * - 2026: 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04, published by Xinhua and on
 *   www.gov.cn, content_7047090).
 * - 2027: PROVISIONAL. The State Council's 2027 notice was not available to us when this file was
 *   written (chinese-days 1.5.7 has no 2027 data; its maintainer confirmed in April 2026 that it was
 *   not yet published). Listed are only the statutory holidays of 全国年节及纪念日放假办法
 *   (State Council Decree 795, 2024 revision: 元旦 1, 春节 4 incl. 除夕, 清明 1, 劳动节 2, 端午 1,
 *   中秋 1, 国庆 3), dated by the lunar calendar: 除夕 2027-02-05, 春节 02-06, 清明 04-05,
 *   端午 06-09, 中秋 09-15. Bridging days and make-up Saturdays/Sundays come only with the notice:
 *   replace this year with the notice's dates when it is out.
 *
 * Cross-checked day by day against the `chinese-days` package in test/unit/sla.
 * Each year: one line per festival of the notice, holidays then the make-up days it names.
 */
import type { CalendarSpecInput } from "../calendar-schema";

export const CN_CALENDAR = {
  id: "CN",
  name: "China (Asia/Shanghai)",
  timeZone: "Asia/Shanghai",
  years: [
    { year: 2025, status: "official", source: "国办发明电〔2024〕12号" },
    { year: 2026, status: "official", source: "国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)" },
    { year: 2027, status: "provisional", source: "全国年节及纪念日放假办法 (2024 revision), statutory days only" },
  ],
  holidays: [
    // 2025
    { name: "元旦 New Year's Day", from: "2025-01-01" },
    { name: "春节 Spring Festival", from: "2025-01-28", to: "2025-02-04" },
    { name: "清明节 Qingming", from: "2025-04-04", to: "2025-04-06" },
    { name: "劳动节 Labour Day", from: "2025-05-01", to: "2025-05-05" },
    { name: "端午节 Dragon Boat", from: "2025-05-31", to: "2025-06-02" },
    { name: "国庆节、中秋节 National Day & Mid-Autumn", from: "2025-10-01", to: "2025-10-08" },
    // 2026
    { name: "元旦 New Year's Day", from: "2026-01-01", to: "2026-01-03" },
    { name: "春节 Spring Festival", from: "2026-02-15", to: "2026-02-23" },
    { name: "清明节 Qingming", from: "2026-04-04", to: "2026-04-06" },
    { name: "劳动节 Labour Day", from: "2026-05-01", to: "2026-05-05" },
    { name: "端午节 Dragon Boat", from: "2026-06-19", to: "2026-06-21" },
    { name: "中秋节 Mid-Autumn", from: "2026-09-25", to: "2026-09-27" },
    { name: "国庆节 National Day", from: "2026-10-01", to: "2026-10-07" },
    // 2027 (provisional: statutory days only)
    { name: "元旦 New Year's Day", from: "2027-01-01" },
    { name: "春节 Spring Festival (除夕–初三)", from: "2027-02-05", to: "2027-02-08" },
    { name: "清明节 Qingming", from: "2027-04-05" },
    { name: "劳动节 Labour Day", from: "2027-05-01", to: "2027-05-02" },
    { name: "端午节 Dragon Boat", from: "2027-06-09" },
    { name: "中秋节 Mid-Autumn", from: "2027-09-15" },
    { name: "国庆节 National Day", from: "2027-10-01", to: "2027-10-03" },
  ],
  makeUpDays: [
    // 2025
    { name: "春节调休上班", date: "2025-01-26" },
    { name: "春节调休上班", date: "2025-02-08" },
    { name: "劳动节调休上班", date: "2025-04-27" },
    { name: "国庆节调休上班", date: "2025-09-28" },
    { name: "国庆节调休上班", date: "2025-10-11" },
    // 2026
    { name: "元旦调休上班", date: "2026-01-04" },
    { name: "春节调休上班", date: "2026-02-14" },
    { name: "春节调休上班", date: "2026-02-28" },
    { name: "劳动节调休上班", date: "2026-05-09" },
    { name: "国庆节调休上班", date: "2026-09-20" },
    { name: "国庆节调休上班", date: "2026-10-10" },
  ],
} satisfies CalendarSpecInput;
