import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";

/**
 * Configuration of the standalone server, from the environment and the command line.
 * Every variable is listed in the README's configuration table.
 */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  HOST: z.string().default("127.0.0.1"),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default("./data"),
  SERVICE_TOKEN: z.string().min(16).optional(),
  LOG: z.enum(["on", "off"]).default("off"),
});

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
    },
    strict: true,
  });
  const demoAppeals =
    values["demo-appeals"] === undefined ? undefined : Number(values["demo-appeals"]);
  if (demoAppeals !== undefined && (!Number.isInteger(demoAppeals) || demoAppeals < 0)) {
    throw new Error("--demo-appeals takes a whole number");
  }
  const e = parsedEnv.data;
  return {
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATABASE_URL ? undefined : resolve(e.DATA_DIR),
    demo: values.demo,
    demoAppeals,
    staticDir: values.static ? resolve(values.static) : undefined,
    logger: e.LOG === "on",
  };
}
