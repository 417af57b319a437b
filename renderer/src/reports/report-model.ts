/**
 * The case report as data: every string already formatted, in the order it is printed. Built by a
 * pure function from the report data, so the on-screen/print view (Electron `printToPDF`) and the
 * client-side PDF (web mode) show exactly the same content, and its hash can be checked later.
 */

import type { CaseDetail, Party, SlaClock } from "@shared/domain/appeal";
import type { CaseReportData, PartyContacts } from "@shared/reports/contract";
import { maskEmail, maskPhone } from "@shared/reports/mask";
import { builtinCalendar } from "@shared/sla";
import { caseClocks } from "@shared/sla/case-clocks";
import { timelineDetail } from "../case-workspace/timeline-text";
import { catalogWords } from "../i18n/catalog-words";
import {
  formatBytes,
  formatDecimal,
  formatInstant,
  formatMoney,
  formatTarget,
} from "./report-format";
import {
  REPORT_LABELS,
  type ReportLabels,
  type ReportLanguage,
  reportLanguageOf,
} from "./report-labels";

export interface FieldRow {
  label: string;
  value: string;
}

export interface TableColumn {
  label: string;
  /** Relative width; the renderer scales the columns to the page. */
  width: number;
  /** Hashes and ids: monospace-like treatment, broken anywhere. */
  isCode?: boolean;
}

export interface EvidenceItem {
  id: string;
  fileName: string;
  mimeType: string;
  size: string;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
  description: string;
  /** Images get a thumbnail when its bytes are available to the renderer. */
  hasThumbnail: boolean;
}

export interface ReportRecord {
  title: string;
  rows: FieldRow[];
  text: string | null;
}

export type ReportBlock =
  | { kind: "fields"; rows: FieldRow[] }
  | { kind: "text"; text: string; isNote?: boolean }
  | { kind: "table"; columns: TableColumn[]; rows: string[][] }
  | { kind: "records"; records: ReportRecord[] }
  | { kind: "evidence"; items: EvidenceItem[] };

export type SectionId =
  | "summary"
  | "parties"
  | "facts"
  | "timeline"
  | "chat"
  | "evidence"
  | "clocks"
  | "decisions"
  | "review"
  | "verification"
  | "audit";

export interface ReportSection {
  id: SectionId;
  title: string;
  blocks: ReportBlock[];
}

export interface CaseReport {
  /** A BCP 47 tag (`zh-Hant`…), for the page's and the PDF's language. */
  language: ReportLanguage;
  title: string;
  reference: string;
  caseId: string;
  timeZone: string;
  sections: ReportSection[];
  footer: {
    exporter: string;
    exportedAt: string;
    /** "Exported by … at …" in the report's language. */
    line: string;
    contactsNote: string;
    reportHashLabel: string;
    /** "Page {n} of {total}" with the placeholders left in. */
    pageTemplate: string;
  };
}

/** A report with its hash: sha256 over the canonical JSON of the report (see `sealReport`). */
export interface SealedReport extends CaseReport {
  hash: string;
}

export interface ReportOptions {
  /** The language the exporter chose; by default the complainant's language. */
  language?: ReportLanguage;
  /** Clear contacts from an audited reveal; without them contacts stay masked. */
  revealedContacts?: readonly PartyContacts[] | null;
}

function partyRows(
  party: Party,
  labels: ReportLabels,
  revealed: PartyContacts | undefined,
): FieldRow[] {
  const phone = revealed ? revealed.phone : maskPhone(party.phone);
  const email = revealed ? revealed.email : maskEmail(party.email);
  return [
    { label: labels.fields.name, value: party.displayName },
    { label: labels.fields.side, value: labels.sides[party.side] },
    { label: labels.fields.userId, value: party.externalUserId },
    { label: labels.fields.phone, value: phone ?? "—" },
    { label: labels.fields.email, value: email ?? "—" },
    { label: labels.fields.language, value: labels.catalog.language[party.language] },
  ];
}

function factsOf(detail: CaseDetail, labels: ReportLabels, zone: string): FieldRow[] {
  const f = labels.fields;
  const rows: FieldRow[] = [];
  if (detail.trade) {
    const t = detail.trade;
    rows.push(
      { label: f.orderId, value: t.orderId },
      { label: f.asset, value: formatMoney(t.assetAmount, t.asset) },
      { label: f.fiat, value: formatMoney(t.fiatAmount, t.fiatCurrency) },
      { label: f.price, value: `${formatDecimal(t.price)} ${t.fiatCurrency}/${t.asset}` },
      { label: f.paymentMethod, value: t.paymentMethod },
      { label: f.createdAt, value: formatInstant(t.createdAt, zone) },
      { label: f.markedPaidAt, value: formatInstant(t.markedPaidAt, zone) },
    );
  }
  if (detail.payment) {
    const p = detail.payment;
    rows.push(
      { label: f.transactionId, value: p.transactionId },
      { label: f.amount, value: formatMoney(p.amount, p.currency) },
      { label: f.merchant, value: p.merchant },
      { label: f.paymentMethod, value: p.method },
      { label: f.occurredAt, value: formatInstant(p.occurredAt, zone) },
    );
  }
  return rows;
}

/** The server's clocks when it sent them; otherwise evaluated here from the timeline. */
function clocksOf(detail: CaseDetail, at: string): SlaClock[] {
  if (detail.slaClocks?.length) return detail.slaClocks;
  return caseClocks({ ...detail, priority: detail.priority ?? "normal" }, Date.parse(at)).map(
    (state) => ({
      clockId: state.clockId,
      label: state.label,
      status: state.status,
      measure: state.measure,
      targetMinutes: state.targetMinutes,
      startedAt: state.startedAt === null ? null : new Date(state.startedAt).toISOString(),
      stoppedAt: state.stoppedAt === null ? null : new Date(state.stoppedAt).toISOString(),
      dueAt: state.dueAt === null ? null : new Date(state.dueAt).toISOString(),
      elapsedMinutes: state.elapsedMinutes,
      remainingMinutes: state.remainingMinutes,
      isWarning: state.isWarning,
    }),
  );
}

/**
 * The party's objection behind each second-stage appeal: the server records the appeal as an
 * `appealed` timeline event naming the party, and the statement as that party's message then.
 */
export function objectionsOf(
  detail: CaseDetail,
): { at: string; party: string; text: string | null }[] {
  return detail.timeline
    .filter((event) => event.type === "appealed")
    .map((event) => {
      const message = detail.messages.find(
        (m) =>
          m.author === event.summary && Math.abs(Date.parse(m.at) - Date.parse(event.at)) < 1_000,
      );
      return { at: event.at, party: event.summary, text: message?.text ?? null };
    });
}

/** Builds the report of one case. Pure: the same data and options give the same report. */
export function buildCaseReport(data: CaseReportData, options: ReportOptions = {}): CaseReport {
  const detail = data.case;
  const language = options.language ?? reportLanguageOf(detail.complainant.language);
  const labels = REPORT_LABELS[language];
  const f = labels.fields;
  const words = catalogWords(labels.catalog);
  const calendar = builtinCalendar(detail.region);
  const zone = calendar.timeZone;
  const at = (iso: string | null) => formatInstant(iso, zone);
  const userName = (id: string | null) => (id === null ? "—" : (data.userNames[id] ?? id));
  const revealed = options.revealedContacts ?? null;
  const contactOf = (role: "complainant" | "respondent") =>
    revealed?.find((contact) => contact.role === role);

  const summary: FieldRow[] = [
    { label: f.reference, value: detail.reference },
    { label: f.caseId, value: detail.id },
    { label: f.kind, value: labels.kinds[detail.kind] },
    { label: f.reason, value: labels.reasons[detail.reason] },
    { label: f.status, value: labels.statuses[detail.status] },
    { label: f.stage, value: labels.stages[detail.stage] },
    { label: f.amount, value: formatMoney(detail.amount, detail.currency) },
    { label: f.region, value: detail.region },
    { label: f.timeZone, value: zone },
    { label: f.filedAt, value: at(detail.filedAt) },
    { label: f.escalatedAt, value: at(detail.escalatedAt) },
    { label: f.assignee, value: userName(detail.assigneeId) },
    { label: f.version, value: String(detail.version) },
  ];

  const parties: ReportRecord[] = (["complainant", "respondent"] as const).map((role) => ({
    title: `${labels.roles[role]} — ${detail[role].displayName}`,
    rows: partyRows(detail[role], labels, contactOf(role)),
    text: detail[role].statement || null,
  }));

  const timeline = [...detail.timeline]
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .map((event) => [
      at(event.at),
      event.actor,
      words(`event.${event.type}`),
      timelineDetail(event, words, { dateTime: at }).text,
    ]);

  const chat = [...detail.messages]
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .map((message) => [
      at(message.at),
      `${labels.authors[message.author]}: ${message.authorName}`,
      message.to ? labels.roles[message.to] : "—",
      message.text,
    ]);

  const evidence: EvidenceItem[] = detail.evidence.map((item) => ({
    id: item.id,
    fileName: item.fileName,
    mimeType: item.mimeType,
    size: formatBytes(item.size),
    sha256: item.sha256,
    uploadedBy: labels.authors[item.uploadedBy],
    uploadedAt: at(item.uploadedAt),
    description: item.description,
    hasThumbnail: item.mimeType.startsWith("image/"),
  }));

  const clocks = clocksOf(detail, detail.computedAt ?? data.exportedAt).map((clock) => [
    labels.clocks[clock.clockId] ?? clock.label,
    labels.clockStatuses[clock.status],
    formatTarget(clock.targetMinutes, clock.measure, calendar.standardDayMinutes),
    at(clock.startedAt),
    at(clock.stoppedAt),
    at(clock.dueAt),
  ]);

  const rl = labels.record;
  const termsOf = (decision: CaseDetail["decisions"][number]): string | null => {
    const terms = decision.terms;
    const money = (amount: string) => formatMoney(amount, detail.currency);
    if (!terms) return null;
    if (terms.type === "compensation") {
      return terms.kind === "coupon" ? rl.coupon(money(terms.value)) : rl.membership(terms.days);
    }
    if (terms.type === "mediation") return `${terms.agreedTerms} (${rl.acceptedByBoth})`;
    return terms.instalments.map((i) => rl.instalment(money(i.amount), i.dueDate)).join("; ");
  };
  const decisionRecord = (decision: CaseDetail["decisions"][number]): ReportRecord => {
    const role = decision.favouredParty;
    const side = decision.receiverSide ?? (role ? detail[role].side : null);
    const terms = termsOf(decision);
    return {
      title: `${labels.stages[decision.stage]} — ${labels.outcomes[decision.outcome]}`,
      rows: [
        { label: f.outcome, value: labels.outcomes[decision.outcome] },
        {
          label: rl.receiver,
          value: role
            ? `${detail[role].displayName} (${side ? `${labels.sides[side]}, ` : ""}${labels.roles[role]})`
            : rl.noReceiver,
        },
        {
          label: f.amount,
          value: decision.amount
            ? formatMoney(decision.amount, decision.currency ?? detail.currency)
            : "—",
        },
        ...(terms ? [{ label: rl.terms, value: terms }] : []),
        { label: f.decidedBy, value: userName(decision.decidedBy) },
        { label: f.at, value: at(decision.decidedAt) },
      ],
      text: decision.rationale,
    };
  };
  const decisions = detail.decisions.map(decisionRecord);

  const objections = objectionsOf(detail);
  const reviews = [...detail.reviews];
  const review: ReportRecord[] = detail.timeline
    .filter((event) => event.type === "appealed" || event.type === "reviewed")
    .map((event) => {
      if (event.type === "appealed") {
        const objection = objections.find((o) => o.at === event.at);
        const party = event.summary === "complainant" || event.summary === "respondent";
        return {
          title: `${labels.statuses.second_stage} — ${at(event.at)}`,
          rows: [
            {
              label: f.actor,
              value: party
                ? labels.roles[event.summary as "complainant" | "respondent"]
                : event.actor,
            },
          ],
          text: objection?.text ?? null,
        };
      }
      // The stored review of this event: its verdict and the rationale the supervisor gave.
      const stored = reviews.find((r) => r.reviewedAt === event.at);
      return {
        title: `${labels.sections.review} — ${at(event.at)}`,
        rows: [
          { label: rl.reviewedBy, value: stored ? userName(stored.reviewedBy) : event.actor },
          {
            label: f.outcome,
            value: stored ? rl.verdicts[stored.verdict] : event.summary,
          },
          ...(stored?.remandTo ? [{ label: rl.remandTo, value: userName(stored.remandTo) }] : []),
        ],
        text: stored?.rationale ?? null,
      };
    });
  const verification: ReportRecord[] = detail.verificationSteps.map((step) => ({
    title: `${rl.steps[step.step]} — ${at(step.at)}`,
    rows: [
      {
        label: f.actor,
        value: step.party ? `${labels.roles[step.party]} (${rl.viaPlatform})` : userName(step.byId),
      },
      ...(step.satisfied === null
        ? []
        : [{ label: f.outcome, value: step.satisfied ? rl.satisfied : rl.unhappy }]),
    ],
    text: step.note || null,
  }));

  const audit = data.audit.map((entry) => [
    String(entry.seq),
    at(entry.at),
    entry.actorName,
    entry.action,
    `${entry.beforeVersion ?? "—"} → ${entry.afterVersion ?? "—"}`,
    entry.hash.slice(0, 16),
  ]);

  const table = (columns: TableColumn[], rows: string[][]): ReportBlock[] =>
    rows.length ? [{ kind: "table", columns, rows }] : [{ kind: "text", text: labels.none }];
  const records = (list: ReportRecord[]): ReportBlock[] =>
    list.length ? [{ kind: "records", records: list }] : [{ kind: "text", text: labels.none }];

  const sections: ReportSection[] = [
    { id: "summary", title: labels.sections.summary, blocks: [{ kind: "fields", rows: summary }] },
    {
      id: "parties",
      title: labels.sections.parties,
      blocks: [
        {
          kind: "text",
          text: revealed ? labels.contactsRevealed : labels.contactsMasked,
          isNote: true,
        },
        { kind: "records", records: parties },
      ],
    },
    {
      id: "facts",
      title: labels.sections.facts,
      blocks: [{ kind: "fields", rows: factsOf(detail, labels, zone) }],
    },
    {
      id: "timeline",
      title: labels.sections.timeline,
      blocks: table(
        [
          { label: f.at, width: 2.2 },
          { label: f.actor, width: 1.6 },
          { label: f.event, width: 1.4 },
          { label: f.details, width: 3.4 },
        ],
        timeline,
      ),
    },
    {
      id: "chat",
      title: labels.sections.chat,
      blocks: table(
        [
          { label: f.at, width: 2.2 },
          { label: f.author, width: 1.8 },
          { label: f.to, width: 1.1 },
          { label: f.text, width: 4 },
        ],
        chat,
      ),
    },
    {
      id: "evidence",
      title: labels.sections.evidence,
      blocks: evidence.length
        ? [{ kind: "evidence", items: evidence }]
        : [{ kind: "text", text: labels.none }],
    },
    {
      id: "clocks",
      title: labels.sections.clocks,
      blocks: table(
        [
          { label: f.clock, width: 2.4 },
          { label: f.status, width: 1.1 },
          { label: f.target, width: 0.9 },
          { label: f.started, width: 2 },
          { label: f.stopped, width: 2 },
          { label: f.due, width: 2 },
        ],
        clocks,
      ),
    },
    { id: "decisions", title: labels.sections.decisions, blocks: records(decisions) },
    { id: "review", title: labels.sections.review, blocks: records(review) },
    { id: "verification", title: rl.verification, blocks: records(verification) },
    {
      id: "audit",
      title: labels.sections.audit,
      blocks: [
        {
          kind: "text",
          text: labels.auditExcerpt(data.audit.length, data.auditTotal),
          isNote: true,
        },
        ...table(
          [
            { label: "#", width: 0.5 },
            { label: f.at, width: 2.2 },
            { label: f.actor, width: 1.8 },
            { label: f.action, width: 1.4 },
            { label: f.versions, width: 0.9 },
            { label: f.hash, width: 1.8, isCode: true },
          ],
          audit,
        ),
      ],
    },
  ];

  const exportedAt = at(data.exportedAt);
  return {
    language,
    title: labels.title,
    reference: detail.reference,
    caseId: detail.id,
    timeZone: zone,
    sections,
    footer: {
      exporter: data.exportedBy.displayName,
      exportedAt,
      line: labels.footer(data.exportedBy.displayName, exportedAt),
      contactsNote: revealed ? labels.contactsRevealed : labels.contactsMasked,
      reportHashLabel: labels.reportHash,
      pageTemplate: labels
        .page(Number.NaN, Number.NaN)
        .replace("NaN", "{n}")
        .replace("NaN", "{total}"),
    },
  };
}

/** JSON with object keys sorted, so equal reports hash equally whatever built them. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * Seals a report with the sha256 of its canonical JSON. Anyone holding the report data can rebuild
 * the report and compare hashes; the hash printed on every page identifies this exact content.
 */
export async function sealReport(report: CaseReport): Promise<SealedReport> {
  const bytes = new TextEncoder().encode(canonicalJson(report));
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  const hash = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
  return { ...report, hash };
}
