import { contentStems, stemWord } from '../detect-engagement.js';
import type { IndexedTurn } from './read-conversation.js';

/**
 * A customer's report of something already done: a first-person subject and a completed action
 * ("I've already restarted it", "I tried clearing the cache", "we did a factory reset", "I
 * unplugged it twice"), not negated ("I haven't tried…") and not a state ("I already know").
 * The action needs a sign it was an attempt: "already", "tried", "done", "did", or a count.
 */
const SUBJECT_ACTION = /\b(?:i|we)(?:['’]ve|['’]d| have| had)?\s+(?:(?:already|just|also|even|both|then)\s+)*(\p{L}+)/giu;
const PAST_IRREGULAR = new Set(['done', 'did', 'tried', 'sent', 'made', 'put', 'reset', 'set', 'run', 'ran', 'taken', 'took', 'given', 'gave', 'rebuilt', 'reinstalled', 'got', 'gone', 'went', 'read', 'rung', 'rang', 'paid', 'kept', 'left', 'cut', 'shut', 'swapped', 're-entered']);
const ATTEMPT = /\b(?:already|tried|done|did|twice|again|several times|multiple times|a few times|\d+ times|every time)\b/iu;
const NEGATED = /\b(?:not|never|no longer)\b|n['’]t\b/iu;
const CLAUSE_END = /\b(?:but|so|because|although|though|yet|and (?:it|nothing|still))\b|[,;:]/iu;

/** Words after which the next word is the suggested action ("try unplugging", "you can restart"). */
const BEFORE_ACTION = /\b(?:try|tried|please|then|and|to|can|could|should|might|may|must|just|first|also)\s*$/iu;
/** A suggestion: "try…", "have you tried…", "please…", "you could…", "make sure…", a request, or an imperative. */
const SUGGESTION = /\b(?:try|tried|please|make sure|you (?:could|can|may|might|should|need to|will need to)|could you|can you|would you|i(?:['’]d| would)? (?:suggest|recommend)|start by)\b/iu;

/** Stems too general to tie a suggestion to a step. */
const GENERIC = new Set(['again', 'twice', 'app', 'time', 'minute', 'second', 'hour', 'way', 'step', 'option', 'thing', 'problem', 'issue', 'work', 'try', 'tri', 'done', 'did', 'already', 'sever', 'multip', 'few']);

interface DoneReport {
  index: number;
  /** Stems of the clause, and the stem of its first word after the marker (the action). */
  stems: Set<string>;
  action?: string;
}

function doneReports(turn: IndexedTurn): DoneReport[] {
  const out: DoneReport[] = [];
  for (const sentence of turn.text.split(/(?<=[.!?])\s+|\n+/u)) {
    if (!ATTEMPT.test(sentence) || NEGATED.test(sentence)) continue;
    for (const m of sentence.matchAll(SUBJECT_ACTION)) {
      const verb = m[1]!.toLowerCase();
      if (!/ed$/u.test(verb) && !PAST_IRREGULAR.has(verb)) continue;
      // The clause: from the subject to the next "but"/"so"/comma after the verb.
      const rest = sentence.slice(m.index + m[0].length);
      const end = rest.search(CLAUSE_END);
      const clause = m[0] + (end < 0 ? rest : rest.slice(0, end));
      const stems = new Set([...contentStems(clause).keys()].filter((s) => !GENERIC.has(s)));
      // "tried clearing", "did a reset": the action is the word after a light verb.
      const light = ['tried', 'done', 'did'].includes(verb);
      const action = light ? /^\s*(?:a |an |the )?(\p{L}+)/u.exec(rest)?.[1] : verb;
      out.push({ index: turn.index, stems, ...(action ? { action: stemWord(action) } : {}) });
    }
  }
  return out;
}

/** Stems of a suggestion sentence that appear as an action (imperative, after "try"/"please", or -ing). */
function actionStems(sentence: string): Set<string> {
  const out = new Set<string>();
  for (const m of sentence.matchAll(/\p{L}[\p{L}'’-]*/gu)) {
    const before = sentence.slice(0, m.index);
    if (before.trim() === '' || BEFORE_ACTION.test(before) || /ing$/iu.test(m[0])) out.add(stemWord(m[0]));
  }
  return out;
}

export interface RepeatedStep {
  /** The words of the bot's suggestion that name the step, and the customer turn that reported doing it. */
  step: string;
  doneIn: number;
}

/**
 * Whether the last bot turn suggests a step the customer said they had already taken: a
 * suggestion sharing two content stems with the customer's report ("a factory reset"), or its
 * action ("try unplugging" ~ "I've already unplugged it"), in any earlier customer turn.
 */
export function detectRepeatedStep(turns: readonly IndexedTurn[]): RepeatedStep | undefined {
  const last = turns[turns.length - 1];
  if (last === undefined) return undefined;
  const reports = turns.slice(0, -1).filter((t) => t.role === 'customer').flatMap(doneReports);
  if (reports.length === 0) return undefined;
  for (const sentence of last.text.split(/(?<=[.!?])\s+|\n+/u)) {
    // An imperative opens on a verb: "Restart the router", not "With a 6am flight…" or "After the reset…".
    if (!SUGGESTION.test(sentence) && !/^\s*(?!(?:with|after|before|for|in|on|at|since|as|if|when|once|from|by|to|of|about|during|without|despite|given|like|unlike)\b)\p{L}+\s+(?:the|your|it|this|that|a|an|off|on|out)\b/iu.test(sentence)) continue;
    const words = contentStems(sentence);
    const actions = actionStems(sentence);
    for (const report of reports) {
      const step = [...words.keys()].filter((s) => report.stems.has(s));
      const sameAction = report.action !== undefined && actions.has(report.action) && words.has(report.action);
      if (step.length >= 2 || sameAction) return { step: step.map((s) => words.get(s) ?? s).join(' '), doneIn: report.index };
    }
  }
  return undefined;
}
