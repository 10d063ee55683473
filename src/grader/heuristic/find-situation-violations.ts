import type { Finding, Span } from '../../types.js';
import { DEFAULT_ACRONYMS, findAllCapsWords, findExclamations, findUnfamiliarAcronyms } from '../../text/tone-markers.js';
import { detectSettlement } from '../../detect/detect-settlement.js';
import type { Cue } from '../../types.js';
import type { ScoringContext } from './scoring-context.js';
import type { ScorerKind } from './select-scorer.js';
import { findRareWords } from './find-rare-words.js';
import { readCommonWords } from './read-common-words.js';

/** Unexplained abbreviations the customer did not use; at this many (and this dense) the reply needs translating. */
export const JARGON_ACRONYMS = 2;
const NAMES_A_TIME = /\d|\b(?:today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/iu;
/**
 * Trade words outside everyday English (see `find-rare-words.ts`) that make a reply jargon. Chosen
 * on the labelled sets the detectors were built on (dev fit half, independent sets 1–4, the fit half
 * of set 5): three or more flagged 8 of 24 jargon replies and 3 of 364 good ones; two flagged 15 and 13.
 */
export const JARGON_RARE_WORDS = 3;
/** ...and at least this share of the reply's words, unless there are this many (three codes to look up are too many in any reply). */
const JARGON_DENSITY = 0.07;
const JARGON_ACRONYMS_AT_ANY_DENSITY = 3;

/** Shouted capitals words, or exclamation marks, at which a reply reads as shouting. */
export const SHOUTED_WORDS = 3;
export const EXCLAMATIONS = 3;

/** Three or more apologies read as grovelling in place of help. */
export const OVER_APOLOGY_COUNT = 3;

function violation(ruleId: string, message: string, reply: string, span?: Span): Finding {
  const match = span ? reply.slice(span.start, span.end) : undefined;
  return {
    ruleId,
    kind: 'grader',
    severity: 'error',
    message,
    ...(span && match ? { match, span: { ...span } } : {}),
    origin: 'grader',
  };
}

/**
 * Drift the situation shows, not one phrase: an upset customer whose feelings the reply never
 * acknowledges, a cold refusal or bare answer, a hedge instead of an answer, a question asking for
 * a time, an amount or a yes/no left without one, a usual wait quoted to someone who has waited
 * longer, a pile of apologies,
 * a string of abbreviations the customer never used, and a stock apology or a pointer elsewhere
 * standing in for help. Each is drift under the
 * labelling policy, so each is an error-level grader violation.
 */
export function findSituationViolations(ctx: ScoringContext): Finding[] {
  const { situation, reply, hits } = ctx;
  const text = reply.text;
  const found: Finding[] = [];
  const { distress, acknowledgement, answer, cold, handoff } = situation;
  if (ctx.customer !== undefined && distress.level > 0 && acknowledgement.sincere === undefined) {
    const signs = [...new Set(distress.signs.map((s) => s.evidence))].slice(0, 2).map((e) => `“${e}”`).join(', ');
    found.push(violation('heuristic/no-empathy', `The customer is upset or under pressure (${signs}) and the reply never acknowledges it`, text));
  }
  if (cold !== undefined) found.push(violation('heuristic/cold', `Cold: ${cold.label}: “${cold.evidence}”`, text, cold.span));
  const answered = answer.answer !== undefined || ctx.instructions.length > 0 || hits.nextStep.length > 0;
  // "Hard to say… we'll keep you posted": a promise of news with no time is no answer beside a hedge.
  const onlyPromisesNews = answer.answer?.label === 'what happens next' && ctx.instructions.length === 0 && !NAMES_A_TIME.test(text);
  // A handoff "when there's news" is a hedge too: only one that says when counts as an answer.
  if (answer.vague !== undefined && answer.noneNeeded === undefined && (!answered || onlyPromisesNews) && (handoff === undefined || !handoff.saysWhen)) {
    found.push(violation('heuristic/vague', `Vague: a hedge instead of an answer: “${answer.vague.evidence}”`, text, answer.vague.span));
  }
  // "When…?" answered with no time, "how much…?" with no amount, "does it work with X?" with neither a yes/no nor X.
  if (situation.unanswered !== undefined) {
    found.push(violation('heuristic/unanswered', `Leaves the question unanswered: ${situation.unanswered.label} (“${situation.unanswered.evidence.slice(0, 100)}”)`, text));
  }
  // "Payments can take up to 2 hours" to someone who has waited three: the message was read as a fresh question.
  if (situation.passedWindow !== undefined) {
    const passed = situation.passedWindow;
    found.push(violation('heuristic/window-passed', `Quotes ${passed.label}: “${passed.evidence}”`, text, passed.span));
  }
  // Grovelling replaces help: three apologies with no answer, or four whatever else the reply does.
  if (acknowledgement.apologies >= OVER_APOLOGY_COUNT && (!answered || acknowledgement.apologies > OVER_APOLOGY_COUNT)) {
    found.push(violation('heuristic/over-apology', `Over-apologises: ${acknowledgement.apologies} apologies in one reply`, text));
  }
  const shouted = findAllCapsWords(text);
  const exclamations = findExclamations(text).length;
  if (shouted.length >= SHOUTED_WORDS || exclamations >= EXCLAMATIONS) {
    const first = shouted[0];
    found.push(violation('heuristic/shouting', `Shouting: ${shouted.length} words in capitals, ${exclamations} exclamation mark(s)`, text, first));
  }
  // Slang and emoji are a register choice for a calm chat, and a clash with someone upset.
  if (hits.slang.length > 0 && distress.level > 0) {
    const first = hits.slang[0]!;
    found.push(violation('heuristic/over-casual', `Over-casual with an upset customer: “${first.text}”`, text, first.span));
  }
  // Discretionary money is a person's decision: a bot that grants it has skipped the handoff.
  const settlement = handoff === undefined ? detectSettlement(text) : undefined;
  if (settlement !== undefined) found.push(violation('heuristic/settles-claim', `Settles a claim itself (${settlement.label}): “${settlement.evidence}”; a person decides compensation`, text, settlement.span));
  const customerWords = new Set((ctx.customer?.text ?? '').toUpperCase().split(/[^\p{L}\p{N}]+/u));
  // A customer who writes in acronyms reads the technical ones (API, DNS); one who does not may not.
  const technicalCustomer = findUnfamiliarAcronyms(ctx.customer?.text ?? '').length > 0;
  const candidates = findUnfamiliarAcronyms(text, technicalCustomer ? undefined : new Set());
  // Built only when the reply has an acronym to check: most replies have none.
  const spelledOut = candidates.length > 0 ? initialsOf(ctx.customer?.text ?? '') : new Set<string>();
  const acronyms = candidates.filter((a) => !customerWords.has(a) && !spelledOut.has(a) && !(technicalCustomer && DEFAULT_ACRONYMS.includes(a)));
  const rare = findRareWords(text, ctx.customer?.text ?? '', readCommonWords());
  if (acronyms.length >= JARGON_ACRONYMS && (acronyms.length >= JARGON_ACRONYMS_AT_ANY_DENSITY || acronyms.length / Math.max(1, reply.wordCount) >= JARGON_DENSITY)) {
    found.push(violation('heuristic/jargon', `Jargon: ${acronyms.length} unexplained abbreviations (${acronyms.slice(0, 4).join(', ')})`, text));
  } else if (rare.length >= JARGON_RARE_WORDS) {
    found.push(violation('heuristic/jargon', `Jargon: ${rare.length} words the customer did not use and everyday English rarely does (${rare.slice(0, 4).join(', ')})`, text));
  }
  // A pointer to the website counts only when the reply picks up none of the question's words.
  const pointer = situation.engagement.questionMissed === true ? hits.pointer[0] : undefined;
  const stock = acknowledgement.boilerplate[0] ?? hits.deflection[0] ?? hits.formLetter[0] ?? pointer;
  if (stock !== undefined && acknowledgement.sincere === undefined && handoff === undefined && (!answered || hits.deflection.length > 0 || stock === pointer)) {
    const span = 'span' in stock ? stock.span : undefined;
    found.push(violation('heuristic/canned', `Canned: boilerplate in place of help: “${'evidence' in stock ? stock.evidence : stock.text}”`, text, span));
  }
  return found;
}

/**
 * The initials of every run of 2–5 consecutive words of `text`, upper-case: an abbreviation the
 * customer spelled out themselves ("statutory sick pay" → SSP) is one they can read.
 */
export function initialsOf(text: string): Set<string> {
  const letters = [...text.matchAll(/\p{L}[\p{L}'’-]*/gu)].map((m) => m[0][0]!.toUpperCase());
  const out = new Set<string>();
  for (let i = 0; i < letters.length; i++) {
    for (let n = 2; n <= 5 && i + n <= letters.length; n++) out.add(letters.slice(i, i + n).join(''));
  }
  return out;
}

/**
 * How each situation finding bears on the dimensions, so a reply that drifts also scores like one
 * (a cold refusal is low on empathy and tone, jargon on clarity). Findings whose own scorer already
 * counts them (no-empathy in empathy and tone match, vague in clarity) are not counted twice.
 */
const DIMENSION_EFFECTS: Readonly<Record<string, Partial<Record<ScorerKind, number>>>> = {
  'heuristic/cold': { empathy: -1.2, tone: -1, voice: -0.7 },
  'heuristic/canned': { empathy: -1, listening: -1, clarity: -0.8, voice: -0.7 },
  'heuristic/vague': { listening: -0.5 },
  'heuristic/jargon': { clarity: -1.5, tone: -0.5 },
  'heuristic/shouting': { tone: -1.2, voice: -1.5 },
  'heuristic/over-casual': { tone: -1.5, voice: -1 },
  'heuristic/over-apology': { voice: -1, clarity: -0.5, tone: -0.5 },
};

/** The score cues for one dimension kind from the situation findings of a reply. */
export function situationCues(findings: readonly Finding[], kind: ScorerKind): Cue[] {
  const cues: Cue[] = [];
  for (const finding of findings) {
    const effect = DIMENSION_EFFECTS[finding.ruleId]?.[kind];
    if (effect !== undefined) cues.push({ label: finding.ruleId.replace('heuristic/', ''), effect, ...(finding.match ? { evidence: finding.match } : {}) });
  }
  return cues;
}
