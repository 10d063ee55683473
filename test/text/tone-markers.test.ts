import { describe, expect, it } from 'vitest';
import { buildAcronymSet, findAllCapsWords, findApologies, findEmoji, findExclamations, findQuestionMarks, findUnfamiliarAcronyms } from '../../src/text/tone-markers.js';

const texts = (text: string, spans: { start: number; end: number }[]) => spans.map((s) => text.slice(s.start, s.end));

describe('tone markers', () => {
  it('counts each emoji glyph once, including ZWJ sequences, modifiers and flags, but not ©/™', () => {
    const text = 'Hi 👋🏽 team 👩‍💻 🇬🇧 © ™ ❤️ ✔ done';
    expect(texts(text, findEmoji(text))).toEqual(['👋🏽', '👩‍💻', '🇬🇧', '❤️']);
  });

  it('finds shouted ALL-CAPS words: emphasis words, runs and words before "!", not lone acronyms', () => {
    const text = 'PLEASE check the API, DNS and NASA settings NOW. OK? I.D.';
    expect(texts(text, findAllCapsWords(text))).toEqual(['PLEASE', 'NOW']);
    expect(texts('THAT IS A SCAM, DO NOT CLICK', findAllCapsWords('THAT IS A SCAM, DO NOT CLICK'))).toEqual(['THAT', 'SCAM', 'NOT', 'CLICK']);
    expect(texts('Order ENORME! now', findAllCapsWords('Order ENORME! now'))).toEqual(['ENORME']);
    // A lone unknown capitals word reads as an acronym or a code, not as shouting.
    expect(findAllCapsWords('Your code WINTER works on FTTC lines.')).toEqual([]);
    expect(findAllCapsWords('ÉNORME FOIS')).toHaveLength(2);
  });

  it('lists unfamiliar acronyms (jargon candidates) but not everyday ones or shouting', () => {
    expect(findUnfamiliarAcronyms('The PNR shows an SSR, and your PDF and PIN are fine. STOP NOW.')).toEqual(['PNR', 'SSR']);
    expect(findUnfamiliarAcronyms('Check the API and DNS.')).toEqual(['API', 'DNS']);
  });

  it('knows the acronyms of technical support and skips code, but still finds shouting', () => {
    const text = 'Add a CAA record and a CNAME; keys live in KMS (AES-256), SAML via your IdP, TTL 48h, RCA by Friday.';
    expect(findAllCapsWords(text)).toEqual([]);
    const code = 'Set `LOG_LEVEL=DEBUG` and `RUST_BACKTRACE` then run `nw ENV list`, and DO NOT skip it.';
    expect(texts(code, findAllCapsWords(code))).toEqual(['NOT']);
    expect(texts('PLEASE NOTE: THE ALIAS RECORD', findAllCapsWords('PLEASE NOTE: THE ALIAS RECORD'))).toEqual(['PLEASE', 'NOTE', 'THE', 'ALIAS', 'RECORD']);
  });

  it('finds apologies in their usual forms', () => {
    const text = "Sorry! We apologise, apologized, our apologies; my  bad. Sorrywise is not one.";
    expect(texts(text, findApologies(text))).toEqual(['Sorry', 'apologise', 'apologized', 'apologies', 'my  bad']);
  });

  it('counts every exclamation and question mark, full-width included', () => {
    expect(findExclamations('Wow!!! ！')).toHaveLength(4);
    expect(findQuestionMarks('What? Really?！？')).toHaveLength(3);
  });
});
