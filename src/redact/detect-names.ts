import type { Detection } from './pii-types.js';

// Conservative by design: only a greeting at the start of a line ("Hi Sarah," / "Dear Mr Patel") and
// a sign-off ("Thanks,\nOmar Khan" / "Best, Omar") name a person reliably; names elsewhere are found
// only as repeats of those (see the redaction session), never guessed from capital letters.
const GREETING = /^[ \t]{0,8}(?:hi|hello|hey|dear|good morning|good afternoon|good evening)\b[ \t,]{1,4}/i;
const TITLE = /^(?:mr|mrs|ms|miss|mx|dr|prof)\.?[ \t]{1,4}/i;
const NAME_TOKEN = /^\p{Lu}[\p{L}'’-]{1,30}/u;
const SIGN_OFF =
  /^[ \t]{0,8}(?:thanks|thank you|thanks again|many thanks|thanks so much|best|best wishes|regards|best regards|kind regards|warm regards|warmly|cheers|sincerely|yours sincerely|yours truly|all the best|take care)[ \t]{0,4}([,.!-]|—|–)?[ \t]{0,4}/i;
// After a signature's name: nothing, or a role or company ("Omar Khan, Billing" / "Alex from Northwind").
const SIGNATURE_END = /^(?:[ \t.]{0,4}$|[ \t]{0,4}[,|—–-]|[ \t]{1,4}(?:from|at|@)[ \t])/;
const SIGNATURE_DASH = /^[ \t]{0,8}(?:[-—–~][ \t]{0,4})?/;

/** Words that follow a greeting or stand in a signature without being a person's name. */
const NOT_NAMES = new Set(
  [
    'there', 'team', 'all', 'everyone', 'everybody', 'again', 'folks', 'guys', 'friend', 'friends', 'sir', 'madam', 'customer',
    'customers', 'valued', 'support', 'care', 'service', 'services', 'helpdesk', 'desk', 'bot', 'assistant', 'agent', 'agents',
    'staff', 'crew', 'billing', 'sales', 'success', 'operations', 'engineering', 'the', 'our', 'your', 'you', 'we', 'us', 'and',
    'thanks', 'thank', 'regards', 'best', 'cheers', 'hello', 'hi', 'hey', 'dear', 'please', 'sorry', 'yes', 'no', 'ok', 'okay',
    'good', 'morning', 'afternoon', 'evening', 'admin', 'user', 'member', 'owner', 'manager', 'technical', 'tech', 'account',
    'accounts', 'department', 'partner', 'client', 'colleague', 'colleagues', 'people', 'world', 'human', 'automated', 'sender',
  ].map((w) => w.toLowerCase()),
);

export interface NameOptions {
  /** More words that are never names, e.g. the brand's own ("Northwind"), compared case-insensitively. */
  notNames?: readonly string[];
}

/** Up to three capitalised tokens at `at` separated by single spaces; undefined when none or one is not a name. */
function readName(line: string, at: number, notNames: ReadonlySet<string>): { start: number; end: number } | undefined {
  let end = at;
  let tokens = 0;
  for (;;) {
    const m = NAME_TOKEN.exec(line.slice(end));
    if (!m) break;
    if (notNames.has(m[0].toLowerCase()) || NOT_NAMES.has(m[0].toLowerCase())) return undefined;
    end += m[0].length;
    tokens += 1;
    if (tokens === 3 || line[end] !== ' ' || !NAME_TOKEN.test(line.slice(end + 1))) break;
    end += 1;
  }
  return tokens === 0 ? undefined : { start: at, end };
}

/** Lines of `text` with their offsets (so detections point into the whole text). */
function lines(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    out.push({ text: line, start });
    start += line.length + 1;
  }
  return out;
}

/**
 * Names in greetings and signatures: "Hi Sarah," / "Dear Mr Patel" (the name must end the greeting:
 * punctuation or the end of the line follows), a sign-off line followed by a line that is only a
 * name ("Thanks,\nOmar Khan"), or a sign-off and a name on one line ending it ("Best, Omar").
 */
export function detectNames(text: string, options: NameOptions = {}): Detection[] {
  const notNames = new Set((options.notNames ?? []).map((w) => w.toLowerCase()));
  const found: Detection[] = [];
  const all = lines(text);
  all.forEach((line, index) => {
    const greeting = GREETING.exec(line.text);
    if (greeting) {
      let at = greeting[0].length;
      const title = TITLE.exec(line.text.slice(at));
      if (title) at += title[0].length;
      const name = readName(line.text, at, notNames);
      if (name && /^[ \t]{0,4}(?:[,!.:;—–-]|$)/.test(line.text.slice(name.end))) found.push({ type: 'name', start: line.start + name.start, end: line.start + name.end });
    }
    const signOff = SIGN_OFF.exec(line.text);
    if (!signOff) return;
    const rest = line.text.slice(signOff[0].length);
    if (rest.trim() === '') {
      // The name on the next non-empty line, alone on it.
      const next = all.slice(index + 1, index + 3).find((l) => l.text.trim() !== '');
      if (!next) return;
      const at = SIGNATURE_DASH.exec(next.text)![0].length;
      const name = readName(next.text, at, notNames);
      if (name && SIGNATURE_END.test(next.text.slice(name.end))) found.push({ type: 'name', start: next.start + name.start, end: next.start + name.end });
    } else if (signOff[1] !== undefined) {
      const name = readName(line.text, signOff[0].length, notNames);
      if (name && /^[ \t.!]{0,4}$/.test(line.text.slice(name.end))) found.push({ type: 'name', start: line.start + name.start, end: line.start + name.end });
    }
  });
  return found;
}
