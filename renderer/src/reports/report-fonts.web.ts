/**
 * The report font in the browser bundle: Noto Sans SC from npm (covers Simplified Chinese,
 * Vietnamese and Latin). Vite emits the files as assets; they are fetched only when a PDF is made,
 * then kept for the session.
 */

import regularUrl from "@openfonts/noto-sans-sc_all/files/noto-sans-sc-all-400.woff?url";
import boldUrl from "@openfonts/noto-sans-sc_all/files/noto-sans-sc-all-700.woff?url";
import { type ReportFonts, woffToSfnt } from "./font-files";

let loading: Promise<ReportFonts> | null = null;

async function load(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The report font could not be loaded (${response.status}).`);
  return woffToSfnt(new Uint8Array(await response.arrayBuffer()));
}

export function loadReportFonts(): Promise<ReportFonts> {
  loading ??= Promise.all([load(regularUrl), load(boldUrl)]).then(([regular, bold]) => ({
    regular,
    bold,
  }));
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
