import { compilePatterns, compilePhraseMatcher, PhraseError, type PhraseMatcher, type PhraseMatcherOptions } from '../text/phrase-matcher.js';
import { RuleCompileError } from './rule-module.js';

/** Rethrows a {@link PhraseError} as a {@link RuleCompileError} at `key[index]`, so the engine can point at the YAML. */
function atOption<T>(key: string, compile: () => T): T {
  try {
    return compile();
  } catch (error) {
    if (error instanceof PhraseError) throw new RuleCompileError(`${key}[${error.index}]`, error.message);
    throw error;
  }
}

/** Compiles the phrase list under option `key` (e.g. `terms`), reporting a bad phrase as `key[i]`. */
export function compilePhraseOption(key: string, phrases: readonly string[], options: PhraseMatcherOptions): PhraseMatcher {
  return atOption(key, () => compilePhraseMatcher(phrases, options));
}

/** Compiles the regex list under option `key` (e.g. `patterns`), reporting a bad pattern as `key[i]`. */
export function compilePatternOption(key: string, patterns: readonly string[], caseSensitive: boolean): RegExp[] {
  return atOption(key, () => compilePatterns(patterns, { caseSensitive }));
}

