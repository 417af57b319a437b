import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp, LOOPBACK_HOSTS } from "./app";
import {
  type CheckpointStore,
  FileCheckpointStore,
  loadAuditKey,
  MemoryCheckpointStore,
  MirroredCheckpointStore,
  ObjectCheckpointStore,
  startCheckpointTimer,
  writeCheckpoint,
} from "./audit/checkpoints";
import { ObjectStoreClient, type ObjectStoreConfig } from "./audit/object-store";
import { type Database, openDatabase } from "./db/database";
import { migrate } from "./db/migrate";
import { assertAppRoleConfined, currentRole, grantAppRole } from "./db/roles";
import { JOB_HANDLERS } from "./deadlines/handlers";
import { startDeadlineWorker } from "./deadlines/jobs";
import { isEmpty, seedDemo } from "./demo/seed";
import { EventHub } from "./events/hub";
import { startRespondentWindowTimer } from "./integration/respondent-window";
import { startWebhookDelivery, type WebhookConfig } from "./outbox/webhooks";
import { startRoutingSweep } from "./routing/router";

export interface ServerOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  databaseUrl?: string | undefined;
  /**
   * PostgreSQL as the owner role: the migrations run over it, then the server serves as the app
   * role of `databaseUrl` (see `server/db/roles.ts`). Without it one role does both.
   */
  databaseOwnerUrl?: string | undefined;
  dataDir?: string | undefined;
  /** Seed the demo accounts and appeals when the database is empty. */
  demo?: boolean;
  demoAppeals?: number;
  staticDir?: string | undefined;
  logger?: boolean;
  serviceToken?: string | undefined;
  /** Run the appeal simulator against this server (through its own integration API). */
  simulate?: { seed: number; ratePerMinute: number } | undefined;
  /** How often the respondent-window timer looks for expired windows. */
  timerIntervalMs?: number;
  /** How often this process looks for due deadline jobs (evidence deadlines, reminders...). */
  jobIntervalMs?: number;
  /** How often waiting cases are routed again besides on presence changes (default 15 s). */
  routingIntervalMs?: number;
  /** Where to deliver the platform's webhooks; without it the pull feed alone serves them. */
  webhook?: WebhookConfig | undefined;
  /** How long a presence entry lives without a heartbeat (default PRESENCE_TTL_MS). */
  presenceTtlMs?: number;
  /** Origins granted CORS besides `app://desk` (`DESK_ORIGINS`). */
  deskOrigins?: readonly string[];
  /** How long idempotency keys (and their stored answers) are honoured (default 7 days). */
  idempotencyRetentionMs?: number;
  /**
   * The folder of the audit key (`audit.key`) and the signed checkpoints
   * (`audit-checkpoints.jsonl`); defaults to `dataDir`. Without either, both live in memory.
   */
  auditDir?: string | undefined;
  /** AUDIT_KEY: the chain key itself (base64 or hex), instead of the file. */
  auditKey?: string | undefined;
  /** An S3-compatible bucket that receives every checkpoint too (`AUDIT_CHECKPOINT_URL`). */
  checkpointObjectStore?: ObjectStoreConfig | undefined;
  /** How often a checkpoint of the chain head is written (default a minute). */
  checkpointIntervalMs?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Database;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** Migrates over a short-lived owner connection and grants the app role its rows. */
async function migrateAsOwner(ownerUrl: string, appRole: string): Promise<void> {
  const owner = await openDatabase({ databaseUrl: ownerUrl, poolSize: 1 });
  try {
    await migrate(owner);
    await grantAppRole(owner, appRole);
  } finally {
    await owner.close();
  }
}

/** Opens the database, brings its schema up to date, seeds the demo if asked, and listens. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const db = await openDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  try {
    if (options.databaseOwnerUrl) {
      if (!options.databaseUrl)
        throw new Error("DATABASE_OWNER_URL needs DATABASE_URL (the app role)");
      await migrateAsOwner(options.databaseOwnerUrl, (await currentRole(db)).name);
      await assertAppRoleConfined(db);
    } else {
      await migrate(db);
    }
    // The chain key first: anything the demo seed writes into the audit trail is keyed like the rest.
    const auditDir = options.auditDir ?? options.dataDir;
    loadAuditKey({ envKey: options.auditKey, dir: auditDir });
    if (options.demo && (await isEmpty(db))) await seedDemo(db, { appeals: options.demoAppeals });
    const local: CheckpointStore = auditDir
      ? new FileCheckpointStore(join(auditDir, "audit-checkpoints.jsonl"))
      : new MemoryCheckpointStore();
    const checkpoints = options.checkpointObjectStore
      ? new MirroredCheckpointStore([
          local,
          new ObjectCheckpointStore(new ObjectStoreClient(options.checkpointObjectStore)),
        ])
      : local;
    // The first checkpoint of a database fixes where keyed digests begin. A chain that no longer
    // matches its checkpoint does not stop the server: the verification reports it.
    await writeCheckpoint(db, checkpoints).catch(() => undefined);
    const stopCheckpoints = startCheckpointTimer(
      db,
      checkpoints,
      options.checkpointIntervalMs ?? 60_000,
    );
    const hub = new EventHub(db);
    await hub.start({ presenceTtlMs: options.presenceTtlMs });
    const stopTimer = startRespondentWindowTimer(
      db,
      options.timerIntervalMs,
      options.idempotencyRetentionMs,
    );
    const stopJobs = startDeadlineWorker(db, JOB_HANDLERS, options.jobIntervalMs);
    // The backstop for waiting cases (capacity freed by a closed case, say); tests that drive
    // the jobs themselves slow it down with them.
    const stopRouting = startRoutingSweep(
      db,
      options.routingIntervalMs ?? Math.max(15_000, options.jobIntervalMs ?? 0),
    );
    const stopWebhooks = options.webhook ? startWebhookDelivery(db, options.webhook) : null;
    const app = await buildApp({
      db,
      staticDir: options.staticDir,
      logger: options.logger ?? false,
      serviceToken: options.serviceToken,
      hub,
      deskOrigins: options.deskOrigins,
      checkpoints,
      allowedHosts: LOOPBACK_HOSTS.has(options.host ?? "127.0.0.1") ? LOOPBACK_HOSTS : null,
    });
    app.addHook("onClose", async () => {
      stopTimer();
      stopCheckpoints();
      await writeCheckpoint(db, checkpoints).catch(() => undefined);
      await stopJobs();
      await stopRouting();
      await stopWebhooks?.();
      await hub.stop();
    });
    await app.listen({ host: options.host ?? "127.0.0.1", port: options.port ?? 8787 });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : (options.port ?? 8787);
    const host = options.host ?? "127.0.0.1";
    const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
    let stopSimulator: (() => Promise<void>) | null = null;
    if (options.simulate) {
      if (!options.serviceToken) throw new Error("--simulate needs SERVICE_TOKEN (or --demo)");
      const { runSimulator } = await import("./simulator/simulator");
      stopSimulator = runSimulator({
        baseUrl: url,
        serviceToken: options.serviceToken,
        seed: options.simulate.seed,
        ratePerMinute: options.simulate.ratePerMinute,
        log: () => undefined,
      }).stop;
    }
    return {
      url,
      port,
      db,
      app,
      async close() {
        await stopSimulator?.();
        await app.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
