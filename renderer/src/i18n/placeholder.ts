/**
 * A translated text with one value left open, turned into a plain function once per language:
 * `fill(t("queue.selectRow", { reference: PLACEHOLDER }))("AP-000123")`.
 *
 * Why: i18next's `t()` with interpolation costs tens of microseconds a call (key resolution,
 * plural and context checks, interpolation), and a keystroke that replaces the queue's rows calls
 * it for every cell that names a value. Splitting the text once keeps the wording, placeholder
 * position included, to the catalogue.
 */
export const PLACEHOLDER = "\u0000";

export function fill(translated: string): (value: string) => string {
  const parts = translated.split(PLACEHOLDER);
  return (value) => parts.join(value);
}
