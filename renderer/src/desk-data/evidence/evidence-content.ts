import type { Evidence } from "@shared/domain/appeal";
import type { SyncApi } from "../sync/sync-api";
import type { EvidenceCache } from "./evidence-cache";

/** The evidence bytes: from the cache when there, else downloaded and cached (LRU, size budget). */
export async function evidenceContent(
  cache: EvidenceCache,
  api: SyncApi,
  caseId: string,
  item: Evidence,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const cached = await cache.get(item.sha256);
  if (cached) return cached;
  const bytes = await api.evidenceContent(item.id, signal);
  await cache.put({ sha256: item.sha256, caseId, mimeType: item.mimeType, bytes });
  return new Uint8Array(bytes);
}
