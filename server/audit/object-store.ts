/**
 * A small S3-compatible object client: PUT and GET of one object, signed with AWS Signature
 * Version 4 (by `aws4fetch`). Path-style addressing (`<endpoint>/<bucket>/<key>`), which AWS,
 * MinIO, Ceph and the other S3-compatible stores all accept. The payload's SHA-256 is signed too,
 * so a checkpoint cannot be swapped in transit.
 */
import { createHash } from "node:crypto";
import { AwsClient } from "aws4fetch";

export interface ObjectStoreConfig {
  /** e.g. `https://s3.eu-central-1.amazonaws.com` or `http://127.0.0.1:9000` (MinIO). */
  endpoint: string;
  region: string;
  bucket: string;
  /** Key prefix without leading or trailing slash; may be empty. */
  prefix: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
  /** An attempt with no answer by then fails (and is retried by the caller). */
  timeoutMs?: number;
}

/** Letters, digits and `-_./` only: keys that need no percent-encoding in a signed path. */
const SAFE_PATH = /^[A-Za-z0-9._\-/]*$/;

/**
 * Reads `s3://bucket/prefix` (`AUDIT_CHECKPOINT_URL`). Returns an error message for anything
 * else, so the server refuses to start on a typo instead of writing nowhere.
 */
export function parseObjectUrl(
  url: string,
): { bucket: string; prefix: string } | { error: string } {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url);
  if (!match?.[1]) return { error: "expected s3://bucket/prefix (a lower-case bucket name)" };
  const prefix = (match[2] ?? "").replace(/^\/+|\/+$/g, "");
  if (!SAFE_PATH.test(prefix) || prefix.split("/").some((part) => part === "..")) {
    return { error: "the prefix may hold letters, digits and - _ . / only" };
  }
  return { bucket: match[1], prefix };
}

export class ObjectStoreClient {
  private readonly aws: AwsClient;

  constructor(readonly config: ObjectStoreConfig) {
    this.aws = new AwsClient({
      accessKeyId: config.accessKeyId,
      secretAccessKey: config.secretAccessKey,
      sessionToken: config.sessionToken,
      service: "s3",
      region: config.region,
      // The caller decides when to try again (the checkpoint timer), not the signing library.
      retries: 0,
    });
  }

  /** Where `name` lives, for messages: no credentials in it. */
  location(name = ""): string {
    const key = [this.config.prefix, name].filter(Boolean).join("/");
    return `s3://${this.config.bucket}/${key}`;
  }

  private url(name: string): string {
    if (!SAFE_PATH.test(name)) throw new Error(`unsafe object name ${name}`);
    const key = [this.config.prefix, name].filter(Boolean).join("/");
    return `${this.config.endpoint.replace(/\/+$/, "")}/${this.config.bucket}/${key}`;
  }

  async put(name: string, body: string, contentType = "application/json"): Promise<void> {
    const bytes = Buffer.from(body, "utf8");
    const response = await this.aws.fetch(this.url(name), {
      method: "PUT",
      body: bytes,
      headers: {
        "content-type": contentType,
        "x-amz-content-sha256": createHash("sha256").update(bytes).digest("hex"),
      },
      signal: AbortSignal.timeout(this.config.timeoutMs ?? 10_000),
    });
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) throw new Error(`PUT ${this.location(name)} answered ${response.status}`);
  }

  /** The object's text, or null when it does not exist (404). */
  async get(name: string): Promise<string | null> {
    const response = await this.aws.fetch(this.url(name), {
      method: "GET",
      signal: AbortSignal.timeout(this.config.timeoutMs ?? 10_000),
    });
    const text = await response.text();
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`GET ${this.location(name)} answered ${response.status}`);
    return text;
  }
}
