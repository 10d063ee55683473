import { createHash } from 'node:crypto';
import { applyDriftModel, type DriftModel } from './drift-model.js';
import { readDriftModel } from './read-drift-model.js';
import type { Cue, DimensionScore, Finding, Grade, Sample, StyleGuide } from '../../types.js';
import type { Grader } from '../grader.js';
import { createTextAnalyzer, loadWink, type TextAnalyzer } from './analyze-text.js';
import { assessCustomerMood } from './assess-customer-mood.js';
import { buildVoiceLexicon, type VoiceLexicon } from './build-voice-lexicon.js';
import { collectReplyHits } from './collect-reply-hits.js';
import { findInstructions } from './find-instructions.js';
import { findViolations } from './find-violations.js';
import { judgeDrift } from './judge-drift.js';
import { findSituationViolations, situationCues } from './find-situation-violations.js';
import { readSituation } from './read-situation.js';

/** Words of a reply to the bot's own question ("yes", "Thursday please", a postcode) after which a bare "Booked." is enough. */
const SHORT_ANSWER_WORDS = 5;
import { customerText, earlierCustomerText } from '../../text/customer-text.js';
import * as lexicon from './lexicon.js';
import * as politenessLexicons from './politeness-lexicon.js';
import { ANSWER_POLITENESS_LEXICON, POLITENESS_LEXICON } from './politeness-lexicon.js';
import { compileLexicons } from './match-lexicon.js';
import type { LexiconEntry } from './lexicon-entry.js';
import { scorePoliteness } from './score-politeness.js';
import type { ScoringContext } from './scoring-context.js';
import { BLENDED_REASON, selectScorer } from './select-scorer.js';
import { summarizeCues } from './summarize-cues.js';

/** Every dimension starts here and moves by its cues. */
export const NEUTRAL_BASELINE = 3;

/** sha256 of the lexicon version, every lexicon's data and the drift model, so grades from different heuristics never mix. */
export function hashHeuristic(driftModel: DriftModel | null = readDriftModel()): string {
  const model = driftModel === null ? null : { weights: driftModel.weights, mean: driftModel.mean, scale: driftModel.scale, bias: driftModel.bias, threshold: driftModel.threshold };
  return createHash('sha256')
    .update(
      JSON.stringify({ version: lexicon.LEXICON_VERSION, lexicon, politeness: POLITENESS_LEXICON, answerStrategies: ANSWER_POLITENESS_LEXICON.map((e) => e.id), model }),
    )
    .digest('hex');
}

export interface HeuristicGraderOptions {
  /**
   * The learned drift model applied after the dimension scores (default: the bundled
   * `data/heuristic-drift-model.json`); `null` grades without it, which is what `npm run fit`
   * fits the model on.
   */
  driftModel?: DriftModel | null;
}

const clampScore = (x: number) => Math.round(Math.min(5, Math.max(1, x)) * 10) / 10;
const roundCue = (cue: Cue): Cue => ({ ...cue, effect: Math.round(cue.effect * 100) / 100 });

/** Grades one sample with an analyzer; pure given the analyzer. */
export function gradeWithHeuristics(sample: Sample, guide: StyleGuide, analyze: TextAnalyzer, voice: VoiceLexicon): Grade {
  const reply = analyze(sample.response);
  const customer = sample.customer.trim() === '' ? undefined : analyze(sample.customer);
  const history = earlierCustomerText(sample);
  const hits = collectReplyHits(sample.response, voice);
  const earlier = history.trim() === '' ? undefined : analyze(history);
  const instructions = findInstructions(reply);
  const ctx: ScoringContext = {
    reply,
    customer,
    customerTopics: new Set([...(customer?.contentWords ?? []), ...(earlier?.contentWords ?? [])]),
    mood: assessCustomerMood(customer, history),
    politeness: scorePoliteness(sample.response, ANSWER_POLITENESS_LEXICON),
    hits,
    instructions,
    situation: readSituation(sample.response, customerText(sample), sample.customer, { customerSentiment: customer?.sentiment, givesSteps: instructions.length > 0, answersOurQuestion: answersOurQuestion(sample) }),
    guide,
  };
  const situational = findSituationViolations(ctx);
  const scores: Record<string, DimensionScore> = {};
  for (const dimension of guide.dimensions) {
    const { scorer, blended, kind } = selectScorer(dimension);
    const { cues, context } = scorer(ctx);
    const rounded = [...cues, ...situationCues(situational, kind)].map(roundCue);
    const score = clampScore(NEUTRAL_BASELINE + rounded.reduce((sum, cue) => sum + cue.effect, 0));
    const reason = blended ? `${BLENDED_REASON} (${summarizeCues(rounded)})` : [context, summarizeCues(rounded)].filter(Boolean).join('; ');
    scores[dimension.id] = { score, reason, cues: rounded };
  }
  const violations: Finding[] = [...findViolations(sample.response, hits), ...situational];
  return { status: 'graded', grader: 'heuristic', scores, violations, drift: judgeDrift(guide.dimensions, scores) };
}

/**
 * The offline grader used when no API key is set: scores each guide dimension 1–5 from
 * explainable language signals (lexicons plus wink-nlp sentences, POS, sentiment and readability),
 * lists the cues that moved each score, and reports sarcasm, blame, dismissal, over-promising,
 * policy-first openers and the guide's don't-phrases as violations quoting the reply.
 * It never writes a rewrite: it does not generate text.
 *
 * wink-nlp and its English model (~55 MiB of memory per thread, ~100–150 ms) are loaded on the
 * first grade, not here: with a worker pool (`--jobs`) the main thread builds this grader only to
 * describe the judge, and grading happens in the workers, each with its own copy of the model.
 * Drift: see {@link judgeDrift}, then the learned drift model ({@link applyDriftModel}) on the
 * replies the verdict policy would pass.
 */
export async function createHeuristicGrader(guide: StyleGuide, options: HeuristicGraderOptions = {}): Promise<Grader> {
  const driftModel = options.driftModel === undefined ? readDriftModel() : options.driftModel;
  let analyzer: Promise<TextAnalyzer> | undefined;
  const voice = buildVoiceLexicon(guide);
  return {
    kind: 'heuristic',
    promptHash: hashHeuristic(driftModel),
    async grade(sample, ruleFindings, signal) {
      if (signal?.aborted === true) return errorGrade('grading was cancelled');
      // Outside the try: a model that cannot load fails the run instead of leaving every reply ungraded.
      const analyze = await (analyzer ??= loadWink().then((wink) => {
        compileLexicons([...everyLexicon(), voice.do, voice.dont]);
        return createTextAnalyzer(wink);
      }));
      try {
        const grade = gradeWithHeuristics(sample, guide, analyze, voice);
        return driftModel === null ? grade : applyDriftModel(driftModel, guide.dimensions, ruleFindings, grade);
      } catch (error) {
        return errorGrade(`heuristic grader failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}

/** Every lexicon the heuristic reads (each exported array of entries), for compiling them at once. */
function* everyLexicon(): Iterable<readonly LexiconEntry[]> {
  for (const module of [lexicon, politenessLexicons]) {
    for (const value of Object.values(module)) if (isLexicon(value)) yield value;
  }
}

function isLexicon(value: unknown): value is readonly LexiconEntry[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'object' && entry !== null && ('phrases' in entry || 'patterns' in entry));
}

function errorGrade(error: string): Grade {
  return { status: 'error', grader: 'heuristic', scores: {}, violations: [], drift: 'on-brand', error };
}

/** A short customer message right after a company turn that asked something: "conservatory please" after "which room?". */
function answersOurQuestion(sample: Sample): boolean {
  const turns = sample.transcript ?? [];
  const asked = turns.findLastIndex((turn) => turn.role !== 'customer');
  if (asked < 0 || !(turns[asked]?.text.includes('?') ?? false)) return false;
  const after = turns.slice(asked + 1).filter((turn) => turn.role === 'customer');
  return after.length === 1 && after[0]!.text.trim().split(/\s+/u).length <= SHORT_ANSWER_WORDS;
}

