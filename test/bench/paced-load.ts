/**
 * Open-loop load: requests leave on a fixed schedule (evenly spaced, `rate` per second) over at
 * most `connections` keep-alive connections, whatever the server's pace, and each latency is
 * measured from the request's *scheduled* time. A slow server therefore shows up as latency rather
 * than as fewer requests sent (the "coordinated omission" of closed-loop tools, whose 50 clients
 * each wait for an answer before asking again, so their latency is 50 ÷ throughput by construction).
 */
import { Agent, request } from "node:http";

export interface PacedRequest {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface PacedResult {
  /** Milliseconds from each request's scheduled time to the end of its response. */
  times: number[];
  /** Responses with a status of 300 or more, by status; transport errors under 0. */
  failures: Map<number, number>;
  /** Responses per second actually achieved. */
  achievedRate: number;
}

export async function pacedLoad(options: {
  url: string;
  rate: number;
  durationS: number;
  connections: number;
  next: (index: number) => PacedRequest;
}): Promise<PacedResult> {
  const base = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const total = Math.max(1, Math.round(options.rate * options.durationS));
  const interval = 1000 / options.rate;
  const times: number[] = [];
  const failures = new Map<number, number>();
  const fail = (status: number) => failures.set(status, (failures.get(status) ?? 0) + 1);
  const pending: Promise<void>[] = [];
  const start = performance.now();

  const send = (index: number, scheduled: number) =>
    new Promise<void>((resolve) => {
      const spec = options.next(index);
      const req = request(
        {
          agent,
          host: base.hostname,
          port: base.port,
          method: spec.method,
          path: spec.path,
          headers: spec.body
            ? { ...spec.headers, "content-length": Buffer.byteLength(spec.body) }
            : spec.headers,
        },
        (res) => {
          res.resume();
          res.on("end", () => {
            times.push(performance.now() - scheduled);
            if ((res.statusCode ?? 0) >= 300) fail(res.statusCode ?? 0);
            resolve();
          });
        },
      );
      req.on("error", () => {
        fail(0);
        resolve();
      });
      req.end(spec.body);
    });

  for (let index = 0; index < total; ) {
    const now = performance.now();
    // Everything due by now leaves now, each timed from its own slot.
    while (index < total && start + index * interval <= now) {
      pending.push(send(index, start + index * interval));
      index += 1;
    }
    if (index < total) {
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, start + index * interval - performance.now())),
      );
    }
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  return { times, failures, achievedRate: times.length / elapsed };
}
