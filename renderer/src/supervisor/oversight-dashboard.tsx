/**
 * Team oversight: workload per agent, SLA risk per clock, ages of open cases, outcomes, and median
 * times to first response and to resolution per day or week — charts with their tables beside
 * them (the numbers stay readable without colour), and reassignment of cases at risk.
 */
import type { RegionCalendarId } from "@shared/domain/appeal";
import { checkTransition } from "@shared/domain/lifecycle";
import type { User } from "@shared/domain/user";
import type { AgeBucket, OversightBucket, OversightStats } from "@shared/oversight/contract";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { clockName } from "../case-workspace/sla-clocks";
import type { CachedCase, DeskData } from "../desk-data";
import { useFormatters } from "../i18n/format";
import type { RoutingApi } from "../routing/routing-api";
import { ReassignDialog } from "./reassign-dialog";
import type { SupervisorApi } from "./supervisor-api";
import { supervisorHref } from "./supervisor-routes";

/** The age buckets' catalog keys (their wire values hold "<" and "–"). */
const AGE_BUCKET_KEYS = {
  "<1d": "under1",
  "1–3d": "from1to3",
  "3–7d": "from3to7",
  "7–15d": "from7to15",
  ">15d": "over15",
} as const satisfies Record<AgeBucket, string>;

const REGIONS = ["VN", "CN", "UTC"] as const satisfies readonly RegionCalendarId[];

const hours = (minutes: number | null) => (minutes === null ? null : Math.round(minutes / 6) / 10);

/** A second-stage appeal opens on its review (the supervisor's work); any other case in its workspace. */
function caseHref(c: Pick<CachedCase, "id" | "stage">): string {
  return c.stage === "second"
    ? supervisorHref({ name: "review", caseId: c.id })
    : `#/cases/${encodeURIComponent(c.id)}`;
}

export function AtRiskCases({
  data,
  agents,
  region,
  routing,
}: {
  data: DeskData;
  agents: readonly User[];
  region: RegionCalendarId | "";
  routing: RoutingApi;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [cases, setCases] = useState<CachedCase[]>([]);
  /** The case whose reassign dialog is open. */
  const [reassigning, setReassigning] = useState<CachedCase | null>(null);
  const nameOf = (id: string | null) =>
    agents.find((a) => a.id === id)?.displayName ?? t("supervisor.oversight.unassigned");
  useEffect(() => {
    const now = Date.now();
    void data.allCases().then((all) =>
      setCases(
        all
          .filter((c) => c.status !== "closed" && c.warnAt !== null && Date.parse(c.warnAt) <= now)
          .filter((c) => region === "" || c.region === region)
          .sort((a, b) => Date.parse(a.dueAt ?? "") - Date.parse(b.dueAt ?? ""))
          .slice(0, 50),
      ),
    );
  }, [data, region]);
  return (
    <>
      <table aria-label={t("supervisor.oversight.atRiskTable")}>
        <thead>
          <tr>
            <th scope="col">{t("supervisor.oversight.case")}</th>
            <th scope="col">{t("supervisor.oversight.due")}</th>
            <th scope="col">{t("supervisor.oversight.assignee")}</th>
            <th scope="col">{t("supervisor.oversight.reassign")}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.id}>
              <td>
                <a href={caseHref(c)} data-user-text="">
                  {c.reference}
                </a>
              </td>
              <td>
                {t(
                  c.dueAt && Date.parse(c.dueAt) < Date.now()
                    ? "supervisor.oversight.breachedDue"
                    : "supervisor.oversight.atRiskDue",
                  { due: format.dateTime(c.dueAt) },
                )}
              </td>
              <td>
                {c.assigneeId ? (
                  <span data-user-text="">
                    {agents.find((a) => a.id === c.assigneeId)?.displayName ?? c.assigneeId}
                  </span>
                ) : (
                  t("supervisor.oversight.unassigned")
                )}
              </td>
              <td>
                {/* The lifecycle says up front when a reassignment would be refused, and why. */}
                {!checkTransition(
                  {
                    status: c.status,
                    stage: c.stage,
                    assigneeId: c.assigneeId,
                    firstStageDeciderIds: [],
                  },
                  "reassign",
                  { role: "supervisor" },
                ).ok ? (
                  <span className="muted">
                    {t("supervisor.oversight.cannotReassign", { status: t(`status.${c.status}`) })}
                  </span>
                ) : (
                  <button
                    type="button"
                    aria-label={t("routing.reassignCase", { reference: c.reference })}
                    onClick={() => setReassigning(c)}
                  >
                    {t("routing.reassign")}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {reassigning ? (
        <ReassignDialog
          api={routing}
          data={data}
          row={reassigning}
          nameOf={nameOf}
          onClose={() => setReassigning(null)}
        />
      ) : null}
    </>
  );
}

export function OversightDashboard({
  api,
  data,
  agents,
}: {
  api: SupervisorApi;
  data: DeskData;
  agents: readonly User[];
}) {
  const { t } = useTranslation();
  const [region, setRegion] = useState<RegionCalendarId | "">("");
  const [bucket, setBucket] = useState<OversightBucket>("day");
  const [stats, setStats] = useState<OversightStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    api
      .oversight({ ...(region ? { region } : {}), bucket, days: 28 }, controller.signal)
      .then(setStats, (e: unknown) => {
        if (!controller.signal.aborted) setError(e instanceof Error ? e.message : String(e));
      });
    return () => controller.abort();
  }, [api, region, bucket]);
  // The server names nobody's cases "Unassigned" in English: the desk says it in its language.
  const workload = (stats?.workload ?? []).map((w) =>
    w.agentId ? w : { ...w, agentName: t("supervisor.oversight.unassigned") },
  );

  return (
    <div className="oversight">
      <div className="oversight-filters">
        <label>
          {t("supervisor.oversight.region")}
          <select
            value={region}
            onChange={(e) =>
              setRegion(
                e.target.value === "CN" || e.target.value === "VN" || e.target.value === "UTC"
                  ? e.target.value
                  : "",
              )
            }
          >
            <option value="">{t("supervisor.oversight.allRegions")}</option>
            {REGIONS.map((id) => (
              <option key={id} value={id}>
                {t(`supervisor.oversight.regions.${id}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("supervisor.oversight.per")}
          <select
            value={bucket}
            onChange={(e) => setBucket(e.target.value === "week" ? "week" : "day")}
          >
            <option value="day">{t("supervisor.oversight.buckets.day")}</option>
            <option value="week">{t("supervisor.oversight.buckets.week")}</option>
          </select>
        </label>
        {stats ? (
          <span>
            {t("supervisor.oversight.summary", { count: stats.openCases, zone: stats.timeZone })}
          </span>
        ) : null}
      </div>
      {error ? <p role="alert">{error}</p> : null}
      {stats ? (
        <div className="oversight-grid">
          <figure aria-label={t("supervisor.oversight.workload")}>
            <figcaption>{t("supervisor.oversight.workload")}</figcaption>
            <ResponsiveContainer width="100%" height={220}>
              <BarChart data={workload}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="agentName" tick={{ fontSize: 11 }} />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                <Bar dataKey="open" name={t("supervisor.oversight.open")} fill="#5b7db1" />
                <Bar dataKey="atRisk" name={t("supervisor.oversight.atRisk")} fill="#d9a441" />
                <Bar dataKey="breached" name={t("supervisor.oversight.breached")} fill="#c0392b" />
              </BarChart>
            </ResponsiveContainer>
            <table aria-label={t("supervisor.oversight.workloadTable")}>
              <thead>
                <tr>
                  <th scope="col">{t("supervisor.oversight.agent")}</th>
                  <th scope="col">{t("supervisor.oversight.open")}</th>
                  <th scope="col">{t("supervisor.oversight.awaitingEvidence")}</th>
                  <th scope="col">{t("supervisor.oversight.secondStage")}</th>
                  <th scope="col">{t("supervisor.oversight.atRisk")}</th>
                  <th scope="col">{t("supervisor.oversight.breached")}</th>
                </tr>
              </thead>
              <tbody>
                {workload.map((w) => (
                  <tr key={w.agentId ?? "none"}>
                    <td data-user-text={w.agentId ? "" : undefined}>{w.agentName}</td>
                    <td>{w.open}</td>
                    <td>{w.awaitingEvidence}</td>
                    <td>{w.secondStage}</td>
                    <td>{w.atRisk}</td>
                    <td>{w.breached}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </figure>
          <figure aria-label={t("supervisor.oversight.clocks")}>
            <figcaption>{t("supervisor.oversight.clocksCaption")}</figcaption>
            <ResponsiveContainer width="100%" height={220}>
              <BarChart
                data={stats.clocks.map((c) => ({ ...c, label: clockName(t, c.clockId, c.label) }))}
              >
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="label" tick={{ fontSize: 10 }} />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                <Bar dataKey="running" name={t("supervisor.oversight.running")} fill="#5b7db1" />
                <Bar dataKey="atRisk" name={t("supervisor.oversight.atRisk")} fill="#d9a441" />
                <Bar dataKey="breached" name={t("supervisor.oversight.breached")} fill="#c0392b" />
              </BarChart>
            </ResponsiveContainer>
          </figure>
          <figure aria-label={t("supervisor.oversight.ages")}>
            <figcaption>{t("supervisor.oversight.agesCaption")}</figcaption>
            <ResponsiveContainer width="100%" height={200}>
              <BarChart
                data={stats.ageDistribution.map((a) => ({
                  ...a,
                  bucket: t(`supervisor.oversight.ageBucket.${AGE_BUCKET_KEYS[a.bucket]}`),
                }))}
              >
                <XAxis dataKey="bucket" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Bar dataKey="count" name={t("supervisor.oversight.cases")} fill="#7a8ca8" />
              </BarChart>
            </ResponsiveContainer>
          </figure>
          <figure aria-label={t("supervisor.oversight.outcomes")}>
            <figcaption>{t("supervisor.oversight.outcomesCaption")}</figcaption>
            <ResponsiveContainer width="100%" height={200}>
              <BarChart
                data={stats.outcomes.map((o) => ({
                  ...o,
                  name: `${t(`outcome.${o.outcome}`)} (${t(`stage.${o.stage}`)})`,
                }))}
              >
                <XAxis dataKey="name" tick={{ fontSize: 10 }} />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Bar dataKey="count" name={t("supervisor.oversight.decisions")} fill="#5b9a7d" />
              </BarChart>
            </ResponsiveContainer>
          </figure>
          <figure aria-label={t("supervisor.oversight.medians")}>
            <figcaption>
              {bucket === "week"
                ? t("supervisor.oversight.mediansCaptionWeek")
                : t("supervisor.oversight.mediansCaptionDay")}
            </figcaption>
            <ResponsiveContainer width="100%" height={220}>
              <LineChart
                data={stats.series.map((p) => ({
                  period: p.period,
                  firstResponse: hours(p.medianFirstResponseMinutes),
                  resolution: hours(p.medianResolutionMinutes),
                }))}
              >
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="period" tick={{ fontSize: 10 }} />
                <YAxis />
                <Tooltip />
                <Legend />
                <Line
                  dataKey="firstResponse"
                  name={t("supervisor.oversight.firstResponse")}
                  stroke="#5b7db1"
                />
                <Line
                  dataKey="resolution"
                  name={t("supervisor.oversight.resolution")}
                  stroke="#c0392b"
                />
              </LineChart>
            </ResponsiveContainer>
          </figure>
          <figure aria-label={t("supervisor.oversight.atRiskFigure")}>
            <figcaption>{t("supervisor.oversight.atRiskCaption")}</figcaption>
            <AtRiskCases data={data} agents={agents} region={region} routing={api.routing} />
          </figure>
        </div>
      ) : (
        <p>{t("supervisor.oversight.loading")}</p>
      )}
    </div>
  );
}
