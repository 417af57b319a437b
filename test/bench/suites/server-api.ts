/**
 * The arbitration API under load, PGlite and PostgreSQL side by side, over 100,000 appeals:
 * - GET /cases (a page of 100) and GET /cases/changes (a page of 100 from the middle of the feed),
 *   each twice: the same page for every client (what 50 desks polling the head of the queue do:
 *   served from the page cache while nothing changes) and a different page per request, walking the
 *   whole list or feed (never cached: the cold cost of a page)
 * - POST /cases/:id/decision at 50 concurrent clients, each request deciding a different case
 *   (full protocol: Idempotency-Key, If-Match, lifecycle check, audit entry, changes feed row).
 * Each runs closed-loop (50 clients, each asking again as soon as answered: the throughput ceiling,
 * where latency is 50 ÷ throughput by construction), and the cold pages and decisions again
 * open-loop: 50 clients each sending one request a second on a fixed schedule, timed from the
 * scheduled instant (the latency a desk sees while 50 desks work at once; see paced-load.ts).
 * Baseline in the same run: GET /healthz on the same server. p95 is computed from every response
 * time. Targets (issue): p95 < 25 ms for a page of 100 and for a decision on PostgreSQL, no errors.
 * PostgreSQL is a throwaway server started here with production durability (fsync on).
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { encodeFeedCursor } from "../../../server/cases/changes";
import { openDatabase } from "../../../server/db/database";
import { migrate } from "../../../server/db/migrate";
import { generateAppeals } from "../../../server/demo/appeal-generator";
import { DEMO_USERS, insertAppeals, seedDemo } from "../../../server/demo/seed";
import { ApiClient } from "../../support/api";
import { postgresUnavailableReason, startPostgres } from "../../support/postgres";
import { startServerProcess } from "../../support/server-process";
import { type BenchRow, type BenchSuite, percentile } from "../harness";
import { type PacedRequest, pacedLoad } from "../paced-load";

const APPEALS = Number(process.env.BENCH_APPEALS ?? 100_000);
const CONNECTIONS = 50;
const DURATION_S = 5;
const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 3_000);
/** Open loop: each of the 50 clients sends one request a second. */
const PACED_RATE = CONNECTIONS;
const PACED_WARMUP_S = 2;
const PACED_S = 10;
/** Offered rates tried after PACED_RATE, while p95 stays under the target: where the knee is. */
const PROBE_RATES = [100, 200, 400, 800];
const TARGET_P95_MS = 25;
const PACED_DECISIONS =
  [PACED_RATE, ...PROBE_RATES].reduce((sum, rate) => sum + rate, 0) * (PACED_WARMUP_S + PACED_S);

interface Load {
  p50: number;
  p95: number;
  rps: number;
  errors: number;
  count: number;
}

/** The path of every page of the queue, found by following its cursors once. */
async function listCursors(url: string, headers: Record<string, string>): Promise<string[]> {
  const paths: string[] = [];
  let cursor: string | null = null;
  do {
    const path: string = `/api/v1/cases?limit=100${cursor ? `&cursor=${cursor}` : ""}`;
    paths.push(path);
    const response: Response = await fetch(`${url}${path}`, { headers });
    cursor = ((await response.json()) as { nextCursor: string | null }).nextCursor;
  } while (cursor);
  return paths;
}

/** Load that asks for a different page on every request, so no page is ever served from a cache. */
function walk(url: string, headers: Record<string, string>, paths: string[]): autocannon.Options {
  let next = 0;
  return {
    url,
    duration: DURATION_S,
    requests: [
      {
        method: "GET",
        setupRequest: (request) => ({
          ...request,
          headers,
          path: paths[next++ % paths.length] ?? "/",
        }),
      },
    ],
  };
}

async function load(options: autocannon.Options): Promise<Load> {
  const times: number[] = [];
  const statuses = new Map<number, number>();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ connections: CONNECTIONS, ...options }, (error, done) =>
      error ? reject(error) : resolve(done),
    );
    instance.on("response", (_client, status, _bytes, time) => {
      times.push(time);
      if (status >= 300) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
  });
  if (result.errors + result.non2xx + result.timeouts > 0) {
    // Say what the errors were, so a red row can be acted on.
    const byStatus = [...statuses].map(([status, count]) => `${count}× HTTP ${status}`);
    console.warn(
      `server-api: ${options.url}: ${[...byStatus, `${result.timeouts} timeouts`, `${result.errors} errors`].join(", ")}`,
    );
  }
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    rps: result.requests.average,
    errors: result.errors + result.non2xx + result.timeouts,
    count: times.length,
  };
}

/** Open-loop load at `rate`, after a warm-up at the same rate that is not counted. */
async function paced(url: string, next: () => PacedRequest, rate = PACED_RATE): Promise<Load> {
  const options = { url, rate, connections: CONNECTIONS, next };
  await pacedLoad({ ...options, durationS: PACED_WARMUP_S });
  const result = await pacedLoad({ ...options, durationS: PACED_S });
  const errors = [...result.failures.values()].reduce((sum, count) => sum + count, 0);
  if (errors > 0) {
    const byStatus = [...result.failures].map(([status, count]) =>
      status === 0 ? `${count}× connection error` : `${count}× HTTP ${status}`,
    );
    console.warn(`server-api: paced ${url}: ${byStatus.join(", ")}`);
  }
  return {
    p50: percentile(result.times, 50),
    p95: percentile(result.times, 95),
    rps: result.achievedRate,
    errors,
    count: result.times.length,
  };
}

/**
 * The highest offered rate of PROBE_RATES (after `atPacedRate` was measured at PACED_RATE) at which
 * 50 open-loop clients still see p95 under the target with no errors; 0 when even PACED_RATE
 * misses it.
 */
async function sustainableRate(
  url: string,
  next: () => PacedRequest,
  atPacedRate: Load,
): Promise<number> {
  const meets = (load: Load) => load.p95 < TARGET_P95_MS && load.errors === 0;
  if (!meets(atPacedRate)) return 0;
  let best = PACED_RATE;
  for (const rate of PROBE_RATES) {
    if (!meets(await paced(url, next, rate))) break;
    best = rate;
  }
  return best;
}

function rows(
  subject: string,
  measured: Load,
  floor: Load | null,
  target: boolean,
  unit = "req/s",
): BenchRow[] {
  const baseline = (value: number) => (floor ? { baseline: { name: "GET /healthz", value } } : {});
  return [
    {
      subject,
      metric: "p50 latency",
      value: measured.p50,
      unit: "ms",
      ...baseline(floor?.p50 ?? 0),
    },
    {
      subject,
      metric: "p95 latency",
      value: measured.p95,
      unit: "ms",
      ...baseline(floor?.p95 ?? 0),
      ...(target
        ? { target: `< ${TARGET_P95_MS} ms`, meetsTarget: measured.p95 < TARGET_P95_MS }
        : {}),
    },
    { subject, metric: "throughput", value: measured.rps, unit, ...baseline(floor?.rps ?? 0) },
    {
      subject,
      metric: "errors",
      value: measured.errors,
      unit: "",
      target: "0",
      meetsTarget: measured.errors === 0,
    },
  ];
}

async function measure(
  label: "PGlite" | "PostgreSQL",
  databaseUrl: string | undefined,
): Promise<BenchRow[]> {
  const dataDir = databaseUrl ? undefined : mkdtempSync(join(tmpdir(), "arbiter-bench-"));
  const onPg = label === "PostgreSQL";
  // Seed and prepare in this process, then serve from a process of its own (PGlite allows one
  // process per data folder, so the database is closed before the server opens it).
  const db = await openDatabase({ databaseUrl, dataDir });
  let ready: { id: string; version: number }[];
  try {
    await migrate(db);
    await seedDemo(db, { appeals: 0 });
    const now = new Date();
    const agentIds = DEMO_USERS.map((u) => u.id);
    for (let start = 0; start < APPEALS; start += 10_000) {
      const count = Math.min(10_000, APPEALS - start);
      await insertAppeals(db, generateAppeals({ count, seed: 7 + start, now, agentIds }), now);
    }
    // Cases ready to decide: P2P trades (a release fits them whoever complained), in review,
    // assigned to agent1, at a known version.
    ready = await db.query<{ id: string; version: number }>(
      `update cases set status = 'in_review', assignee_id = 'u-agent1'
        where id in (select id from cases where status = 'escalated' and kind = 'p2p_trade'
                     order by id limit $1)
        returning id, version`,
      [DECISIONS + PACED_DECISIONS],
    );
    await db.query("analyze");
  } finally {
    await db.close();
  }
  const server = await startServerProcess({ DATABASE_URL: databaseUrl, DATA_DIR: dataDir });
  try {
    const { token } = await ApiClient.login(server.url, "agent1");
    const headers = { authorization: `Bearer ${token}` };
    const n = APPEALS.toLocaleString("en");

    const floor = await load({ url: `${server.url}/healthz`, duration: DURATION_S });
    const list = await load({
      url: `${server.url}/api/v1/cases?limit=100`,
      headers,
      duration: DURATION_S,
    });
    // A reader halfway through the feed (the seed journals one change per appeal, in order).
    const cursor = encodeFeedCursor(Math.floor(APPEALS / 2));
    const changes = await load({
      url: `${server.url}/api/v1/cases/changes?limit=100&since=${cursor}`,
      headers,
      duration: DURATION_S,
    });
    const listPages = await listCursors(server.url, headers);
    const listWalk = await load(walk(server.url, headers, listPages));
    const feedPages = Array.from(
      { length: Math.ceil(APPEALS / 100) },
      (_, page) => `/api/v1/cases/changes?limit=100&since=${encodeFeedCursor(page * 100)}`,
    );
    const changesWalk = await load(walk(server.url, headers, feedPages));

    const decide = (target: { id: string; version: number } | undefined): PacedRequest => ({
      method: "POST",
      path: `/api/v1/cases/${target?.id}/decision`,
      headers: {
        ...headers,
        "content-type": "application/json",
        "idempotency-key": randomUUID(),
        "if-match": `"${target?.version}"`,
      },
      // No favouredParty: the release goes to the buyer, complainant or respondent.
      body: JSON.stringify({
        outcome: "release",
        rationale: "Bank statement confirms the transfer; the seller did not rebut it in time.",
      }),
    });
    const closedLoopCases = ready.slice(0, DECISIONS);
    let next = 0;
    const decisions = await load({
      url: server.url,
      amount: closedLoopCases.length,
      requests: [
        {
          method: "POST",
          setupRequest: (request) => ({
            ...request,
            ...decide(closedLoopCases[next++ % closedLoopCases.length]),
          }),
        },
      ],
    });

    let page = 0;
    const nextListPage = (): PacedRequest => ({
      method: "GET",
      path: listPages[page++ % listPages.length] ?? "/",
      headers,
    });
    const nextFeedPage = (): PacedRequest => ({
      method: "GET",
      path: feedPages[page++ % feedPages.length] ?? "/",
      headers,
    });
    const pacedCases = ready.slice(DECISIONS);
    let pacedNext = 0;
    const nextDecision = () => decide(pacedCases[pacedNext++]);
    const pacedList = await paced(server.url, nextListPage);
    const pacedChanges = await paced(server.url, nextFeedPage);
    const pacedDecisions = await paced(server.url, nextDecision);
    const knees = {
      list: await sustainableRate(server.url, nextListPage, pacedList),
      changes: await sustainableRate(server.url, nextFeedPage, pacedChanges),
      decisions: await sustainableRate(server.url, nextDecision, pacedDecisions),
    };
    const closed = `${CONNECTIONS} clients closed loop`;
    const open = `${CONNECTIONS} clients × 1/s open loop`;
    const knee = (subject: string, value: number, unit: string): BenchRow => ({
      subject: `${subject}, open loop (${label})`,
      metric: `highest rate tried with p95 < ${TARGET_P95_MS} ms`,
      value,
      unit,
    });

    return [
      ...rows(`GET /cases limit=100 over ${n}, same page, ${closed} (${label})`, list, floor, onPg),
      ...rows(
        `GET /cases limit=100, every page in turn, ${closed} (${label})`,
        listWalk,
        floor,
        onPg,
      ),
      ...rows(
        `GET /cases/changes limit=100 over ${n}, same page, ${closed} (${label})`,
        changes,
        floor,
        onPg,
      ),
      ...rows(
        `GET /cases/changes limit=100, every page in turn, ${closed} (${label})`,
        changesWalk,
        floor,
        onPg,
      ),
      ...rows(
        `POST /cases/:id/decision, ${closed} (${label})`,
        decisions,
        null,
        onPg,
        "decisions/s",
      ),
      ...rows(`GET /cases every page in turn, ${open} (${label})`, pacedList, null, onPg),
      ...rows(
        `GET /cases/changes every page in turn, ${open} (${label})`,
        pacedChanges,
        null,
        onPg,
      ),
      ...rows(
        `POST /cases/:id/decision, ${open} (${label})`,
        pacedDecisions,
        null,
        onPg,
        "decisions/s",
      ),
      knee("GET /cases every page in turn", knees.list, "req/s"),
      knee("GET /cases/changes every page in turn", knees.changes, "req/s"),
      knee("POST /cases/:id/decision", knees.decisions, "decisions/s"),
    ];
  } finally {
    await server.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

export const serverApiSuite: BenchSuite = {
  name: "server-api",
  async run() {
    const result = await measure("PGlite", undefined);
    const skip = postgresUnavailableReason();
    if (skip) {
      console.warn(`server-api: ${skip}`);
      return result;
    }
    const postgres = await startPostgres({ durable: true });
    if (!postgres) return result;
    try {
      result.push(...(await measure("PostgreSQL", await postgres.createDatabase("bench"))));
    } finally {
      await postgres.stop();
    }
    return result;
  },
};
