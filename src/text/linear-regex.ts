import { type Matcher, RE2JS } from 're2js';

/** A construct of a JavaScript regex that the linear-time engine cannot run; `message` says which and how to rewrite it. */
export class UnsupportedRegexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedRegexError';
  }
}

// JavaScript's `\s` (WhiteSpace + LineTerminator), which is wider than RE2's ASCII `\s`.
const SPACE_MEMBERS = '\\t\\n\\x0B\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';
// JavaScript's `.` without `s` stops at every line terminator, RE2's only at `\n`.
const DOT = '[^\\n\\r\\x{2028}\\x{2029}]';
const QUANTIFIER_BRACE = /^\{\d+(?:,\d*)?\}/;
const HEX4 = /^[0-9a-fA-F]{4}$/;
const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/;
const GENERAL_CATEGORIES: Record<string, string> = {
  Letter: 'L', Cased_Letter: 'LC', Uppercase_Letter: 'Lu', Lowercase_Letter: 'Ll', Titlecase_Letter: 'Lt', Modifier_Letter: 'Lm', Other_Letter: 'Lo',
  Mark: 'M', Combining_Mark: 'M', Nonspacing_Mark: 'Mn', Spacing_Mark: 'Mc', Enclosing_Mark: 'Me',
  Number: 'N', Decimal_Number: 'Nd', digit: 'Nd', Letter_Number: 'Nl', Other_Number: 'No',
  Punctuation: 'P', punct: 'P', Connector_Punctuation: 'Pc', Dash_Punctuation: 'Pd', Open_Punctuation: 'Ps', Close_Punctuation: 'Pe',
  Initial_Punctuation: 'Pi', Final_Punctuation: 'Pf', Other_Punctuation: 'Po',
  Symbol: 'S', Math_Symbol: 'Sm', Currency_Symbol: 'Sc', Modifier_Symbol: 'Sk', Other_Symbol: 'So',
  Separator: 'Z', Space_Separator: 'Zs', Line_Separator: 'Zl', Paragraph_Separator: 'Zp',
  Other: 'C', Control: 'Cc', cntrl: 'Cc', Format: 'Cf', Surrogate: 'Cs', Private_Use: 'Co', Unassigned: 'Cn',
};

function unsupported(what: string, hint: string): never {
  throw new UnsupportedRegexError(`${what} is not supported by the linear-time regex engine; ${hint}`);
}

/**
 * Rewrites a JavaScript regex source (already known to be valid for `new RegExp(source, flags)`)
 * into RE2 syntax with the same meaning: JavaScript's wider `\s` and `.`, `\uXXXX` escapes, `[^]`,
 * literal braces and brackets. Lookbehind is kept (the engine runs it in linear time); lookahead,
 * backreferences and escapes whose meaning differs are refused with a hint.
 *
 * @throws {UnsupportedRegexError}
 */
export function translateToRe2(source: string, flags: string): { source: string; lookbehind: boolean } {
  const unicode = flags.includes('u');
  const dotAll = flags.includes('s');
  let out = '';
  let lookbehind = false;
  let i = 0;
  while (i < source.length) {
    const c = source.charAt(i);
    if (c === '\\') {
      const escape = translateEscape(source, i, unicode, false);
      out += escape.text;
      i = escape.end;
    } else if (c === '[') {
      const cls = translateClass(source, i, unicode);
      out += cls.text;
      i = cls.end;
    } else if (c === '(') {
      if (source.startsWith('(?=', i) || source.startsWith('(?!', i)) {
        unsupported('lookahead `(?=…)` / `(?!…)`', 'rewrite it to match the following text too, or use a word boundary (\\b) or a lookbehind');
      }
      if (source.startsWith('(?<=', i) || source.startsWith('(?<!', i)) lookbehind = true;
      out += c;
      i++;
    } else if (c === '.') {
      out += dotAll ? '.' : DOT;
      i++;
    } else if (c === '{') {
      const quantifier = QUANTIFIER_BRACE.exec(source.slice(i, i + 24));
      out += quantifier ? quantifier[0] : '\\{';
      i += quantifier ? quantifier[0].length : 1;
    } else if (c === '}' || c === ']') {
      out += `\\${c}`;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return { source: out, lookbehind };
}

/** One `\…` escape starting at `at`, outside or inside a character class. */
function translateEscape(source: string, at: number, unicode: boolean, inClass: boolean): { text: string; end: number } {
  const d = source.charAt(at + 1);
  const end = at + 2;
  switch (d) {
    case 'd': case 'D': case 'w': case 'W': case 'n': case 'r': case 't': case 'f': case 'v':
      return { text: `\\${d}`, end };
    case 'b': case 'B':
      if (!inClass) return { text: `\\${d}`, end };
      if (d === 'b') return { text: '\\x08', end };
      return unsupported('`\\B` inside a character class', 'write the letter B');
    case 's':
      return { text: inClass ? SPACE_MEMBERS : `[${SPACE_MEMBERS}]`, end };
    case 'S':
      if (!inClass) return { text: `[^${SPACE_MEMBERS}]`, end };
      return unsupported('`\\S` inside a character class', 'write an alternation such as (?:\\S|[…])');
    case '0':
      if (!/[0-9]/.test(source.charAt(end))) return { text: '\\x00', end };
      return unsupported('an octal escape', 'write the character as \\xHH');
    case 'c': {
      const letter = source.charAt(end);
      if (/[A-Za-z]/.test(letter)) return { text: `\\x${(letter.charCodeAt(0) % 32).toString(16).padStart(2, '0')}`, end: end + 1 };
      return unsupported('`\\c` without a control letter', 'write \\\\c for a backslash and c');
    }
    case 'x':
      if (/^[0-9a-fA-F]{2}$/.test(source.slice(end, end + 2))) return { text: source.slice(at, end + 2), end: end + 2 };
      return unsupported('`\\x` without two hex digits', 'write x');
    case 'u':
      return translateUnicodeEscape(source, at, unicode);
    case 'p': case 'P':
      if (!unicode) return unsupported(`\`\\${d}\` without the u flag (it means the letter ${d})`, 'add the u flag to use a Unicode property, e.g. /\\p{L}+/u');
      return translateProperty(source, at);
    case 'k':
      return unsupported('a named backreference `\\k<…>`', 'repeat the group instead of referring back to it');
    default:
      if (/[1-9]/.test(d)) return unsupported(`a backreference \`\\${d}\``, 'repeat the group instead of referring back to it');
      if (ASCII_PUNCTUATION.test(d)) return { text: `\\${d}`, end };
      if (/[A-Za-z0-9_]/.test(d)) return unsupported(`the escape \`\\${d}\``, `write ${d} without the backslash`);
      // An escaped non-ASCII character (allowed without u) is the character itself.
      return { text: source.slice(at + 1, at + 1 + (isHighSurrogate(source, at + 1) ? 2 : 1)), end: at + 1 + (isHighSurrogate(source, at + 1) ? 2 : 1) };
  }
}

function isHighSurrogate(source: string, at: number): boolean {
  const code = source.charCodeAt(at);
  return code >= 0xd800 && code <= 0xdbff;
}

function translateUnicodeEscape(source: string, at: number, unicode: boolean): { text: string; end: number } {
  if (unicode && source.charAt(at + 2) === '{') {
    const close = source.indexOf('}', at + 3);
    return { text: `\\x{${source.slice(at + 3, close)}}`, end: close + 1 };
  }
  const hex = source.slice(at + 2, at + 6);
  if (!HEX4.test(hex)) return unsupported('`\\u` without four hex digits', 'write u');
  const code = Number.parseInt(hex, 16);
  if (code >= 0xd800 && code <= 0xdbff && source.startsWith('\\u', at + 6)) {
    const low = Number.parseInt(source.slice(at + 8, at + 12), 16);
    if (HEX4.test(source.slice(at + 8, at + 12)) && low >= 0xdc00 && low <= 0xdfff) {
      const point = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
      return { text: `\\x{${point.toString(16)}}`, end: at + 12 };
    }
  }
  if (code >= 0xd800 && code <= 0xdfff) return unsupported(`a lone surrogate \`\\u${hex}\``, 'write the whole character, e.g. \\u{1F600} with the u flag');
  return { text: `\\x{${hex}}`, end: at + 6 };
}

function translateProperty(source: string, at: number): { text: string; end: number } {
  const close = source.indexOf('}', at + 3);
  const body = source.slice(at + 3, close);
  const [key, value] = body.includes('=') ? body.split('=', 2) as [string, string] : [undefined, body];
  if (key === 'Script_Extensions' || key === 'scx') {
    return unsupported(`\`\\p{${body}}\` (script extensions)`, `use the script itself, \\p{Script=${value}}`);
  }
  const name = key === 'Script' || key === 'sc' ? value : (GENERAL_CATEGORIES[value] ?? value);
  return { text: `\\${source.charAt(at + 1)}{${name}}`, end: close + 1 };
}

/** A character class starting at `at` (`[`), through its closing `]`. */
function translateClass(source: string, at: number, unicode: boolean): { text: string; end: number } {
  let i = at + 1;
  let negated = false;
  if (source.charAt(i) === '^') {
    negated = true;
    i++;
  }
  // In JavaScript a `]` right after `[` or `[^` closes the class: `[]` matches nothing, `[^]` anything.
  if (source.charAt(i) === ']') return { text: negated ? '[\\x00-\\x{10FFFF}]' : '[^\\x00-\\x{10FFFF}]', end: i + 1 };
  let out = negated ? '[^' : '[';
  while (i < source.length && source.charAt(i) !== ']') {
    const c = source.charAt(i);
    if (c === '\\') {
      const escape = translateEscape(source, i, unicode, true);
      out += escape.text;
      i = escape.end;
    } else {
      // `[` inside a class would open a POSIX class (`[:alpha:]`) in RE2.
      out += c === '[' ? '\\[' : c;
      i++;
    }
  }
  return { text: `${out}]`, end: i + 1 };
}

const FACTOR_SYNTAX = /[\\^$.*+?()[\]{}|/]/g;
const QUANTIFIER = /^(?:[*+?]|\{(\d+)(?:,\d*)?\})\??/;
const PURE_LITERAL = /^(?:[^\\^$.*+?()[\]{}|]|\\[!-/:-@[-`{-~]|\\[bB])*$/;

/**
 * A literal (or an alternation of literals) that every match of the JavaScript regex `source`
 * must contain, as a native regex source that is safe by construction (literals only), or
 * undefined when there is none worth checking. See {@link requiredLiterals}.
 */
export function requiredFactor(source: string): string | undefined {
  return requiredLiterals(source)?.map((a) => a.replace(FACTOR_SYNTAX, '\\$&')).join('|');
}

/**
 * Literal strings at least one of which every match of the JavaScript regex `source` contains
 * (as written: case is the caller's concern), or undefined when there are none worth checking
 * (shorter than `minLength` characters). Only the top level of each top-level alternative is read: literal
 * runs, across zero-width `\b`, `^`, `$`, and groups whose alternatives are all literals; anything
 * harder ends the scan of that alternative, keeping what was found; an alternative with nothing
 * required means nothing is required.
 */
export function requiredLiterals(source: string, minLength = 3): string[] | undefined {
  const union: string[] = [];
  for (const branch of topLevelAlternatives(source)) {
    const literals = branchLiterals(branch, minLength);
    if (literals === undefined) return undefined;
    union.push(...literals);
  }
  return union.length > 0 ? [...new Set(union)] : undefined;
}

/** `a(b|c)|d` → `['a(b|c)', 'd']`: splits at `|` outside groups and classes. */
function topLevelAlternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charAt(i);
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') {
      inClass = true;
      if (source.charAt(i + 1) === '^') i++; // in JavaScript a `]` right after `[` or `[^` closes the class
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  out.push(source.slice(from));
  return out;
}

function branchLiterals(source: string, minLength: number): string[] | undefined {
  let best: string[] | undefined;
  let bestWeight = 0;
  let run = '';
  const consider = (alternatives: string[]) => {
    const weight = Math.min(...alternatives.map((a) => a.length));
    if (weight > bestWeight) [best, bestWeight] = [alternatives, weight];
  };
  const flush = () => {
    if (run) consider([run]);
    run = '';
  };
  /** The quantifier at `at`, if any: its length and whether it allows zero repetitions. */
  const quantifierAt = (at: number): { length: number; optional: boolean } | undefined => {
    const q = QUANTIFIER.exec(source.slice(at, at + 24));
    if (!q) return undefined;
    return { length: q[0].length, optional: q[0][0] === '*' || q[0][0] === '?' || q[1] === '0' };
  };
  let i = 0;
  scan: while (i < source.length) {
    const c = source.charAt(i);
    if (c === '|') return undefined; // not reached: branches are split first
    if (c === '^' || c === '$') {
      i++;
      continue;
    }
    if (c === '\\' && (source.charAt(i + 1) === 'b' || source.charAt(i + 1) === 'B')) {
      i += 2;
      continue;
    }
    let literal: string | undefined;
    let end: number;
    let group: string[] | undefined;
    if (c === '\\') {
      const d = source.charAt(i + 1);
      if (ASCII_PUNCTUATION.test(d)) literal = d;
      else if (!/[dDwWsSnrtfv]/.test(d)) break scan;
      end = i + 2;
    } else if (c === '[') {
      end = i + 1 + (source.charAt(i + 1) === '^' ? 1 : 0);
      if (source.charAt(end) === ']') end++;
      else {
        while (end < source.length && source.charAt(end) !== ']') end += source.charAt(end) === '\\' ? 2 : 1;
        end++;
      }
    } else if (c === '(') {
      let depth = 0;
      end = i;
      for (; end < source.length; end++) {
        const ch = source.charAt(end);
        if (ch === '\\') end++;
        else if (ch === '[') {
          // A class inside a group (`(?<![\p{L}])`): skip to its end; `]` right after `[` or `[^` is a member.
          end += source.charAt(end + 1) === '^' ? 2 : 1;
          if (source.charAt(end) === ']') end++;
          while (end < source.length && source.charAt(end) !== ']') end += source.charAt(end) === '\\' ? 2 : 1;
        }
        else if (ch === '(') depth++;
        else if (ch === ')' && --depth === 0) break;
      }
      end++;
      const body = source.slice(i + 1, end - 1);
      if (body.startsWith('?<=') || body.startsWith('?<!')) {
        i = end; // zero-width
        continue;
      }
      const inner = body.replace(/^\?(?::|<[^>]*>)/, '');
      const alternatives = inner.split('|');
      if (!/^[?]/.test(inner) && alternatives.every((a) => PURE_LITERAL.test(a))) {
        group = alternatives.map((a) => a.replace(/\\[bB]/g, '').replace(/\\(.)/g, '$1'));
        if (group.some((a) => a === '')) group = undefined;
      } else if (!/^[?]/.test(inner)) {
        // A group of phrases (`(?:thank\s+you|many\s+thanks)`): each alternative's own required literal.
        const each = topLevelAlternatives(inner).map((alternative) => branchLiterals(alternative, minLength));
        if (each.every((literals) => literals !== undefined)) group = each.flat() as string[];
      }
    } else if (c === '.' || c === '{' || c === ')' || c === ']' || c === '}') {
      if (c !== '.') break scan;
      end = i + 1;
    } else {
      end = i + (/[\uD800-\uDBFF]/.test(c) ? 2 : 1);
      literal = source.slice(i, end);
    }
    const quantifier = quantifierAt(end);
    if (literal !== undefined && !quantifier?.optional) run += literal;
    if (literal === undefined || quantifier) flush();
    if (group && !quantifier?.optional) consider(group);
    i = end + (quantifier?.length ?? 0);
  }
  flush();
  if (!best || bestWeight < minLength) return undefined;
  return best as string[];
}

/**
 * A RegExp whose matching runs on RE2JS (linear time in the text, whatever the pattern): `exec`,
 * and through it `test`, `match`, `matchAll` and `replace`, never backtrack. The JavaScript engine
 * only validated the syntax. Honours `lastIndex` for the `g` flag like a native RegExp; the `y`
 * flag is not supported. Indices are UTF-16 offsets, as with a native RegExp.
 */
export class LinearRegExp extends RegExp {
  readonly #engine: RE2JS;
  /** Literals every match contains, searched natively first: most texts are ruled out without the engine. */
  readonly #prefilter: RegExp | undefined;
  #matcher: Matcher | undefined;
  #matcherInput: string | undefined;

  /** @throws {SyntaxError} for invalid JavaScript syntax; {@link UnsupportedRegexError} for a construct RE2 cannot run. */
  constructor(pattern: string | RegExp, flags?: string) {
    const source = typeof pattern === 'string' ? pattern : pattern.source;
    const effective = flags ?? (typeof pattern === 'string' ? '' : pattern.flags);
    super(source, effective);
    if (this.sticky) throw new UnsupportedRegexError('the y (sticky) flag is not supported by the linear-time regex engine');
    const translated = translateToRe2(source, effective);
    let engineFlags = 0;
    if (this.ignoreCase) engineFlags |= RE2JS.CASE_INSENSITIVE;
    if (this.multiline) engineFlags |= RE2JS.MULTILINE;
    if (this.dotAll) engineFlags |= RE2JS.DOTALL;
    if (translated.lookbehind) engineFlags |= RE2JS.LOOKBEHINDS;
    const factor = requiredFactor(source);
    // With `u` the native check folds case as RE2 does (k, K and the Kelvin sign alike), so it never rules out a match.
    this.#prefilter = factor === undefined ? undefined : new RegExp(factor, this.ignoreCase ? 'iu' : 'u');
    try {
      this.#engine = RE2JS.compile(translated.source, engineFlags);
    } catch (error) {
      const reason = (error as Error).message.replace(/^error parsing regexp: /, '');
      throw new UnsupportedRegexError(`${reason} is not supported by the linear-time regex engine; simplify the pattern (repeat counts are limited to 1000)`);
    }
  }

  static override get [Symbol.species](): RegExpConstructor {
    return LinearRegExp as unknown as RegExpConstructor;
  }

  override exec(input: string): RegExpExecArray | null {
    const text = String(input);
    const from = this.global ? this.lastIndex : 0;
    // The DFA answers "no match anywhere" fastest; most texts stop here.
    if (from > text.length || (from === 0 && (this.#prefilter?.test(text) === false || !this.#engine.test(text)))) {
      if (this.global) this.lastIndex = 0;
      return null;
    }
    if (this.#matcherInput !== text || this.#matcher === undefined) {
      this.#matcher = this.#engine.matcher(text);
      this.#matcherInput = text;
    }
    const matcher = this.#matcher;
    if (!matcher.find(from)) {
      if (this.global) this.lastIndex = 0;
      return null;
    }
    const groups: (string | undefined)[] = [];
    for (let g = 0; g <= matcher.groupCount(); g++) groups.push(matcher.group(g) ?? undefined);
    const result = Object.assign(groups, { index: matcher.start(), input: text, groups: undefined }) as unknown as RegExpExecArray;
    const names = this.#engine.namedGroups();
    if (Object.keys(names).length > 0) {
      const named: Record<string, string | undefined> = Object.create(null) as Record<string, string | undefined>;
      for (const [name, index] of Object.entries(names)) named[name] = groups[index];
      result.groups = named as { [key: string]: string };
    }
    if (this.global) this.lastIndex = matcher.end();
    return result;
  }
}
