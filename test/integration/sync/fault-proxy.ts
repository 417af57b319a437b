import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";

/** What the proxy does to one request. */
export type Fault =
  | "pass"
  /** Reset the connection before the request reaches the server. */
  | "drop-request"
  /** Forward, let the server act, then reset the connection: the client never hears back. */
  | "drop-response"
  /** Forward twice (one after the other), answer with the second reply. */
  | "duplicate"
  | "500"
  | "503"
  | "429";

export interface FaultPlan {
  /** Probability of each fault; the rest passes. */
  weights: Partial<Record<Exclude<Fault, "pass">, number>>;
  /** Random extra latency per request, so concurrent requests overtake each other. */
  maxDelayMs: number;
}

export interface FaultProxy {
  url: string;
  /** Faults from now on; `null` heals the network. */
  setPlan(plan: FaultPlan | null): void;
  counts: Record<Fault, number>;
  close(): Promise<void>;
}

interface Captured {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function forward(
  target: URL,
  req: Captured,
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}> {
  return new Promise((resolve, reject) => {
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.path,
        headers: { ...req.headers, host: target.host },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 502,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
        res.on("error", reject);
      },
    );
    upstream.on("error", reject);
    upstream.end(req.body);
  });
}

/** A seeded PRNG (mulberry32), so a failing run can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A loopback HTTP proxy between the desk's engine and the real server that misbehaves like a bad
 * network and an overloaded gateway. Streaming responses (SSE) pass through untouched.
 */
export async function startFaultProxy(
  upstreamUrl: string,
  random: () => number,
): Promise<FaultProxy> {
  const target = new URL(upstreamUrl);
  let plan: FaultPlan | null = null;
  const counts: Record<Fault, number> = {
    pass: 0,
    "drop-request": 0,
    "drop-response": 0,
    duplicate: 0,
    "500": 0,
    "503": 0,
    "429": 0,
  };

  const pick = (): Fault => {
    if (!plan) return "pass";
    let r = random();
    for (const [fault, weight] of Object.entries(plan.weights) as Array<
      [Exclude<Fault, "pass">, number]
    >) {
      if (r < weight) return fault;
      r -= weight;
    }
    return "pass";
  };

  const problem = (res: ServerResponse, status: number, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/problem+json", ...headers });
    res.end(JSON.stringify({ type: "about:blank", title: "Injected fault", status }));
  };

  const pipeStream = (req: IncomingMessage, res: ServerResponse) => {
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    res.on("close", () => upstream.destroy());
    req.pipe(upstream);
  };

  const server: Server = createServer((req, res) => {
    if (req.url?.includes("/events")) return pipeStream(req, res);
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const captured: Captured = {
        method: req.method ?? "GET",
        path: req.url ?? "/",
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      const fault = pick();
      counts[fault]++;
      if (plan?.maxDelayMs)
        await new Promise((r) => setTimeout(r, random() * (plan?.maxDelayMs ?? 0)));
      try {
        switch (fault) {
          case "drop-request":
            return req.socket.destroy();
          case "500":
            return problem(res, 500);
          case "503":
            return problem(res, 503, { "retry-after": "0" });
          case "429":
            return problem(res, 429, { "retry-after": "0" });
          case "drop-response":
            await forward(target, captured);
            return req.socket.destroy();
          default: {
            let answer = await forward(target, captured);
            if (fault === "duplicate") answer = await forward(target, captured);
            const headers = { ...answer.headers };
            delete headers["transfer-encoding"];
            delete headers.connection;
            res.writeHead(answer.status, headers);
            res.end(answer.body);
          }
        }
      } catch {
        req.socket.destroy();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setPlan: (next) => {
      plan = next;
    },
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
