/**
 * Vietnam: public holidays (Labour Code 2019, art. 112) as scheduled each year for civil servants
 * and public employees, including the government's working-day swaps (hoán đổi ngày làm việc: a
 * Saturday worked to bridge a holiday, modelled as a make-up working day). Private employers may
 * choose other Tết/National Day days; a desk that follows one would load its own JSON calendar.
 *
 * Sources:
 * - 2025: MOLISA notice 6150/TB-LĐTBXH (2024-11-12): Tết 25/01–02/02 (9 days), National Day
 *   30/08–02/09 (01/09 as the extra day); the PM's approval (April 2025) to swap Fri 02/05 with
 *   Sat 26/04 for 30/4–1/5 (off 30/04–04/05). Hùng Kings 10/3 lunar = Mon 07/04.
 * - 2026: Ministry of Home Affairs notices approved by the PM (Oct 2025): Tết 14/02–22/02
 *   (9 days), National Day 29/08–02/09 with Mon 31/08 swapped to Sat 22/08; Deputy PM approval of
 *   2025-12-25: New Year 01/01–04/01 with Fri 02/01 swapped to Sat 10/01. Hùng Kings 10/3 lunar
 *   = Sun 26/04, compensated Mon 27/04 (art. 111). 30/4 Thu + 1/5 Fri.
 * - 2027: PROVISIONAL, statutory days only (the 2027 schedule was not available to us): 01/01;
 *   Tết = 29 Chạp (Fri 05/02) + mùng 1–4 (06–09/02), the weekend days of it compensated on the
 *   following working days (10–11/02), per art. 111; Hùng Kings 10/3 lunar = Fri 16/04; 30/04 Fri;
 *   01/05 Sat compensated Mon 03/05; 02/09 Thu + Fri 03/09 as the adjacent day. Replace with the
 *   government's announcement when it is out.
 */
import type { CalendarSpecInput } from "../calendar-schema";

export const VN_CALENDAR = {
  id: "VN",
  name: "Vietnam (Asia/Ho_Chi_Minh)",
  timeZone: "Asia/Ho_Chi_Minh",
  years: [
    { year: 2025, status: "official", source: "6150/TB-LĐTBXH; PM approval of the 26/04 swap" },
    { year: 2026, status: "official", source: "Ministry of Home Affairs notices (Oct 2025, Dec 2025)" },
    { year: 2027, status: "provisional", source: "Labour Code 2019 arts. 111–112, statutory days only" },
  ],
  holidays: [
    // 2025
    { name: "Tết Dương lịch", from: "2025-01-01" },
    { name: "Tết Nguyên đán", from: "2025-01-25", to: "2025-02-02" },
    { name: "Giỗ Tổ Hùng Vương", from: "2025-04-07" },
    { name: "30/4 & 1/5 (with swap)", from: "2025-04-30", to: "2025-05-04" },
    { name: "Quốc khánh", from: "2025-08-30", to: "2025-09-02" },
    // 2026
    { name: "Tết Dương lịch (with swap)", from: "2026-01-01", to: "2026-01-04" },
    { name: "Tết Nguyên đán", from: "2026-02-14", to: "2026-02-22" },
    { name: "Giỗ Tổ Hùng Vương (compensated)", from: "2026-04-26", to: "2026-04-27" },
    { name: "30/4 & 1/5", from: "2026-04-30", to: "2026-05-03" },
    { name: "Quốc khánh (with swap)", from: "2026-08-29", to: "2026-09-02" },
    // 2027 (provisional)
    { name: "Tết Dương lịch", from: "2027-01-01" },
    { name: "Tết Nguyên đán", from: "2027-02-05", to: "2027-02-11" },
    { name: "Giỗ Tổ Hùng Vương", from: "2027-04-16" },
    { name: "30/4 & 1/5 (compensated)", from: "2027-04-30", to: "2027-05-03" },
    { name: "Quốc khánh", from: "2027-09-02", to: "2027-09-03" },
  ],
  makeUpDays: [
    { name: "làm bù cho 02/05/2025", date: "2025-04-26" },
    { name: "làm bù cho 02/01/2026", date: "2026-01-10" },
    { name: "làm bù cho 31/08/2026", date: "2026-08-22" },
  ],
} satisfies CalendarSpecInput;
