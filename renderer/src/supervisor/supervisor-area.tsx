/**
 * The supervisors' part of the desk, under `#/supervisor…`: the second-stage queue (with list and
 * report exports), the review screen, team oversight, and the printable case report.
 */
import type { CaseDetail } from "@shared/domain/appeal";
import type { User } from "@shared/domain/user";
import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { casesToCsv } from "../exports/csv";
import { downloadBlob, exportFileName } from "../exports/download";
import { ExportProgress } from "../exports/export-progress";
import type { SealedReport } from "../reports/report-model";
import { CaseReportView } from "../reports/report-view";
import type { CachedCase, DeskData } from "../sync/index";
import { ReviewScreen } from "./review-screen";
import "./supervisor.css";
import type { SupervisorServices } from "./supervisor-services";

/** Charts (recharts) load when a supervisor opens the dashboard, not with the desk. */
const OversightDashboard = lazy(() =>
  import("./oversight-dashboard").then((m) => ({ default: m.OversightDashboard })),
);

export type SupervisorRoute =
  | { name: "second-stage" }
  | { name: "oversight" }
  | { name: "review"; caseId: string }
  | { name: "report"; caseId: string };

export const SUPERVISOR_HASH = "#/supervisor";

export function parseSupervisorRoute(hash: string): SupervisorRoute | null {
  if (!hash.startsWith(SUPERVISOR_HASH)) return null;
  const [, , page, id] = hash.split("/");
  if (page === "oversight") return { name: "oversight" };
  if (page === "review" && id) return { name: "review", caseId: decodeURIComponent(id) };
  if (page === "report" && id) return { name: "report", caseId: decodeURIComponent(id) };
  return { name: "second-stage" };
}

export function supervisorHref(route: SupervisorRoute): string {
  switch (route.name) {
    case "second-stage":
      return SUPERVISOR_HASH;
    case "oversight":
      return `${SUPERVISOR_HASH}/oversight`;
    default:
      return `${SUPERVISOR_HASH}/${route.name}/${encodeURIComponent(route.caseId)}`;
  }
}

/** The current supervisor route from the URL hash, live; null outside the supervisor area. */
export function useSupervisorRoute(): SupervisorRoute | null {
  const [route, setRoute] = useState(() => parseSupervisorRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseSupervisorRoute(window.location.hash));
    window.addEventListener("hashchange", update);
    return () => window.removeEventListener("hashchange", update);
  }, []);
  return route;
}

const go = (route: SupervisorRoute) => {
  window.location.hash = supervisorHref(route);
};

/** The top-bar entry into the area (supervisors only). */
export function SupervisorNavLink() {
  return (
    <a className="link-button supervisor-nav" href={SUPERVISOR_HASH}>
      Supervision
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
  const [rows, setRows] = useState<CachedCase[]>([]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  useEffect(
    () => data.observeQueue({ stage: "second", limit: 1000 }, (page) => setRows(page.rows)),
    [data],
  );
  const context = { userNames };
  const exportList = (format: "csv" | "xlsx") =>
    services.exports
      .getState()
      .start(`Export ${format.toUpperCase()}`, async (signal, progress) => {
        const options = {
          context,
          signal,
          onProgress: (d: number, t: number) => progress("rows", d, t),
        };
        const blob =
          format === "csv"
            ? await casesToCsv(rows, options)
            : await (await import("../exports/xlsx")).casesToXlsx(rows, options);
        const name = exportFileName("second-stage", format);
        downloadBlob(name, blob);
        return `Saved ${name}.`;
      });
  return (
    <section aria-label="Second-stage appeals">
      <div className="report-toolbar">
        <button type="button" onClick={() => void exportList("csv")}>
          Export CSV
        </button>
        <button type="button" onClick={() => void exportList("xlsx")}>
          Export XLSX
        </button>
        <button
          type="button"
          disabled={selected.size === 0}
          onClick={() => void services.saveBatchPdf([...selected])}
        >
          Export {selected.size} reports (PDF)
        </button>
        <ExportProgress store={services.exports} />
      </div>
      <table aria-label="Second-stage queue">
        <thead>
          <tr>
            <th scope="col">Select</th>
            <th scope="col">Reference</th>
            <th scope="col">Amount</th>
            <th scope="col">Parties</th>
            <th scope="col">Status</th>
            <th scope="col">Reviewer</th>
            <th scope="col">Open</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Select ${c.reference}`}
                  checked={selected.has(c.id)}
                  onChange={(e) => {
                    const next = new Set(selected);
                    if (e.target.checked) next.add(c.id);
                    else next.delete(c.id);
                    setSelected(next);
                  }}
                />
              </td>
              <td>{c.reference}</td>
              <td>
                {c.amount} {c.currency}
              </td>
              <td>
                {c.complainantName} / {c.respondentName}
              </td>
              <td>{c.status.replaceAll("_", " ")}</td>
              <td>{c.assigneeId ? (userNames[c.assigneeId] ?? c.assigneeId) : "—"}</td>
              <td>
                <button type="button" onClick={() => go({ name: "review", caseId: c.id })}>
                  Review {c.reference}
                </button>{" "}
                <button type="button" onClick={() => go({ name: "report", caseId: c.id })}>
                  Report {c.reference}
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
  const [isRevealing, setRevealing] = useState(false);
  const [built, setBuilt] = useState<{ report: SealedReport; detail: CaseDetail } | null>(null);
  const report = built?.report ?? null;
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    setBuilt(null);
    services.report(caseId, isRevealing, controller.signal).then(
      (result) => setBuilt(result),
      (error: unknown) => {
        if (!controller.signal.aborted)
          setStatus(error instanceof Error ? error.message : String(error));
      },
    );
    return () => controller.abort();
  }, [services, caseId, isRevealing]);

  async function save() {
    if (!built) return;
    setStatus("Preparing the PDF…");
    try {
      if (services.platform.kind === "electron") {
        const result = await services.platform.reports.printPageToPdf(
          `${built.report.reference}-report.pdf`,
        );
        setStatus(result.saved ? `Saved ${result.filePath}.` : "Not saved.");
      } else {
        setStatus(`Saved ${await services.savePdf(data, built.report, built.detail)}.`);
      }
    } catch (error) {
      setStatus(
        `The PDF could not be made: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  return (
    <div className="report-page">
      <div className="report-toolbar">
        <label>
          <input
            type="checkbox"
            checked={isRevealing}
            onChange={(e) => setRevealing(e.target.checked)}
          />
          Show full contact details (recorded in the audit trail)
        </label>
        <button type="button" disabled={!report} onClick={() => void save()}>
          Save PDF
        </button>
        {status ? <span role="status">{status}</span> : null}
      </div>
      {report ? <CaseReportView report={report} /> : <p>Building the report…</p>}
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
  const [staff, setStaff] = useState<User[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    services.api.users(controller.signal).then(setStaff, () => undefined);
    return () => controller.abort();
  }, [services]);
  const userNames = useMemo(
    () => Object.fromEntries(staff.map((u) => [u.id, u.displayName])),
    [staff],
  );
  if (user.role !== "supervisor")
    return <p role="alert">The supervision area is for supervisors.</p>;
  return (
    <div className="supervisor-area">
      <nav aria-label="Supervision" className="supervisor-nav">
        <a href={supervisorHref({ name: "second-stage" })}>Second-stage queue</a>{" "}
        <a href={supervisorHref({ name: "oversight" })}>Team oversight</a>{" "}
        <a href="#/">Back to the queue</a>
      </nav>
      {route.name === "oversight" ? (
        <Suspense fallback={<p>Loading the dashboard…</p>}>
          <OversightDashboard api={services.api} data={data} agents={staff} />
        </Suspense>
      ) : route.name === "review" ? (
        <ReviewScreen
          data={data}
          user={user}
          caseId={route.caseId}
          userNames={userNames}
          agents={staff}
          onReport={(caseId) => go({ name: "report", caseId })}
        />
      ) : route.name === "report" ? (
        <ReportPage data={data} services={services} caseId={route.caseId} />
      ) : (
        <SecondStageQueue data={data} services={services} userNames={userNames} />
      )}
    </div>
  );
}
