import {
  EscalateBody,
  EvidenceRequestBody,
  MessageBody,
  NoteBody,
  PhoneContactBody,
} from "@shared/api/mutations";
import { type CaseDetail, type PartyRole, PhoneContactOutcome } from "@shared/domain/appeal";
import type { DeskAction } from "@shared/domain/desk-action";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../i18n/format";
import { Confirmation, FieldError } from "./confirm";

export const ACTION_KINDS = ["evidence", "message", "call", "note", "escalate"] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** Default deadline for "provide more info": two days from now, at the top of the hour. */
export function defaultDeadline(now: number): string {
  const date = new Date(now + 48 * 3_600_000);
  date.setMinutes(0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:00`;
}

interface FormProps {
  detail: CaseDetail;
  onSubmit(action: DeskAction): Promise<void>;
  onDone(message: string): void;
}

/** The two steps every action shares: fill in, then confirm the consequence in plain words. */
function TwoStep({
  title,
  confirmLabel,
  consequence,
  onValidate,
  onConfirm,
  children,
}: {
  title: string;
  confirmLabel: string;
  consequence: string | null;
  onValidate(): boolean;
  onConfirm(): Promise<void>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [isConfirming, setConfirming] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (onValidate()) setConfirming(true);
  };
  if (isConfirming && consequence) {
    return (
      <Confirmation
        confirmLabel={confirmLabel}
        isBusy={isBusy}
        onBack={() => setConfirming(false)}
        onConfirm={async () => {
          setBusy(true);
          try {
            await onConfirm();
            setConfirming(false);
          } finally {
            setBusy(false);
          }
        }}
      >
        {consequence}
      </Confirmation>
    );
  }
  return (
    <form noValidate onSubmit={submit} aria-label={title} className="action-form">
      {children}
      <div className="button-row">
        <button type="submit" className="primary">
          {t("actions.review")}
        </button>
      </div>
    </form>
  );
}

function PartyPicker({
  detail,
  value,
  onChange,
  legend,
}: {
  detail: CaseDetail;
  value: PartyRole;
  onChange(role: PartyRole): void;
  legend: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="radio-group" role="radiogroup" aria-labelledby={id}>
      <span id={id} className="group-label">
        {legend}
      </span>
      {(["complainant", "respondent"] as const).map((role) => (
        <label key={role} className="radio">
          <input
            type="radio"
            checked={value === role}
            onChange={() => onChange(role)}
            name={`${legend}-party`}
          />
          {t(`role.${role}`)}: <span data-user-text="">{detail[role].displayName}</span>
        </label>
      ))}
    </div>
  );
}

export function RequestEvidenceForm({ detail, onSubmit, onDone }: FormProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const ids = { what: useId(), due: useId() };
  const [party, setParty] = useState<PartyRole>("respondent");
  const [what, setWhat] = useState("");
  const [due, setDue] = useState(() => defaultDeadline(Date.now()));
  const [errors, setErrors] = useState<{ what?: string; due?: string }>({});
  const dueAt = due ? new Date(due) : null;
  const body =
    dueAt && !Number.isNaN(dueAt.getTime())
      ? EvidenceRequestBody.safeParse({ party, what, dueAt: dueAt.toISOString() })
      : null;
  return (
    <TwoStep
      title={t("actions.kinds.evidence")}
      confirmLabel={t("actions.confirmRequest")}
      consequence={
        body?.success
          ? t("actions.consequence.evidence", {
              name: detail[party].displayName,
              role: t(`role.${party}`),
              what: body.data.what,
              due: format.dateTime(body.data.dueAt),
            })
          : null
      }
      onValidate={() => {
        const found: typeof errors = {};
        if (!what.trim()) found.what = t("validation.required");
        if (!dueAt || Number.isNaN(dueAt.getTime()) || dueAt.getTime() <= Date.now()) {
          found.due = t("validation.future");
        }
        setErrors(found);
        return !found.what && !found.due && !!body?.success;
      }}
      onConfirm={async () => {
        if (!body?.success) return;
        await onSubmit({ type: "evidence-requests", body: body.data });
        setWhat("");
        onDone(t("actions.done.evidence"));
      }}
    >
      <PartyPicker detail={detail} value={party} onChange={setParty} legend={t("actions.from")} />
      <label htmlFor={ids.what}>
        {t("actions.what")}
        <textarea
          id={ids.what}
          rows={3}
          value={what}
          aria-invalid={errors.what ? true : undefined}
          aria-describedby={errors.what ? `${ids.what}-e` : undefined}
          onChange={(e) => setWhat(e.target.value)}
        />
      </label>
      <FieldError id={`${ids.what}-e`} message={errors.what} />
      <label htmlFor={ids.due}>
        {t("actions.deadline")}
        <input
          id={ids.due}
          type="datetime-local"
          value={due}
          aria-invalid={errors.due ? true : undefined}
          aria-describedby={errors.due ? `${ids.due}-e` : undefined}
          onChange={(e) => setDue(e.target.value)}
        />
      </label>
      <FieldError id={`${ids.due}-e`} message={errors.due} />
    </TwoStep>
  );
}

export function MessageForm({ detail, onSubmit, onDone }: FormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [to, setTo] = useState<PartyRole>("complainant");
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  const body = MessageBody.safeParse({ to, text });
  return (
    <TwoStep
      title={t("actions.kinds.message")}
      confirmLabel={t("actions.confirmSend")}
      consequence={
        body.success ? t("actions.consequence.message", { name: detail[to].displayName }) : null
      }
      onValidate={() => {
        setError(body.success ? undefined : t("validation.required"));
        return body.success;
      }}
      onConfirm={async () => {
        if (!body.success) return;
        await onSubmit({ type: "messages", body: body.data });
        setText("");
        onDone(t("actions.done.message"));
      }}
    >
      <PartyPicker detail={detail} value={to} onChange={setTo} legend={t("actions.to")} />
      <label htmlFor={id}>
        {t("actions.messageText")}
        <textarea
          id={id}
          rows={4}
          value={text}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <FieldError id={`${id}-e`} message={error} />
    </TwoStep>
  );
}

export function PhoneContactForm({ detail, onSubmit, onDone }: FormProps) {
  const { t } = useTranslation();
  const ids = { outcome: useId(), summary: useId() };
  const [party, setParty] = useState<PartyRole>("complainant");
  const [outcome, setOutcome] = useState<PhoneContactOutcome>("reached");
  const [summary, setSummary] = useState("");
  const body = PhoneContactBody.safeParse({ party, outcome, summary });
  return (
    <TwoStep
      title={t("actions.kinds.call")}
      confirmLabel={t("actions.confirmRecord")}
      consequence={
        body.success
          ? t("actions.consequence.call", {
              name: detail[party].displayName,
              outcome: t(`callOutcome.${outcome}`),
            })
          : null
      }
      onValidate={() => body.success}
      onConfirm={async () => {
        if (!body.success) return;
        await onSubmit({ type: "phone-contacts", body: body.data });
        setSummary("");
        onDone(t("actions.done.call"));
      }}
    >
      <PartyPicker detail={detail} value={party} onChange={setParty} legend={t("actions.party")} />
      <label htmlFor={ids.outcome}>
        {t("actions.callOutcome")}
        <select
          id={ids.outcome}
          value={outcome}
          onChange={(e) => setOutcome(PhoneContactOutcome.parse(e.target.value))}
        >
          {PhoneContactOutcome.options.map((o) => (
            <option key={o} value={o}>
              {t(`callOutcome.${o}`)}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={ids.summary}>
        {t("actions.callSummary")}
        <textarea
          id={ids.summary}
          rows={3}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
        />
      </label>
    </TwoStep>
  );
}

/**
 * A form of one required text (internal note, escalation reason): the same two steps, only the
 * words and the action built from the text differ.
 */
function SingleTextForm({
  onSubmit,
  onDone,
  title,
  label,
  confirmLabel,
  consequence,
  done,
  toAction,
}: FormProps & {
  title: string;
  label: string;
  confirmLabel: string;
  consequence: string;
  done: string;
  /** The action for this text, or null when the contract refuses the text. */
  toAction(text: string): DeskAction | null;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  const action = toAction(text);
  return (
    <TwoStep
      title={title}
      confirmLabel={confirmLabel}
      consequence={action ? consequence : null}
      onValidate={() => {
        setError(action ? undefined : t("validation.required"));
        return action !== null;
      }}
      onConfirm={async () => {
        if (!action) return;
        await onSubmit(action);
        setText("");
        onDone(done);
      }}
    >
      <label htmlFor={id}>
        {label}
        <textarea
          id={id}
          rows={3}
          value={text}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <FieldError id={`${id}-e`} message={error} />
    </TwoStep>
  );
}

export function NoteForm(props: FormProps) {
  const { t } = useTranslation();
  return (
    <SingleTextForm
      {...props}
      title={t("actions.kinds.note")}
      label={t("actions.noteText")}
      confirmLabel={t("actions.confirmNote")}
      consequence={t("actions.consequence.note")}
      done={t("actions.done.note")}
      toAction={(text) => {
        const body = NoteBody.safeParse({ text });
        return body.success ? { type: "notes", body: body.data } : null;
      }}
    />
  );
}

export function EscalateForm(props: FormProps) {
  const { t } = useTranslation();
  return (
    <SingleTextForm
      {...props}
      title={t("actions.kinds.escalate")}
      label={t("actions.escalateReason")}
      confirmLabel={t("actions.confirmEscalate")}
      consequence={t("actions.consequence.escalate")}
      done={t("actions.done.escalate")}
      toAction={(reason) => {
        const body = EscalateBody.safeParse({ reason });
        return body.success ? { type: "escalate", body: body.data } : null;
      }}
    />
  );
}

export const ACTION_FORMS: Record<ActionKind, (props: FormProps) => ReactNode> = {
  evidence: RequestEvidenceForm,
  message: MessageForm,
  call: PhoneContactForm,
  note: NoteForm,
  escalate: EscalateForm,
};
