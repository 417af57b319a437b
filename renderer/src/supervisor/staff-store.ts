import type { User } from "@shared/domain/user";
import { createStore } from "zustand/vanilla";
import type { SupervisorApi } from "./supervisor-api";

/**
 * The team as the supervisor screens show it: who is on it and their names, so a reviewer or an
 * assignee reads as a person, not an id. Loaded once per area visit; a failed load keeps the last
 * list (ids still show) rather than blanking the screens.
 */

// State
export interface StaffState {
  staff: readonly User[];
  /** Display name by user id. */
  names: Readonly<Record<string, string>>;
}

// Actions
export interface StaffActions {
  load(signal?: AbortSignal): Promise<void>;
}

export function createStaffStore(api: Pick<SupervisorApi, "users">) {
  return createStore<StaffState & StaffActions>()((set) => ({
    staff: [],
    names: {},
    async load(signal) {
      const staff = await api.users(signal);
      set({ staff, names: Object.fromEntries(staff.map((u) => [u.id, u.displayName])) });
    },
  }));
}

export type StaffStore = ReturnType<typeof createStaffStore>;
