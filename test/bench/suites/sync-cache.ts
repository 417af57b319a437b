/**
 * The desk's offline cache in Debian Chromium, with the real cache/engine code bundled into a page
 * served by the real server (same origin, so IndexedDB and the API behave as in web mode):
 * - initial fill of 100,000 appeals from the server's changes feed into IndexedDB (target < 15 s),
 *   beside the feed read alone (no IndexedDB) as its floor;
 * - warm-cache first paint of the queue from 100,000 cached appeals (target < 1 s);
 * - Dexie bulkPut rows/s beside a raw IndexedDB baseline with the same indexes (one record per
 *   row, the layout up to schema v3), the chunked case store that replaced it, and the engine's
 *   full batch path (version check + outbox projection + cursor, one transaction per page).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { MAX_CHANGES_PAGE_SIZE } from "@shared/api/cases";
import { build } from "esbuild";
import { generateAppeals } from "../../../server/demo/appeal-generator";
import { DEMO_USERS, insertAppeals, seedDemo } from "../../../server/demo/seed";
import { startServer } from "../../../server/start";
import { launchChromium } from "../../e2e/support/chromium";
import { ApiClient } from "../../support/api";
import type { BenchRow, BenchSuite } from "../harness";

/** `SYNC_BENCH_APPEALS=20000 npm run bench sync-cache` for a quicker run while working. */
const APPEALS = Number(process.env.SYNC_BENCH_APPEALS ?? 100_000);
const progress = (what: string) =>
  console.error(`[sync-cache] ${new Date().toISOString()} ${what}`);
const here = fileURLToPath(new URL(".", import.meta.url));

async function bundle(dir: string): Promise<void> {
  await build({
    entryPoints: [join(here, "sync-page/entry.ts")],
    bundle: true,
    format: "esm",
    target: "es2022",
    outfile: join(dir, "bench.js"),
    alias: { "@shared": join(here, "../../../shared") },
    logLevel: "silent",
  });
  writeFileSync(
    join(dir, "index.html"),
    '<!doctype html><meta charset="utf-8"><title>sync bench</title><script type="module" src="/bench.js"></script>',
  );
}

export const syncCacheSuite: BenchSuite = {
  name: "sync-cache",
  async run(): Promise<BenchRow[]> {
    const staticDir = mkdtempSync(join(tmpdir(), "arbiter-sync-bench-page-"));
    const dataDir = mkdtempSync(join(tmpdir(), "arbiter-sync-bench-db-"));
    await bundle(staticDir);
    const server = await startServer({ port: 0, dataDir, staticDir });
    const browser = await launchChromium();
    const rows: BenchRow[] = [];
    try {
      await server.db.query("truncate users, cases cascade");
      await seedDemo(server.db, { appeals: 0 });
      const login = async () => (await ApiClient.login(server.url, "agent1")).token;
      const page = await browser.context.newPage();
      await page.goto(`${server.url}/index.html`);
      await page.waitForFunction(() => "syncBench" in window);

      progress("bulkPut: Dexie");
      const dexie = await page.evaluate((n) => window.syncBench.dexieBulkPut(n), APPEALS);
      progress("bulkPut: raw IndexedDB");
      const raw = await page.evaluate((n) => window.syncBench.rawBulkPut(n), APPEALS);
      progress("chunked store");
      const chunked = await page.evaluate((n) => window.syncBench.chunkedPut(n), APPEALS);
      progress("engine batches");
      const batches = await page.evaluate((n) => window.syncBench.engineBatches(n), APPEALS);
      rows.push(
        {
          subject: `Dexie bulkPut ${APPEALS.toLocaleString("en")} cache rows, one record per row (5,000/tx)`,
          metric: "throughput",
          value: dexie,
          unit: "rows/s",
          baseline: { name: "raw IndexedDB put", value: raw },
        },
        {
          subject: "chunked case store putCases (500 rows/record + directory, 5,000/tx)",
          metric: "throughput",
          value: chunked,
          unit: "rows/s",
          baseline: { name: "raw IndexedDB put", value: raw },
        },
        {
          subject: `engine applyServerBatch (${MAX_CHANGES_PAGE_SIZE.toLocaleString("en")}/tx, version check + projection + cursor)`,
          metric: "throughput",
          value: batches,
          unit: "rows/s",
          baseline: { name: "raw IndexedDB put", value: raw },
        },
      );

      const userId = "u-agent1-bench";
      const token = await login();
      const probe = await fetch(`${server.url}/api/v1/cases/changes?limit=1`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (probe.ok) {
        await insertAppeals(
          server.db,
          generateAppeals({
            count: APPEALS,
            seed: 11,
            now: new Date(),
            agentIds: DEMO_USERS.map((u) => u.id),
          }),
        );
        progress("fill from the server");
        const fill = await page.evaluate(
          ([base, t, u]) => window.syncBench.fillFromServer(base, t, u),
          [`${server.url}/api/v1`, token, userId] as const,
        );
        // After the fill, so the floor is read from a warm server: the fill itself ran cold.
        progress("feed alone");
        const feed = await page.evaluate(([base, t]) => window.syncBench.readFeedOnly(base, t), [
          `${server.url}/api/v1`,
          token,
        ] as const);
        rows.push({
          subject: `initial fill: ${fill.rows.toLocaleString("en")} appeals, server → IndexedDB (changes feed, ${fill.pageSize.toLocaleString("en")}/page, chunked store)`,
          metric: "wall time",
          value: fill.ms,
          unit: "ms",
          baseline: { name: "feed read alone (warm server), nothing stored", value: feed.ms },
          target: "< 15000 ms",
          meetsTarget: fill.ms < 15_000 && fill.rows >= APPEALS,
        });
      } else {
        rows.push({
          subject: `initial fill from the server: skipped (GET /cases/changes answered ${probe.status})`,
          metric: "wall time",
          value: Number.NaN,
          unit: "ms",
          target: "< 15000 ms",
        });
        await page.evaluate(([u, n]) => window.syncBench.seedLocal(u, n), [
          userId,
          APPEALS,
        ] as const);
      }

      progress("warm first paint");
      await page.reload();
      await page.waitForFunction(() => "syncBench" in window);
      const warm = await page.evaluate((u) => window.syncBench.warmFirstPaint(u), userId);
      rows.push(
        {
          subject: `warm cache first paint of the queue (${warm.rows.toLocaleString("en")} cached; first screen from the chunk heads)`,
          metric: "navigation → painted",
          value: warm.firstPaintMs,
          unit: "ms",
          target: "< 1000 ms",
          meetsTarget: warm.firstPaintMs < 1_000,
        },
        {
          subject: `read all ${warm.rows.toLocaleString("en")} cached rows (in-memory queue index input, read after the paint)`,
          metric: "wall time",
          value: warm.allRowsMs,
          unit: "ms",
        },
      );
      return rows;
    } finally {
      await browser.close();
      await server.close();
      rmSync(staticDir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
