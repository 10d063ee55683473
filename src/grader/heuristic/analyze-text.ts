import { createRequire } from 'node:module';
import type { ItemSentence, ItsFunction, PartOfSpeech, WinkMethods } from 'wink-nlp';

/** A word token as wink-nlp saw it. Offsets are 0-based UTF-16 into the analysed text, end exclusive. */
export interface WordToken {
  value: string;
  normal: string;
  lemma: string;
  pos: PartOfSpeech;
  stopWord: boolean;
  start: number;
  end: number;
}

export interface SentenceInfo {
  text: string;
  start: number;
  end: number;
  /** wink-nlp sentiment, -1 (negative) to 1 (positive). */
  sentiment: number;
  /** The sentence's word tokens, in order. */
  words: WordToken[];
}

/** What the scorers need to know about one text, computed once per text. */
export interface TextAnalysis {
  text: string;
  sentences: SentenceInfo[];
  words: WordToken[];
  /** Whole-text sentiment, -1..1. */
  sentiment: number;
  /** Flesch reading ease as wink-nlp's readabilityStats computes it (higher is easier; 60+ is plain English). */
  fres: number;
  wordCount: number;
  complexWordCount: number;
  /** Lemmas of nouns and proper nouns that are not stop words (the topic words of the text). */
  contentWords: Set<string>;
}

/** Turns text into a {@link TextAnalysis}; deterministic for a given model. */
export type TextAnalyzer = (text: string) => TextAnalysis;

let loading: Promise<WinkMethods> | undefined;

/**
 * The pipeline steps the analysis reads: sentences, negation (for sentiment), sentiment and part of
 * speech. wink's default also runs named- and custom-entity recognition, which nothing here reads;
 * leaving them out gave identical tokens, tags, sentences and sentiment on 5,368 texts (generated bench replies, the bundled
 * samples, the judgement fixtures and the development set) in 83% of the time.
 */
const PIPELINE = ['sbd', 'negation', 'sentiment', 'pos'];

const load = createRequire(import.meta.url);
/** The model's own syllable counter, the one its readabilityStats uses, so the figures stay the same. */
let modelSyllables: ((word: string) => number) | undefined;
/** Replies reuse a small vocabulary; clearing bounds the memory. */
const syllableCache = new Map<string, number>();
const SYLLABLE_CACHE_SIZE = 20_000;

function syllablesOf(word: string): number {
  let n = syllableCache.get(word);
  if (n === undefined) {
    modelSyllables ??= load('wink-eng-lite-web-model/dist/syllables.js') as (word: string) => number;
    n = modelSyllables(word);
    if (syllableCache.size >= SYLLABLE_CACHE_SIZE) syllableCache.clear();
    syllableCache.set(word, n);
  }
  return n;
}

/**
 * wink's readabilityStats, computed from the tokens already read out, with syllable counts cached:
 * wink counts every word's syllables afresh, which was a tenth of the heuristic's time. Same formula,
 * same rounding, same edge cases (121 without tokens; NaN with tokens but no words).
 */
function readability(types: readonly string[], normals: readonly string[], sentenceCount: number): { fres: number; numOfWords: number; numOfComplexWords: number } {
  let numOfWords = 0;
  let numOfSyllables = 0;
  const complexWords = new Set<string>();
  for (let i = 0; i < types.length; i++) {
    if (types[i] !== 'word') continue;
    const normal = normals[i]!;
    numOfWords += 1;
    const n = syllablesOf(normal.toLowerCase());
    numOfSyllables += n;
    if (n > 3) complexWords.add(normal);
  }
  const fres = types.length === 0 ? 121 : 206.835 - (1.015 * numOfWords) / sentenceCount - (84.6 * numOfSyllables) / numOfWords;
  return { fres: Math.round(fres), numOfWords, numOfComplexWords: complexWords.size };
}

/**
 * Loads wink-nlp and its English model on first use only (dynamic import, ~100–150 ms), so the
 * CLI does not pay for the model unless the heuristic grader runs. Later calls share the instance.
 */
export function loadWink(): Promise<WinkMethods> {
  loading ??= (async () => {
    const [{ default: winkNlp }, { default: model }] = await Promise.all([import('wink-nlp'), import('wink-eng-lite-web-model')]);
    return winkNlp(model, PIPELINE);
  })();
  return loading;
}

/** Builds a {@link TextAnalyzer} over a loaded wink-nlp instance. */
export function createTextAnalyzer(nlp: WinkMethods): TextAnalyzer {
  const its = nlp.its;
  return (text) => {
    const doc = nlp.readDoc(text);
    const tokens = doc.tokens();
    const values = tokens.out(its.value) as string[];
    const types = tokens.out(its.type) as string[];
    const normals = tokens.out(its.normal) as string[];
    const lemmas = tokens.out(its.lemma as unknown as ItsFunction<string>) as string[];
    const tags = tokens.out(its.pos) as PartOfSpeech[];
    const stops = tokens.out(its.stopWordFlag) as unknown as boolean[];

    // Token offsets: wink keeps every character, so each value is found at or after the cursor.
    const offsets: [number, number][] = [];
    const words: (WordToken | undefined)[] = [];
    let cursor = 0;
    values.forEach((value, i) => {
      const at = text.indexOf(value, cursor);
      const start = at === -1 ? cursor : at;
      const end = at === -1 ? cursor : at + value.length;
      cursor = end;
      offsets.push([start, end]);
      words.push(
        types[i] === 'word'
          ? { value, normal: normals[i] ?? value, lemma: lemmas[i] ?? value, pos: tags[i] ?? 'X', stopWord: stops[i] ?? false, start, end }
          : undefined,
      );
    });

    const sentences: SentenceInfo[] = [];
    doc.sentences().each((sentence: ItemSentence) => {
      const [first, last] = sentence.out(its.span) as unknown as [number, number];
      const start = offsets[first]?.[0] ?? 0;
      const end = offsets[last]?.[1] ?? start;
      sentences.push({
        text: text.slice(start, end),
        start,
        end,
        sentiment: sentence.out(its.sentiment) as number,
        words: words.slice(first, last + 1).filter((w): w is WordToken => w !== undefined),
      });
    });

    const stats = readability(types, normals, sentences.length);
    const wordTokens = words.filter((w): w is WordToken => w !== undefined);
    const contentWords = new Set(
      wordTokens
        // Shouted words ("RIDICULOUS") get tagged PROPN; short acronyms (API, DNS) stay topics.
        .filter((w) => (w.pos === 'NOUN' || w.pos === 'PROPN') && !w.stopWord && w.normal.length > 2 && !/^[A-Z]{5,}$/u.test(w.value))
        .map((w) => w.lemma.toLowerCase()),
    );
    return {
      text,
      sentences,
      words: wordTokens,
      sentiment: doc.out(its.sentiment) as number,
      fres: stats.fres,
      wordCount: stats.numOfWords,
      complexWordCount: stats.numOfComplexWords,
      contentWords,
    };
  };
}
