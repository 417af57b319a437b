/**
 * The money model: exact amounts in minor units, locale entry and display, who receives what on
 * which kind of case, structured terms, and the limits a decision must respect. Shared by the
 * server (authoritative) and the desk (its form and confirmation).
 */
export * from "./decision-check";
export * from "./locale-amount";
export * from "./minor-units";
export * from "./payout";
export * from "./terms";
