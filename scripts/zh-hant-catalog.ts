/**
 * Writes renderer/src/i18n/locales/zh-hant.ts from zh-hans.ts, key for key in the same layout
 * (see zh-hant-convert.ts). Run it after changing Simplified keys: `npx tsx
 * scripts/zh-hant-catalog.ts` (it formats its output with Biome). Every entry is regenerated except those
 * listed in zh-hant-hand-written.ts whose Simplified source is unchanged; a hand-written entry
 * whose source changed is regenerated and named, to be rewritten by hand and its source updated.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { zhHans } from "../renderer/src/i18n/locales/zh-hans";
import { ZH_HANT_HAND_WRITTEN } from "../renderer/src/i18n/locales/zh-hant-hand-written";
import { type Tree, traditionalCatalog } from "./zh-hant-convert";

const target = fileURLToPath(new URL("../renderer/src/i18n/locales/zh-hant.ts", import.meta.url));

let existing: Tree = {};
try {
  existing = ((await import(target)) as { zhHant: Tree }).zhHant;
} catch {
  // First run: nothing to keep.
}

const { tree, stale } = traditionalCatalog(
  zhHans as unknown as Tree,
  existing,
  ZH_HANT_HAND_WRITTEN,
);
writeFileSync(
  target,
  `import type { Catalog } from "./en";

/**
 * 繁體中文 (Taiwan). Same keys, same layout as zh-hans.ts: written by scripts/zh-hant-catalog.ts
 * with OpenCC from the Simplified catalogue; the entries corrected by hand are listed in
 * zh-hant-hand-written.ts. Chinese has no grammatical plural: \`_one\` and \`_other\` read the same.
 */
export const zhHant = ${JSON.stringify(tree, null, 2)} satisfies Catalog;
`,
);
// Formatted as the lint step wants it, so a regenerated catalogue never fails `biome check`.
execFileSync(
  process.execPath,
  [
    fileURLToPath(new URL("../node_modules/@biomejs/biome/bin/biome", import.meta.url)),
    "format",
    "--write",
    target,
  ],
  { stdio: "ignore" },
);
console.log(`wrote ${target}`);
for (const key of stale) {
  console.warn(`hand-written ${key}: its Simplified text changed; regenerated, rewrite it by hand`);
}
