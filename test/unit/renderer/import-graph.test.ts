/**
 * The renderer's import graph keeps its shape. No import cycle: a cycle means two modules that can only be understood (and
 * loaded) together, which is how `cache/` and `sync/` grew into one module over two folders. Type
 * imports count too: they tie the files together for a reader just the same. And the desk data
 * layer stays plain TypeScript: no React, no component, so it runs and is tested without a DOM.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, test } from "vitest";

const ROOT = resolve(import.meta.dirname, "../../..");
const SOURCE = join(ROOT, "renderer/src");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** A specifier as a file of the renderer, or null for packages, shared/ and stylesheets. */
function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith(".") || specifier.endsWith(".css")) return null;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  // An import the check cannot follow would hide the cycles through it.
  throw new Error(`${relative(ROOT, from)}: cannot resolve "${specifier}"`);
}

/** Every import, re-export and dynamic import of a file, as the TypeScript scanner sees them. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return importedFiles.flatMap((ref) => resolveImport(file, ref.fileName) ?? []);
}

/** The cycles of a graph (Tarjan's strongly connected components with more than one file). */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component);
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

describe("the renderer's import graph", () => {
  test("the check finds a cycle when there is one", () => {
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["a"]],
    ]);
    expect(cyclesOf(graph).map((c) => c.sort())).toEqual([["a", "b", "c"]]);
    expect(cyclesOf(new Map([["a", ["b"]]]))).toEqual([]);
  });

  test("has no cycle in renderer/src (type imports included)", () => {
    // shared/ imports nothing of the renderer (a lint rule), so no renderer cycle runs through it.
    const graph = new Map(filesUnder(SOURCE).map((file) => [file, importsOf(file)]));
    const cycles = cyclesOf(graph).map((files) => files.map((f) => relative(ROOT, f)).sort());
    expect(cycles).toEqual([]);
  });

  test("desk-data/ holds no React: its views live in the features that show them", () => {
    const files = filesUnder(join(SOURCE, "desk-data"));
    expect(files.length).toBeGreaterThan(10);
    const react = files.filter(
      (file) =>
        file.endsWith(".tsx") ||
        ts
          .preProcessFile(readFileSync(file, "utf8"), true, true)
          .importedFiles.some((ref) => /^react(-dom)?(\/|$)/.test(ref.fileName)),
    );
    expect(react.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
