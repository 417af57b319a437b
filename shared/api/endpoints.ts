import { API_CONTRACT, API_KEYS, type ApiKey, type Endpoint } from "./contract";
import { PreconditionFailedProblem } from "./mutations";

export type { Endpoint } from "./contract";

/**
 * Every endpoint of the contract map as a list, each with its key: for code that walks them all
 * (the OpenAPI document, the fuzz test). Derived from `./contract`, never written by hand.
 */
export const ENDPOINTS: readonly (Endpoint & { key: ApiKey })[] = API_KEYS.map((key) => ({
  key,
  ...API_CONTRACT[key],
}));

/** Problem bodies with extra members, for the document. */
export const PROBLEM_SCHEMAS = { PreconditionFailedProblem } as const;
