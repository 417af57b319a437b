import type { Catalog } from "./locales/en";

/** A catalog lookup: i18next's `t` at the desk, a fixed catalog in a report. */
export type Words = (key: string, params?: Record<string, string>) => string;

/**
 * Lookups in one fixed catalog, without i18next: for reports, whose language is chosen by the
 * exporter and must not follow the desk's current language. `{{name}}` is filled from params
 * (formatting, if any, is the caller's: reports format dates in the case's time zone).
 * A missing key returns the key, as i18next does, so a test that looks for raw codes finds it.
 */
export function catalogWords(catalog: Catalog): Words {
  return (key, params = {}) => {
    let node: unknown = catalog;
    for (const part of key.split(".")) {
      node =
        typeof node === "object" && node !== null
          ? (node as Record<string, unknown>)[part]
          : undefined;
    }
    if (typeof node !== "string") return key;
    return node.replace(/\{\{\s*(\w+)[^}]*\}\}/g, (whole, name: string) => params[name] ?? whole);
  };
}
