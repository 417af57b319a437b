/**
 * Case reports as PDF without a browser's print engine: web mode's download and batch exports.
 * Lays out the same `SealedReport` the print view shows, with the report font embedded and
 * subsetted (only the glyphs used travel), so Chinese and Vietnamese read correctly anywhere.
 */
import fontkit from "@pdf-lib/fontkit";
import {
  PDFDocument,
  type PDFDocument as PDFDocumentType,
  type PDFFont,
  type PDFImage,
  type PDFPage,
  rgb,
} from "pdf-lib";
import type { ReportFonts } from "./font-files";
import { subsetTrueType } from "./font-subset";
import {
  canonicalJson,
  type EvidenceItem,
  type FieldRow,
  type ReportBlock,
  type ReportRecord,
  type SealedReport,
  type TableColumn,
} from "./report-model";

export interface Thumbnail {
  bytes: Uint8Array;
  format: "png" | "jpg";
}

/** Gives the thumbnail of an evidence item, or null when there is none (or it cannot be had). */
export type ThumbnailSource = (evidenceId: string) => Promise<Thumbnail | null>;

export interface PdfOptions {
  fonts: ReportFonts;
  thumbnails?: ThumbnailSource;
  /** Called after each report is laid out: (done, total). */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

const PAGE = { width: 595.28, height: 841.89 } as const; // A4 in points
const MARGIN = { left: 44, right: 44, top: 50, bottom: 70 } as const;
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const INK = rgb(0.1, 0.12, 0.16);
const MUTED = rgb(0.38, 0.41, 0.47);
const RULE = rgb(0.78, 0.8, 0.84);
const SHADE = rgb(0.94, 0.95, 0.97);
const SIZE = { title: 17, section: 11.5, body: 8.5, small: 7.5 } as const;
const LINE = 1.38;
const THUMB = 64;

/**
 * fontkit parses a font on every `embedFont`; a 10 MB CJK font costs ~100 ms each time. Parsed fonts
 * are read-only to pdf-lib (each document makes its own subset), so one parse serves every report.
 */
type Fontkit = Parameters<PDFDocumentType["registerFontkit"]>[0];
const parsedFonts = new WeakMap<Uint8Array, ReturnType<Fontkit["create"]>>();
const cachingFontkit: Fontkit = {
  create(buffer, postscriptName) {
    if (postscriptName) return fontkit.create(buffer, postscriptName);
    let font = parsedFonts.get(buffer);
    if (!font) {
      font = fontkit.create(buffer);
      parsedFonts.set(buffer, font);
    }
    return font;
  },
};

/** A CJK ideograph, kana, full-width form or CJK punctuation: a line may break on either side. */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u;
const TOKENS =
  /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]+|[^\S\n]+/gu;

/**
 * OpenType features off: pdf-lib positions glyphs by their advance widths alone (it ignores GPOS),
 * so substitutions would only misplace marks and widen digits. Text is NFC-normalised instead, and
 * the font has precomposed glyphs for every Vietnamese letter.
 */
const NO_FEATURES: Record<string, boolean> = Object.fromEntries(
  [
    "ccmp",
    "locl",
    "calt",
    "liga",
    "clig",
    "rlig",
    "dlig",
    "kern",
    "mark",
    "mkmk",
    "rvrn",
    "palt",
  ].map((feature) => [feature, false]),
);

/** Characters every report may draw besides its own text. */
const ALWAYS = " ?0123456789·—→:/-";

function normalise(text: string): string {
  return text.normalize("NFC").replace(/\r\n?/g, "\n").replace(/\t/g, "  ");
}

/** Embeds the subset of `sfnt` covering `codePoints`; returns the font and what it can draw. */
async function embedSubset(
  doc: PDFDocumentType,
  sfnt: Uint8Array,
  codePoints: ReadonlySet<number>,
): Promise<{ font: PDFFont; covered: ReadonlySet<number> }> {
  const full = cachingFontkit.create(sfnt);
  const mapping = new Map<number, number>();
  for (const code of codePoints) {
    if (full.hasGlyphForCodePoint(code)) mapping.set(code, full.glyphForCodePoint(code).id);
  }
  const covered = new Set(mapping.keys());
  const font = await doc.embedFont(subsetTrueType(sfnt, mapping), {
    subset: false,
    features: NO_FEATURES,
  });
  return { font, covered };
}

class Typesetter {
  private readonly widths = new Map<string, number>();

  constructor(
    readonly regular: PDFFont,
    readonly bold: PDFFont,
    private readonly covered: ReadonlySet<number>,
  ) {}

  /** Characters the font lacks become "?" rather than an empty box. */
  clean(text: string): string {
    let out = "";
    for (const char of normalise(text)) {
      const code = char.codePointAt(0) ?? 0;
      out += char === "\n" || this.covered.has(code) ? char : code < 0x20 ? "" : "?";
    }
    return out;
  }

  width(text: string, font: PDFFont, size: number): number {
    const key = `${font === this.bold ? "b" : "r"}${size}:${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      width = font.widthOfTextAtSize(text, size);
      if (this.widths.size > 20_000) this.widths.clear();
      this.widths.set(key, width);
    }
    return width;
  }

  /** Greedy line breaking: between words, around CJK characters, and inside over-long tokens. */
  wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
    const lines: string[] = [];
    for (const paragraph of this.clean(text).split("\n")) {
      let line = "";
      let lineWidth = 0;
      for (const token of paragraph.match(TOKENS) ?? []) {
        const isSpace = /^\s+$/.test(token);
        const tokenWidth = this.width(token, font, size);
        if (lineWidth + tokenWidth <= maxWidth) {
          if (!(isSpace && line === "")) {
            line += token;
            lineWidth += tokenWidth;
          }
          continue;
        }
        if (isSpace) {
          lines.push(line.trimEnd());
          line = "";
          lineWidth = 0;
          continue;
        }
        if (line !== "" && tokenWidth <= maxWidth) {
          lines.push(line.trimEnd());
          line = token;
          lineWidth = tokenWidth;
          continue;
        }
        // A token longer than the line (a hash, a URL): break it by characters.
        for (const char of token) {
          const charWidth = this.width(char, font, size);
          if (lineWidth + charWidth > maxWidth && line !== "") {
            lines.push(line.trimEnd());
            line = "";
            lineWidth = 0;
          }
          line += char;
          lineWidth += charWidth;
        }
      }
      lines.push(line.trimEnd());
    }
    return lines;
  }
}

/** Lays out one report page after page; the footer is stamped once the page count is known. */
class ReportWriter {
  private page!: PDFPage;
  private y = 0;
  readonly pages: PDFPage[] = [];

  constructor(
    private readonly doc: PDFDocumentType,
    private readonly type: Typesetter,
    private readonly report: SealedReport,
    private readonly images: ReadonlyMap<string, PDFImage>,
  ) {
    this.newPage();
  }

  private newPage(): void {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.pages.push(this.page);
    this.y = PAGE.height - MARGIN.top;
    if (this.pages.length > 1) {
      this.text(`${this.report.reference} — ${this.report.title}`, MARGIN.left, {
        size: SIZE.small,
        color: MUTED,
      });
      this.y -= SIZE.small * LINE + 6;
    }
  }

  /** Makes room for `height` points, starting a new page when this one is full. */
  private ensure(height: number): void {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  private text(
    text: string,
    x: number,
    options: { size?: number; font?: PDFFont; color?: ReturnType<typeof rgb> } = {},
  ): void {
    const size = options.size ?? SIZE.body;
    const font = options.font ?? this.type.regular;
    this.page.drawText(this.type.clean(text), {
      x,
      y: this.y - size,
      size,
      font,
      color: options.color ?? INK,
    });
  }

  private paragraph(
    text: string,
    x: number,
    width: number,
    options: { size?: number; font?: PDFFont; color?: ReturnType<typeof rgb> } = {},
  ): void {
    const size = options.size ?? SIZE.body;
    const font = options.font ?? this.type.regular;
    for (const line of this.type.wrap(text, font, size, width)) {
      this.ensure(size * LINE);
      this.text(line, x, { ...options, size, font });
      this.y -= size * LINE;
    }
  }

  title(): void {
    this.text(this.report.title, MARGIN.left, { size: SIZE.title, font: this.type.bold });
    this.y -= SIZE.title * LINE;
    this.text(`${this.report.reference} · ${this.report.caseId}`, MARGIN.left, {
      size: SIZE.section,
      color: MUTED,
    });
    this.y -= SIZE.section * LINE + 4;
  }

  section(title: string, blocks: readonly ReportBlock[]): void {
    this.ensure(SIZE.section * LINE + 40);
    this.y -= 8;
    this.text(title, MARGIN.left, { size: SIZE.section, font: this.type.bold });
    this.y -= SIZE.section * LINE;
    this.page.drawLine({
      start: { x: MARGIN.left, y: this.y + 2 },
      end: { x: PAGE.width - MARGIN.right, y: this.y + 2 },
      thickness: 0.6,
      color: RULE,
    });
    this.y -= 4;
    for (const block of blocks) this.block(block);
  }

  private block(block: ReportBlock): void {
    switch (block.kind) {
      case "fields":
        this.fields(block.rows, MARGIN.left, CONTENT_WIDTH);
        return;
      case "text":
        this.paragraph(block.text, MARGIN.left, CONTENT_WIDTH, {
          color: block.isNote ? MUTED : INK,
        });
        this.y -= 3;
        return;
      case "table":
        this.table(block.columns, block.rows);
        return;
      case "records":
        for (const record of block.records) this.record(record);
        return;
      case "evidence":
        for (const item of block.items) this.evidence(item);
        return;
    }
  }

  private fields(rows: readonly FieldRow[], x: number, width: number): void {
    const labelWidth = Math.min(130, width * 0.32);
    for (const row of rows) {
      const lines = this.type.wrap(row.value, this.type.regular, SIZE.body, width - labelWidth - 6);
      this.ensure(lines.length * SIZE.body * LINE);
      this.text(row.label, x, { color: MUTED });
      for (const line of lines) {
        this.text(line, x + labelWidth);
        this.y -= SIZE.body * LINE;
      }
    }
    this.y -= 3;
  }

  private record(record: ReportRecord): void {
    this.ensure(SIZE.body * LINE * 3);
    this.y -= 2;
    this.paragraph(record.title, MARGIN.left, CONTENT_WIDTH, { font: this.type.bold });
    this.fields(record.rows, MARGIN.left + 10, CONTENT_WIDTH - 10);
    if (record.text) this.paragraph(record.text, MARGIN.left + 10, CONTENT_WIDTH - 10);
    this.y -= 4;
  }

  private table(columns: readonly TableColumn[], rows: readonly string[][]): void {
    const total = columns.reduce((sum, column) => sum + column.width, 0);
    const widths = columns.map((column) => (column.width / total) * CONTENT_WIDTH);
    const pad = 3;
    const lineHeight = SIZE.small * LINE;
    const drawRow = (cells: readonly string[], font: PDFFont, isHeader: boolean) => {
      const wrapped = cells.map((cell, i) =>
        this.type.wrap(cell, font, SIZE.small, (widths[i] ?? 0) - 2 * pad),
      );
      const height = Math.max(...wrapped.map((lines) => lines.length)) * lineHeight + 2 * pad;
      return { wrapped, height, font, isHeader };
    };
    const header = drawRow(
      columns.map((c) => c.label),
      this.type.bold,
      true,
    );
    const paint = (row: ReturnType<typeof drawRow>) => {
      if (row.isHeader) {
        this.page.drawRectangle({
          x: MARGIN.left,
          y: this.y - row.height,
          width: CONTENT_WIDTH,
          height: row.height,
          color: SHADE,
        });
      }
      let x = MARGIN.left;
      const top = this.y;
      row.wrapped.forEach((lines, i) => {
        this.y = top - pad;
        for (const line of lines) {
          this.text(line, x + pad, { size: SIZE.small, font: row.font });
          this.y -= lineHeight;
        }
        x += widths[i] ?? 0;
      });
      this.y = top - row.height;
      this.page.drawLine({
        start: { x: MARGIN.left, y: this.y },
        end: { x: PAGE.width - MARGIN.right, y: this.y },
        thickness: 0.4,
        color: RULE,
      });
    };
    this.ensure(header.height + lineHeight * 2);
    paint(header);
    for (const cells of rows) {
      const row = drawRow(cells, this.type.regular, false);
      if (this.y - row.height < MARGIN.bottom) {
        this.newPage();
        paint(header);
      }
      paint(row);
    }
    this.y -= 6;
  }

  private evidence(item: EvidenceItem): void {
    const image = this.images.get(item.id);
    const textX = MARGIN.left + (image ? THUMB + 10 : 0);
    const textWidth = CONTENT_WIDTH - (image ? THUMB + 10 : 0);
    this.ensure(Math.max(image ? THUMB + 6 : 0, SIZE.body * LINE * 4));
    const top = this.y;
    if (image) {
      const scale = Math.min(THUMB / image.width, THUMB / image.height);
      const w = image.width * scale;
      const h = image.height * scale;
      this.page.drawRectangle({
        x: MARGIN.left,
        y: top - THUMB,
        width: THUMB,
        height: THUMB,
        borderColor: RULE,
        borderWidth: 0.5,
      });
      this.page.drawImage(image, {
        x: MARGIN.left + (THUMB - w) / 2,
        y: top - THUMB + (THUMB - h) / 2,
        width: w,
        height: h,
      });
    }
    this.paragraph(item.fileName, textX, textWidth, { font: this.type.bold });
    this.paragraph(
      `${item.mimeType} · ${item.size} · ${item.uploadedBy} · ${item.uploadedAt}`,
      textX,
      textWidth,
      { size: SIZE.small, color: MUTED },
    );
    // The hash stays on one line so it can be read (and copied) whole.
    this.paragraph(`SHA-256 ${item.sha256}`, textX, textWidth, { size: SIZE.small });
    if (item.description) this.paragraph(item.description, textX, textWidth, { size: SIZE.small });
    if (image) this.y = Math.min(this.y, top - THUMB);
    this.y -= 8;
  }

  /** Exporter, time, report hash and page number on every page of this report. */
  stampFooters(): void {
    const { footer, hash } = this.report;
    this.pages.forEach((page, index) => {
      const y = MARGIN.bottom - 24;
      const draw = (text: string, x: number, dy: number, font = this.type.regular) =>
        page.drawText(this.type.clean(text), {
          x,
          y: y - dy,
          size: SIZE.small,
          font,
          color: MUTED,
        });
      page.drawLine({
        start: { x: MARGIN.left, y: y + 12 },
        end: { x: PAGE.width - MARGIN.right, y: y + 12 },
        thickness: 0.5,
        color: RULE,
      });
      draw(footer.line, MARGIN.left, 0);
      draw(`${footer.reportHashLabel}: ${hash}`, MARGIN.left, 11);
      draw(footer.contactsNote, MARGIN.left, 22);
      const pageLabel = footer.pageTemplate
        .replace("{n}", String(index + 1))
        .replace("{total}", String(this.pages.length));
      const width = this.type.width(this.type.clean(pageLabel), this.type.regular, SIZE.small);
      draw(pageLabel, PAGE.width - MARGIN.right - width, 0);
    });
  }
}

async function embedThumbnails(
  doc: PDFDocumentType,
  report: SealedReport,
  source: ThumbnailSource | undefined,
): Promise<Map<string, PDFImage>> {
  const images = new Map<string, PDFImage>();
  if (!source) return images;
  for (const section of report.sections) {
    for (const block of section.blocks) {
      if (block.kind !== "evidence") continue;
      for (const item of block.items) {
        if (!item.hasThumbnail) continue;
        const thumbnail = await source(item.id).catch(() => null);
        if (!thumbnail) continue;
        try {
          images.set(
            item.id,
            thumbnail.format === "png"
              ? await doc.embedPng(thumbnail.bytes)
              : await doc.embedJpg(thumbnail.bytes),
          );
        } catch {
          // A corrupt image leaves the item without a preview; its hash still identifies it.
        }
      }
    }
  }
  return images;
}

/**
 * One PDF holding the given reports, each starting on a new page with its own footer and page
 * numbers. Throws the signal's reason when aborted between reports.
 */
export async function renderReportsPdf(
  reports: readonly SealedReport[],
  options: PdfOptions,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(cachingFontkit);
  const codePoints = new Set<number>();
  for (const char of normalise(canonicalJson(reports) + ALWAYS)) {
    codePoints.add(char.codePointAt(0) ?? 0);
  }
  const regular = await embedSubset(doc, options.fonts.regular, codePoints);
  const bold = await embedSubset(doc, options.fonts.bold, codePoints);
  const covered = new Set([...regular.covered].filter((code) => bold.covered.has(code)));
  const type = new Typesetter(regular.font, bold.font, covered);
  const first = reports[0];
  doc.setTitle(
    reports.length === 1 && first ? `${first.title} ${first.reference}` : "Case reports",
  );
  doc.setProducer("Arbiter Desk");
  doc.setCreator("Arbiter Desk");
  if (first) doc.setLanguage(first.language);

  for (const [index, report] of reports.entries()) {
    options.signal?.throwIfAborted();
    const images = await embedThumbnails(doc, report, options.thumbnails);
    const writer = new ReportWriter(doc, type, report, images);
    writer.title();
    for (const section of report.sections) writer.section(section.title, section.blocks);
    writer.stampFooters();
    options.onProgress?.(index + 1, reports.length);
    // Let the page breathe between reports of a long batch.
    if (reports.length > 1) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  options.signal?.throwIfAborted();
  return doc.save();
}

/** True for text the report font can draw: used by tests to prove there is no tofu. */
export function isCjk(char: string): boolean {
  return CJK.test(char);
}
