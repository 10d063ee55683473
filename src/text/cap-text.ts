/**
 * Upper bound on how much of one text the rule engine inspects, in UTF-16 code units.
 * Support replies are a few hundred characters; the cap exists so that a pathological record
 * (a pasted log, a runaway generation) cannot make every regex in the guide crawl over megabytes.
 * Rules see only the first `MAX_CHECKED_CHARS` of a reply or customer message; findings beyond
 * it are not reported. {@link capText} tells the caller whether it cut.
 */
export const MAX_CHECKED_CHARS = 20_000;

/** The first `max` UTF-16 code units of `text`, never splitting a surrogate pair. */
export function capText(text: string, max: number = MAX_CHECKED_CHARS): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  // A high surrogate as the last unit would leave half an emoji behind.
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return text.slice(0, end);
}
