/**
 * The agent's workstation in Debian Chromium with 100,000 cached appeals: the real queue and case
 * workspace (React, virtualised table, in-memory index), bundled into a page:
 * - keystroke → filtered, sorted rows painted, p95 over typed queries (target < 50 ms);
 * - scroll frame times at 40 px/frame (target: no frame over 50 ms);
 * - case open from cache → workspace painted (target < 150 ms).
 * Baseline in the same run: an empty frame (requestAnimationFrame alone), the browser's floor.
 */

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { queryTerms } from "@shared/search/fold";
import { build } from "esbuild";
import { TextIndex } from "../../../renderer/src/search/text-index";
import { launchChromium } from "../../e2e/support/chromium";
import { type BenchRow, type BenchSuite, percentile } from "../harness";
import type { KeystrokePhases } from "./workstation-page/entry";
import { documentOf, rows } from "./workstation-page/fixture";

const here = fileURLToPath(new URL(".", import.meta.url));
const QUERIES = [
  "nguyen van",
  "thoa thuan",
  "王伟",
  "ap-0123",
  "lucas",
  "chuyen khoan",
  "退款",
  "charged twice",
  "銀行轉賬",
];

const PHASES: [keyof KeystrokePhases, string][] = [
  ["input", "input handler (the box's own render)"],
  ["worker", "search worker round trip"],
  ["query", "queue index query (filter + sort)"],
  ["render", "React render and commit of the rows"],
  ["paint", "to the next frame, style, layout and paint"],
];

async function bundle(dir: string): Promise<void> {
  await build({
    entryPoints: [join(here, "workstation-page/entry.tsx")],
    bundle: true,
    format: "esm",
    target: "es2022",
    jsx: "automatic",
    outfile: join(dir, "bench.js"),
    alias: { "@shared": join(here, "../../../shared") },
    define: { "process.env.NODE_ENV": '"production"' },
    minify: !process.env.WORKSTATION_PROFILE,
    logLevel: "silent",
  });
  await build({
    entryPoints: [join(here, "../../../renderer/src/search/search.worker.ts")],
    bundle: true,
    format: "esm",
    target: "es2022",
    outfile: join(dir, "search-worker.js"),
    alias: { "@shared": join(here, "../../../shared") },
    minify: true,
    logLevel: "silent",
  });
  writeFileSync(
    join(dir, "index.html"),
    '<!doctype html><meta charset="utf-8"><title>workstation bench</title><link rel="stylesheet" href="/bench.css"><div id="root" style="height:100vh"></div><script type="module" src="/bench.js"></script>',
  );
}

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
};

/** This process's CPU time in ms (user + system): what work costs, whatever the machine's load. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1_000;
}

/**
 * The search worker's part of a keystroke, counted as CPU time in Node over the page's same
 * 100,000 documents: building the index, then each typed prefix of the queries matched once, in
 * order, the first time each term is seen (as an agent types them). Wall clock on a 2-core
 * machine shared at load 10–20 measures the neighbours more than this.
 */
function measureMatchCpu(): { buildMs: number; keystrokes: number[] } {
  const documents = rows(Date.now()).map((summary, i) => documentOf(summary, i));
  const index = new TextIndex();
  const started = cpuMs();
  for (const document of documents) index.upsert(document);
  const buildMs = cpuMs() - started;
  const keystrokes: number[] = [];
  for (const query of QUERIES) {
    for (let i = 1; i <= query.length; i++) {
      const terms = queryTerms(query.slice(0, i));
      if (terms.length === 0) continue;
      const before = cpuMs();
      index.match(terms);
      keystrokes.push(cpuMs() - before);
    }
  }
  return { buildMs, keystrokes };
}

type Cdp = Awaited<
  ReturnType<Awaited<ReturnType<typeof launchChromium>>["context"]["newCDPSession"]>
>;
type BenchPage = Parameters<
  Awaited<ReturnType<typeof launchChromium>>["context"]["newCDPSession"]
>[0];

/**
 * What the renderer's threads spent typing the queries, by trace event (complete events, summed
 * per name and thread): the part of "(program)" in the CPU profile that is style, layout, paint
 * and the worker's own tasks. Printed with WORKSTATION_PROFILE=1.
 */
async function traceKeystrokes(cdp: Cdp, page: BenchPage): Promise<[string, number][]> {
  type TraceEvent = {
    name: string;
    ph: string;
    dur?: number;
    tid: number;
    args?: { name?: string };
  };
  const events: TraceEvent[] = [];
  const threads = new Map<number, string>();
  cdp.on("Tracing.dataCollected", (data) => {
    for (const value of data.value) {
      const event = value as unknown as TraceEvent;
      if (event.name === "thread_name") threads.set(event.tid, event.args?.name ?? "");
      events.push(event);
    }
  });
  const done = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
  await cdp.send("Tracing.start", {
    traceConfig: {
      includedCategories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8"],
    },
    transferMode: "ReportEvents",
  });
  for (const q of QUERIES) {
    await page.evaluate((t) => window.workstationBench.typeSearch(t), q);
    await page.evaluate(() => window.workstationBench.typeSearch(""));
  }
  await cdp.send("Tracing.end");
  await done;
  const total = new Map<string, number>();
  for (const event of events) {
    if (event.ph !== "X" || !event.dur) continue;
    const thread = threads.get(event.tid) ?? String(event.tid);
    if (!/CrRendererMain|DedicatedWorker/.test(thread)) continue;
    const key = `${thread.replace(/ thread$/, "")}: ${event.name}`;
    total.set(key, (total.get(key) ?? 0) + event.dur / 1_000);
  }
  return [...total].sort((a, b) => b[1] - a[1]).slice(0, 30);
}

export const workstationSuite: BenchSuite = {
  name: "workstation",
  async run(): Promise<BenchRow[]> {
    const matchCpu = measureMatchCpu();
    const dir = mkdtempSync(join(tmpdir(), "arbiter-workstation-bench-"));
    await bundle(dir);
    const server = createServer((req, res) => {
      const path = join(dir, (req.url ?? "/") === "/" ? "index.html" : (req.url ?? "").slice(1));
      let body: Buffer;
      try {
        body = readFileSync(path);
      } catch {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" });
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.waitForFunction(() => "workstationBench" in window);
      const filled = await page.evaluate(() => window.workstationBench.fillSearchDocuments());
      const ready = await page.evaluate(() => window.workstationBench.ready());

      if (process.env.WORKSTATION_PROFILE) {
        const cdp = await browser.context.newCDPSession(page);
        await cdp.send("Profiler.enable");
        await cdp.send("Profiler.start");
        for (const q of QUERIES) {
          console.log(
            q,
            (await page.evaluate((t) => window.workstationBench.typeSearch(t), q)).times,
          );
          await page.evaluate(() => window.workstationBench.typeSearch(""));
        }
        const { profile } = (await cdp.send("Profiler.stop")) as unknown as {
          profile: {
            nodes: {
              id: number;
              callFrame: { functionName: string; url: string; lineNumber: number };
            }[];
            samples: number[];
            timeDeltas: number[];
          };
        };
        const self = new Map<string, number>();
        const byId = new Map(profile.nodes.map((n) => [n.id, n]));
        profile.samples.forEach((id, i) => {
          const f = byId.get(id)?.callFrame;
          const key = `${f?.functionName || "(anon)"} ${f?.url.split("/").pop()}:${f?.lineNumber}`;
          self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
        });
        console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25));
        console.log(await traceKeystrokes(cdp, page));
      }
      const keystrokes: number[] = [];
      const phases: KeystrokePhases[] = [];
      for (const query of QUERIES) {
        const typed = await page.evaluate((q) => window.workstationBench.typeSearch(q), query);
        keystrokes.push(...typed.times);
        phases.push(...typed.phases);
        await page.evaluate(() => window.workstationBench.typeSearch(""));
      }
      // The slowest tenth of the keystrokes, phase by phase: what the p95 is made of.
      const slow = [...keystrokes.keys()]
        .sort((a, b) => (keystrokes[b] as number) - (keystrokes[a] as number))
        .slice(0, Math.max(1, Math.round(keystrokes.length / 10)))
        .map((i) => phases[i] as KeystrokePhases);
      const phaseRows: BenchRow[] = PHASES.flatMap(([key, what]) => [
        {
          subject: `keystroke phase: ${what}`,
          metric: "p95",
          value: percentile(
            phases.map((p) => p[key]),
            95,
          ),
          unit: "ms",
        },
        {
          subject: `keystroke phase: ${what}, mean over the slowest 10% of keystrokes`,
          metric: "mean",
          value: slow.reduce((sum, p) => sum + p[key], 0) / slow.length,
          unit: "ms",
        },
      ]);
      const sorts: number[] = [];
      for (const label of ["Amount", "Reference", "Parties", "SLA"]) {
        sorts.push(await page.evaluate((l) => window.workstationBench.sortBy(l), label));
      }
      const idle = await page.evaluate(() => window.workstationBench.scroll(60, 0));
      const frames = await page.evaluate(() => window.workstationBench.scroll(600, 40));
      const opens: number[] = [];
      for (let i = 0; i < 20; i++) {
        const { ms, ok } = await page.evaluate((n) => window.workstationBench.openCase(n), i * 37);
        if (!ok) throw new Error("the case workspace did not render");
        opens.push(ms);
      }
      const floor = percentile(idle, 50);
      const p95 = percentile(keystrokes, 95);
      const worstFrame = Math.max(...frames);
      const openP95 = percentile(opens, 95);
      return [
        {
          // Timings on a shared machine read against this: 2 cores at load 6 run ~3× slower.
          subject: "machine load average while measuring (1 min)",
          metric: "load",
          value: loadavg()[0] ?? 0,
          unit: "",
        },
        {
          subject: `queue index of 100,000 appeals built and painted (in memory; a warm start paints its first screen from the cache before this: sync-cache)`,
          metric: "time",
          value: ready.loadMs,
          unit: "ms",
        },
        {
          subject: `search documents of 100,000 appeals (statement + 10 chat messages each) stored in IndexedDB (set-up)`,
          metric: "time",
          value: filled.ms,
          unit: "ms",
        },
        {
          subject: `search index of ${ready.documents.toLocaleString("en")} documents built in the worker from IndexedDB`,
          metric: "time",
          value: ready.indexMs,
          unit: "ms",
        },
        {
          subject: "first screen usable (queue painted) while the index builds",
          metric: "time",
          value: ready.loadMs,
          unit: "ms",
          baseline: { name: "index build", value: ready.indexMs },
          target: "before the index build ends",
          meetsTarget: ready.loadMs < ready.indexMs,
        },
        {
          subject: "search index of 100,000 documents built (CPU time in Node, the worker's code)",
          metric: "cpu",
          value: matchCpu.buildMs,
          unit: "ms",
        },
        {
          subject: `search worker's match per keystroke, first time each term is typed (CPU time in Node, ${matchCpu.keystrokes.length} keystrokes)`,
          metric: "p95",
          value: percentile(matchCpu.keystrokes, 95),
          unit: "ms",
        },
        {
          subject: "search worker's match per keystroke (CPU time in Node)",
          metric: "max",
          value: Math.max(...matchCpu.keystrokes),
          unit: "ms",
        },
        {
          subject: "longest main-thread frame while the worker builds the index",
          metric: "max",
          value: ready.stallMs,
          unit: "ms",
          baseline: { name: "empty frame", value: floor },
        },
        {
          subject: `keystroke → filtered, sorted rows painted, statements and chat indexed (${keystrokes.length} keystrokes; ${(p95 / floor).toFixed(2)}× the empty frame)`,
          metric: "p95",
          value: p95,
          unit: "ms",
          baseline: { name: "empty frame", value: floor },
          target: "≤ 16.7 ms (one frame)",
          meetsTarget: p95 <= 16.7,
        },
        {
          subject: "keystroke → rows painted",
          metric: "max",
          value: Math.max(...keystrokes),
          unit: "ms",
        },
        ...phaseRows,
        {
          subject: "sort by a column (first use builds its order) → painted",
          metric: "max",
          value: Math.max(...sorts),
          unit: "ms",
        },
        {
          subject: `scroll the queue, ${frames.length} frames at 40 px`,
          metric: "worst frame",
          value: worstFrame,
          unit: "ms",
          baseline: { name: "empty frame", value: floor },
          target: "≤ 50 ms",
          meetsTarget: worstFrame <= 50,
        },
        {
          subject: "scroll the queue",
          metric: "p95 frame",
          value: percentile(frames, 95),
          unit: "ms",
          baseline: { name: "empty frame", value: floor },
        },
        {
          subject: "open a case from cache → workspace painted (20 cases)",
          metric: "p95",
          value: openP95,
          unit: "ms",
          target: "< 150 ms",
          meetsTarget: openP95 < 150,
        },
      ];
    } finally {
      await browser.close();
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
