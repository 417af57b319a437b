import { z } from "zod";
import { HttpProblem } from "../http/problem";

/**
 * Keyset cursor of the queue order (escalated_at, id). Opaque to clients: base64url JSON, so its
 * shape can change without breaking them. `e` is null for cases not yet escalated, which sort last.
 */
const QueueCursor = z.object({ e: z.string().nullable(), i: z.string() });
export type QueueCursor = z.infer<typeof QueueCursor>;

export function encodeCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export function decodeCursor(text: string): QueueCursor {
  try {
    return QueueCursor.parse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
  } catch {
    throw new HttpProblem(400, "Invalid request", "The cursor is not one this server issued.", [
      { field: "query/cursor", message: "unknown cursor" },
    ]);
  }
}
