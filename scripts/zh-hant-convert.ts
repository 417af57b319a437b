/**
 * zh-Hans → zh-Hant for the desk's catalog: OpenCC (Simplified → Traditional with Taiwan phrases,
 * `cn` → `twp`), with {{placeholders}} left as written. Entries listed as hand-written keep their
 * Traditional text while the Simplified text they translate is unchanged; every other entry is
 * regenerated, so a Simplified change never leaves a stale Traditional one behind.
 */
import * as OpenCC from "opencc-js";

export type Tree = { [key: string]: string | Tree };

const convert = OpenCC.Converter({ from: "cn", to: "twp" });

export function toTraditional(text: string): string {
  return text
    .split(/(\{\{[^}]*\}\})/)
    .map((part) => (part.startsWith("{{") ? part : convert(part)))
    .join("");
}

export interface Conversion {
  tree: Tree;
  /** Hand-written keys whose Simplified source changed: regenerated, and to be checked by hand. */
  stale: string[];
}

export function traditionalCatalog(
  hans: Tree,
  hant: Tree,
  handWritten: Readonly<Record<string, string>>,
): Conversion {
  const stale: string[] = [];
  const walk = (source: Tree, kept: Tree | undefined, path: string): Tree => {
    const out: Tree = {};
    for (const [key, value] of Object.entries(source)) {
      const at = path ? `${path}.${key}` : key;
      const old = kept?.[key];
      if (typeof value !== "string") {
        out[key] = walk(value, typeof old === "object" ? old : undefined, at);
        continue;
      }
      const from = handWritten[at];
      if (from !== undefined && from === value && typeof old === "string") {
        out[key] = old;
      } else {
        if (from !== undefined) stale.push(at);
        out[key] = toTraditional(value);
      }
    }
    return out;
  };
  return { tree: walk(hans, hant, ""), stale };
}
