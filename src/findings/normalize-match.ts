/**
 * The form of a finding's matched text used to recognise "the same finding" across audits and in
 * the accepted-findings file: lowercase, whitespace runs collapsed to one space, trimmed.
 * Offsets are deliberately not part of a finding's identity, so an edit elsewhere in a reply
 * does not turn an old finding into a new one.
 */
export function normalizeMatch(text: string | undefined): string {
  return (text ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
}
