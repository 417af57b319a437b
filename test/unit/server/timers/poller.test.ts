import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startPoller } from "../../../../server/timers/poller";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A round that stays open until the test lets it end. */
function heldRound() {
  const ends: Array<() => void> = [];
  const round = vi.fn(
    () =>
      new Promise<void>((resolve) => {
        ends.push(resolve);
      }),
  );
  const endAll = () => {
    for (const end of ends.splice(0)) end();
  };
  return { round, endAll };
}

describe("startPoller", () => {
  it("skips a tick while the previous round still runs, then runs again", async () => {
    const { round, endAll } = heldRound();
    const stop = startPoller(round, 100);
    await vi.advanceTimersByTimeAsync(100);
    await vi.advanceTimersByTimeAsync(300);
    expect(round).toHaveBeenCalledTimes(1);
    endAll();
    await vi.advanceTimersByTimeAsync(100);
    expect(round).toHaveBeenCalledTimes(2);
    endAll();
    await stop();
  });

  it("keeps polling after a failed round", async () => {
    const round = vi.fn().mockRejectedValueOnce(new Error("db down")).mockResolvedValue(undefined);
    const stop = startPoller(round, 50);
    await vi.advanceTimersByTimeAsync(150);
    expect(round.mock.calls.length).toBeGreaterThanOrEqual(2);
    await stop();
  });

  it("stop waits for the round under way and starts no other", async () => {
    const { round, endAll } = heldRound();
    const stop = startPoller(round, 100);
    await vi.advanceTimersByTimeAsync(100);
    let stopped = false;
    const stopping = stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    endAll();
    await stopping;
    expect(stopped).toBe(true);
    await vi.advanceTimersByTimeAsync(500);
    expect(round).toHaveBeenCalledTimes(1);
  });
});
