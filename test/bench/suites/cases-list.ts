/**
 * GET /api/v1/cases, a page of 100 over 10,000 seeded appeals, at 10 concurrent connections on
 * loopback. Baseline in the same run: GET /healthz on the same server (the framework's floor, no
 * database), so the table shows what the query itself costs. PostgreSQL joins when DATABASE_URL is set.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { openDatabase } from "../../../server/db/database";
import { migrate } from "../../../server/db/migrate";
import { generateAppeals } from "../../../server/demo/appeal-generator";
import { DEMO_USERS, insertAppeals, seedDemo } from "../../../server/demo/seed";
import { ApiClient } from "../../support/api";
import { startServerProcess } from "../../support/server-process";
import type { BenchRow, BenchSuite } from "../harness";

const APPEALS = 10_000;
const DURATION_S = 5;
const CONNECTIONS = 10;

async function load(url: string, token: string | null) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return {
    p50: result.latency.p50,
    p95: result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    rps: result.requests.average,
  };
}

async function measure(label: string, databaseUrl: string | undefined): Promise<BenchRow[]> {
  const dataDir = databaseUrl ? undefined : mkdtempSync(join(tmpdir(), "arbiter-bench-"));
  // Seeded here, served from a process of its own: a load generator in the server's process would
  // share its one JavaScript thread.
  const db = await openDatabase({ databaseUrl, dataDir });
  try {
    await migrate(db);
    await db.query("truncate users, cases cascade");
    await seedDemo(db, { appeals: 0 });
    const now = new Date();
    await insertAppeals(
      db,
      generateAppeals({ count: APPEALS, seed: 7, now, agentIds: DEMO_USERS.map((u) => u.id) }),
      now,
    );
    await db.query("analyze");
  } finally {
    await db.close();
  }
  const server = await startServerProcess({ DATABASE_URL: databaseUrl, DATA_DIR: dataDir });
  try {
    const { token } = await ApiClient.login(server.url, "agent1");
    const floor = await load(`${server.url}/healthz`, null);
    const page = await load(`${server.url}/api/v1/cases?limit=100`, token);
    const subject = `GET /cases limit=100 over ${APPEALS.toLocaleString("en")} (${label})`;
    const baseline = "GET /healthz";
    const onPg = label === "PostgreSQL";
    return [
      {
        subject,
        metric: "p50 latency",
        value: page.p50,
        unit: "ms",
        baseline: { name: baseline, value: floor.p50 },
      },
      {
        subject,
        metric: "p97.5 latency",
        value: page.p95,
        unit: "ms",
        baseline: { name: baseline, value: floor.p95 },
        ...(onPg ? { target: "< 25 ms", meetsTarget: page.p95 < 25 } : {}),
      },
      {
        subject,
        metric: "throughput",
        value: page.rps,
        unit: "req/s",
        baseline: { name: baseline, value: floor.rps },
      },
      {
        subject,
        metric: "errors",
        value: page.errors,
        unit: "",
        target: "0",
        meetsTarget: page.errors === 0,
      },
    ];
  } finally {
    await server.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

export const casesListSuite: BenchSuite = {
  name: "cases-list",
  async run() {
    const rows = await measure("PGlite", undefined);
    if (process.env.DATABASE_URL)
      rows.push(...(await measure("PostgreSQL", process.env.DATABASE_URL)));
    return rows;
  },
};
