import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

const MIN_ZOOM = 0.5;
const MAX_ZOOM = 4;
const clampZoom = (z: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));

type PdfJs = typeof import("pdfjs-dist");
type PdfDocument = Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>;

let pdfjs: Promise<PdfJs> | null = null;

/**
 * pdf.js, loaded on the first PDF (it is large) with its worker from the app's own origin (a
 * file Vite emits beside the bundle: `worker-src 'self'`, no blob: and no frame). The browser's
 * built-in viewer is no option: the CSP forbids the blob: frame it needs, and Electron runs with
 * plugins off.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= Promise.all([
    import("pdfjs-dist"),
    import("pdfjs-dist/build/pdf.worker.min.mjs?url"),
  ]).then(([lib, worker]) => {
    lib.GlobalWorkerOptions.workerSrc = worker.default;
    return lib;
  });
  return pdfjs;
}

/**
 * A PDF drawn page by page onto a canvas with pdf.js: page through, zoom in and out. Renders the
 * verified bytes the evidence store holds, never a URL, so nothing is fetched twice and nothing
 * unverified is shown.
 */
export function PdfViewer({ bytes, title }: { bytes: Uint8Array; title: string }) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [doc, setDoc] = useState<PdfDocument | null>(null);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const [isRendered, setRendered] = useState(false);

  useEffect(() => {
    let isCurrent = true;
    let task: ReturnType<PdfJs["getDocument"]> | null = null;
    setDoc(null);
    setError(null);
    setPage(1);
    void loadPdfJs()
      .then((lib) => {
        // A copy: pdf.js transfers the buffer to its worker, and the store keeps its bytes.
        task = lib.getDocument({ data: bytes.slice() });
        return task.promise;
      })
      .then((opened) => isCurrent && setDoc(opened))
      .catch((e: unknown) => isCurrent && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      isCurrent = false;
      void task?.destroy();
    };
  }, [bytes]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!doc || !canvas) return;
    let task: { cancel(): void; promise: Promise<void> } | null = null;
    let isCurrent = true;
    setRendered(false);
    void doc.getPage(page).then((pdfPage) => {
      if (!isCurrent) return;
      const ratio = window.devicePixelRatio || 1;
      const viewport = pdfPage.getViewport({ scale: zoom * ratio });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
      canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
      task = pdfPage.render({ canvas, viewport });
      task.promise.then(
        () => isCurrent && setRendered(true),
        () => undefined,
      );
    });
    return () => {
      isCurrent = false;
      task?.cancel();
    };
  }, [doc, page, zoom]);

  if (error) {
    return (
      <p role="alert">
        {t("evidence.pdfFailed")}: {error}
      </p>
    );
  }
  const count = doc?.numPages ?? 0;
  return (
    <div className="pdf-viewer">
      <div className="zoom-controls">
        <button type="button" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
          {t("evidence.previousPage")}
        </button>
        <output aria-label={t("evidence.pageLabel")}>
          {count ? t("evidence.pageOf", { page, count }) : t("common.loading")}
        </output>
        <button type="button" disabled={page >= count} onClick={() => setPage((p) => p + 1)}>
          {t("evidence.nextPage")}
        </button>
        <button type="button" onClick={() => setZoom((z) => clampZoom(z * 1.25))}>
          {t("evidence.zoomIn")}
        </button>
        <button type="button" onClick={() => setZoom((z) => clampZoom(z / 1.25))}>
          {t("evidence.zoomOut")}
        </button>
        <button type="button" onClick={() => setZoom(1)}>
          {t("evidence.resetZoom")}
        </button>
        <output aria-label={t("evidence.zoomLevel")}>{Math.round(zoom * 100)}%</output>
      </div>
      <div className="pdf-page">
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={t("evidence.pdfPageImage", { title, page })}
          data-rendered={isRendered ? "true" : "false"}
        />
      </div>
    </div>
  );
}
