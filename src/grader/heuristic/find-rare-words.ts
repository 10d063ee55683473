/**
 * Words of the reply that everyday English rarely uses and the customer did not use either:
 * "presentment", "wayleave", "radiolucency". Read against a word-frequency list (everyday spoken
 * English, see `read-common-words.ts`) rather than a list of jargon, so it finds the trade terms
 * of any industry. A word counts as everyday when it, or its root, is common: "rebooked" (book),
 * "unaffected" (affect), British spellings ("authorisation", "cancelling") read as American.
 */

/** Everyday words of support conversations that film subtitles rarely say. */
const SUPPORT_WORDS = new Set([
  'login', 'logins', 'logout', 'wifi', 'postcode', 'postcodes', 'zipcode', 'username', 'dashboard', 'smartphone',
  'inbox', 'voicemail', 'webpage', 'checkout', 'screenshot', 'screenshots', 'timeslot', 'hotspot', 'bluetooth',
  'signup', 'wishlist', 'chatbot', 'app', 'apps', 'online', 'offline', 'website', 'websites', 'ebook', 'emails', 'typo', 'typos',
]);

const SUFFIXES: readonly [string, string][] = [
  ['ies', 'y'], ['ied', 'y'], ['es', ''], ['s', ''], ['ed', ''], ['ed', 'e'], ['ing', ''], ['ing', 'e'],
  ['able', ''], ['able', 'e'], ['ly', ''], ['ment', ''], ['ments', ''], ['er', ''], ['ers', ''],
];
const PREFIXES = ['re', 'un', 'pre', 'mis', 'over', 'under', 'back', 'non', 'dis', 'de', 'sub', 'co'];

/** British spellings as American: "authorisation", "colour", "centre", "cancelling". */
function spellings(word: string): string[] {
  return [
    word,
    word.replace(/is(e|ed|es|ing|ation|ations)$/u, 'iz$1'),
    word.replace(/our(s?)$/u, 'or$1'),
    word.replace(/tre(s?)$/u, 'ter$1'),
    word.replace(/ll(ing|ed|er|ers)$/u, 'l$1'),
  ];
}

/** The word and its roots without inflection, derivation or a prefix ("rebooked" → "book"). */
function roots(word: string, depth = 0): string[] {
  const out = [word];
  for (const [suffix, replacement] of SUFFIXES) {
    if (!word.endsWith(suffix) || word.length - suffix.length < 3) continue;
    const root = word.slice(0, -suffix.length) + replacement;
    out.push(root);
    // "shipping" → "shipp" → "ship".
    if (/([bdgkmnprt])\1$/u.test(root)) out.push(root.slice(0, -1));
  }
  if (depth === 0) for (const prefix of PREFIXES) if (word.startsWith(prefix) && word.length - prefix.length >= 4) out.push(...roots(word.slice(prefix.length), 1));
  return out;
}

function isEveryday(word: string, common: ReadonlySet<string>): boolean {
  return SUPPORT_WORDS.has(word) || spellings(word).some((spelling) => roots(spelling).some((root) => common.has(root)));
}

/**
 * Distinct rare words of `reply` (lower-case), in order. Only words written in lower case count:
 * a capitalised word is a name or opens a sentence, and abbreviations have their own check.
 */
export function findRareWords(reply: string, customer: string, common: ReadonlySet<string>): string[] {
  const customerWords = new Set(customer.toLowerCase().match(/\p{L}+/gu) ?? []);
  const out: string[] = [];
  // Addresses and links are not words: "kaz.m@gmial.com", "example.co.uk/help".
  const prose = reply.replace(/\S+@\S+|\bhttps?:\/\/\S+|\b[\w-]+(?:\.[\w-]+)+\/\S*|\b[\w-]+\.(?:com|org|net|io|co|uk|ie|de|fr|app|dev)\b\S*/giu, ' ');
  for (const m of prose.matchAll(/(?<![\p{L}\d'’-])\p{Ll}[\p{L}'’-]*\p{L}(?![\p{L}\d'’])/gu)) {
    if (/['’]/u.test(m[0])) continue;
    for (const part of m[0].split('-')) {
      if (part.length < 4 || customerWords.has(part) || out.includes(part)) continue;
      if (!isEveryday(part, common)) out.push(part);
    }
  }
  return out;
}
