import type { Evidence } from "@shared/domain/appeal";
import { type PointerEvent, useEffect, useRef, useState, type WheelEvent } from "react";
import { useTranslation } from "react-i18next";
import { useStore } from "zustand";
import { useFormatters } from "../i18n/format";
import type { EvidenceStore, LoadedEvidence } from "./evidence-store";
import { PdfViewer } from "./pdf-viewer";

const MIN_ZOOM = 0.25;
const MAX_ZOOM = 8;
const clampZoom = (z: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));

/** An image with zoom (buttons, wheel, +/-) and pan (drag, arrow keys). */
export function ZoomableImage({ src, alt }: { src: string; alt: string }) {
  const { t } = useTranslation();
  const [zoom, setZoom] = useState(1);
  const [offset, setOffset] = useState({ x: 0, y: 0 });
  const drag = useRef<{ x: number; y: number } | null>(null);
  const reset = () => {
    setZoom(1);
    setOffset({ x: 0, y: 0 });
  };
  const onWheel = (e: WheelEvent) => setZoom((z) => clampZoom(z * (e.deltaY < 0 ? 1.2 : 1 / 1.2)));
  const onPointerDown = (e: PointerEvent) => {
    drag.current = { x: e.clientX - offset.x, y: e.clientY - offset.y };
    e.currentTarget.setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent) => {
    if (drag.current) setOffset({ x: e.clientX - drag.current.x, y: e.clientY - drag.current.y });
  };
  const pan = (dx: number, dy: number) => setOffset((o) => ({ x: o.x + dx, y: o.y + dy }));
  return (
    <div className="zoomable">
      <div className="zoom-controls">
        <button type="button" onClick={() => setZoom((z) => clampZoom(z * 1.25))}>
          {t("evidence.zoomIn")}
        </button>
        <button type="button" onClick={() => setZoom((z) => clampZoom(z / 1.25))}>
          {t("evidence.zoomOut")}
        </button>
        <button type="button" onClick={reset}>
          {t("evidence.resetZoom")}
        </button>
        <output aria-label={t("evidence.zoomLevel")}>{Math.round(zoom * 100)}%</output>
      </div>
      <button
        type="button"
        className="zoom-frame"
        title={t("evidence.panHint")}
        onWheel={onWheel}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => {
          drag.current = null;
        }}
        onKeyDown={(e) => {
          const step = 40;
          if (e.key === "ArrowLeft") pan(step, 0);
          else if (e.key === "ArrowRight") pan(-step, 0);
          else if (e.key === "ArrowUp") pan(0, step);
          else if (e.key === "ArrowDown") pan(0, -step);
          else if (e.key === "+" || e.key === "=") setZoom((z) => clampZoom(z * 1.25));
          else if (e.key === "-") setZoom((z) => clampZoom(z / 1.25));
          else if (e.key === "0") reset();
          else return;
          e.preventDefault();
          e.stopPropagation();
        }}
      >
        <img
          src={src}
          alt={alt}
          draggable={false}
          style={{ transform: `translate(${offset.x}px, ${offset.y}px) scale(${zoom})` }}
        />
      </button>
    </div>
  );
}

export function VerificationBadge({ item }: { item: LoadedEvidence | undefined }) {
  const { t } = useTranslation();
  if (!item || item.status === "loading") {
    return <span className="verify verify-pending">{t("evidence.verifying")}</span>;
  }
  if (item.status === "error")
    return <span className="verify verify-error">{t("evidence.loadFailed")}</span>;
  return item.verification === "verified" ? (
    <span className="verify verify-ok" data-verification="verified">
      <span aria-hidden="true">✔ </span>
      {t("evidence.verified")}
    </span>
  ) : (
    <span className="verify verify-bad" data-verification="mismatch" role="alert">
      <span aria-hidden="true">✖ </span>
      {t("evidence.mismatch")}
    </span>
  );
}

/** One evidence item rendered by kind: image, PDF (pdf.js onto a canvas), or text. */
export function EvidencePane({
  evidence,
  item,
  onRetry,
}: {
  evidence: Evidence;
  item: LoadedEvidence | undefined;
  onRetry(): void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <figure className="evidence-pane" aria-label={evidence.fileName}>
      <figcaption>
        <strong>{evidence.fileName}</strong>
        <span className="muted">
          {" "}
          · {t(`author.${evidence.uploadedBy}`)} · {format.dateTime(evidence.uploadedAt)}
        </span>
        <div className="hash">
          <span>SHA-256 </span>
          <code title={evidence.sha256}>{evidence.sha256.slice(0, 16)}…</code>{" "}
          <VerificationBadge item={item} />
        </div>
        {evidence.description ? <p className="muted">{evidence.description}</p> : null}
      </figcaption>
      {!item || item.status === "loading" ? (
        <p className="muted">{t("common.loading")}</p>
      ) : item.status === "error" ? (
        <p role="alert">
          {t("evidence.loadFailed")}: {item.error}{" "}
          <button type="button" onClick={onRetry}>
            {t("evidence.retry")}
          </button>
        </p>
      ) : evidence.mimeType === "application/pdf" ? (
        item.bytes ? (
          <PdfViewer bytes={item.bytes} title={evidence.fileName} />
        ) : null
      ) : evidence.mimeType === "text/plain" ? (
        <pre className="evidence-text">{item.text}</pre>
      ) : item.url ? (
        <ZoomableImage src={item.url} alt={evidence.description || evidence.fileName} />
      ) : null}
    </figure>
  );
}

/** The viewer: one item, or two side by side for comparison. Loads what it shows. */
export function EvidenceViewer({
  store,
  evidence,
}: {
  store: EvidenceStore;
  evidence: readonly Evidence[];
}) {
  const { t } = useTranslation();
  const { items, shown, load, retry, show } = useStore(store);
  const visible = shown
    .map((id) => evidence.find((e) => e.id === id))
    .filter((e): e is Evidence => e !== undefined);
  useEffect(() => {
    for (const e of visible) void load(e);
  }, [visible, load]);
  if (!visible.length) return null;
  return (
    <section
      className={`evidence-viewer ${visible.length > 1 ? "compare" : ""}`}
      aria-label={visible.length > 1 ? t("evidence.compareTitle") : t("evidence.viewerTitle")}
    >
      <div className="viewer-bar">
        <h3>{visible.length > 1 ? t("evidence.compareTitle") : t("evidence.viewerTitle")}</h3>
        <button type="button" onClick={() => show([])}>
          {t("common.close")}
        </button>
      </div>
      <div className="viewer-panes">
        {visible.map((e) => (
          <EvidencePane key={e.id} evidence={e} item={items[e.id]} onRetry={() => void retry(e)} />
        ))}
      </div>
    </section>
  );
}
