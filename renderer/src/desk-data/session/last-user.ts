import { User } from "@shared/domain/user";
import type { LastUserStore } from "../../auth/auth-store";

const KEY = "arbiter-desk:last-user";

/**
 * The last signed-in user (id, name, role — no secret) in localStorage, so a restart while the
 * server is unreachable reopens that user's offline cache. Parsed with the shared schema on read.
 */
export function localStorageLastUser(
  storage: Storage | null = globalThis.localStorage ?? null,
): LastUserStore {
  return {
    load() {
      try {
        const parsed = User.safeParse(JSON.parse(storage?.getItem(KEY) ?? "null"));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    save: (user) => storage?.setItem(KEY, JSON.stringify(user)),
    clear: () => storage?.removeItem(KEY),
  };
}
