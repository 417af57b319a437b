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
 *
 * Decoded by hand rather than with TextDecoder: this module runs on the server and in the desk
 * (which checks a file before uploading it), and `shared/` is compiled without DOM or Node types.
 * The rules are WHATWG's fatal decoder's: no overlong forms, no surrogates, nothing past U+10FFFF.
 */
function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      const isAllowedControl = lead === 0x09 || lead === 0x0a || lead === 0x0c || lead === 0x0d;
      if ((lead < 0x20 && !isAllowedControl) || lead === 0x7f) return false;
      i += 1;
      continue;
    }
    // Sequence length and the allowed range of the second byte (excludes overlongs/surrogates).
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return false;
    if (i + length > bytes.length) return false;
    const second = bytes[i + 1]!;
    if (second < low || second > high) return false;
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k]!;
      if (next < 0x80 || next > 0xbf) return false;
    }
    i += length;
  }
  return true;
}
