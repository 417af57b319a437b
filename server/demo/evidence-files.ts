import { createHash } from "node:crypto";
import { receiptImage } from "../simulator/png";

/**
 * Real bytes for the demo's evidence, so every seeded screenshot and statement opens in the
 * evidence viewer and verifies against its sha256. A small pool, built on first use: 100,000 seeded
 * appeals share a few dozen files (content-addressed storage keeps one copy of each).
 */
export interface EvidenceFile {
  bytes: Buffer;
  sha256: string;
}

const SCREENSHOTS = 24;
const STATEMENTS = 8;
const pool = new Map<string, EvidenceFile>();

function file(key: string, make: () => Buffer): EvidenceFile {
  let found = pool.get(key);
  if (!found) {
    const bytes = make();
    found = { bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
    pool.set(key, found);
  }
  return found;
}

export function demoScreenshot(seed: number): EvidenceFile {
  const n = seed % SCREENSHOTS;
  return file(`png:${n}`, () => receiptImage(n * 7_919 + 13, n % 5 !== 0));
}

export function demoStatement(seed: number): EvidenceFile {
  const n = seed % STATEMENTS;
  return file(`pdf:${n}`, () => statementPdf(n));
}

/** Every demo file by hash, for the seed to store once each. */
export function demoEvidenceFiles(): readonly EvidenceFile[] {
  return [...pool.values()];
}

/**
 * A one-page PDF "bank statement" with a few ASCII lines in Helvetica: small, valid (xref offsets
 * computed), and rendered by any viewer.
 */
function statementPdf(n: number): Buffer {
  const lines = [
    "Bank statement (demo)",
    `Account ****${String(4_021 + n * 97).padStart(4, "0")}`,
    "Date        Description                 Amount",
    `2026-11-${String(10 + n).padStart(2, "0")}  Incoming transfer            +${(1_250 + n * 311).toLocaleString("en")}.00`,
    `2026-11-${String(11 + n).padStart(2, "0")}  Card payment                 -${(42 + n * 7).toFixed(2)}`,
  ];
  const text = lines
    .map(
      (line, i) =>
        `BT /F1 ${i === 0 ? 16 : 11} Tf 56 ${780 - i * 22} Td (${line.replace(/[()\\]/g, "\\$&")}) Tj ET`,
    )
    .join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${Buffer.byteLength(text, "latin1")} >>\nstream\n${text}\nendstream`,
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}
