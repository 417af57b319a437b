import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { parseOriginList } from "@shared/api/cross-origin";
import { z } from "zod";
import { type ObjectStoreConfig, parseObjectUrl } from "./audit/object-store";

/**
 * Configuration of the standalone server, from the environment and the command line.
 * Every variable is listed in the README's configuration table.
 */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  HOST: z.string().default("127.0.0.1"),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_OWNER_URL: z.string().url().optional(),
  DATA_DIR: z.string().default("./data"),
  SERVICE_TOKEN: z.string().min(16).optional(),
  LOG: z.enum(["on", "off"]).default("off"),
  DESK_ORIGINS: z
    .string()
    .default("")
    .transform((value, context) => {
      const parsed = parseOriginList(value);
      if ("error" in parsed) {
        context.addIssue({ code: "custom", message: parsed.error });
        return z.NEVER;
      }
      return parsed.origins;
    }),
  IDEMPOTENCY_RETENTION_DAYS: z.coerce.number().positive().max(365).default(7),
  AUDIT_KEY: z.string().min(43).optional(),
  AUDIT_DIR: z.string().optional(),
  AUDIT_CHECKPOINT_URL: z.string().optional(),
  AUDIT_S3_ENDPOINT: z.string().url().optional(),
  AUDIT_S3_REGION: z.string().min(1).default("us-east-1"),
  AWS_ACCESS_KEY_ID: z.string().min(1).optional(),
  AWS_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  AWS_SESSION_TOKEN: z.string().min(1).optional(),
  JOB_INTERVAL_MS: z.coerce.number().int().min(50).max(3_600_000).default(1_000),
  WEBHOOK_URL: z.string().url().optional(),
  WEBHOOK_SECRET: z.string().min(16).optional(),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(5_000),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),
});

/** `AUDIT_CHECKPOINT_URL=s3://bucket/prefix` with its endpoint and credentials, or undefined. */
function readCheckpointObjectStore(e: z.infer<typeof Env>): ObjectStoreConfig | undefined {
  if (!e.AUDIT_CHECKPOINT_URL) return undefined;
  const target = parseObjectUrl(e.AUDIT_CHECKPOINT_URL);
  if ("error" in target) throw new Error(`AUDIT_CHECKPOINT_URL: ${target.error}`);
  if (!e.AWS_ACCESS_KEY_ID || !e.AWS_SECRET_ACCESS_KEY) {
    throw new Error("AUDIT_CHECKPOINT_URL needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
  }
  return {
    ...target,
    endpoint: e.AUDIT_S3_ENDPOINT ?? `https://s3.${e.AUDIT_S3_REGION}.amazonaws.com`,
    region: e.AUDIT_S3_REGION,
    accessKeyId: e.AWS_ACCESS_KEY_ID,
    secretAccessKey: e.AWS_SECRET_ACCESS_KEY,
    sessionToken: e.AWS_SESSION_TOKEN,
  };
}

export const DEMO_SERVICE_TOKEN = "demo-service-token";

export function readServerConfig(argv: readonly string[], env: NodeJS.ProcessEnv) {
  const parsedEnv = Env.safeParse(env);
  if (!parsedEnv.success) {
    const lines = parsedEnv.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const { values } = parseArgs({
    args: [...argv],
    options: {
      demo: { type: "boolean", default: false },
      "demo-appeals": { type: "string" },
      static: { type: "string" },
      simulate: { type: "boolean", default: false },
      "simulate-seed": { type: "string" },
      "simulate-rate": { type: "string" },
    },
    strict: true,
  });
  const demoAppeals =
    values["demo-appeals"] === undefined ? undefined : Number(values["demo-appeals"]);
  if (demoAppeals !== undefined && (!Number.isInteger(demoAppeals) || demoAppeals < 0)) {
    throw new Error("--demo-appeals takes a whole number");
  }
  const e = parsedEnv.data;
  if (e.DATABASE_OWNER_URL && !e.DATABASE_URL) {
    throw new Error(
      "DATABASE_OWNER_URL (migrations) needs DATABASE_URL (the app role the server runs as)",
    );
  }
  if (e.WEBHOOK_URL && !e.WEBHOOK_SECRET) {
    throw new Error("WEBHOOK_URL needs WEBHOOK_SECRET (16 characters at least) to sign deliveries");
  }
  const checkpointObjectStore = readCheckpointObjectStore(e);
  const simulateSeed = Number(values["simulate-seed"] ?? 1);
  const simulateRate = Number(values["simulate-rate"] ?? 6);
  if (!Number.isInteger(simulateSeed) || !(simulateRate > 0)) {
    throw new Error("--simulate-seed takes a whole number, --simulate-rate a positive number");
  }
  return {
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    databaseOwnerUrl: e.DATABASE_OWNER_URL,
    dataDir: e.DATABASE_URL ? undefined : resolve(e.DATA_DIR),
    demo: values.demo,
    demoAppeals,
    staticDir: values.static ? resolve(values.static) : undefined,
    logger: e.LOG === "on",
    deskOrigins: e.DESK_ORIGINS,
    // The key and checkpoints stay on the server's disk even when the database is PostgreSQL.
    auditDir: resolve(e.AUDIT_DIR ?? e.DATA_DIR),
    auditKey: e.AUDIT_KEY,
    checkpointObjectStore,
    idempotencyRetentionMs: e.IDEMPOTENCY_RETENTION_DAYS * 24 * 60 * 60 * 1000,
    // Web mode's demo has a known integration token so the simulator and curl work out of the box.
    serviceToken:
      e.SERVICE_TOKEN ?? (values.demo || values.simulate ? DEMO_SERVICE_TOKEN : undefined),
    simulate: values.simulate ? { seed: simulateSeed, ratePerMinute: simulateRate } : undefined,
    jobIntervalMs: e.JOB_INTERVAL_MS,
    webhook:
      e.WEBHOOK_URL && e.WEBHOOK_SECRET
        ? {
            url: e.WEBHOOK_URL,
            secret: e.WEBHOOK_SECRET,
            timeoutMs: e.WEBHOOK_TIMEOUT_MS,
            baseDelayMs: e.WEBHOOK_RETRY_BASE_MS,
            maxAttempts: e.WEBHOOK_MAX_ATTEMPTS,
          }
        : undefined,
  };
}
