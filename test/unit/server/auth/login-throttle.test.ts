import { describe, expect, it } from "vitest";
import { FailureCounter, HashGate, LoginThrottle } from "../../../../server/auth/throttle";

const POLICY = { freeFailures: 3, baseLockMs: 1_000, maxLockMs: 8_000, windowMs: 60_000 };

describe("sign-in throttle", () => {
  it("allows the free failures, then locks with a doubling, capped backoff", () => {
    const counter = new FailureCounter(POLICY);
    expect([1, 2, 3].map(() => counter.fail("a", 0))).toEqual([0, 0, 0]);
    expect(counter.retryAfterMs("a", 0)).toBe(0);
    expect(counter.fail("a", 0)).toBe(1_000);
    expect(counter.retryAfterMs("a", 400)).toBe(600);
    expect(counter.fail("a", 1_000)).toBe(2_000);
    expect(counter.fail("a", 3_000)).toBe(4_000);
    expect(counter.fail("a", 7_000)).toBe(8_000);
    expect(counter.fail("a", 15_000)).toBe(8_000); // capped
    expect(counter.retryAfterMs("b", 15_000)).toBe(0); // other keys unaffected
  });

  it("forgets failures after a quiet window", () => {
    const counter = new FailureCounter(POLICY);
    for (let i = 0; i < 4; i++) counter.fail("a", 0);
    expect(counter.retryAfterMs("a", 500)).toBe(500);
    expect(counter.fail("a", 1_000 + 60_001)).toBe(0);
  });

  it("counts per account (any case) and per address; a success clears the account only", async () => {
    const throttle = new LoginThrottle(
      new FailureCounter(POLICY),
      new FailureCounter({ ...POLICY, freeFailures: 5 }),
    );
    for (let i = 0; i < 4; i++) await throttle.failed("Agent1", "10.0.0.1", 0);
    expect(await throttle.retryAfterMs("agent1", "10.0.0.9", 0)).toBe(1_000);
    await throttle.succeeded("agent1");
    expect(await throttle.retryAfterMs("agent1", "10.0.0.9", 0)).toBe(0);
    // The address has 4 failures of its allowance of 5: two more lock it for any account.
    await throttle.failed("agent2", "10.0.0.1", 0);
    await throttle.failed("agent3", "10.0.0.1", 0);
    expect(await throttle.retryAfterMs("agent4", "10.0.0.1", 0)).toBe(1_000);
    expect(await throttle.retryAfterMs("agent4", "10.0.0.2", 0)).toBe(0);
  });
});

describe("hash gate", () => {
  it("runs at most `limit` at once, queues `queue` more, turns the rest away", async () => {
    const gate = new HashGate(2, 3);
    let running = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const work = () =>
      new Promise<string>((resolve) => {
        running += 1;
        peak = Math.max(peak, running);
        releases.push(() => {
          running -= 1;
          resolve("done");
        });
      });
    const calls = Array.from({ length: 8 }, () => gate.run(work));
    await Promise.resolve();
    expect(gate.inFlight).toBe(2);
    expect(gate.queued).toBe(3);
    // Three turned away at once, without running.
    expect(await Promise.all(calls.slice(5))).toEqual([null, null, null]);
    while (releases.length > 0 || running > 0) {
      releases.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(await Promise.all(calls.slice(0, 5))).toEqual(Array(5).fill("done"));
    expect(peak).toBe(2);
    expect(gate.inFlight).toBe(0);
  });
});
