/**
 * The agent's "Available / Away" switch in the top bar. Available means routing may give them
 * new escalations; away keeps them signed in with their queue but gives them nothing new. The
 * choice is remembered on this computer; a first sign-in starts away, so nobody is sent cases
 * before they said they are ready.
 */
import { AGENT_HEARTBEAT_MS, type DeskPresenceState } from "@shared/api/routing";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Heartbeat, rememberedState, startHeartbeat, storageKey } from "./heartbeat";
import type { RoutingApi } from "./routing-api";

export function AvailabilitySwitch({ api, userId }: { api: RoutingApi; userId: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<DeskPresenceState>(() =>
    rememberedState(window.localStorage, userId),
  );
  const heartbeat = useRef<Heartbeat | null>(null);
  useEffect(() => {
    const running = startHeartbeat({
      send: (s) => api.heartbeat(s),
      initial: rememberedState(window.localStorage, userId),
      intervalMs: AGENT_HEARTBEAT_MS,
    });
    heartbeat.current = running;
    return () => running.stop();
  }, [api, userId]);
  const choose = (next: DeskPresenceState) => {
    setState(next);
    window.localStorage.setItem(storageKey(userId), next);
    void heartbeat.current?.set(next);
  };
  return (
    <label className="availability">
      <span className="visually-hidden">{t("routing.availability")}</span>
      <select
        aria-label={t("routing.availability")}
        value={state}
        data-state={state}
        onChange={(e) => choose(e.target.value === "online" ? "online" : "away")}
      >
        <option value="online">{t("routing.available")}</option>
        <option value="away">{t("routing.away")}</option>
      </select>
    </label>
  );
}
