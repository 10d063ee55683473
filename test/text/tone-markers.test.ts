import { describe, expect, it } from 'vitest';
import { buildAcronymSet, findAllCapsWords, findApologies, findEmoji, findExclamations, findQuestionMarks } from '../../src/text/tone-markers.js';

const texts = (text: string, spans: { start: number; end: number }[]) => spans.map((s) => text.slice(s.start, s.end));

describe('tone markers', () => {
  it('counts each emoji glyph once, including ZWJ sequences, modifiers and flags, but not ©/™', () => {
    const text = 'Hi 👋🏽 team 👩‍💻 🇬🇧 © ™ ❤️ ✔ done';
    expect(texts(text, findEmoji(text))).toEqual(['👋🏽', '👩‍💻', '🇬🇧', '❤️']);
  });

  it('finds ALL-CAPS words of 3+ letters that are not allowed acronyms', () => {
    const text = 'PLEASE check the API, DNS and NASA settings NOW. OK? I.D.';
    expect(texts(text, findAllCapsWords(text))).toEqual(['PLEASE', 'NASA', 'NOW']);
    expect(texts(text, findAllCapsWords(text, buildAcronymSet(['nasa'])))).toEqual(['PLEASE', 'NOW']);
    expect(findAllCapsWords('ÉNORME')).toHaveLength(1);
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
