import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  hasSkill,
  pickAgent,
  type RoutingAgent,
  type RoutingCase,
  routeCases,
} from "../../../../shared/routing/assign";

const LANGUAGES = ["vi", "zh", "en"] as const;
const REGIONS = ["VN", "CN", "UTC"] as const;
const KINDS = ["p2p_trade", "payment"] as const;

const agentArb = (id: number) =>
  fc.record({
    id: fc.constant<string>(`u-agent${String(id).padStart(2, "0")}`),
    languages: fc.subarray([...LANGUAGES], { minLength: 1 }),
    regions: fc.subarray([...REGIONS], { minLength: 1 }),
    kinds: fc.subarray([...KINDS], { minLength: 1 }),
    capacity: fc.integer({ min: 0, max: 6 }),
    load: fc.integer({ min: 0, max: 6 }),
    isAvailable: fc.boolean(),
    isPaused: fc.boolean(),
  }) satisfies fc.Arbitrary<RoutingAgent>;

const agentsArb = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => agentArb(i))));

const caseArb = fc.record({
  id: fc.uuid(),
  language: fc.constantFrom(...LANGUAGES),
  region: fc.constantFrom(...REGIONS),
  kind: fc.constantFrom(...KINDS),
}) satisfies fc.Arbitrary<RoutingCase>;

const casesArb = fc.array(caseArb, { maxLength: 40 });

describe("routing", () => {
  test("never over capacity, never to an away or paused agent, never without the skill", () => {
    fc.assert(
      fc.property(agentsArb, casesArb, (agents, cases) => {
        const round = routeCases(cases, agents);
        const byId = new Map(agents.map((a) => [a.id, a]));
        const added = new Map<string, number>();
        for (const { caseId, agentId } of round.assignments) {
          const agent = byId.get(agentId);
          const c = cases.find((x) => x.id === caseId);
          expect(agent && c && hasSkill(agent, c)).toBe(true);
          expect(agent?.isAvailable && !agent.isPaused).toBe(true);
          added.set(agentId, (added.get(agentId) ?? 0) + 1);
        }
        for (const [id, n] of added) {
          const agent = byId.get(id);
          expect(agent ? agent.load + n <= agent.capacity : false).toBe(true);
        }
        expect(round.assignments.length + round.refusals.length).toBe(cases.length);
      }),
    );
  });

  test("a case is refused only when no skilled, present agent has room", () => {
    fc.assert(
      fc.property(agentsArb, caseArb, (agents, c) => {
        const result = pickAgent(c, agents, null);
        const room = agents.some(
          (a) => hasSkill(a, c) && a.isAvailable && !a.isPaused && a.load < a.capacity,
        );
        expect("agentId" in result).toBe(room);
      }),
    );
  });

  test("fair within a skill: agents sharing it take turns (counts differ by at most one)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 30 }),
        caseArb,
        (n, count, template) => {
          const agents: RoutingAgent[] = Array.from({ length: n }, (_, i) => ({
            id: `u-agent${i}`,
            languages: [template.language],
            regions: [template.region],
            kinds: [template.kind],
            capacity: 1_000,
            load: i, // unequal loads do not break turn-taking
            isAvailable: true,
            isPaused: false,
          }));
          const cases = Array.from({ length: count }, (_, i) => ({ ...template, id: `c${i}` }));
          const round = routeCases(cases, agents);
          const counts = agents.map(
            (a) => round.assignments.filter((x) => x.agentId === a.id).length,
          );
          expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  test("the cursor carries on from the last agent, and an away agent is skipped", () => {
    const base = {
      languages: ["vi"] as const,
      regions: ["VN"] as const,
      kinds: ["payment"] as const,
      capacity: 5,
      load: 0,
      isAvailable: true,
      isPaused: false,
    };
    const agents: RoutingAgent[] = [
      { ...base, id: "a" },
      { ...base, id: "b", isAvailable: false },
      { ...base, id: "c" },
    ];
    const c: RoutingCase = { id: "x", language: "vi", region: "VN", kind: "payment" };
    expect(pickAgent(c, agents, "a")).toEqual({ agentId: "c" });
    expect(pickAgent(c, agents, "c")).toEqual({ agentId: "a" });
    expect(pickAgent({ ...c, language: "zh" }, agents, null)).toEqual({
      refused: "no_skilled_agent",
    });
    expect(
      pickAgent(
        c,
        agents.map((a) => ({ ...a, isPaused: true })),
        null,
      ),
    ).toEqual({
      refused: "all_unavailable",
    });
    expect(
      pickAgent(
        c,
        agents.map((a) => ({ ...a, load: 5 })),
        null,
      ),
    ).toEqual({
      refused: "all_at_capacity",
    });
  });
});
