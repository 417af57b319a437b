/**
 * Signed audit checkpoints written to an S3-compatible bucket as well as the data folder
 * (`AUDIT_CHECKPOINT_URL`), against a local S3 server that checks every request's SigV4
 * signature with its own implementation of the algorithm. A store that is down is reported by
 * the verification, does not stop the server and is written again once it is back; and the
 * verification compares against the newest checkpoint of either place, so a checkpoint file
 * emptied on the server's disk does not hide a truncated chain.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AuditCheckpoint, AuditVerification } from "@shared/api/audit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasValidSignature } from "../../../server/audit/checkpoints";
import { ObjectStoreClient, parseObjectUrl } from "../../../server/audit/object-store";
import { readServerConfig } from "../../../server/config";
import { type RunningServer, startServer } from "../../../server/start";
import { ApiClient } from "../../support/api";
import { escalatedCase } from "../../support/appeals";
import { SERVICE_TOKEN } from "../../support/backends";
import { type S3TestServer, startS3Server } from "../../support/s3-server";

const CREDENTIALS = {
  accessKeyId: "AKIDARBITERTEST",
  secretAccessKey: "arbiter-test-secret-key-0123456789",
  region: "eu-central-1",
};
const LATEST = "arbiter-audit/desk/prod/latest.json";

describe("audit checkpoints in an S3-compatible object store", () => {
  let s3: S3TestServer;
  let server: RunningServer;
  let dir: string;
  let supervisor: ApiClient;

  const storeConfig = () => ({
    endpoint: s3.url,
    region: CREDENTIALS.region,
    bucket: "arbiter-audit",
    prefix: "desk/prod",
    accessKeyId: CREDENTIALS.accessKeyId,
    secretAccessKey: CREDENTIALS.secretAccessKey,
  });
  const stored = () => {
    const text = s3.objects.get(LATEST);
    return text ? AuditCheckpoint.parse(JSON.parse(text)) : null;
  };
  const head = async () => {
    const [row] = await server.db.query<{ seq: string | number }>(
      "select last_audit_seq as seq from change_counter where id = 1",
    );
    return Number(row?.seq ?? 0);
  };
  const verify = async () => AuditVerification.parse((await supervisor.get("/audit/verify")).body);

  beforeAll(async () => {
    s3 = await startS3Server(CREDENTIALS);
    dir = mkdtempSync(join(tmpdir(), "arbiter-objstore-"));
    server = await startServer({
      port: 0,
      dataDir: dir,
      demo: true,
      demoAppeals: 5,
      serviceToken: SERVICE_TOKEN,
      checkpointIntervalMs: 100,
      checkpointObjectStore: storeConfig(),
    });
    supervisor = await ApiClient.login(server.url, "supervisor1");
  });
  afterAll(async () => {
    await server?.close();
    await s3?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("reads AUDIT_CHECKPOINT_URL and its credentials from the environment, refusing a bad one", () => {
    const env = {
      AUDIT_CHECKPOINT_URL: "s3://arbiter-audit/desk/prod/",
      AUDIT_S3_ENDPOINT: "http://127.0.0.1:9000",
      AUDIT_S3_REGION: "eu-central-1",
      AWS_ACCESS_KEY_ID: "AKID",
      AWS_SECRET_ACCESS_KEY: "secret",
    };
    expect(readServerConfig([], env).checkpointObjectStore).toMatchObject({
      bucket: "arbiter-audit",
      prefix: "desk/prod",
      endpoint: "http://127.0.0.1:9000",
      region: "eu-central-1",
    });
    expect(
      readServerConfig([], { ...env, AUDIT_S3_ENDPOINT: undefined }).checkpointObjectStore,
    ).toMatchObject({ endpoint: "https://s3.eu-central-1.amazonaws.com" });
    expect(() => readServerConfig([], { ...env, AWS_SECRET_ACCESS_KEY: undefined })).toThrow(
      /AWS_SECRET_ACCESS_KEY/,
    );
    expect(() => readServerConfig([], { ...env, AUDIT_CHECKPOINT_URL: "https://x/y" })).toThrow(
      /s3:\/\/bucket/,
    );
    expect(parseObjectUrl("s3://bucket/a/../b")).toHaveProperty("error");
    expect(readServerConfig([], {}).checkpointObjectStore).toBeUndefined();
  });

  it("writes every checkpoint to the bucket with a valid SigV4 signature, as the file has it", async () => {
    await escalatedCase(server.url);
    const seq = await head();
    expect(seq).toBeGreaterThan(0);
    await expect.poll(() => stored()?.seq, { timeout: 10_000 }).toBe(seq);
    const checkpoint = stored();
    if (!checkpoint) throw new Error("no checkpoint in the bucket");
    expect(hasValidSignature(checkpoint)).toBe(true);
    expect(
      s3.objects.has(`arbiter-audit/desk/prod/checkpoints/${String(seq).padStart(12, "0")}.json`),
    ).toBe(true);
    const lines = readFileSync(join(dir, "audit-checkpoints.jsonl"), "utf8").trim().split("\n");
    expect(lines.map((l) => AuditCheckpoint.parse(JSON.parse(l)).seq)).toContain(seq);
    expect(s3.refused).toEqual([]);
    const verification = await verify();
    expect(verification).toMatchObject({ ok: true, firstBroken: null });
    expect(verification.stores?.map((s) => [s.kind, s.ok])).toEqual([
      ["file", true],
      ["object_store", true],
    ]);
    expect(verification.stores?.[1]?.location).toBe("s3://arbiter-audit/desk/prod");
    expect(JSON.stringify(verification)).not.toContain(CREDENTIALS.secretAccessKey);
  });

  it("is refused by the store with a wrong secret (the signature check can fail)", async () => {
    const wrong = new ObjectStoreClient({ ...storeConfig(), secretAccessKey: "not-the-secret" });
    await expect(wrong.put("probe.json", "{}")).rejects.toThrow(/403/);
    expect(s3.refused).toEqual(["signature does not match"]);
    expect(s3.objects.has("arbiter-audit/desk/prod/probe.json")).toBe(false);
    s3.refused.length = 0;
  });

  it("reports a store that is down, keeps serving, and writes the missed checkpoint once it is back", async () => {
    s3.failing = true;
    const before = stored()?.seq;
    await escalatedCase(server.url);
    const seq = await head();
    expect(seq).toBeGreaterThan(before ?? 0);
    const down = await verify();
    expect(down.ok).toBe(true);
    const object = down.stores?.find((s) => s.kind === "object_store");
    expect(object?.ok).toBe(false);
    expect(object?.lastError).toMatch(/503/);
    expect(down.stores?.find((s) => s.kind === "file")?.ok).toBe(true);
    // The file has the newest checkpoint meanwhile; the bucket is behind.
    expect(stored()?.seq).toBe(before);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    s3.failing = false;
    await expect.poll(() => stored()?.seq, { timeout: 10_000 }).toBe(seq);
    await expect
      .poll(async () => (await verify()).stores?.every((s) => s.ok), { timeout: 10_000 })
      .toBe(true);
    expect(s3.refused).toEqual([]);
  });

  it("compares against the newest of file and bucket: an emptied file does not hide a truncated chain", async () => {
    await escalatedCase(server.url);
    const seq = await head();
    await expect.poll(() => stored()?.seq, { timeout: 10_000 }).toBe(seq);
    // Someone with the database and the server's disk, but not the bucket: the tail of the chain
    // deleted, the counter wound back, the checkpoint file emptied.
    const [previous] = await server.db.query<{ hash: string }>(
      "select hash from audit_log where seq = $1",
      [seq - 2],
    );
    await server.db.query("alter table audit_log disable trigger audit_log_no_update");
    await server.db.query("delete from audit_log where seq > $1", [seq - 2]);
    await server.db.query("alter table audit_log enable trigger audit_log_no_update");
    await server.db.query(
      "update change_counter set last_audit_seq = $1, last_audit_hash = $2 where id = 1",
      [seq - 2, previous?.hash],
    );
    writeFileSync(join(dir, "audit-checkpoints.jsonl"), "");
    const verification = await verify();
    expect(verification.ok).toBe(false);
    expect(verification.firstBroken).toEqual({ seq: seq - 1, reason: "truncated" });
    expect(verification.checkpoint?.seq).toBe(seq);
  });
});
