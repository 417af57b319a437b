import type { DexieOptions } from "dexie";
import { IDBKeyRange, indexedDB } from "fake-indexeddb";

/** Dexie over fake-indexeddb: each test gets its own in-memory databases. */
export const FAKE_IDB: DexieOptions = { indexedDB, IDBKeyRange };

let counter = 0;
/** A unique user id per test, so each test opens a fresh database. */
export function freshUser(): string {
  counter += 1;
  return `u-${Date.now().toString(36)}-${counter}`;
}
