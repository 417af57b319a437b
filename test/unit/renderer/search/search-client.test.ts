import { expect, test } from "vitest";
import { SearchClient, type WorkerPort } from "../../../../renderer/src/search/search-client";

test("a worker that fails to start ends the initial load, so nothing waits on it forever", async () => {
  const port: WorkerPort = { onmessage: null, onerror: null, postMessage: () => undefined };
  const client = new SearchClient(() => port);
  const loaded = client.open("arbiter-search:u1");
  port.onerror?.({ message: "Failed to load module script" } as ErrorEvent);
  await loaded;
  expect(client.lastError).toBe("Failed to load module script");
});
