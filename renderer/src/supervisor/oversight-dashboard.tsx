/**
 * Team oversight: workload per agent, SLA risk per clock, ages of open cases, outcomes, and median
 * times to first response and to resolution per day or week — charts with their tables beside
 * them (the numbers stay readable without colour), and reassignment of cases at risk.
 */
import type { RegionCalendarId } from "@shared/domain/appeal";
import type { User } from "@shared/domain/user";
import type { OversightBucket, OversightStats } from "@shared/oversight/contract";
import { useEffect, useState } from "react";
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
import type { CachedCase, DeskData } from "../sync/index";
import type { SupervisorApi } from "./supervisor-api";

const hours = (minutes: number | null) => (minutes === null ? null : Math.round(minutes / 6) / 10);

function AtRiskCases({
  data,
  agents,
  region,
}: {
  data: DeskData;
  agents: readonly User[];
  region: RegionCalendarId | "";
}) {
  const [cases, setCases] = useState<CachedCase[]>([]);
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
    <table aria-label="Cases at risk">
      <thead>
        <tr>
          <th scope="col">Case</th>
          <th scope="col">Due</th>
          <th scope="col">Assignee</th>
          <th scope="col">Reassign</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => (
          <tr key={c.id}>
            <td>{c.reference}</td>
            <td>
              {c.dueAt && Date.parse(c.dueAt) < Date.now() ? "Breached " : "At risk, due "}
              {c.dueAt?.slice(0, 16).replace("T", " ")}
            </td>
            <td>{agents.find((a) => a.id === c.assigneeId)?.displayName ?? "Unassigned"}</td>
            <td>
              <select
                aria-label={`Reassign ${c.reference}`}
                value=""
                onChange={(e) => {
                  if (e.target.value)
                    void data.enqueue(c.id, {
                      type: "reassign",
                      body: { assignee: e.target.value },
                    });
                }}
              >
                <option value="">Reassign to…</option>
                {agents
                  .filter((a) =>
                    c.stage === "second" ? a.role === "supervisor" : a.role === "agent",
                  )
                  .filter((a) => a.id !== c.assigneeId)
                  .map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.displayName}
                    </option>
                  ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
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

  return (
    <div className="oversight">
      <div className="oversight-filters">
        <label>
          Region calendar
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
            <option value="">All regions</option>
            <option value="VN">Vietnam</option>
            <option value="CN">China</option>
            <option value="UTC">UTC</option>
          </select>
        </label>
        <label>
          Per
          <select
            value={bucket}
            onChange={(e) => setBucket(e.target.value === "week" ? "week" : "day")}
          >
            <option value="day">day</option>
            <option value="week">week</option>
          </select>
        </label>
        {stats ? (
          <span>
            {stats.openCases} open cases · times in {stats.timeZone}
          </span>
        ) : null}
      </div>
      {error ? <p role="alert">{error}</p> : null}
      {stats ? (
        <div className="oversight-grid">
          <figure aria-label="Workload per agent">
            <figcaption>Workload per agent</figcaption>
            <ResponsiveContainer width="100%" height={220}>
              <BarChart data={stats.workload}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="agentName" tick={{ fontSize: 11 }} />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                <Bar dataKey="open" name="Open" fill="#5b7db1" />
                <Bar dataKey="atRisk" name="At risk" fill="#d9a441" />
                <Bar dataKey="breached" name="Breached" fill="#c0392b" />
              </BarChart>
            </ResponsiveContainer>
            <table aria-label="Workload table">
              <thead>
                <tr>
                  <th scope="col">Agent</th>
                  <th scope="col">Open</th>
                  <th scope="col">Awaiting evidence</th>
                  <th scope="col">Second stage</th>
                  <th scope="col">At risk</th>
                  <th scope="col">Breached</th>
                </tr>
              </thead>
              <tbody>
                {stats.workload.map((w) => (
                  <tr key={w.agentId ?? "none"}>
                    <td>{w.agentName}</td>
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
          <figure aria-label="SLA risk per clock">
            <figcaption>At risk and breached, per clock</figcaption>
            <ResponsiveContainer width="100%" height={220}>
              <BarChart data={stats.clocks}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="label" tick={{ fontSize: 10 }} />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                <Bar dataKey="running" name="Running" fill="#5b7db1" />
                <Bar dataKey="atRisk" name="At risk" fill="#d9a441" />
                <Bar dataKey="breached" name="Breached" fill="#c0392b" />
              </BarChart>
            </ResponsiveContainer>
          </figure>
          <figure aria-label="Age distribution">
            <figcaption>Age of open cases since escalation</figcaption>
            <ResponsiveContainer width="100%" height={200}>
              <BarChart data={stats.ageDistribution}>
                <XAxis dataKey="bucket" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Bar dataKey="count" name="Cases" fill="#7a8ca8" />
              </BarChart>
            </ResponsiveContainer>
          </figure>
          <figure aria-label="Decision outcomes">
            <figcaption>Outcomes (last 28 days)</figcaption>
            <ResponsiveContainer width="100%" height={200}>
              <BarChart
                data={stats.outcomes.map((o) => ({ ...o, name: `${o.outcome} (${o.stage})` }))}
              >
                <XAxis dataKey="name" tick={{ fontSize: 10 }} />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Bar dataKey="count" name="Decisions" fill="#5b9a7d" />
              </BarChart>
            </ResponsiveContainer>
          </figure>
          <figure aria-label="Median response times">
            <figcaption>Median hours to first response and to resolution, per {bucket}</figcaption>
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
                <Line dataKey="firstResponse" name="First response (h)" stroke="#5b7db1" />
                <Line dataKey="resolution" name="Resolution (h)" stroke="#c0392b" />
              </LineChart>
            </ResponsiveContainer>
          </figure>
          <figure aria-label="Reassign cases at risk">
            <figcaption>Cases at risk — reassign</figcaption>
            <AtRiskCases data={data} agents={agents} region={region} />
          </figure>
        </div>
      ) : (
        <p>Loading the team's figures…</p>
      )}
    </div>
  );
}
