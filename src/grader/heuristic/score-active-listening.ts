import type { Cue } from '../../types.js';
import { compactCues, cueOf, type ScorerResult, type ScoringContext } from './scoring-context.js';

/** Topic words too generic to show the reply listened ("issue", "problem"). */
const GENERIC_TOPIC_WORDS = new Set(['issue', 'problem', 'thing', 'help', 'question', 'time', 'way', 'today', 'thanks', 'hello', 'support', 'team', 'please']);

/**
 * Active listening: does the reply show it read this customer's message? Engaging with the
 * customer's details by meaning (shared stems and the customer's own numbers and references, see
 * `detect/detect-engagement.ts`), restating the problem and answering a question raise it; a reply
 * that picks up none of the details, leaves a question unanswered, or points to a FAQ lowers it.
 */
export function scoreActiveListening(ctx: ScoringContext): ScorerResult {
  const { customer, reply, hits, mood } = ctx;
  if (customer === undefined) return { cues: [], context: 'no customer message to listen to' };
  const topics = [...ctx.customerTopics].filter((w) => !GENERIC_TOPIC_WORDS.has(w));
  const { engagement, answer, handoff } = ctx.situation;
  const cues: (Cue | undefined)[] = [];
  // Engagement by meaning (shared stems, the customer's own numbers and references), not literal reuse.
  const evidence = [...engagement.sharedNumbers, ...engagement.shared].slice(0, 5).join(', ');
  if (answer.noneNeeded !== undefined) cues.push({ label: 'the customer is closing: nothing to pick up', effect: 0.3 });
  else if (engagement.score >= 0.5) cues.push({ label: `engages with the customer's details (${evidence})`, effect: 1, evidence });
  else if (engagement.score > 0) cues.push({ label: `engages with some of the customer's details (${evidence})`, effect: 0.5, evidence });
  // In a conversation, a short follow-up ("yes", a postcode, "ok. laptop's wet") carries the thread on:
  // the reply answers it in the thread's terms, so only a message with details of its own counts.
  else if (engagement.customerStems >= 3 && engagement.askedStems >= 3 && handoff === undefined && engagement.questionMissed !== true) cues.push({ label: 'none of the customer\'s details picked up', effect: -0.8 });
  // The kind of answer asked for is an answer whatever words it uses: a yes or no ("do you open
  // weekends?" — "yes, Saturdays"), an amount for "how much", a time for "when".
  const answeredInKind = ctx.situation.answersInKind || answer.answer?.label === 'yes or no';
  if (engagement.questionMissed === true && handoff === undefined && answer.noneNeeded === undefined && !answeredInKind) cues.push({ label: "none of the question's words picked up: it may answer a different question", effect: -0.8 });
  const unanswered = ctx.situation.unanswered;
  if (unanswered !== undefined) cues.push({ label: `${unanswered.label}: “${unanswered.evidence.slice(0, 80)}”`, effect: -0.8 });
  const passedWindow = ctx.situation.passedWindow;
  if (passedWindow !== undefined) cues.push({ label: `${passedWindow.label}: “${passedWindow.evidence}”`, effect: -0.8 });
  cues.push(cueOf(hits.restatement));
  if (mood.asksQuestion) {
    const clarifies = reply.text.includes('?');
    cues.push(
      hits.answer.length > 0 || hits.nextStep.length > 0 || ctx.instructions.length > 0
        ? (cueOf([...hits.answer, ...hits.nextStep], 0.5, 'answers the customer\'s question') ?? {
            label: 'answers the customer\'s question with steps',
            effect: 0.5,
            evidence: ctx.instructions[0]?.sentence.text,
          })
        : clarifies
          ? { label: 'asks a clarifying question', effect: 0.2 }
          : { label: 'customer\'s question left unanswered', effect: -0.7 },
    );
  }
  cues.push(cueOf(hits.deflection));
  return { cues: compactCues(cues), context: topics.length > 0 ? `customer topics: ${topics.slice(0, 5).join(', ')}` : 'customer message names no topic words' };
}
