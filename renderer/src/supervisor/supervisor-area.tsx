/**
 * The supervisors' part of the desk, under `#/supervisor…`: the second-stage queue (with list and
 * report exports), the review screen, team oversight, and the printable case report.
 */
import type { CaseDetail } from "@shared/domain/appeal";
import type { User } from "@shared/domain/user";
import { REVEAL_REASON_MIN } from "@shared/reports/contract";
import { lazy, Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useStore } from "zustand";
import { failureMessage } from "../api/problem-message";
import type { CachedCase, DeskData } from "../desk-data";
import { casesToCsv } from "../exports/csv";
import { downloadBlob, exportFileName } from "../exports/download";
import { ExportProgress } from "../exports/export-progress";
import { localizedColumns } from "../exports/queue-export";
import { currentLanguage } from "../i18n/i18n";
import { useWords } from "../i18n/use-words";
import type { ReportLanguage } from "../reports/report-labels";
import type { SealedReport } from "../reports/report-model";
import { CaseReportView } from "../reports/report-view";
import { AuditVerificationPanel } from "./audit-verification";
import { CaseAuditTrail } from "./case-audit-trail";
import { ReportLanguageSelect } from "./report-language-select";
import { ReviewScreen } from "./review-screen";
import "./supervisor.css";
import { SupervisorQueue } from "./supervisor-queue";
import { SUPERVISOR_HASH, type SupervisorRoute, supervisorHref } from "./supervisor-routes";
import type { ReportSource, SupervisorServices } from "./supervisor-services";

/** Charts (recharts) load when a supervisor opens the dashboard, not with the desk. */
const OversightDashboard = lazy(() =>
  import("./oversight-dashboard").then((m) => ({ default: m.OversightDashboard })),
);

const COLUMNS = ["select", "reference", "amount", "parties", "status", "reviewer", "open"] as const;

const go = (route: SupervisorRoute) => {
  window.location.hash = supervisorHref(route);
};

/** The top-bar entry into the area (supervisors only). */
export function SupervisorNavLink() {
  const { t } = useTranslation();
  return (
    <a className="link-button supervisor-nav" href={SUPERVISOR_HASH}>
      {t("supervisor.nav")}
    </a>
  );
}

function SecondStageQueue({
  data,
  services,
  userNames,
}: {
  data: DeskData;
  services: SupervisorServices;
  userNames: Record<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const [rows, setRows] = useState<CachedCase[]>([]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [reportLanguage, setReportLanguage] = useState<ReportLanguage>(() => currentLanguage(i18n));
  useEffect(
    () => data.observeQueue({ stage: "second", limit: 1000 }, (page) => setRows(page.rows)),
    [data],
  );
  const context = { userNames };
  const exportList = (format: "csv" | "xlsx") =>
    services.exports
      .getState()
      .start(
        t("supervisor.exportTask", { format: format.toUpperCase() }),
        async (signal, progress) => {
          const options = {
            context,
            // Headers and enum values in the exporter's language, never raw codes.
            columns: localizedColumns(i18n, currentLanguage(i18n)),
            signal,
            onProgress: (done: number, total: number) => progress("rows", done, total),
          };
          const blob =
            format === "csv"
              ? await casesToCsv(rows, options)
              : await (await import("../exports/xlsx")).casesToXlsx(rows, options);
          const name = exportFileName("second-stage", format);
          downloadBlob(name, blob);
          return t("supervisor.saved", { name });
        },
      );
  return (
    <section aria-label={t("supervisor.secondStageAppeals")}>
      <div className="report-toolbar">
        <button type="button" onClick={() => void exportList("csv")}>
          {t("supervisor.exportCsv")}
        </button>
        <button type="button" onClick={() => void exportList("xlsx")}>
          {t("supervisor.exportXlsx")}
        </button>
        <button
          type="button"
          disabled={selected.size === 0}
          onClick={() =>
            void services.saveBatchPdf(
              [...selected],
              {
                task: t("reportLanguage.batchTask", { count: selected.size }),
                saved: (name) => t("supervisor.saved", { name }),
              },
              reportLanguage,
            )
          }
        >
          {t("supervisor.exportReports", { count: selected.size })}
        </button>
        <ReportLanguageSelect value={reportLanguage} onChange={setReportLanguage} />
        <ExportProgress store={services.exports} />
      </div>
      <table aria-label={t("supervisor.secondStageQueue")}>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} scope="col">
                {t(`supervisor.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id}>
              <td>
                <input
                  type="checkbox"
                  aria-label={t("queue.selectRow", { reference: c.reference })}
                  checked={selected.has(c.id)}
                  onChange={(e) => {
                    const next = new Set(selected);
                    if (e.target.checked) next.add(c.id);
                    else next.delete(c.id);
                    setSelected(next);
                  }}
                />
              </td>
              <td data-user-text="">{c.reference}</td>
              <td data-user-text="">
                {c.amount} {c.currency}
              </td>
              <td data-user-text="">
                {c.complainantName} / {c.respondentName}
              </td>
              <td>{t(`status.${c.status}`)}</td>
              <td data-user-text="">
                {c.assigneeId ? (userNames[c.assigneeId] ?? c.assigneeId) : "—"}
              </td>
              <td>
                <button type="button" onClick={() => go({ name: "review", caseId: c.id })}>
                  {t("supervisor.reviewCase", { reference: c.reference })}
                </button>{" "}
                <button type="button" onClick={() => go({ name: "report", caseId: c.id })}>
                  {t("supervisor.reportCase", { reference: c.reference })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The printable report with its toolbar: PDF by printToPDF in Electron, client-side on the web. */
function ReportPage({
  data,
  services,
  caseId,
}: {
  data: DeskData;
  services: SupervisorServices;
  caseId: string;
}) {
  const { t, i18n } = useTranslation();
  const words = useWords();
  const [isRevealing, setRevealing] = useState(false);
  const [reasonDraft, setReasonDraft] = useState("");
  /** Set when the supervisor confirms the reason: each confirmation is one audited reveal. */
  const [revealReason, setRevealReason] = useState<string | null>(null);
  const [built, setBuilt] = useState<{ report: SealedReport; detail: CaseDetail } | null>(null);
  const report = built?.report ?? null;
  const [status, setStatus] = useState<string | null>(null);
  /** Null until the exporter picks one: the case's own language. */
  const [language, setLanguage] = useState<ReportLanguage | null>(null);
  const [source, setSource] = useState<ReportSource | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    setSource(null);
    setBuilt(null);
    services.reportSource(caseId, revealReason, controller.signal).then(
      (result) => setSource(result),
      (error: unknown) => {
        if (!controller.signal.aborted) setStatus(failureMessage(error, words));
      },
    );
    return () => controller.abort();
  }, [services, caseId, revealReason, words]);
  // A language change rebuilds from what was fetched: no second request, no second reveal.
  useEffect(() => {
    if (!source) return;
    let isCurrent = true;
    void services.sealedReport(source, language ?? undefined).then((result) => {
      if (isCurrent) setBuilt(result);
    });
    return () => {
      isCurrent = false;
    };
  }, [services, source, language]);

  async function save() {
    if (!built) return;
    setStatus(t("supervisor.report.preparing"));
    try {
      const path = await services.saveReport(data, built.report, built.detail);
      setStatus(
        path === null ? t("supervisor.report.notSaved") : t("supervisor.report.saved", { path }),
      );
    } catch (error) {
      setStatus(t("supervisor.report.failed", { message: failureMessage(error, words) }));
    }
  }

  return (
    <div className="report-page">
      <div className="report-toolbar">
        <label>
          <input
            type="checkbox"
            checked={isRevealing}
            onChange={(e) => {
              setRevealing(e.target.checked);
              if (!e.target.checked) setRevealReason(null);
            }}
          />
          {t("supervisor.report.reveal")}
        </label>
        {isRevealing && revealReason === null ? (
          <form
            className="reveal-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (reasonDraft.trim().length >= REVEAL_REASON_MIN)
                setRevealReason(reasonDraft.trim());
            }}
          >
            <label>
              {t("supervisor.report.revealReason")}{" "}
              <input
                type="text"
                value={reasonDraft}
                minLength={REVEAL_REASON_MIN}
                maxLength={500}
                required
                onChange={(e) => setReasonDraft(e.target.value)}
              />
            </label>
            <button type="submit">{t("party.revealConfirm")}</button>
          </form>
        ) : null}
        <ReportLanguageSelect
          value={language ?? report?.language ?? currentLanguage(i18n)}
          onChange={setLanguage}
        />
        <button type="button" disabled={!report} onClick={() => void save()}>
          {t("supervisor.report.save")}
        </button>
        {status ? <span role="status">{status}</span> : null}
      </div>
      {report ? <CaseReportView report={report} /> : <p>{t("supervisor.report.building")}</p>}
    </div>
  );
}

export function SupervisorArea({
  route,
  data,
  user,
  services,
}: {
  route: SupervisorRoute;
  data: DeskData;
  user: User;
  services: SupervisorServices;
}) {
  const { t } = useTranslation();
  const { staff, names: userNames } = useStore(services.staff);
  useEffect(() => {
    const controller = new AbortController();
    services.staff
      .getState()
      .load(controller.signal)
      .catch(() => undefined);
    return () => controller.abort();
  }, [services]);
  if (user.role !== "supervisor") return <p role="alert">{t("supervisor.onlySupervisors")}</p>;
  return (
    <div className="supervisor-area">
      <nav aria-label={t("supervisor.nav")} className="supervisor-nav">
        <a href={supervisorHref({ name: "asked" })}>{t("supervisor.askedToLook")}</a>{" "}
        <a href={supervisorHref({ name: "second-stage" })}>{t("supervisor.secondStageQueue")}</a>{" "}
        <a href={supervisorHref({ name: "oversight" })}>{t("supervisor.teamOversight")}</a>{" "}
        <a href={supervisorHref({ name: "audit" })}>{t("supervisor.audit.nav")}</a>{" "}
        <a href="#/">{t("supervisor.backToQueue")}</a>
      </nav>
      {route.name === "oversight" ? (
        <Suspense fallback={<p>{t("supervisor.loadingDashboard")}</p>}>
          <OversightDashboard api={services.api} data={data} agents={staff} />
        </Suspense>
      ) : route.name === "audit" ? (
        <>
          <AuditVerificationPanel api={services.api} />
          <CaseAuditTrail api={services.api} userNames={userNames} />
        </>
      ) : route.name === "review" ? (
        <ReviewScreen
          data={data}
          user={user}
          caseId={route.caseId}
          userNames={userNames}
          agents={staff}
          onReport={(caseId) => go({ name: "report", caseId })}
        />
      ) : route.name === "asked" ? (
        <SupervisorQueue
          kind="asked"
          data={data}
          userId={user.id}
          onOpen={(caseId) => {
            // The supervisor works the case where the agent does; any act of theirs answers it.
            window.location.hash = `#/cases/${encodeURIComponent(caseId)}`;
          }}
        />
      ) : route.name === "report" ? (
        <ReportPage data={data} services={services} caseId={route.caseId} />
      ) : (
        <SecondStageQueue data={data} services={services} userNames={userNames} />
      )}
    </div>
  );
}
