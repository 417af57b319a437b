import { EVIDENCE_MAX_BYTES } from "@shared/api/evidence";
import type { CaseDetail } from "@shared/domain/appeal";
import { type DragEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AttachRefusal, DeskData, UploadView } from "../desk-data";
import { useFormatters } from "../i18n/format";

/** What the panel needs from the data layer. */
export type AttachmentsData = Pick<DeskData, "attach" | "observeUploads" | "dismissUpload">;

const MAX_MB = EVIDENCE_MAX_BYTES / (1024 * 1024);

function useUploads(data: AttachmentsData, caseId: string): UploadView[] {
  const [uploads, setUploads] = useState<UploadView[]>([]);
  useEffect(() => data.observeUploads(setUploads, caseId), [data, caseId]);
  return uploads;
}

function useNumber(): (n: number) => string {
  const { language } = useFormatters();
  return (n) => new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(n);
}

function Size({ bytes }: { bytes: number }) {
  const number = useNumber();
  const kb = bytes / 1024;
  return (
    <span className="num muted" data-user-text>
      {kb < 1024 ? `${number(Math.max(1, Math.round(kb)))} KB` : `${number(kb / 1024)} MB`}
    </span>
  );
}

function QueuedRow({ upload, onDismiss }: { upload: UploadView; onDismiss(): void }) {
  const { t } = useTranslation();
  const percent = upload.progress
    ? Math.min(100, Math.round((upload.progress.sent / Math.max(upload.progress.total, 1)) * 100))
    : null;
  const why =
    upload.lastErrorCode !== null
      ? t(`problems.${upload.lastErrorCode}` as "problems.busy")
      : (upload.lastError ?? "");
  return (
    <li className={`attachment attachment-${upload.state}`} data-upload={upload.id}>
      <span className="attachment-name" data-user-text>
        {upload.fileName}
      </span>{" "}
      <Size bytes={upload.size} />
      <code className="attachment-hash" title={upload.sha256}>
        {upload.sha256}
      </code>
      {upload.state === "failed" ? (
        <span className="attachment-state" role="alert">
          <span className="tag tag-failed">{t("attachments.refused")}</span> {why}{" "}
          <button type="button" onClick={onDismiss}>
            {t("attachments.dismiss")}
          </button>
        </span>
      ) : percent !== null ? (
        <span className="attachment-state">
          <progress
            max={100}
            value={percent}
            aria-label={t("attachments.progressNamed", { name: upload.fileName })}
          />{" "}
          <span className="num">{t("attachments.uploading", { percent })}</span>
        </span>
      ) : (
        <span className="attachment-state">
          <span className="tag tag-pending">{t("attachments.waiting")}</span>
          {upload.lastStatus === 0 ? (
            <span className="muted"> {t("problems.unreachable")}</span>
          ) : null}
        </span>
      )}
    </li>
  );
}

/**
 * The agent's own files on the case: attach one (button, or drop it on the panel; both work from
 * the keyboard through the button), see each upload's progress, or that it waits on this desk
 * for the server, and then the filed attachment with its SHA-256, opened in the evidence viewer.
 * Files are checked against the server's limits and hashed on the desk before anything is sent.
 */
export function AttachmentsPanel({
  detail,
  data,
  canAttach,
  onOpenEvidence,
}: {
  detail: CaseDetail;
  data: AttachmentsData;
  /** The server files an agent's attachment only on a case assigned to them. */
  canAttach: boolean;
  onOpenEvidence(id: string): void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const number = useNumber();
  const uploads = useUploads(data, detail.id);
  const inputRef = useRef<HTMLInputElement>(null);
  const descriptionId = useId();
  const [description, setDescription] = useState("");
  const [message, setMessage] = useState<{ kind: "error" | "info"; text: string } | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [isDragOver, setDragOver] = useState(false);
  // "Being uploaded" / "kept on this desk" is true until the queue is empty, not longer.
  const hasUploads = uploads.length > 0;
  useEffect(() => {
    if (!hasUploads && !isBusy) setMessage((m) => (m?.kind === "info" ? null : m));
  }, [hasUploads, isBusy]);
  const filed = detail.evidence.filter((e) => e.uploadedBy === "agent");

  const refusal = (reason: AttachRefusal) =>
    t(`attachments.reason.${reason}`, { max: number(MAX_MB) });

  const attachFiles = async (files: readonly File[]) => {
    if (!files.length) return;
    setBusy(true);
    setMessage(null);
    try {
      for (const file of files) {
        const result = await data.attach(detail.id, file, file.name, description);
        if (!result.ok) {
          setMessage({ kind: "error", text: `${file.name}: ${refusal(result.reason)}` });
          return;
        }
      }
      setDescription("");
      setMessage({
        kind: "info",
        text: navigator.onLine ? t("attachments.queued") : t("attachments.queuedOffline"),
      });
    } finally {
      setBusy(false);
      if (inputRef.current) inputRef.current.value = "";
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragOver(false);
    if (!canAttach) return;
    void attachFiles([...e.dataTransfer.files]);
  };

  return (
    <section
      className={`attachments ${isDragOver ? "drag-over" : ""}`}
      aria-labelledby="attachments-heading"
      onDragOver={(e) => {
        if (!canAttach || !e.dataTransfer.types.includes("Files")) return;
        e.preventDefault();
        setDragOver(true);
      }}
      onDragLeave={() => setDragOver(false)}
      onDrop={onDrop}
    >
      <h2 id="attachments-heading">{t("attachments.title")}</h2>
      <div className="attach-row">
        <label htmlFor={descriptionId}>{t("attachments.description")}</label>
        <input
          id={descriptionId}
          type="text"
          maxLength={2_000}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <button
          type="button"
          disabled={isBusy || !canAttach}
          onClick={() => inputRef.current?.click()}
        >
          {isBusy ? t("attachments.checking") : t("attachments.attach")}
        </button>
        <input
          ref={inputRef}
          type="file"
          hidden
          multiple
          accept="image/png,image/jpeg,image/webp,application/pdf,text/plain"
          aria-label={t("attachments.attach")}
          onChange={(e) => void attachFiles([...(e.target.files ?? [])])}
        />
        <span className="muted drop-hint">
          {t("attachments.dropHint", { max: number(MAX_MB) })}
        </span>
      </div>
      {message ? (
        <p
          role={message.kind === "error" ? "alert" : "status"}
          className={`attach-${message.kind}`}
        >
          {message.text}
        </p>
      ) : null}
      {uploads.length ? (
        <ul className="attachment-list" aria-label={t("attachments.queueTitle")}>
          {uploads.map((u) => (
            <QueuedRow key={u.id} upload={u} onDismiss={() => void data.dismissUpload(u.id)} />
          ))}
        </ul>
      ) : null}
      {filed.length ? (
        <ul className="attachment-list" aria-label={t("attachments.filedTitle")}>
          {filed.map((e) => (
            <li key={e.id} className="attachment attachment-filed" data-evidence={e.id}>
              <span className="attachment-name" data-user-text>
                {e.fileName}
              </span>{" "}
              <Size bytes={e.size} />{" "}
              <span className="muted">
                · <time dateTime={e.uploadedAt}>{format.dateTime(e.uploadedAt)}</time>
              </span>
              <code className="attachment-hash" title={e.sha256}>
                {e.sha256}
              </code>
              <button
                type="button"
                onClick={() => onOpenEvidence(e.id)}
                aria-label={t("evidence.openNamed", { name: e.fileName })}
              >
                {t("evidence.open")}
              </button>
            </li>
          ))}
        </ul>
      ) : uploads.length ? null : (
        <p className="muted">{t("attachments.none")}</p>
      )}
    </section>
  );
}
