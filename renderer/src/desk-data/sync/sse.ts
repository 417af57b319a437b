/**
 * Server-Sent Events over `fetch`, because `EventSource` cannot send an `Authorization` header
 * and the API authenticates every call with a bearer token. The parser follows the WHATWG
 * event-stream rules (fields `id`, `event`, `data`, `retry`; comments; CR, LF or CRLF line ends;
 * an event is dispatched on a blank line, and only if it has data).
 */
export interface SseEvent {
  id: string | null;
  event: string;
  data: string;
}

export interface SseParser {
  push(chunk: string): void;
  /** The last `id:` seen, to resume with `Last-Event-ID`. */
  readonly lastEventId: string | null;
  /** The server's `retry:` in ms, if it sent one. */
  readonly retryMs: number | null;
}

export function createSseParser(onEvent: (event: SseEvent) => void): SseParser {
  let buffer = "";
  let data: string[] = [];
  let eventType = "";
  let lastEventId: string | null = null;
  let retryMs: number | null = null;
  // A CR at the end of a chunk may be the first half of a CRLF split across chunks.
  let pendingCr = false;

  const dispatch = () => {
    if (data.length > 0) {
      onEvent({ id: lastEventId, event: eventType || "message", data: data.join("\n") });
    }
    data = [];
    eventType = "";
  };

  const line = (text: string) => {
    if (text === "") return dispatch();
    if (text.startsWith(":")) return;
    const colon = text.indexOf(":");
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? "" : text.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") data.push(value);
    else if (field === "event") eventType = value;
    else if (field === "id") {
      if (!value.includes("\0")) lastEventId = value;
    } else if (field === "retry" && /^\d+$/.test(value)) retryMs = Number(value);
  };

  return {
    push(chunk) {
      let text = chunk;
      if (pendingCr && text.startsWith("\n")) text = text.slice(1);
      pendingCr = false;
      buffer += text;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const ch = buffer[i];
        if (ch !== "\n" && ch !== "\r") continue;
        line(buffer.slice(start, i));
        if (ch === "\r") {
          if (i + 1 < buffer.length) {
            if (buffer[i + 1] === "\n") i++;
          } else pendingCr = true;
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
    },
    get lastEventId() {
      return lastEventId;
    },
    get retryMs() {
      return retryMs;
    },
  };
}

export interface EventStreamOptions {
  url: string;
  headers: () => Record<string, string>;
  onEvent: (event: SseEvent) => void;
  /** Called on each (re)connection, so the caller can pull what it may have missed. */
  onOpen?: () => void;
  onError?: (error: unknown) => void;
  /** Delay before reconnecting after attempt `n` failed. */
  reconnectDelay: (attempt: number, serverRetryMs: number | null) => number;
  fetchImpl?: typeof fetch;
}

/**
 * Keeps an event stream open until `stop()`: reconnects with the caller's backoff and resumes with
 * `Last-Event-ID`, so no event is lost across a reconnect the server can replay.
 */
export function openEventStream(options: EventStreamOptions): { stop(): void } {
  const doFetch = options.fetchImpl ?? fetch;
  const controller = new AbortController();
  let lastEventId: string | null = null;
  let serverRetry: number | null = null;

  const run = async () => {
    let attempt = 0;
    while (!controller.signal.aborted) {
      try {
        const headers: Record<string, string> = {
          Accept: "text/event-stream",
          ...options.headers(),
        };
        if (lastEventId) headers["Last-Event-ID"] = lastEventId;
        const response = await doFetch(options.url, { headers, signal: controller.signal });
        if (!response.ok || !response.body)
          throw new Error(`event stream: HTTP ${response.status}`);
        attempt = 0;
        options.onOpen?.();
        const parser = createSseParser(options.onEvent);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          parser.push(value);
          lastEventId = parser.lastEventId ?? lastEventId;
          serverRetry = parser.retryMs ?? serverRetry;
        }
      } catch (error) {
        if (controller.signal.aborted) return;
        options.onError?.(error);
      }
      attempt++;
      await sleep(options.reconnectDelay(attempt, serverRetry), controller.signal);
    }
  };
  void run();
  return { stop: () => controller.abort() };
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
