/**
 * `npm run simulate -- [--url http://127.0.0.1:8787] [--seed 42] [--rate 6] [--count n]`
 * Files appeals against a running server through its integration API (SERVICE_TOKEN, or the demo
 * token `demo-service-token`). The same seed tells the same stories.
 */
import { parseArgs } from "node:util";
import { DEMO_SERVICE_TOKEN } from "../config";
import { runSimulator } from "./simulator";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: process.env.ARBITER_URL ?? "http://127.0.0.1:8787" },
    seed: { type: "string", default: "1" },
    rate: { type: "string", default: "6" },
    count: { type: "string" },
  },
  strict: true,
});
const seed = Number(values.seed);
const rate = Number(values.rate);
const count = values.count === undefined ? undefined : Number(values.count);
if (!Number.isInteger(seed) || !(rate > 0) || (count !== undefined && !Number.isInteger(count))) {
  console.error(
    "--seed and --count take whole numbers, --rate a positive number of appeals per minute",
  );
  process.exit(2);
}
const simulator = runSimulator({
  baseUrl: values.url,
  serviceToken: process.env.SERVICE_TOKEN ?? DEMO_SERVICE_TOKEN,
  seed,
  ratePerMinute: rate,
  ...(count === undefined ? {} : { maxAppeals: count }),
  log: (line) => console.log(line),
});
process.once("SIGINT", () => {
  simulator.stop().then(() => process.exit(0));
});
await simulator.done;
