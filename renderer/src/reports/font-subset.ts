/**
 * A small TrueType subsetter for report PDFs: the 10 MB CJK font shrinks to the few hundred glyphs
 * a report uses (tens of KB), which pdf-lib then embeds whole.
 *
 * Why not fontkit's own subsetter (pdf-lib `subset: true`)? With Noto Sans SC it drops outlines:
 * the PDF extracts fine but most characters print blank. This one is simple enough to check by
 * hand, and the e2e test looks at the rendered pages.
 */

interface TableRecord {
  tag: string;
  offset: number;
  length: number;
}

/** Tables a PDF renderer never reads (layout, vertical metrics, signatures). */
const DROPPED = new Set([
  "GSUB",
  "GPOS",
  "GDEF",
  "BASE",
  "STAT",
  "vmtx",
  "vhea",
  "DSIG",
  "hdmx",
  "LTSH",
  "VDMX",
  "kern",
]);

const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

function readTables(font: Uint8Array): Map<string, TableRecord> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const count = view.getUint16(4);
  const tables = new Map<string, TableRecord>();
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(...font.subarray(at, at + 4));
    tables.set(tag, { tag, offset: view.getUint32(at + 8), length: view.getUint32(at + 12) });
  }
  return tables;
}

function checksum(bytes: Uint8Array): number {
  const padded = new Uint8Array((bytes.byteLength + 3) & ~3);
  padded.set(bytes);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.byteLength; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

/**
 * The subset of a TrueType (glyf) font for `codePoints`: the glyphs `cmap` maps them to, the
 * components of composite glyphs, and .notdef, renumbered from 0 in the order of their old ids.
 * Rewritten: glyf, loca (long), hmtx, cmap (one format-12 table), post (version 3, no names),
 * maxp.numGlyphs, hhea.numberOfHMetrics, head.indexToLocFormat. Layout tables are dropped.
 */
export function subsetTrueType(font: Uint8Array, mapping: ReadonlyMap<number, number>): Uint8Array {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = readTables(font);
  const table = (tag: string) => {
    const record = tables.get(tag);
    if (!record) throw new Error(`Not a TrueType font with glyf outlines: no ${tag} table.`);
    return record;
  };
  const head = table("head");
  const maxp = table("maxp");
  const loca = table("loca");
  const glyf = table("glyf");
  const hhea = table("hhea");
  const hmtx = table("hmtx");
  const post = table("post");
  const numGlyphs = view.getUint16(maxp.offset + 4);
  const numHMetrics = view.getUint16(hhea.offset + 34);
  const isLongLoca = view.getInt16(head.offset + 50) === 1;
  const locaAt = (gid: number) =>
    isLongLoca ? view.getUint32(loca.offset + gid * 4) : view.getUint16(loca.offset + gid * 2) * 2;

  /** Offsets (from the glyph's start) of each component's glyph index in a composite glyph. */
  const componentsOf = (gid: number): { at: number; gid: number }[] => {
    const start = locaAt(gid);
    if (locaAt(gid + 1) - start < 10) return [];
    const base = glyf.offset + start;
    if (view.getInt16(base) >= 0) return [];
    const found: { at: number; gid: number }[] = [];
    let p = 10;
    for (;;) {
      const flags = view.getUint16(base + p);
      found.push({ at: p + 2, gid: view.getUint16(base + p + 2) });
      p += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
      if (flags & WE_HAVE_A_SCALE) p += 2;
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) p += 4;
      else if (flags & WE_HAVE_A_TWO_BY_TWO) p += 8;
      if (!(flags & MORE_COMPONENTS)) return found;
    }
  };

  const keep = new Set<number>([0]);
  const pending = [...mapping.values()];
  while (pending.length) {
    const gid = pending.pop() as number;
    if (gid < 0 || gid >= numGlyphs || keep.has(gid)) continue;
    keep.add(gid);
    for (const component of componentsOf(gid)) pending.push(component.gid);
  }
  const order = [...keep].sort((a, b) => a - b);
  const newId = new Map(order.map((gid, index) => [gid, index]));

  // glyf + loca, with component references renumbered.
  let glyfSize = 0;
  for (const gid of order) glyfSize += (locaAt(gid + 1) - locaAt(gid) + 3) & ~3;
  const newGlyf = new Uint8Array(glyfSize);
  const glyfView = new DataView(newGlyf.buffer);
  const newLoca = new Uint8Array((order.length + 1) * 4);
  const locaView = new DataView(newLoca.buffer);
  let cursor = 0;
  order.forEach((gid, index) => {
    locaView.setUint32(index * 4, cursor);
    const start = locaAt(gid);
    const end = locaAt(gid + 1);
    newGlyf.set(font.subarray(glyf.offset + start, glyf.offset + end), cursor);
    for (const component of componentsOf(gid)) {
      glyfView.setUint16(cursor + component.at, newId.get(component.gid) ?? 0);
    }
    cursor += (end - start + 3) & ~3;
  });
  locaView.setUint32(order.length * 4, cursor);

  // hmtx: every glyph gets a long metric (simplest, and a few hundred glyphs cost little).
  const newHmtx = new Uint8Array(order.length * 4);
  const hmtxView = new DataView(newHmtx.buffer);
  order.forEach((gid, index) => {
    const long = Math.min(gid, numHMetrics - 1);
    hmtxView.setUint16(index * 4, view.getUint16(hmtx.offset + long * 4));
    hmtxView.setInt16(
      index * 4 + 2,
      gid < numHMetrics
        ? view.getInt16(hmtx.offset + gid * 4 + 2)
        : view.getInt16(hmtx.offset + numHMetrics * 4 + (gid - numHMetrics) * 2),
    );
  });

  // cmap: one Windows/UCS-4 subtable, format 12, one group per run of consecutive code points.
  const pairs = [...mapping]
    .filter(([, gid]) => newId.has(gid))
    .map(([code, gid]) => [code, newId.get(gid) ?? 0] as const)
    .sort((a, b) => a[0] - b[0]);
  const groups: [number, number, number][] = [];
  for (const [code, gid] of pairs) {
    const last = groups.at(-1);
    if (last && code === last[1] + 1 && gid === last[2] + (code - last[0])) last[1] = code;
    else groups.push([code, code, gid]);
  }
  const newCmap = new Uint8Array(12 + 16 + groups.length * 12);
  const cmapView = new DataView(newCmap.buffer);
  cmapView.setUint16(2, 1); // one encoding record
  cmapView.setUint16(4, 3); // Windows
  cmapView.setUint16(6, 10); // UCS-4
  cmapView.setUint32(8, 12);
  cmapView.setUint16(12, 12); // format 12
  cmapView.setUint32(16, 16 + groups.length * 12);
  cmapView.setUint32(24, groups.length);
  groups.forEach(([from, to, gid], i) => {
    cmapView.setUint32(28 + i * 12, from);
    cmapView.setUint32(32 + i * 12, to);
    cmapView.setUint32(36 + i * 12, gid);
  });

  const patched = (record: TableRecord, patch: (data: DataView) => void) => {
    const data = font.slice(record.offset, record.offset + record.length);
    patch(new DataView(data.buffer));
    return data;
  };
  const replaced = new Map<string, Uint8Array>([
    ["glyf", newGlyf],
    ["loca", newLoca],
    ["hmtx", newHmtx],
    ["cmap", newCmap],
    [
      "head",
      patched(head, (d) => {
        d.setUint32(8, 0); // checkSumAdjustment: recomputed below
        d.setInt16(50, 1); // long loca
      }),
    ],
    ["maxp", patched(maxp, (d) => d.setUint16(4, order.length))],
    ["hhea", patched(hhea, (d) => d.setUint16(34, order.length))],
    [
      "post",
      (() => {
        const data = font.slice(post.offset, post.offset + 32);
        new DataView(data.buffer).setUint32(0, 0x00030000); // no glyph names
        return data;
      })(),
    ],
  ]);

  const out: { tag: string; data: Uint8Array }[] = [];
  for (const record of [...tables.values()].sort((a, b) => (a.tag < b.tag ? -1 : 1))) {
    if (DROPPED.has(record.tag)) continue;
    out.push({
      tag: record.tag,
      data: replaced.get(record.tag) ?? font.subarray(record.offset, record.offset + record.length),
    });
  }

  const headerSize = 12 + out.length * 16;
  const total = out.reduce((sum, t) => sum + ((t.data.byteLength + 3) & ~3), headerSize);
  const result = new Uint8Array(total);
  const resultView = new DataView(result.buffer);
  resultView.setUint32(0, view.getUint32(0));
  resultView.setUint16(4, out.length);
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= out.length) entrySelector++;
  const searchRange = 2 ** entrySelector * 16;
  resultView.setUint16(6, searchRange);
  resultView.setUint16(8, entrySelector);
  resultView.setUint16(10, out.length * 16 - searchRange);
  let offset = headerSize;
  let headOffset = 0;
  out.forEach((entry, i) => {
    const record = 12 + i * 16;
    for (let k = 0; k < 4; k++) result[record + k] = entry.tag.charCodeAt(k);
    resultView.setUint32(record + 4, checksum(entry.data));
    resultView.setUint32(record + 8, offset);
    resultView.setUint32(record + 12, entry.data.byteLength);
    result.set(entry.data, offset);
    if (entry.tag === "head") headOffset = offset;
    offset += (entry.data.byteLength + 3) & ~3;
  });
  resultView.setUint32(headOffset + 8, (0xb1b0afba - checksum(result)) >>> 0);
  return result;
}
