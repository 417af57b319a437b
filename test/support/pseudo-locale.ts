import type { Catalog } from "../../renderer/src/i18n/locales/en";

const ACCENTS: Record<string, string> = {
  a: "á",
  e: "é",
  i: "í",
  o: "ö",
  u: "ü",
  c: "ç",
  n: "ñ",
  s: "ś",
  y: "ý",
  z: "ž",
  A: "Á",
  E: "É",
  I: "Í",
  O: "Ö",
  U: "Ü",
  C: "Ç",
  N: "Ñ",
  S: "Ś",
  Y: "Ý",
  Z: "Ž",
};

/** One catalog text in the pseudo locale: accented and wrapped in ⟦…⟧, placeholders untouched. */
export function pseudo(text: string): string {
  const body = text
    .split(/(\{\{[^}]*\}\}|\{\w+\})/)
    .map((part) =>
      part.startsWith("{") ? part : part.replace(/[a-zA-Z]/g, (c) => ACCENTS[c] ?? c),
    )
    .join("");
  return `⟦${body}⟧`;
}

type Tree = { [key: string]: string | Tree };

/** The English catalog with every text in the pseudo locale, for a test's i18n instance. */
export function pseudoCatalog(catalog: Catalog): Catalog {
  const walk = (tree: Tree): Tree =>
    Object.fromEntries(
      Object.entries(tree).map(([key, value]) => [
        key,
        typeof value === "string" ? pseudo(value) : walk(value),
      ]),
    );
  return walk(catalog as unknown as Tree) as unknown as Catalog;
}

/**
 * Where data may show as written: elements marked `data-user-text` (names, free text, ids,
 * amounts), `translate="no"` (the product's and the languages' own names, currency codes), times,
 * keys (`kbd`: the letters printed on the keyboard) and code; an
 * attribute marked `data-user-<attribute>` (an example URL). Anything else the user reads must come from the catalogs.
 */
const DATA = '[data-user-text], [translate="no"], time, kbd, code, pre, script, style';

/** Visible text and labelling attributes of `root` that did not go through the catalogs. */
export function unlocalised(root: Element): string[] {
  const found: string[] = [];
  // Innermost first: a catalog text may hold another one (an action's name in a title).
  const outsideBrackets = (text: string) => {
    let rest = text;
    for (let prev = ""; prev !== rest; ) {
      prev = rest;
      rest = rest.replace(/⟦[^⟦⟧]*⟧/g, "");
    }
    return rest;
  };
  const hasWords = (text: string) => /\p{L}/u.test(text);
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest(DATA)) continue;
    const text = node.textContent ?? "";
    if (hasWords(outsideBrackets(text)))
      found.push(`text "${text.trim()}" in <${parent.tagName.toLowerCase()}>`);
  }
  for (const element of root.querySelectorAll("[aria-label], [placeholder], [title], [alt]")) {
    if (element.closest(DATA)) continue;
    for (const name of ["aria-label", "placeholder", "title", "alt"]) {
      const value = element.getAttribute(name);
      if (value && hasWords(outsideBrackets(value)) && !element.hasAttribute(`data-user-${name}`)) {
        found.push(`${name} "${value}" on <${element.tagName.toLowerCase()}>`);
      }
    }
  }
  return found;
}
