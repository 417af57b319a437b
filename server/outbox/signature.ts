import { createHmac, timingSafeEqual } from "node:crypto";
import { signedContent } from "@shared/api/platform-events";

/** `v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`: what `webhook-signature` carries. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac("sha256", secret).update(signedContent(timestamp, body)).digest("hex")}`;
}

/**
 * The receiver's check, in constant time; refuses a timestamp more than `toleranceS` from `nowS`
 * so a captured delivery cannot be replayed later. Exported for the simulator and the tests, which
 * receive webhooks like a platform would.
 */
export function verifyWebhook(
  secret: string,
  timestamp: number,
  body: string,
  signature: string,
  nowS = Math.floor(Date.now() / 1000),
  toleranceS = 300,
): boolean {
  if (!Number.isFinite(timestamp) || Math.abs(nowS - timestamp) > toleranceS) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
