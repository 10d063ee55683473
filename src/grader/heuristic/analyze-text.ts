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
  /** Flesch reading ease from wink-nlp's readabilityStats (higher is easier; 60+ is plain English). */
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
 * Loads wink-nlp and its English model on first use only (dynamic import, ~100–150 ms), so the
 * CLI does not pay for the model unless the heuristic grader runs. Later calls share the instance.
 */
export function loadWink(): Promise<WinkMethods> {
  loading ??= (async () => {
    const [{ default: winkNlp }, { default: model }] = await Promise.all([import('wink-nlp'), import('wink-eng-lite-web-model')]);
    return winkNlp(model);
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

    const stats = doc.out(its.readabilityStats) as unknown as { fres: number; numOfWords: number; numOfComplexWords: number };
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
