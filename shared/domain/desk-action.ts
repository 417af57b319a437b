/**
 * The desk's action payload, under one name everywhere (forms, stores, the outbox, the sync
 * engine, the API client): one per desk mutation `POST /cases/:id/<type>`, with the body of the
 * shared contract (`MUTATIONS` in shared/api/mutations.ts) — never a copy of it.
 */
import type { z } from "zod";
import { MUTATIONS, type MutationName } from "../api/mutations";

export type DeskActionType = MutationName;
export const ACTION_TYPES = Object.keys(MUTATIONS) as readonly DeskActionType[];

/** What the desk builds and the outbox stores: the body as sent (schema input, before defaults). */
export type DeskAction = {
  [N in MutationName]: { type: N; body: z.input<(typeof MUTATIONS)[N]> };
}[MutationName];

/**
 * Checks an action against the contract before it enters the outbox: a body the server would
 * refuse with a 400 is refused here, at once, while the agent still has the form open.
 * Returns the first problem in words, or null.
 */
export function validateAction(action: DeskAction): string | null {
  const result = MUTATIONS[action.type].safeParse(action.body);
  if (result.success) return null;
  const issue = result.error.issues[0];
  return issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "invalid action";
}
