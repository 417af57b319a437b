/** Hands a file to the user: a download in a browser; Electron shows its save dialog for it. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download has taken its copy by then.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `cases-2026-03-10T0200.csv`: sortable, no characters a file system refuses. */
export function exportFileName(stem: string, extension: string, at = new Date()): string {
  const stamp = at.toISOString().slice(0, 16).replace(":", "");
  return `${stem}-${stamp}.${extension}`;
}
