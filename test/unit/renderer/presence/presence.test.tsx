// @vitest-environment jsdom
import type { CasePresence, PresenceState, PresenceViewer } from "@shared/api/presence";
import type { CaseSummary } from "@shared/domain/appeal";
import { act, cleanup, render, screen, within } from "@testing-library/react";
import { I18nextProvider } from "react-i18next";
import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { CaseHeader } from "../../../../renderer/src/case-workspace/case-workspace";
import type { EventStreamOptions } from "../../../../renderer/src/desk-data/sync/sse";
import { createI18n } from "../../../../renderer/src/i18n/i18n";
import { PresenceBadge } from "../../../../renderer/src/presence/presence-badge";
import {
  createPresenceStore,
  type PresenceApi,
} from "../../../../renderer/src/presence/presence-store";
import { QueueScreen } from "../../../../renderer/src/queue/queue-screen";
import { createQueueStore, type QueueData } from "../../../../renderer/src/queue/queue-store";
import { detail, summary } from "../../../support/case-detail";

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, "clientHeight", {
    configurable: true,
    get: () => 800,
  });
});

const ME = "u-agent1";
const viewer = (userId: string, displayName: string): PresenceViewer => ({
  userId,
  displayName,
  role: "agent",
  expiresAt: "2026-03-02T02:01:00.000Z",
});
const MAI = viewer(ME, "Mai Anh");
const CHEN = viewer("u-agent2", "Chen Hao");
const LINH = viewer("u-supervisor1", "Linh Tran");

/** An API whose event stream the test drives; heartbeats are recorded. */
function fakeApi() {
  const said: [string, PresenceState][] = [];
  let stream: EventStreamOptions | null = null;
  const api: PresenceApi = {
    announce: async (caseId, state) => {
      said.push([caseId, state]);
      return { caseId, viewers: state === "open" ? [MAI] : [] } satisfies CasePresence;
    },
    eventStream: () => ({ url: "http://desk.test/api/v1/events", headers: () => ({}) }),
  };
  const openStream = (options: EventStreamOptions) => {
    stream = options;
    return { stop: () => undefined };
  };
  const push = (caseId: string, viewers: PresenceViewer[]) =>
    stream?.onEvent({
      id: null,
      event: "presence",
      data: JSON.stringify({
        type: "presence",
        cursor: null,
        at: "2026-03-02T02:00:00.000Z",
        caseId,
        viewers,
      }),
    });
  return { api, openStream, said, push, stream: () => stream };
}

function wrap(node: React.ReactNode, language: "en" | "vi" | "zh-Hans" = "en") {
  return <I18nextProvider i18n={createI18n(language)}>{node}</I18nextProvider>;
}

describe("presence", () => {
  test("the store keeps others from live events, never me, and starts over on reconnect", () => {
    const fake = fakeApi();
    const store = createPresenceStore({ api: fake.api, userId: ME, openStream: fake.openStream });
    store.getState().listen();
    expect(fake.stream()?.url).toBe("http://desk.test/api/v1/events?types=presence");

    fake.push("c1", [MAI]);
    expect(store.getState().others).toEqual({});
    fake.push("c1", [CHEN, MAI]);
    expect(store.getState().others.c1).toEqual([CHEN]);
    const before = store.getState().others.c1;
    fake.push("c1", [CHEN, MAI]);
    // The same people again: the list keeps its identity, so no row re-renders for it.
    expect(store.getState().others.c1).toBe(before);
    fake.push("c2", [LINH]);
    fake.push("c1", [MAI]);
    expect(store.getState().others).toEqual({ c2: [LINH] });
    // Junk on the stream is ignored, not thrown into the stream reader.
    fake.stream()?.onEvent({ id: null, event: "presence", data: "{not json" });
    fake.stream()?.onOpen?.();
    expect(store.getState().others).toEqual({});
  });

  test("watching a case heartbeats until it is left, then says closed", async () => {
    vi.useFakeTimers();
    const fake = fakeApi();
    const store = createPresenceStore({ api: fake.api, userId: ME, heartbeatMs: 20_000 });
    const stop = store.getState().watch("c1");
    await vi.advanceTimersByTimeAsync(65_000);
    expect(fake.said).toEqual([
      ["c1", "open"],
      ["c1", "open"],
      ["c1", "open"],
      ["c1", "open"],
    ]);
    stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.said.at(-1)).toEqual(["c1", "closed"]);
    expect(fake.said).toHaveLength(5);
  });

  test("a desk closed with the case open says so on its way out", () => {
    const fake = fakeApi();
    const left: string[] = [];
    const api: PresenceApi = { ...fake.api, leaveOnExit: (caseId) => left.push(caseId) };
    const store = createPresenceStore({ api, userId: ME });
    const stop = store.getState().watch("c7");
    window.dispatchEvent(new Event("pagehide"));
    expect(left).toEqual(["c7"]);
    stop();
    window.dispatchEvent(new Event("pagehide"));
    expect(left).toEqual(["c7"]);
  });

  test("the badge names who is viewing, in the desk's language, and nothing when nobody is", () => {
    const { container, rerender } = render(wrap(<PresenceBadge viewers={[CHEN, LINH]} />));
    expect(container.textContent).toBe("Viewing: Chen Hao, Linh Tran");
    rerender(wrap(<PresenceBadge viewers={[CHEN]} />, "vi"));
    expect(container.textContent).toBe("Đang xem: Chen Hao");
    rerender(wrap(<PresenceBadge viewers={[CHEN]} />, "zh-Hans"));
    expect(container.textContent).toBe("正在查看：Chen Hao");
    rerender(wrap(<PresenceBadge viewers={[]} />));
    expect(container.textContent).toBe("");
  });

  test("the queue row and the case header show others, not me", async () => {
    const fake = fakeApi();
    const presence = createPresenceStore({
      api: fake.api,
      userId: ME,
      openStream: fake.openStream,
    });
    presence.getState().listen();
    const rows: CaseSummary[] = [
      summary({ id: "c1", reference: "AP-000001" }),
      summary({ id: "c2", reference: "AP-000002" }),
    ];
    const data = {
      allCases: async () => rows,
      casesByIds: async (ids: readonly string[]) => ids.map((id) => rows.find((r) => r.id === id)),
      onCasesChanged: () => () => undefined,
      enqueue: async () => ({ seq: 1, idempotencyKey: "k" }),
    } satisfies QueueData;
    const queue = createQueueStore({
      data,
      views: { load: () => [], save: () => undefined },
      userId: ME,
    });
    render(
      wrap(
        <QueueScreen
          store={queue}
          userId={ME}
          canReassign={false}
          onOpen={() => undefined}
          presence={presence}
        />,
      ),
    );
    await act(() => queue.getState().start());
    act(() => {
      fake.push("c1", [CHEN, MAI]);
      fake.push("c2", [MAI]);
    });
    const row = (id: string) =>
      document.querySelector(`tr[data-case-id="${id}"]`) as HTMLTableRowElement;
    expect(within(row("c1")).getByText("Viewing: Chen Hao")).toBeTruthy();
    expect(row("c2").textContent).not.toContain("Viewing");
    act(() => fake.push("c1", []));
    expect(row("c1").textContent).not.toContain("Viewing");
    cleanup();

    render(wrap(<CaseHeader detail={detail({ id: "c1" })} userId={ME} viewers={[LINH]} />));
    expect(screen.getByText("Viewing: Linh Tran")).toBeTruthy();
  });
});
