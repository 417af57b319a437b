import type { LiveEvent } from "@shared/api/events";
import type { User } from "@shared/domain/user";
import { DESK_COMMANDS, type DeskCommand } from "@shared/ipc/desk-commands";
import type { DeskData } from "../desk-data";
import type { Platform } from "../platform/platform";
import { type AttentionStore, attentionOf } from "./attention";
import {
  type AlertMemory,
  type DeskAlert,
  EMPTY_ALERT_MEMORY,
  evaluateAlerts,
} from "./desk-alerts";

/**
 * Joins the desk to its host: notifications and the badge from the agent's own cases, deep links
 * and case windows, and the application menu. The same code runs in Electron and in a browser; the
 * Platform decides what each call does there.
 */
export interface DesktopIntegrationDeps {
  platform: Platform;
  data: Pick<DeskData, "observeQueue" | "allCases" | "casesByIds" | "onLiveEvent">;
  /** Where cases needing the agent are flagged, and alerts the host did not show are kept. */
  attention: AttentionStore;
  user: Pick<User, "id">;
  openCase(caseId: string): void;
  openSettings(): void;
  openReport(caseId: string): void;
  /** The case on screen, if any. */
  currentCaseId(): string | null;
  /** Notification texts in the agent's language. */
  describe(alert: DeskAlert): { title: string; body: string };
  now?: () => number;
  /** How often deadlines are re-checked without a data change. */
  tickMs?: number;
}

/** Commands that stand for a key the screens already listen to. */
const KEY_COMMANDS = new Set<DeskCommand>([
  "queue.next",
  "queue.previous",
  "queue.open",
  "queue.claim",
  "case.compose",
  "case.decide",
  "case.request-evidence",
  "case.note",
  "case.back",
  "queue.search",
  "help.shortcuts",
]);

export function startDesktopIntegration(deps: DesktopIntegrationDeps): () => void {
  const { platform, data, user } = deps;
  const now = deps.now ?? Date.now;
  let memory: AlertMemory = EMPTY_ALERT_MEMORY;
  let lastBadge = -1;
  let mine: Parameters<typeof evaluateAlerts>[1] = [];
  let stopped = false;

  const evaluate = () => {
    const result = evaluateAlerts(user.id, mine, now(), memory);
    memory = result.memory;
    for (const alert of result.alerts) {
      void platform.notify({
        kind: alert.kind,
        ...deps.describe(alert),
        caseReference: alert.reference,
      });
    }
    if (result.breaching !== lastBadge) {
      lastBadge = result.breaching;
      void platform.setBadgeCount(result.breaching);
    }
  };

  const unsubscribeQueue = data.observeQueue({ assignee: user.id, limit: 5_000 }, (page) => {
    mine = page.rows;
    evaluate();
  });
  const timer = setInterval(evaluate, deps.tickMs ?? 60_000);

  // A deadline job found my case needing me: flag it, notify through the host, and when the host
  // declines (turned off, no permission, no OS support) show the alert in the desk instead.
  const onAttention = async (event: LiveEvent) => {
    const found = attentionOf(event, user.id);
    if (!found) return;
    const { caseId } = found;
    const [row] = await data.casesByIds([caseId]);
    if (!row || stopped) return;
    // The agent is looking at the case: the workspace shows the lapse itself.
    if (deps.currentCaseId() !== caseId) deps.attention.getState().flag(caseId, found.flag);
    const alert = {
      kind: "deadline-lapsed" as const,
      caseId,
      reference: row.reference,
      reason: found.flag.reason,
    };
    const text = deps.describe(alert);
    const { shown } = await platform.notify({
      kind: alert.kind,
      ...text,
      caseReference: row.reference,
    });
    if (!shown && !stopped && deps.currentCaseId() !== caseId) {
      deps.attention.getState().notice({ ...alert, ...text });
    }
  };
  const unsubscribeLive = data.onLiveEvent((event) => {
    void onAttention(event);
  });

  const openByReference = async (reference: string) => {
    const found = (await data.allCases()).find((c) => c.reference === reference);
    if (found && !stopped) deps.openCase(found.id);
  };
  const unsubscribeOpen = platform.onOpenCaseRequested(
    (reference) => void openByReference(reference),
  );
  void platform.windowCaseReference().then((reference) => {
    if (reference) void openByReference(reference);
  });

  const unsubscribeMenu = platform.onMenuCommand((command) => {
    if (KEY_COMMANDS.has(command)) {
      // The screens own their keys (they know where focus is): the menu presses the same key.
      const key = DESK_COMMANDS[command].key;
      window.dispatchEvent(
        new KeyboardEvent("keydown", {
          key: key.length === 1 ? key.toLowerCase() : key,
          bubbles: true,
        }),
      );
      return;
    }
    const caseId = deps.currentCaseId();
    if (command === "settings.open") deps.openSettings();
    else if (command === "report.export-pdf" && caseId) deps.openReport(caseId);
    else if (command === "case.open-in-window" && caseId) {
      void data.allCases().then((cases) => {
        const reference = cases.find((c) => c.id === caseId)?.reference;
        if (reference) void platform.openCaseWindow(reference);
      });
    }
  });

  return () => {
    stopped = true;
    clearInterval(timer);
    unsubscribeQueue();
    unsubscribeLive();
    unsubscribeOpen();
    unsubscribeMenu();
  };
}
