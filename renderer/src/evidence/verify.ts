/** Lower-case hex sha256 of the bytes, by the browser's own crypto (works offline). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // Copy into a fresh ArrayBuffer: subtle.digest refuses views over SharedArrayBuffer.
  const digest = await crypto.subtle.digest("SHA-256", bytes.slice().buffer);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

export type Verification = "verifying" | "verified" | "mismatch";

/** Whether the downloaded bytes are the ones the server recorded when the evidence was filed. */
export async function verifyEvidence(bytes: Uint8Array, expected: string): Promise<Verification> {
  return (await sha256Hex(bytes)) === expected.toLowerCase() ? "verified" : "mismatch";
}
