import type { PresenceViewer } from "@shared/api/presence";
import type { Reply } from "@shared/api/replies";
import type { CaseDetail } from "@shared/domain/appeal";
import type { Role } from "@shared/domain/user";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useStore } from "zustand";
import { ACTION_FORMS, ACTION_KINDS, type ActionKind } from "../actions/action-forms";
import { DecisionDialog } from "../actions/decision-dialog";
import { storedProblemMessage } from "../api/problem-message";
import { type AttachmentsData, AttachmentsPanel } from "../attachments/attachments-panel";
import type { OutboxEntry, ReplyCache } from "../desk-data";
import type { EvidenceStore } from "../evidence/evidence-store";
import { EvidenceViewer } from "../evidence/evidence-viewer";
import { useFormatters } from "../i18n/format";
import type { PartyContextApi } from "../party-context/party-context-api";
import { PartyContextPanel } from "../party-context/party-context-panel";
import { PresenceBadge } from "../presence/presence-badge";
import { NO_PRESENCE, type PresenceStore } from "../presence/presence-store";
import { ShortcutsDialog } from "../queue/shortcuts-dialog";
import { AgreementPanel } from "./agreement-panel";
import { caseKeyAction } from "./case-keys";
import type { CaseStore } from "./case-store";
import { DeadlineNotices } from "./deadline-notices";
import { DecisionRecord } from "./decision-record";
import { PartyPanel } from "./party-panel";
import { SlaClocks } from "./sla-clocks";
import { Timeline } from "./timeline";
import { VerificationPanel } from "./verification-panel";

/** Statuses in which an agent holds the case: it can be claimed, released and decided. */
const WORKABLE_STATUSES = new Set(["escalated", "in_review", "awaiting_evidence"]);

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function CaseHeader({
  detail,
  userId,
  viewers,
}: {
  detail: CaseDetail;
  userId: string;
  /** Others who have this case open now. */
  viewers?: readonly PresenceViewer[] | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { trade, payment } = detail;
  return (
    <header className="case-header">
      <h1>
        <span className="mono">{detail.reference}</span> · {t(`kind.${detail.kind}`)} ·{" "}
        <span className="num">{format.amount(detail.amount, detail.currency)}</span>
      </h1>
      <PresenceBadge viewers={viewers} />
      <dl className="facts header-facts">
        <Fact label={t("case.status")}>
          <span className={`status status-${detail.status}`}>{t(`status.${detail.status}`)}</span>
        </Fact>
        <Fact label={t("case.stage")}>{t(`stage.${detail.stage}`)}</Fact>
        <Fact label={t("case.reason")}>{t(`reason.${detail.reason}`)}</Fact>
        <Fact label={t("case.assignee")}>
          {detail.assigneeId === null
            ? t("queue.unassigned")
            : detail.assigneeId === userId
              ? t("queue.you")
              : detail.assigneeId}
        </Fact>
        <Fact label={t("case.priority")}>{t(`priority.${detail.priority}`)}</Fact>
        {trade ? (
          <>
            <Fact label={t("case.order")}>
              <span className="mono">{trade.orderId}</span>
            </Fact>
            <Fact label={t("case.asset")}>{format.amount(trade.assetAmount, trade.asset)}</Fact>
            <Fact label={t("case.fiat")}>
              {format.amount(trade.fiatAmount, trade.fiatCurrency)}
            </Fact>
            <Fact label={t("case.price")}>{format.amount(trade.price, trade.fiatCurrency)}</Fact>
            <Fact label={t("case.method")}>{trade.paymentMethod}</Fact>
            <Fact label={t("case.created")}>{format.dateTime(trade.createdAt)}</Fact>
            <Fact label={t("case.markedPaid")}>{format.dateTime(trade.markedPaidAt)}</Fact>
          </>
        ) : null}
        {payment ? (
          <>
            <Fact label={t("case.transaction")}>
              <span className="mono">{payment.transactionId}</span>
            </Fact>
            <Fact label={t("case.merchant")}>{payment.merchant}</Fact>
            <Fact label={t("case.method")}>{payment.method}</Fact>
            <Fact label={t("case.occurred")}>{format.dateTime(payment.occurredAt)}</Fact>
          </>
        ) : null}
      </dl>
      <SlaClocks detail={detail} />
    </header>
  );
}

export function PendingList({ queued }: { queued: readonly OutboxEntry[] }) {
  const { t } = useTranslation();
  if (!queued.length) return null;
  return (
    <section className="pending" aria-label={t("sync.queuedActions")}>
      <ul>
        {queued.map((q, i) => (
          <li key={q.seq ?? i} className={`pending-${q.state}`}>
            <span className="tag tag-pending">{t(`sync.state.${q.state}`)}</span>{" "}
            {t(`actionName.${q.action.type as "claim"}`, { defaultValue: q.action.type })}
            {q.lastError ? (
              <span className="muted">
                {" — "}
                {storedProblemMessage(q.lastProblem, q.lastStatus, (key, params) =>
                  t(key as "problems.busy", params),
                )}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function CaseWorkspace({
  store,
  evidence,
  userId,
  userRole = "agent",
  canRevealContacts = false,
  onBack,
  onNext,
  onPrevious,
  presence = NO_PRESENCE,
  partyContext,
  onOpenCase,
  replies,
  attachments,
}: {
  store: CaseStore;
  evidence: EvidenceStore;
  userId: string;
  /** What the lifecycle lets this user do (the agreement panel lists it). */
  userRole?: Role;
  /** Supervisors may reveal any case's contacts; agents only those of cases assigned to them. */
  canRevealContacts?: boolean;
  onBack(): void;
  /** The next/previous case of the queue as the agent last sorted and filtered it (j/k). */
  onNext?(): void;
  onPrevious?(): void;
  /** Tells others this case is open here, and shows who else has it open. */
  presence?: PresenceStore;
  /** The parties' other appeals and account facts (server); without it the panel is left out. */
  partyContext?: PartyContextApi;
  /** Opens another case (a related appeal of the context panel). */
  onOpenCase?(caseId: string): void;
  /** The desk's cached replies and macros (the composer's picker, the decision dialog). */
  replies?: ReplyCache;
  /** The agent's own files (attach, upload queue); without it the panel is left out. */
  attachments?: AttachmentsData;
}) {
  const { t } = useTranslation();
  const { view, status, submit, caseId, contacts, revealError, revealContacts } = useStore(store);
  const viewers = useStore(presence, (s) => (caseId ? s.others[caseId] : undefined));
  const [replyList, setReplyList] = useState<readonly Reply[]>([]);
  useEffect(() => replies?.observe(setReplyList), [replies]);

  // Heartbeat while the case is on screen; leaving it (or the desk) says "closed".
  useEffect(() => (caseId ? presence.getState().watch(caseId) : undefined), [caseId, presence]);
  const [actionKind, setActionKind] = useState<ActionKind>("evidence");
  const [isDeciding, setDeciding] = useState(false);
  const [notice, setNotice] = useState("");
  const [isHelpOpen, setHelpOpen] = useState(false);
  const headingRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  /** Set by a key that opens a form: its first field gets the focus once it is on screen. */
  const [focusForm, setFocusForm] = useState(0);
  useEffect(() => {
    if (!focusForm) return;
    // After the frame: a dialog that just closed hands the focus back first.
    const frame = requestAnimationFrame(() =>
      panelRef.current?.querySelector<HTMLElement>("textarea, input, select")?.focus(),
    );
    return () => cancelAnimationFrame(frame);
  }, [focusForm]);
  const canDecideNow = useRef(false);

  useEffect(() => {
    if (caseId) evidence.getState().forCase(caseId);
  }, [caseId, evidence]);

  useEffect(() => {
    const openForm = (kind: ActionKind) => {
      setActionKind(kind);
      setFocusForm((n) => n + 1);
    };
    const onKey = (e: KeyboardEvent) => {
      const action = caseKeyAction(e, !!document.querySelector("dialog[open]"));
      if (!action) return;
      e.preventDefault();
      if (action === "back") onBack();
      else if (action === "next") onNext?.();
      else if (action === "previous") onPrevious?.();
      else if (action === "help") setHelpOpen(true);
      else if (action === "decide") {
        if (canDecideNow.current) setDeciding(true);
      } else if (action === "reply") openForm("message");
      else if (action === "request-evidence") openForm("evidence");
      else if (action === "note") openForm("note");
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onBack, onNext, onPrevious]);
  const closeHelp = useCallback(() => setHelpOpen(false), []);

  if (status === "loading" || !view) {
    return (
      <section className="workspace" aria-busy="true">
        <button type="button" className="link-button" onClick={onBack}>
          ← {t("case.back")}
        </button>
        <p>{status === "missing" ? t("case.missing") : t("common.loading")}</p>
      </section>
    );
  }
  const { detail, summary, queued } = view;
  if (!detail) {
    return (
      <section className="workspace">
        <button type="button" className="link-button" onClick={onBack}>
          ← {t("case.back")}
        </button>
        <h1 className="mono">{summary.reference}</h1>
        <p>{t("case.detailUnavailable")}</p>
      </section>
    );
  }
  const Form = ACTION_FORMS[actionKind];
  const isWorkable = WORKABLE_STATUSES.has(detail.status);
  const canDecide =
    detail.assigneeId === userId &&
    ["in_review", "awaiting_evidence", "escalated"].includes(detail.status);
  canDecideNow.current = canDecide;
  return (
    <article
      className="workspace"
      aria-label={t("case.workspace", { reference: detail.reference })}
    >
      <div className="workspace-bar" ref={headingRef}>
        <button type="button" className="link-button" onClick={onBack}>
          ← {t("case.back")}
        </button>
        <div className="workspace-actions">
          {!isWorkable ? null : detail.assigneeId === null ? (
            <button type="button" onClick={() => void submit({ type: "claim", body: {} })}>
              {t("actions.claim")}
            </button>
          ) : detail.assigneeId === userId ? (
            <button type="button" onClick={() => void submit({ type: "release", body: {} })}>
              {t("actions.release")}
            </button>
          ) : null}
          <button
            type="button"
            className="primary"
            onClick={() => setDeciding(true)}
            disabled={!canDecide}
          >
            {t("actions.decide")}
          </button>
        </div>
      </div>
      <CaseHeader detail={detail} userId={userId} viewers={viewers} />
      <PendingList queued={queued} />
      <p role="status" className="notice">
        {notice}
      </p>
      <AgreementPanel detail={detail} userRole={userRole} />
      <DeadlineNotices detail={detail} canDecide={canDecide} onDecide={() => setDeciding(true)} />
      <VerificationPanel
        detail={detail}
        canAct={detail.assigneeId === userId}
        onSubmit={submit}
        onDone={setNotice}
      />
      <div className="parties-grid">
        {(["complainant", "respondent"] as const).map((role) => (
          <PartyPanel
            key={role}
            detail={detail}
            role={role}
            onReveal={(reason) => void revealContacts(reason)}
            canReveal={canRevealContacts || detail.assigneeId === userId}
            contacts={contacts?.find((c) => c.role === role) ?? null}
            revealError={revealError}
            onOpenEvidence={(id) => evidence.getState().show([id])}
            onCompareEvidence={(id) => evidence.getState().compareWith(id)}
          />
        ))}
      </div>
      {partyContext ? (
        <PartyContextPanel caseId={detail.id} api={partyContext} onOpen={onOpenCase} />
      ) : null}
      {attachments ? (
        <AttachmentsPanel
          detail={detail}
          data={attachments}
          canAttach={detail.assigneeId === userId}
          onOpenEvidence={(id) => evidence.getState().show([id])}
        />
      ) : null}
      <EvidenceViewer store={evidence} evidence={detail.evidence} />
      <DecisionRecord detail={detail} />
      <div className="lower-grid">
        <Timeline detail={detail} />
        <section className="action-panel" aria-labelledby="actions-heading">
          <h2 id="actions-heading">{t("actions.title")}</h2>
          <div className="segmented" role="tablist" aria-label={t("actions.title")}>
            {ACTION_KINDS.map((kind) => (
              <button
                key={kind}
                type="button"
                role="tab"
                aria-selected={actionKind === kind}
                onClick={() => setActionKind(kind)}
              >
                {t(`actions.kinds.${kind}`)}
              </button>
            ))}
          </div>
          <div ref={panelRef} role="tabpanel" aria-label={t(`actions.kinds.${actionKind}`)}>
            <Form
              key={`${actionKind}-${detail.id}`}
              detail={detail}
              onSubmit={submit}
              onDone={setNotice}
              replies={replyList}
            />
          </div>
        </section>
      </div>
      <DecisionDialog
        detail={detail}
        macros={replyList}
        open={isDeciding}
        onClose={() => setDeciding(false)}
        onSubmit={async (action) => {
          await submit(action);
          setNotice(t("actions.done.decision"));
        }}
      />
      <ShortcutsDialog open={isHelpOpen} onClose={closeHelp} />
    </article>
  );
}
