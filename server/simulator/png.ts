import { deflateSync } from "node:zlib";

/**
 * A minimal PNG encoder (8-bit RGB, no filtering) for the simulator's evidence images: enough to
 * produce real, viewable files whose bytes the server sniffs and hashes like any upload.
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export type Rgb = readonly [number, number, number];

/** An RGB raster; `pixel(x, y)` paints it. */
export function encodePng(
  width: number,
  height: number,
  pixel: (x: number, y: number) => Rgb,
): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      raw[row + 1 + x * 3] = r;
      raw[row + 2 + x * 3] = g;
      raw[row + 3 + x * 3] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

/**
 * A stylised "payment screenshot": an app bar, a card with text-like bars whose lengths come from
 * `seed`, and a status stripe (green for "success", red for "failed"). Same seed, same bytes.
 */
export function receiptImage(seed: number, success: boolean): Buffer {
  const width = 240;
  const height = 360;
  const bars = Array.from(
    { length: 8 },
    (_, i) => 60 + (((seed * (i + 7) * 2_654_435_761) >>> 0) % 140),
  );
  const accent: Rgb = [20 + (seed % 60), 90 + (seed % 100), 200];
  return encodePng(width, height, (x, y) => {
    if (y < 40) return accent;
    if (y >= 300 && y < 320 && x >= 20 && x < 220) return success ? [40, 170, 90] : [210, 60, 60];
    const inCard = x >= 16 && x < 224 && y >= 60 && y < 280;
    if (!inCard) return [242, 244, 247];
    const line = Math.floor((y - 76) / 24);
    const inLine = y >= 76 && (y - 76) % 24 < 10 && line >= 0 && line < bars.length;
    if (inLine && x >= 32 && x < 32 + (bars[line] as number)) return [60, 64, 72];
    return [255, 255, 255];
  });
}
