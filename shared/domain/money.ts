import { z } from "zod";

/**
 * Money travels as a decimal string ("1250000", "3499.50"), never as a float:
 * a VND amount of 25,000,000 or a USDT amount with 6 decimals must survive every hop exactly.
 */
export const DecimalString = z
  .string()
  .regex(/^(0|[1-9]\d{0,17})(\.\d{1,8})?$/, "a non-negative decimal number such as 1250.50");
export type DecimalString = z.infer<typeof DecimalString>;

/** ISO 4217 fiat codes plus the crypto assets traded on the P2P desk. */
export const Currency = z.enum(["VND", "CNY", "USD", "EUR", "USDT", "BTC", "ETH"]);
export type Currency = z.infer<typeof Currency>;
