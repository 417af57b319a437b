import { createStore } from "zustand/vanilla";
import {
  parseSupervisorRoute,
  type SupervisorRoute,
  supervisorHref,
} from "../supervisor/supervisor-routes";

/**
 * The desk's places, kept in the URL hash (`#/`, `#/cases/<id>`, `#/settings`, `#/supervisor/…`):
 * works the same under `app://` in Electron and over http in web mode, survives a reload, and Back
 * goes back. One router for the agent's screens and the supervisor area alike.
 */
export type Route =
  | { name: "queue" }
  | { name: "case"; caseId: string }
  | { name: "settings" }
  | { name: "supervisor"; page: SupervisorRoute };

export function parseRoute(hash: string): Route {
  if (hash === "#/settings") return { name: "settings" };
  const page = parseSupervisorRoute(hash);
  if (page) return { name: "supervisor", page };
  const match = /^#\/cases\/([^/?#]+)/.exec(hash);
  if (match?.[1]) return { name: "case", caseId: decodeURIComponent(match[1]) };
  return { name: "queue" };
}

export function hrefOf(route: Route): string {
  if (route.name === "settings") return "#/settings";
  if (route.name === "supervisor") return supervisorHref(route.page);
  return route.name === "case" ? `#/cases/${encodeURIComponent(route.caseId)}` : "#/";
}

// State
export interface RouterState {
  route: Route;
}

// Actions
export interface RouterActions {
  navigate(route: Route): void;
}

export function createRouter(win: Pick<Window, "location" | "addEventListener"> = window) {
  const store = createStore<RouterState & RouterActions>()((set) => ({
    route: parseRoute(win.location.hash),
    navigate(route) {
      const href = hrefOf(route);
      if (win.location.hash !== href) win.location.hash = href;
      set({ route });
    },
  }));
  win.addEventListener("hashchange", () =>
    store.setState({ route: parseRoute(win.location.hash) }),
  );
  return store;
}

export type RouterStore = ReturnType<typeof createRouter>;
