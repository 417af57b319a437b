/**
 * Evidence thumbnails for report PDFs, made in the browser: any image the browser decodes (PNG,
 * JPEG, WebP) is scaled to fit 256 px and re-encoded as JPEG, which pdf-lib embeds as is.
 */
import type { Thumbnail } from "./report-pdf";

const MAX_SIDE = 256;

export async function thumbnailOf(bytes: Uint8Array, mimeType: string): Promise<Thumbnail | null> {
  if (!mimeType.startsWith("image/")) return null;
  const bitmap = await createImageBitmap(
    new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType }),
  );
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = new OffscreenCanvas(
    Math.max(1, Math.round(bitmap.width * scale)),
    Math.max(1, Math.round(bitmap.height * scale)),
  );
  const context = canvas.getContext("2d");
  if (!context) return null;
  context.fillStyle = "#fff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await canvas.convertToBlob({ type: "image/jpeg", quality: 0.8 });
  return { bytes: new Uint8Array(await blob.arrayBuffer()), format: "jpg" };
}
