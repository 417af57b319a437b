import { createSearchWorker } from "./search-worker-core";
import type { SearchRequest } from "./worker-protocol";

/**
 * The search worker: indexing 100,000 cases' statements and chat takes seconds of CPU, which
 * would freeze the queue on the main thread. Loaded from the app's own origin (`worker-src
 * 'self'`), never from a blob.
 */
interface WorkerScope {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<SearchRequest>) => void) | null;
}
// The web tsconfig types `self` as a window; inside a dedicated worker it is this.
const scope = self as unknown as WorkerScope;
const worker = createSearchWorker((reply, transfer) => scope.postMessage(reply, transfer ?? []));
scope.onmessage = (event) => void worker.receive(event.data);
