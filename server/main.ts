/**
 * `npm run server` (API alone) and, with `--static out/renderer --demo`, `npm run web`.
 * Prints one line with the URL once it is listening; the e2e tests wait for that line.
 */
import { readServerConfig } from "./config";
import { startServer } from "./start";

async function main(): Promise<void> {
  const config = readServerConfig(process.argv.slice(2), process.env);
  const server = await startServer(config);
  const where = config.databaseUrl ? "PostgreSQL" : `PGlite in ${config.dataDir}`;
  console.log(`Arbiter Desk server listening on ${server.url} (${where})`);
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(
    `Arbiter Desk server failed to start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
