import Dexie, { type DexieOptions, type EntityTable } from "dexie";
import type { QueuedUpload } from "./upload-types";

/**
 * The attachments waiting for the server, one database per user (`arbiter-desk-uploads:<userId>`),
 * beside the cache rather than inside it: the files are large and few, never read with the queue's
 * rows, and a separate database keeps the cache's schema history untouched. Deleted with the cache
 * on sign-out (`wipe`), after the agent was told what would be lost.
 *
 * Schema history: v1 uploads (by id; by case for the workspace).
 */
export class UploadDatabase extends Dexie {
  uploads!: EntityTable<QueuedUpload, "id">;

  constructor(name: string, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({ uploads: "id, caseId, createdAt" });
  }
}

export function uploadDatabaseName(userId: string): string {
  return `arbiter-desk-uploads:${userId}`;
}
