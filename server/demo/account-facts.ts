import type { PartyAccount } from "@shared/api/case-context";

const DAY_MS = 86_400_000;

/**
 * Account facts a platform would send for one of its users, the same for the same user id on
 * every filing (a hash of the id, so the demo's and the simulator's random sequences are left
 * as they were): an account between two weeks and six years old, up to ~900 completed trades,
 * a KYC level 0–3. Merchants are long-standing and fully verified.
 */
export function accountFactsFor(
  externalUserId: string,
  now: Date,
  isMerchant = false,
): PartyAccount {
  let hash = 2166136261;
  for (let i = 0; i < externalUserId.length; i++) {
    hash = Math.imul(hash ^ externalUserId.charCodeAt(i), 16777619) >>> 0;
  }
  const ageDays = 14 + (hash % 2_180);
  return {
    openedAt: new Date(now.getTime() - (isMerchant ? 2_000 : ageDays) * DAY_MS).toISOString(),
    completedTrades: isMerchant ? null : (hash >>> 8) % 900,
    kycLevel: isMerchant ? 3 : (hash >>> 4) % 4,
  };
}

/**
 * A few frequent appellants: every `every`-th filing's complainant is one of two recurring
 * platform users, so a party's other appeals exist in the demo and in simulated traffic.
 */
export function recurringUserId(prefix: string, index: number, every: number): string | null {
  return index % every === every - 1
    ? `${prefix}9${String(index % (2 * every)).padStart(7, "0")}`
    : null;
}
