/**
 * The reassign dialog: a picker of the people who could take the case, by name (never a raw
 * id), with their open cases against their capacity, presence (online, away, offline), routing
 * pause and skills; then a confirmation that states the change; then the server's answer. The
 * picker greys out whom the server would refuse for certain (no skill for the case's language,
 * region or kind; the first decider of a second-stage appeal, four-eyes) and asks before giving
 * a case to someone at capacity. A refusal the server still sends (the team changed meanwhile)
 * is explained in the user's language from its problem type.
 */
import type { RoutingAgent } from "@shared/api/routing";
import type { CaseKind, Language, RegionCalendarId } from "@shared/domain/appeal";
import { breaksFourEyes, firstStageDecidersOf } from "@shared/domain/four-eyes";
import { useEffect, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Confirmation } from "../actions/confirm";
import { problemMessage } from "../api/problem-message";
import { useModalDialog } from "../app/use-modal-dialog";
import type { CachedCase, DeskData } from "../desk-data";
import type { Words } from "../i18n/catalog-words";
import type { RoutingApi } from "../routing/routing-api";
import "./reassign-dialog.css";

/** What the picker needs to know about the case beyond its queue row. */
interface CaseNeeds {
  language: Language;
  deciders: readonly string[];
}

/** Why a candidate cannot take the case, or null when they can. */
export function blockerOf(
  agent: RoutingAgent,
  row: Pick<CachedCase, "stage" | "region" | "kind">,
  needs: CaseNeeds,
): "four_eyes" | "lacks_skill" | null {
  if (breaksFourEyes(agent.id, needs.deciders)) return "four_eyes";
  if (row.stage === "second") return null;
  const hasSkill =
    agent.languages.includes(needs.language) &&
    agent.regions.includes(row.region) &&
    agent.kinds.includes(row.kind);
  return hasSkill ? null : "lacks_skill";
}

/** First-stage work goes to agents, second-stage reviews to supervisors; not to the holder. */
export function candidatesFor(
  team: readonly RoutingAgent[],
  row: Pick<CachedCase, "stage" | "assigneeId">,
): RoutingAgent[] {
  const role = row.stage === "second" ? "supervisor" : "agent";
  return team.filter((a) => a.role === role && a.id !== row.assigneeId);
}

function Skills({ agent }: { agent: RoutingAgent }) {
  const { t } = useTranslation();
  const languages = agent.languages.map((l: Language) => t(`language.${l}`)).join(", ");
  const regions = agent.regions.map((r: RegionCalendarId) => t(`routing.regions.${r}`)).join(", ");
  const kinds = agent.kinds.map((k: CaseKind) => t(`kind.${k}`)).join(", ");
  return (
    <span className="routing-skills">
      {[languages, regions, kinds].filter(Boolean).join(" · ") || t("routing.noSkills")}
    </span>
  );
}

export function ReassignDialog({
  api,
  data,
  row,
  nameOf,
  onClose,
}: {
  api: RoutingApi;
  data: DeskData;
  row: CachedCase;
  /** A user's display name from the staff list, for the holder. */
  nameOf(id: string | null): string;
  onClose(): void;
}) {
  const { t } = useTranslation();
  // problemMessage builds its key from the problem type at run time, which the typed `t` cannot
  // check; the catalog test holds a message for every known type.
  const words = useMemo<Words>(
    () => (key, params) => String(t(key as never, params as never)),
    [t],
  );
  const titleId = useId();
  const ref = useModalDialog(true);
  const [team, setTeam] = useState<RoutingAgent[] | null>(null);
  const [needs, setNeeds] = useState<CaseNeeds | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [step, setStep] = useState<"pick" | "confirm" | "sending" | "done">("pick");
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  // `reload` re-reads the team after a refusal: the picker shows what the server now knows.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload is the trigger, not an input
  useEffect(() => {
    const controller = new AbortController();
    api.team(controller.signal).then(
      (list) => setTeam(list.agents),
      (e: unknown) => {
        if (!controller.signal.aborted) setError(problemMessage(e, words));
      },
    );
    return () => controller.abort();
  }, [api, words, reload]);
  // The live view: a case not opened on this desk yet has no cached detail, which arrives later.
  useEffect(
    () =>
      data.observeCase(row.id, (view) => {
        if (!view?.detail) return;
        setNeeds({
          language: view.detail.complainant.language,
          deciders: firstStageDecidersOf(view.detail.decisions),
        });
      }),
    [data, row.id],
  );

  const candidates = team ? candidatesFor(team, row) : [];
  const target = candidates.find((a) => a.id === picked) ?? null;
  const isOverCapacity = target !== null && target.load >= target.capacity;

  const send = async () => {
    if (!target) return;
    setStep("sending");
    setError(null);
    try {
      await api.reassign(row.id, row.version, {
        assignee: target.id,
        ...(isOverCapacity ? { confirmOverCapacity: true } : {}),
      });
      setStep("done");
      void data.syncNow();
    } catch (e) {
      setError(t("routing.refused", { message: problemMessage(e, words) }));
      setStep("pick");
      setReload((n) => n + 1);
    }
  };

  return (
    <dialog
      ref={ref}
      className="reassign-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{t("routing.dialogTitle", { reference: row.reference })}</h2>
      <p>
        {t("routing.currently", {
          name: row.assigneeId ? nameOf(row.assigneeId) : t("routing.unassigned"),
        })}
      </p>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      {step === "done" && target ? (
        <>
          <p role="status">
            {t("routing.done", { reference: row.reference, name: target.displayName })}
          </p>
          <div className="button-row">
            <button type="button" className="primary" onClick={onClose}>
              {t("common.close")}
            </button>
          </div>
        </>
      ) : step === "confirm" || step === "sending" ? (
        target ? (
          <Confirmation
            confirmLabel={isOverCapacity ? t("routing.confirmOverCapacity") : t("routing.confirm")}
            isBusy={step === "sending"}
            onBack={() => setStep("pick")}
            onConfirm={() => void send()}
          >
            {t("routing.consequence", {
              reference: row.reference,
              from: row.assigneeId ? nameOf(row.assigneeId) : t("routing.unassigned"),
              to: target.displayName,
            })}
            {isOverCapacity
              ? ` ${t("routing.overCapacityConsequence", {
                  name: target.displayName,
                  load: target.load,
                  capacity: target.capacity,
                })}`
              : ""}
          </Confirmation>
        ) : null
      ) : team === null || needs === null ? (
        <p>{t("routing.loadingTeam")}</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (target) setStep("confirm");
          }}
        >
          <fieldset>
            <legend>{t("routing.pickLabel")}</legend>
            {candidates.length === 0 ? <p>{t("routing.noCandidates")}</p> : null}
            <table className="reassign-candidates">
              <thead>
                <tr>
                  <th scope="col">{t("routing.columns.name")}</th>
                  <th scope="col">{t("routing.columns.load")}</th>
                  <th scope="col">{t("routing.columns.presence")}</th>
                  <th scope="col">{t("routing.columns.skills")}</th>
                </tr>
              </thead>
              <tbody>
                {candidates.map((agent) => {
                  const blocker = blockerOf(agent, row, needs);
                  return (
                    <tr key={agent.id} className={blocker ? "blocked" : undefined}>
                      <td>
                        <label>
                          <input
                            type="radio"
                            name="assignee"
                            value={agent.id}
                            checked={picked === agent.id}
                            disabled={blocker !== null}
                            onChange={() => setPicked(agent.id)}
                          />{" "}
                          <span data-user-text>{agent.displayName}</span>
                        </label>
                        {blocker ? (
                          <span className="badge warn">
                            {t(blocker === "four_eyes" ? "routing.fourEyes" : "routing.lacksSkill")}
                          </span>
                        ) : null}
                      </td>
                      <td>
                        {t("routing.load", { load: agent.load, capacity: agent.capacity })}
                        {agent.load >= agent.capacity ? (
                          <span className="badge warn">{t("routing.atCapacity")}</span>
                        ) : null}
                      </td>
                      <td>
                        <span className={`presence-badge presence-${agent.presence}`}>
                          {t(`routing.presence.${agent.presence}`)}
                        </span>
                        {agent.paused ? <span className="badge">{t("routing.paused")}</span> : null}
                      </td>
                      <td>
                        <Skills agent={agent} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </fieldset>
          <div className="button-row">
            <button type="submit" className="primary" disabled={target === null}>
              {t("routing.next")}
            </button>
            <button type="button" onClick={onClose}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
