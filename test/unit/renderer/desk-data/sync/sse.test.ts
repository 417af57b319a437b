import fc from "fast-check";
import { expect, test } from "vitest";
import { createSseParser, type SseEvent } from "../../../../../renderer/src/desk-data/sync/sse";

const STREAM =
  ': hello\nretry: 2500\n\nid: 41\nevent: case.changed\ndata: {"id":"c1"}\n\n' +
  "id: 42\r\ndata: line one\r\ndata: line two\r\n\r\nevent: ping\n\n";

function parseAll(chunks: readonly string[]) {
  const events: SseEvent[] = [];
  const parser = createSseParser((e) => events.push(e));
  for (const chunk of chunks) parser.push(chunk);
  return { events, parser };
}

test("parses ids, types, multi-line data, comments and retry; skips data-less events", () => {
  const { events, parser } = parseAll([STREAM]);
  expect(events).toEqual([
    { id: "41", event: "case.changed", data: '{"id":"c1"}' },
    { id: "42", event: "message", data: "line one\nline two" },
  ]);
  expect(parser.lastEventId).toBe("42");
  expect(parser.retryMs).toBe(2500);
});

test("the same events however the stream is cut into chunks (CRLF split included)", () => {
  const whole = parseAll([STREAM]).events;
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.integer({ min: 1, max: STREAM.length - 1 }), { maxLength: 12 }),
      (cuts) => {
        const sorted = [...cuts].sort((a, b) => a - b);
        const chunks: string[] = [];
        let start = 0;
        for (const cut of sorted) {
          chunks.push(STREAM.slice(start, cut));
          start = cut;
        }
        chunks.push(STREAM.slice(start));
        expect(parseAll(chunks).events).toEqual(whole);
      },
    ),
  );
});
