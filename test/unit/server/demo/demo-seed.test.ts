import { createHash } from "node:crypto";
import { sniffMime } from "@shared/evidence/sniff";
import { describe, expect, test } from "vitest";
import { objectionsOf } from "../../../../renderer/src/reports/report-model";
import { generateAppeals } from "../../../../server/demo/appeal-generator";
import { demoEvidenceFiles } from "../../../../server/demo/evidence-files";

const NOW = new Date("2026-11-23T12:00:00Z");

describe("demo seed", () => {
  test("is deterministic and multilingual, with P2P and payment appeals", () => {
    const a = generateAppeals({ count: 240, seed: 42, now: NOW, agentIds: ["u-agent1"] });
    const b = generateAppeals({ count: 240, seed: 42, now: NOW, agentIds: ["u-agent1"] });
    expect(a).toEqual(b);
    expect(new Set(a.map((x) => x.language))).toEqual(new Set(["vi", "zh", "en"]));
    expect(new Set(a.map((x) => x.kind))).toEqual(new Set(["p2p_trade", "payment"]));
  });

  test("every second-stage appeal carries its objection: who objects (the side the decision went against) and what they wrote", () => {
    const appeals = generateAppeals({ count: 240, seed: 42, now: NOW, agentIds: ["u-agent1"] });
    const secondStage = appeals.filter((a) => a.status === "second_stage");
    expect(secondStage.length).toBeGreaterThan(0);
    for (const appeal of secondStage) {
      const [objection] = objectionsOf(appeal as unknown as Parameters<typeof objectionsOf>[0]);
      const loser = appeal.decision?.favouredParty === "respondent" ? "complainant" : "respondent";
      expect(objection?.party).toBe(loser);
      expect(objection?.text).toBeTruthy();
    }
  });

  test("every evidence item has real bytes whose hash and type match its metadata", () => {
    const appeals = generateAppeals({ count: 200, seed: 7, now: NOW, agentIds: [] });
    const files = new Map(demoEvidenceFiles().map((f) => [f.sha256, f.bytes]));
    const evidence = appeals.flatMap((a) => a.evidence);
    expect(evidence.length).toBeGreaterThan(200);
    for (const item of evidence) {
      const bytes = files.get(item.sha256);
      expect(bytes, item.fileName).toBeDefined();
      if (!bytes) continue;
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(item.sha256);
      expect(bytes.length).toBe(item.size);
      expect(sniffMime(bytes)).toBe(item.mimeType);
    }
  });
});
