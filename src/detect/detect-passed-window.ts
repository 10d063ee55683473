import type { Detection } from './detection.js';

/** Hours in one unit; working days count as days, since a customer counts days. */
const UNIT_HOURS: Readonly<Record<string, number>> = { minute: 1 / 60, hour: 1, day: 24, week: 168, month: 720, year: 8760 };
const WORD_NUMBERS: Readonly<Record<string, number>> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fourteen: 14, twenty: 20, thirty: 30, 'a couple of': 2, couple: 2, 'a few': 3, few: 3, several: 3 };
const NUMBER = String.raw`(\d+(?:\.\d+)?|a couple of|a few|several|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|twenty|thirty)`;
const UNIT = String.raw`(?:(?:working|business|calendar|full) )?(minute|hour|day|week|month|year)s?`;

/** How long the customer says they have waited: "3 hours ago", "for two weeks", "three days now", "it's been 10 days". */
const ELAPSED = new RegExp(String.raw`\b(?:for|over|after|been|nearly|almost|about|already)?\s*${NUMBER}\s+${UNIT}\s*(?:ago|now|already|later|and (?:still|nothing|no)|since|of waiting)|\b(?:for|over|been|after|nearly|almost)\s+${NUMBER}\s+${UNIT}\b`, 'giu');
/** A window the reply promises: "can take up to 2 hours", "within 5 working days", "usually 3-5 days". */
const WINDOW = new RegExp(String.raw`\b(?:up to|within|takes?|take|taking|usually|normally|typically|generally|allow(?: up to)?|in|around|about|under|less than|no more than)\s+(?:\w+\s+){0,2}?${NUMBER}(?:\s?(?:-|–|to)\s?(\d+))?\s+${UNIT}`, 'giu');
/** The reply already says the wait is too long: then the window is context, not a brush-off. */
const OWNS_DELAY = /\b(?:longer than (?:it |they |this )?(?:should|expected|usual|normal)|overdue|should (?:have|already have) (?:arrived|reached|been|come)|(?:past|beyond|outside|exceeded|over) (?:the|our|that) (?:usual |normal |expected )?(?:window|time|timeframe|time frame)|not normal|isn['’]t normal|that['’]s too long|far too long)\b/iu;

/** The window is a general norm ("can take", "usually", "most payments"), not a promise for this case ("an engineer will be with you within 4 hours"). */
const GENERAL = /\b(?:can|could|may|might|usually|normally|typically|generally|most|often|up to|allow|standard|always)\b/iu;
const PROMISE = /\b(?:will|['’]ll|shall|going to|is booked|are booked)\b/iu;

/** "2 weeks", "3 days", "40 minutes": the wait in the unit a person would say it in. */
function describeWait(hoursWaited: number): string {
  const units: [string, number][] = [['week', 168], ['day', 24], ['hour', 1], ['minute', 1 / 60]];
  const [unit, size] = units.find(([, h]) => hoursWaited >= h) ?? units[units.length - 1]!;
  const n = Math.round((hoursWaited / size) * 10) / 10;
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function hours(count: string, unit: string): number {
  const n = Number.isNaN(Number(count)) ? WORD_NUMBERS[count.toLowerCase()] ?? 1 : Number(count);
  return n * (UNIT_HOURS[unit.toLowerCase()] ?? 0);
}

/**
 * A reply that answers with a time window the customer has already waited out: they say three
 * hours, the reply says payments "can take up to 2 hours". The reply read their message as a
 * fresh question and told them nothing. Only a general norm counts ("can take", "usually"): a
 * promise for this case ("an engineer will be with you within 4 hours") is an answer. Undefined when the reply owns the delay ("longer than it
 * should") or the customer named no wait.
 */
export function detectPassedWindow(reply: string, customer: string): Detection | undefined {
  if (OWNS_DELAY.test(reply)) return undefined;
  let waited = 0;
  for (const m of customer.matchAll(ELAPSED)) {
    const count = m[1] ?? m[3];
    const unit = m[2] ?? m[4];
    if (count !== undefined && unit !== undefined) waited = Math.max(waited, hours(count, unit));
  }
  if (waited === 0) return undefined;
  for (const m of reply.matchAll(WINDOW)) {
    const sentenceStart = Math.max(reply.lastIndexOf('.', m.index), reply.lastIndexOf('!', m.index), reply.lastIndexOf('?', m.index)) + 1;
    const sentence = reply.slice(sentenceStart, m.index + m[0].length);
    if (!GENERAL.test(sentence) || PROMISE.test(sentence)) continue;
    const upper = hours(m[2] ?? m[1]!, m[3]!);
    if (upper > 0 && upper <= waited) return { label: `a usual wait the customer has already waited out (they have waited ${describeWait(waited)})`, evidence: m[0], span: { start: m.index, end: m.index + m[0].length } };
  }
  return undefined;
}
