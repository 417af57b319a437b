import { EMPTY_FILTER, type QueueFilter, type QueueSort, type SavedView } from "./queue-filter";

/** Where an agent's own views live: per user, on this machine. */
export interface SavedViewsRepository {
  load(userId: string): SavedView[];
  save(userId: string, views: readonly SavedView[]): void;
}

const keyOf = (userId: string) => `arbiter.views.${userId}`;

function isView(
  value: unknown,
): value is { id: string; name: string; filter: object; sort: object } {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === "string" &&
    typeof v.name === "string" &&
    typeof v.filter === "object" &&
    typeof v.sort === "object"
  );
}

/**
 * localStorage, keyed by user id. A view saved by an older desk may lack a newer filter field:
 * missing fields take their "any" default instead of breaking the view.
 */
export function createLocalSavedViews(storage: Storage | undefined = globalThis.localStorage) {
  return {
    load(userId) {
      try {
        const parsed: unknown = JSON.parse(storage?.getItem(keyOf(userId)) ?? "[]");
        if (!Array.isArray(parsed)) return [];
        return parsed.filter(isView).map((v) => ({
          id: v.id,
          name: v.name,
          isBuiltIn: false,
          filter: { ...EMPTY_FILTER, ...(v.filter as Partial<QueueFilter>) },
          sort: v.sort as QueueSort,
        }));
      } catch {
        return [];
      }
    },
    save(userId, views) {
      storage?.setItem(keyOf(userId), JSON.stringify(views.filter((v) => !v.isBuiltIn)));
    },
  } satisfies SavedViewsRepository;
}
