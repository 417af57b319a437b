/**
 * `npm run bench [suite-name ...]`: runs every suite (or the named ones) and prints one table each.
 * Suites live in ./suites and are registered below, so adding one is one import and one line.
 */
import { type BenchSuite, formatTable } from "./harness";
import { casesListSuite } from "./suites/cases-list";
import { exportsSuite } from "./suites/exports";
import { serverApiSuite } from "./suites/server-api";
import { slaSuite } from "./suites/sla";
import { syncCacheSuite } from "./suites/sync-cache";
import { workstationSuite } from "./suites/workstation";

const SUITES: readonly BenchSuite[] = [
  casesListSuite,
  slaSuite,
  syncCacheSuite,
  workstationSuite,
  serverApiSuite,
  exportsSuite,
];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const selected = wanted.length ? SUITES.filter((s) => wanted.includes(s.name)) : SUITES;
  if (wanted.length && selected.length === 0) {
    console.error(
      `No suite named ${wanted.join(", ")}. Suites: ${SUITES.map((s) => s.name).join(", ")}`,
    );
    process.exit(2);
  }
  for (const suite of selected) {
    const started = performance.now();
    const rows = await suite.run();
    console.log(formatTable(suite.name, rows));
    console.log(`(${suite.name}: ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
