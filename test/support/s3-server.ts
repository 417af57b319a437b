/**
 * A minimal S3-compatible HTTP server for tests: PUT and GET of objects in memory, path-style
 * (`/<bucket>/<key>`), every request's AWS Signature Version 4 checked by this file's own
 * implementation of the published algorithm (canonical request, string to sign, derived key),
 * written independently of the signing library the server uses. A request with a wrong or
 * missing signature, an unsigned payload or a payload that does not match its signed hash is
 * refused with 403, as S3 does. `failing = true` answers 503 to everything (a store that is down).
 */
import { createHash, createHmac } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";

export interface S3TestServer {
  url: string;
  /** Objects by `<bucket>/<key>`. */
  objects: Map<string, string>;
  /** Requests refused for their signature, with the reason. */
  refused: string[];
  /** Requests answered, by method, e.g. `PUT roles/audit/latest.json`. */
  served: string[];
  failing: boolean;
  close(): Promise<void>;
}

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

const hmac = (key: Buffer | string, data: string) =>
  createHmac("sha256", key).update(data).digest();
const sha256Hex = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

/** Why the request's SigV4 signature does not hold, or null when it does. */
export function sigV4Problem(
  request: { method: string; path: string; headers: IncomingMessage["headers"]; body: Buffer },
  credentials: S3Credentials,
  now = new Date(),
): string | null {
  const authorization = request.headers.authorization;
  if (typeof authorization !== "string") return "no Authorization header";
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(
      authorization,
    );
  if (!match) return `malformed Authorization: ${authorization}`;
  const [, keyId, date, region, signedHeaders = "", signature] = match;
  if (keyId !== credentials.accessKeyId) return "unknown access key";
  if (region !== credentials.region) return "wrong region";
  const amzDate = request.headers["x-amz-date"];
  if (typeof amzDate !== "string" || !amzDate.startsWith(date ?? "")) return "bad x-amz-date";
  const at = Date.parse(
    `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
  );
  if (!(Math.abs(now.getTime() - at) < 15 * 60_000)) return "request time too skewed";
  const payloadHash = request.headers["x-amz-content-sha256"];
  if (typeof payloadHash !== "string") return "no x-amz-content-sha256";
  if (request.method === "PUT" && payloadHash !== sha256Hex(request.body)) {
    return "payload hash not signed or not matching";
  }
  const names = signedHeaders.split(";");
  for (const required of ["host", "x-amz-date", "x-amz-content-sha256"]) {
    if (!names.includes(required)) return `${required} not signed`;
  }
  const canonicalHeaders = names
    .map((name) => {
      const value = request.headers[name];
      const text = Array.isArray(value) ? value.join(",") : (value ?? "");
      return `${name}:${text.trim().replace(/\s+/g, " ")}\n`;
    })
    .join("");
  const [path = "/", query = ""] = request.path.split("?");
  const canonicalQuery = query
    .split("&")
    .filter(Boolean)
    .map((pair) => pair.split("="))
    .sort(([a = ""], [b = ""]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k = "", v = ""]) => `${k}=${v}`)
    .join("&");
  const canonicalRequest = [
    request.method,
    path,
    canonicalQuery,
    canonicalHeaders,
    signedHeaders,
    payloadHash,
  ].join("\n");
  const scope = `${date}/${region}/s3/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
  const signingKey = hmac(
    hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, date ?? ""), region ?? ""), "s3"),
    "aws4_request",
  );
  const expected = createHmac("sha256", signingKey).update(stringToSign).digest("hex");
  return expected === signature ? null : "signature does not match";
}

export async function startS3Server(credentials: S3Credentials): Promise<S3TestServer> {
  const state: S3TestServer = {
    url: "",
    objects: new Map(),
    refused: [],
    served: [],
    failing: false,
    close: async () => undefined,
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const method = req.method ?? "GET";
      const path = req.url ?? "/";
      if (state.failing) {
        res.writeHead(503).end("<Error><Code>SlowDown</Code></Error>");
        return;
      }
      const problem = sigV4Problem({ method, path, headers: req.headers, body }, credentials);
      if (problem) {
        state.refused.push(problem);
        res.writeHead(403).end("<Error><Code>SignatureDoesNotMatch</Code></Error>");
        return;
      }
      const key = decodeURIComponent(path.split("?")[0] ?? "").replace(/^\//, "");
      state.served.push(`${method} ${key}`);
      if (method === "PUT") {
        state.objects.set(key, body.toString("utf8"));
        res.writeHead(200).end();
      } else if (method === "GET") {
        const object = state.objects.get(key);
        if (object === undefined) res.writeHead(404).end("<Error><Code>NoSuchKey</Code></Error>");
        else res.writeHead(200, { "content-type": "application/json" }).end(object);
      } else {
        res.writeHead(405).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  state.url = `http://127.0.0.1:${port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
