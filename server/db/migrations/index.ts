import type { Migration } from "../migrate";
import { initial } from "./001-initial";

/** Every migration, in the order it is applied. Append only. */
export const MIGRATIONS: readonly Migration[] = [initial];
