/**
 * The two databases every integration suite runs on: PGlite (embedded, in memory) and a real
 * PostgreSQL started for the run. `openBackend` starts a server on one of them with the demo seed.
 */
import { randomUUID } from "node:crypto";
import { type RunningServer, startServer } from "../../server/start";
import { postgresUnavailableReason, startPostgres, type TestPostgres } from "./postgres";

export const SERVICE_TOKEN = "integration-test-service-token";

export type BackendName = "PGlite" | "PostgreSQL";

/** Which backends this run covers; PostgreSQL is reported as skipped when its binaries are missing. */
export const BACKENDS: readonly { name: BackendName; skip: string | null }[] = [
  { name: "PGlite", skip: null },
  { name: "PostgreSQL", skip: postgresUnavailableReason() },
];

export interface Backend {
  server: RunningServer;
  postgres: TestPostgres | null;
  databaseUrl: string | undefined;
  close(): Promise<void>;
}

export async function openBackend(name: BackendName, demoAppeals = 40): Promise<Backend> {
  const postgres = name === "PostgreSQL" ? await startPostgres() : null;
  if (name === "PostgreSQL" && !postgres) throw new Error("PostgreSQL is not available");
  const databaseUrl = postgres
    ? await postgres.createDatabase(`t_${randomUUID().slice(0, 8)}`)
    : undefined;
  const server = await startServer({
    port: 0,
    databaseUrl,
    demo: true,
    demoAppeals,
    serviceToken: SERVICE_TOKEN,
    // The idempotency-key purge stays out of the tests' way.
    timerIntervalMs: 3_600_000,
    // Tests drive the deadline jobs themselves (runDueJobs with a chosen "now"): the respondent
    // window, evidence deadlines, SLA warnings.
    jobIntervalMs: 3_600_000,
  });
  return {
    server,
    postgres,
    databaseUrl,
    async close() {
      await server.close();
      await postgres?.stop();
    },
  };
}
