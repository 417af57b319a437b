import { expect, test } from "vitest";
import { createRouter, hrefOf, parseRoute, type Route } from "../../../../renderer/src/app/router";

const ROUTES: Route[] = [
  { name: "queue" },
  { name: "case", caseId: "c 1/2" },
  { name: "settings" },
  { name: "supervisor", page: { name: "second-stage" } },
  { name: "supervisor", page: { name: "asked" } },
  { name: "supervisor", page: { name: "oversight" } },
  { name: "supervisor", page: { name: "audit" } },
  { name: "supervisor", page: { name: "review", caseId: "c-7" } },
  { name: "supervisor", page: { name: "report", caseId: "c/8" } },
];

test("every place of the desk, the supervisor area's included, reads back from its own link", () => {
  for (const route of ROUTES) expect(parseRoute(hrefOf(route))).toEqual(route);
});

test("the supervisor area is the app router's: a hash change there moves the one router", () => {
  const listeners: Array<() => void> = [];
  const win = {
    location: { hash: "#/" },
    addEventListener: (_type: string, listener: () => void) => listeners.push(listener),
  };
  const router = createRouter(win as unknown as Pick<Window, "location" | "addEventListener">);
  expect(router.getState().route).toEqual({ name: "queue" });

  win.location.hash = "#/supervisor/review/c-7";
  for (const listener of listeners) listener();
  expect(router.getState().route).toEqual({
    name: "supervisor",
    page: { name: "review", caseId: "c-7" },
  });

  router.getState().navigate({ name: "supervisor", page: { name: "report", caseId: "c-7" } });
  expect(win.location.hash).toBe("#/supervisor/report/c-7");
  // An unknown supervisor page is the area's landing queue, not the agent's queue.
  expect(parseRoute("#/supervisor/nowhere")).toEqual({
    name: "supervisor",
    page: { name: "second-stage" },
  });
});
