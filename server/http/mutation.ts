import { etagOf, HEADERS, IDEMPOTENCY_KEY_PATTERN, parseIfMatch } from "@shared/api/headers";
import type { FastifyReply, FastifyRequest } from "fastify";
import { loadCaseDetail } from "../cases/detail";
import { StaleVersion } from "../cases/engine";
import type { Database, Queryable } from "../db/database";
import { claimKey, requestHash, saveResponse } from "../idempotency/store";
import { HttpProblem } from "./problem";

export interface MutationHeaders {
  idempotencyKey: string;
  /**
   * The versions If-Match names (the precondition holds when the case is at one of them; an empty
   * list never holds). Null when the endpoint makes If-Match optional and the client sent none.
   */
  ifMatch: readonly number[] | null;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** 400 without a usable Idempotency-Key; 428 without If-Match where it is required. */
export function readMutationHeaders(
  request: FastifyRequest,
  ifMatch: "required" | "optional",
): MutationHeaders {
  const key = header(request, HEADERS.idempotencyKey);
  if (key === undefined) {
    throw new HttpProblem(
      400,
      "Invalid request",
      "Every mutation needs an Idempotency-Key header.",
      [{ field: "headers/idempotency-key", message: "required" }],
    );
  }
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw new HttpProblem(400, "Invalid request", "The Idempotency-Key is not usable.", [
      { field: "headers/idempotency-key", message: "8–128 characters of A–Z a–z 0–9 . _ : -" },
    ]);
  }
  const tag = header(request, HEADERS.ifMatch);
  if (tag === undefined) {
    if (ifMatch === "optional") return { idempotencyKey: key, ifMatch: null };
    throw new HttpProblem(
      428,
      "Precondition required",
      'Send If-Match: "<version>" with the case version the action was taken on.',
      [{ field: "headers/if-match", message: "required" }],
    );
  }
  const condition = parseIfMatch(tag);
  if (condition.kind === "any") {
    throw new HttpProblem(
      428,
      "Precondition required",
      'If-Match: * does not say which version the action was taken on; send "<version>".',
      [{ field: "headers/if-match", message: 'a quoted version such as "7"' }],
    );
  }
  if (condition.kind === "invalid") {
    throw new HttpProblem(400, "Invalid request", 'If-Match must be an entity tag such as "7".', [
      { field: "headers/if-match", message: 'a quoted version such as "7"' },
    ]);
  }
  // A well-formed tag that names no version of ours is a precondition that fails (412), not a
  // malformed request: the client learns the current case and can retry on it.
  return { idempotencyKey: key, ifMatch: condition.versions };
}

export interface MutationResult {
  status: number;
  body: { version: number } & Record<string, unknown>;
}

/**
 * Runs `work` once per (principal, Idempotency-Key) in one transaction and sends its result with
 * the case's ETag. A replay sends the stored result. A stale If-Match becomes 412 carrying the
 * current case, read after the rollback.
 */
export async function runMutation(
  db: Database,
  reply: FastifyReply,
  options: {
    principal: string;
    route: string;
    caseId: string | null;
    body: unknown;
    headers: MutationHeaders;
    work: (tx: Queryable) => Promise<MutationResult>;
    /** Runs after COMMIT, before the response is sent (e.g. to drop cached reads). */
    onCommitted?: () => void;
  },
): Promise<FastifyReply> {
  const hash = requestHash(options.route, options.caseId ?? "", options.body);
  let result: { status: number; json: string; version: number; replayed: boolean };
  try {
    result = await db.transaction(async (tx) => {
      const claim = await claimKey(
        tx,
        options.principal,
        options.headers.idempotencyKey,
        options.route,
        hash,
      );
      if (claim.kind === "replay") {
        const stored = JSON.parse(claim.response) as { version?: number };
        const version = stored.version ?? 0;
        return { status: claim.status, json: claim.response, version, replayed: true };
      }
      const done = await options.work(tx);
      const json = JSON.stringify(done.body);
      await saveResponse(tx, options.principal, options.headers.idempotencyKey, done.status, json);
      return { status: done.status, json, version: done.body.version, replayed: false };
    });
    if (!result.replayed) options.onCommitted?.();
  } catch (error) {
    if (error instanceof StaleVersion) {
      const current = await loadCaseDetail(db, error.caseId);
      if (!current) throw new HttpProblem(404, "Not found", `There is no case ${error.caseId}.`);
      reply.header(HEADERS.etag, etagOf(current.version));
      throw new HttpProblem(
        412,
        "Precondition failed",
        `The case is at version ${current.version}; If-Match named ${describeTags(options.headers.ifMatch)}.`,
        undefined,
        { current },
      );
    }
    throw error;
  }
  reply.header(HEADERS.etag, etagOf(result.version));
  if (result.replayed) reply.header("Idempotent-Replayed", "true");
  return reply.code(result.status).type("application/json; charset=utf-8").send(result.json);
}

function describeTags(versions: readonly number[] | null): string {
  if (!versions || versions.length === 0) return "no version of it";
  return versions.length === 1 ? `version ${versions[0]}` : `versions ${versions.join(", ")}`;
}
