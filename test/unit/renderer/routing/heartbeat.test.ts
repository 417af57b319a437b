import { describe, expect, test, vi } from "vitest";
import {
  rememberedState,
  startHeartbeat,
  storageKey,
} from "../../../../renderer/src/routing/heartbeat";

function manualTimers() {
  let tick: (() => void) | null = null;
  return {
    timers: {
      setInterval: (fn: () => void) => {
        tick = fn;
        return 1;
      },
      clearInterval: () => {
        tick = null;
      },
    },
    fire: () => tick?.(),
    isRunning: () => tick !== null,
  };
}

describe("routing heartbeat", () => {
  test("beats at once, on every interval with the current state, at once on a switch, never after stop", async () => {
    const send = vi.fn(async () => undefined);
    const clock = manualTimers();
    const beat = startHeartbeat({
      send,
      initial: "away",
      intervalMs: 30_000,
      timers: clock.timers,
    });
    expect(send).toHaveBeenLastCalledWith("away");
    await beat.set("online");
    expect(send).toHaveBeenCalledTimes(2);
    expect(send).toHaveBeenLastCalledWith("online");
    clock.fire();
    expect(send).toHaveBeenCalledTimes(3);
    expect(send).toHaveBeenLastCalledWith("online");
    beat.stop();
    expect(clock.isRunning()).toBe(false);
    await beat.set("away");
    expect(send).toHaveBeenCalledTimes(3);
  });

  test("a failed beat is left to the next one", async () => {
    const send = vi.fn(async () => {
      throw new Error("offline");
    });
    const clock = manualTimers();
    const beat = startHeartbeat({
      send,
      initial: "online",
      intervalMs: 30_000,
      timers: clock.timers,
    });
    await expect(beat.set("online")).resolves.toBeUndefined();
    clock.fire();
    expect(send).toHaveBeenCalledTimes(3);
    beat.stop();
  });

  test("a first sign-in starts away; the agent's last choice is remembered per user", () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null };
    expect(rememberedState(storage, "u-agent1")).toBe("away");
    store.set(storageKey("u-agent1"), "online");
    expect(rememberedState(storage, "u-agent1")).toBe("online");
    expect(rememberedState(storage, "u-agent2")).toBe("away");
  });
});
