import { createStore } from "zustand/vanilla";

/**
 * The desk's places, kept in the URL hash (`#/`, `#/cases/<id>`, `#/settings`): works the same under
 * `app://` in Electron and over http in web mode, survives a reload, and Back goes back.
 */
export type Route = { name: "queue" } | { name: "case"; caseId: string } | { name: "settings" };

export function parseRoute(hash: string): Route {
  if (hash === "#/settings") return { name: "settings" };
  const match = /^#\/cases\/([^/?#]+)/.exec(hash);
  if (match?.[1]) return { name: "case", caseId: decodeURIComponent(match[1]) };
  return { name: "queue" };
}

export function hrefOf(route: Route): string {
  if (route.name === "settings") return "#/settings";
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
