import type { IpcParsedRequest, IpcResponse } from "@shared/ipc/contract";
import type { NotificationRateLimiter } from "./notification-rate-limiter";

type NotificationRequest = IpcParsedRequest<"notification:show">;

export interface NotifierDeps {
  /** `Notification.isSupported()`: false on Linux without a notification daemon. */
  isSupported(): boolean;
  /** Shows one OS notification; `onClick` runs when the agent clicks it. */
  present(notification: { title: string; body: string }, onClick: () => void): void;
  isEnabled(): boolean;
  limiter: NotificationRateLimiter;
  /** Brings the desk forward and opens the case (the same path as a deep link). */
  openCase(reference: string): void;
}

/**
 * New escalations assigned to me and SLA warnings, as OS notifications. The renderer decides what
 * deserves one; the main process decides whether it is shown now (setting, rate limit, OS).
 */
export function createDesktopNotifier(deps: NotifierDeps) {
  return {
    show(request: NotificationRequest): IpcResponse<"notification:show"> {
      if (!deps.isEnabled()) return { shown: false, reason: "disabled" };
      if (!deps.isSupported()) return { shown: false, reason: "unsupported" };
      // One warning per case per interval; assignments and warnings of a case are counted apart.
      const key = `${request.kind}:${request.caseReference ?? request.title}`;
      if (!deps.limiter.tryAcquire(key)) return { shown: false, reason: "rate-limited" };
      const { caseReference } = request;
      deps.present({ title: request.title, body: request.body }, () => {
        if (caseReference) deps.openCase(caseReference);
      });
      return { shown: true };
    },
  };
}
