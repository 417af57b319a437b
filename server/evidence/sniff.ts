import type { EvidenceMime } from "@shared/domain/appeal";

/**
 * The type of an upload, from its first bytes only: a file name or a client's Content-Type is
 * whatever the sender says, the magic number is what viewers will actually parse.
 * Returns null for anything outside the accepted kinds (the route answers 415).
 */
export function sniffMime(bytes: Uint8Array): EvidenceMime | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  // RIFF....WEBP
  if (
    starts(0x52, 0x49, 0x46, 0x46) &&
    bytes[8] === 0x57 &&
    bytes[9] === 0x45 &&
    bytes[10] === 0x42 &&
    bytes[11] === 0x50
  )
    return "image/webp";
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return "application/pdf";
  return isPlainText(bytes) ? "text/plain" : null;
}

/**
 * Plain text: valid UTF-8 (BOM allowed) without control characters other than tab, newline,
 * carriage return and form feed. Empty files are not evidence.
 */
function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}
