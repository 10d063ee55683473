/**
 * A finding's message with its matched text appended, unless the message already quotes it
 * (many rule messages use `{{match}}`). Raw text: the caller escapes for its format.
 */
export function describeFinding(finding: { message: string; match?: string }): string {
  const { message, match } = finding;
  if (match === undefined || match === '' || message.includes(match)) return message;
  return `${message} — “${match}”`;
}
