/**
 * Writes renderer/src/i18n/locales/zh-hant.ts from zh-hans.ts, converted with OpenCC (Simplified
 * → Traditional with Taiwan phrases, `cn` → `twp`), key for key in the same layout. Run it after
 * adding Simplified keys: `npx tsx scripts/zh-hant-catalog.ts` (then `npm run format`). Existing
 * Traditional entries are kept, so a hand-corrected translation is never overwritten; a key that
 * disappeared from zh-Hans disappears here too.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as OpenCC from "opencc-js";
import { zhHans } from "../renderer/src/i18n/locales/zh-hans";

type Tree = { [key: string]: string | Tree };
const convert = OpenCC.Converter({ from: "cn", to: "twp" });
const target = fileURLToPath(new URL("../renderer/src/i18n/locales/zh-hant.ts", import.meta.url));

let existing: Tree = {};
try {
  existing = ((await import(target)) as { zhHant: Tree }).zhHant;
} catch {
  // First run: nothing to keep.
}

function walk(source: Tree, kept: Tree | undefined): Tree {
  const out: Tree = {};
  for (const [key, value] of Object.entries(source)) {
    const old = kept?.[key];
    if (typeof value === "string") {
      // {{placeholders}} stay as written: only the text around them is converted.
      out[key] =
        typeof old === "string"
          ? old
          : value
              .split(/(\{\{[^}]*\}\})/)
              .map((part) => (part.startsWith("{{") ? part : convert(part)))
              .join("");
    } else {
      out[key] = walk(value, typeof old === "object" ? old : undefined);
    }
  }
  return out;
}

const tree = walk(zhHans as unknown as Tree, existing);
writeFileSync(
  target,
  `import type { Catalog } from "./en";

/**
 * 繁體中文 (Taiwan). Same keys, same layout as zh-hans.ts: written by scripts/zh-hant-catalog.ts
 * with OpenCC from the Simplified catalogue, then corrected by hand where needed (the script keeps
 * existing entries). Chinese has no grammatical plural: \`_one\` and \`_other\` read the same.
 */
export const zhHant = ${JSON.stringify(tree, null, 2)} satisfies Catalog;
`,
);
console.log(`wrote ${target}`);
