import { describe, expect, it } from 'vitest';
import { findPii, passesIbanMod97, passesLuhn, type PiiType } from '../../src/redact/index.js';

/** The values `findPii` finds in `text`, as `type:value`. */
const found = (text: string, options = {}): string[] => findPii(text, options).map((d) => `${d.type}:${text.slice(d.start, d.end)}`);

interface Case {
  text: string;
  /** What must be found, as `type:value`; [] = nothing. */
  expected: string[];
}

const cases: Record<PiiType, { valid: Case[]; invalid: Case[] }> = {
  email: {
    valid: [
      { text: 'write to sarah.connor+billing@example.co.uk today', expected: ['email:sarah.connor+billing@example.co.uk'] },
      { text: "o'brien@mail.example.ie.", expected: ["email:o'brien@mail.example.ie"] },
      { text: 'two: a.b@example.com, C_D@Example.ORG', expected: ['email:a.b@example.com', 'email:C_D@Example.ORG'] },
    ],
    invalid: [
      { text: 'user@localhost and a@b', expected: [] },
      { text: 'the @ sign and me@ alone', expected: [] },
    ],
  },
  card: {
    valid: [
      { text: 'card 4111 1111 1111 1111 was charged', expected: ['card:4111 1111 1111 1111'] },
      { text: 'MC 5500-0000-0000-0004.', expected: ['card:5500-0000-0000-0004'] },
      { text: 'Amex 3782 822463 10005', expected: ['card:3782 822463 10005'] },
      { text: 'plain 6011111111111117 and 13 digits 4222222222222', expected: ['card:6011111111111117', 'card:4222222222222'] },
    ],
    invalid: [
      { text: 'order 4111 1111 1111 1112 shipped', expected: [] },
      { text: 'ref 1234 5678 9012 3456', expected: [] },
      { text: 'zeros 0000 0000 0000 0000', expected: [] },
      { text: 'too long 41111111111111111111111', expected: [] },
    ],
  },
  iban: {
    valid: [
      { text: 'IBAN GB82 WEST 1234 5698 7654 32 please', expected: ['iban:GB82 WEST 1234 5698 7654 32'] },
      { text: 'DE89 3704 0044 0532 0130 00', expected: ['iban:DE89 3704 0044 0532 0130 00'] },
      { text: 'to FR14 2004 1010 0505 0001 3M02 606.', expected: ['iban:FR14 2004 1010 0505 0001 3M02 606'] },
      { text: 'nl91abna0417164300', expected: ['iban:nl91abna0417164300'] },
    ],
    invalid: [
      { text: 'IBAN GB82 WEST 1234 5698 7654 33 please', expected: [] },
      { text: 'DE89 3704 0044 0532 0130 01', expected: ['card:3704 0044 0532 0130 01'] }, // not an IBAN; its digits happen to pass Luhn as a grouped card
      { text: 'XX82 WEST 1234 5698 7654 32', expected: [] },
    ],
  },
  ssn: {
    valid: [{ text: 'SSN 123-45-6789 on file', expected: ['ssn:123-45-6789'] }],
    invalid: [
      { text: '000-12-3456 666-12-3456 912-34-5678 123-00-4567 123-45-0000', expected: [] },
      { text: 'part 1-123-45-6789-2', expected: [] },
    ],
  },
  ni: {
    valid: [
      { text: 'NI number AB 12 34 56 C', expected: ['ni:AB 12 34 56 C'] },
      { text: 'ni: ab123456c.', expected: ['ni:ab123456c'] },
    ],
    invalid: [
      { text: 'QQ 12 34 56 C and GB 12 34 56 A and AB 12 34 56 E', expected: [] },
    ],
  },
  phone: {
    valid: [
      { text: 'call +44 20 7946 0958 now', expected: ['phone:+44 20 7946 0958'] },
      { text: 'ruf an +49 30 901820', expected: ['phone:+49 30 901820'] },
      { text: 'Paris +33 1 42 68 53 00', expected: ['phone:+33 1 42 68 53 00'] },
      { text: 'Tokyo +81 3-1234-5678', expected: ['phone:+81 3-1234-5678'] },
      { text: 'Mumbai +91 98765 43210', expected: ['phone:+91 98765 43210'] },
      { text: 'text me at (415) 555-2671', expected: ['phone:(415) 555-2671'] },
      { text: 'London line 020 7946 0958', expected: ['phone:020 7946 0958'] },
      { text: 'from abroad 0044 20 7946 0958', expected: ['phone:0044 20 7946 0958'] },
    ],
    invalid: [
      { text: 'order 12345678, version 1.2.3, on 2026-11-23 at 10:30', expected: [] },
      { text: 'up 99.95% of 365 days', expected: [] },
      { text: 'from 198.51.100.64, ticket 2026-10-4471', expected: [] },
    ],
  },
  'url-token': {
    valid: [
      { text: 'reset at https://app.example.com/reset?token=abc123def456&x=1', expected: ['url-token:abc123def456'] },
      { text: 'https://x.example/cb?code=Zx81&state=ok.', expected: ['url-token:Zx81'] },
      { text: 'see https://x.example/#access_token=ya29.a0AfH6 and &sig=Q1w2E3', expected: ['url-token:ya29.a0AfH6', 'url-token:Q1w2E3'] },
      { text: 'https://s3.example/f?X-Amz-Signature=deadbeef&key=K1', expected: ['url-token:deadbeef', 'url-token:K1'] },
      { text: 'ftp at https://bob:hunter2@files.example.com/x', expected: ['url-token:bob:hunter2'] },
    ],
    invalid: [{ text: 'https://example.com/docs?page=2&lang=en', expected: [] }],
  },
  secret: {
    valid: [
      { text: 'my key sk-ant-api03-AbCdEf0123456789xyzQ', expected: ['secret:sk-ant-api03-AbCdEf0123456789xyzQ'] },
      { text: 'hex 4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c here', expected: ['secret:4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c'] },
      { text: 'token dGhpc0lzQVNlY3JldFRva2VuMTIzNDU2 ok', expected: ['secret:dGhpc0lzQVNlY3JldFRva2VuMTIzNDU2'] },
      { text: 'AKIAIOSFODNN7EXAMPLE and ghp_abcdefghijklmnopqrstuvwxyz0123456789', expected: ['secret:AKIAIOSFODNN7EXAMPLE', 'secret:ghp_abcdefghijklmnopqrstuvwxyz0123456789'] },
    ],
    invalid: [
      { text: 'internationalization-and-localization-for-everyone', expected: [] },
      { text: 'a task-force-of-many-people-in-2026-here', expected: [] },
      { text: 'short sk-abc and hex deadbeef', expected: [] },
    ],
  },
  name: {
    valid: [
      { text: 'Hi Sarah,\nyour refund is on its way.', expected: ['name:Sarah'] },
      { text: 'Dear Mr Patel\nThank you for writing.', expected: ['name:Patel'] },
      { text: 'All sorted.\n\nThanks,\nOmar Khan', expected: ['name:Omar Khan'] },
      { text: 'Done now. Best, Omar', expected: [] },
      { text: 'Done now.\nBest, Omar', expected: ['name:Omar'] },
      { text: 'Hello Ana-María! Welcome.', expected: ['name:Ana-María'] },
      { text: 'Regards,\n— Priya Shah from Northwind', expected: ['name:Priya Shah'] },
    ],
    invalid: [
      { text: 'Hi there,\nHello, I need help\nHey Team!', expected: [] },
      { text: 'Hello, My account is locked', expected: [] },
      { text: 'Thanks for waiting\nThanks, I will try that.', expected: [] },
      { text: 'Regards,\nNorthwind Support', expected: [] },
      { text: 'Hi Sarah and thanks for the note', expected: [] },
      { text: 'my name is Sarah Connor', expected: [] },
    ],
  },
};

describe('findPii', () => {
  for (const [type, { valid, invalid }] of Object.entries(cases)) {
    describe(type, () => {
      it.each(valid)('finds $text', ({ text, expected }) => expect(found(text)).toEqual(expected));
      it.each(invalid)('finds nothing in $text', ({ text, expected }) => expect(found(text)).toEqual(expected));
    });
  }

  it('settles overlaps: a URL token is not also a secret, an email in a query is one url-token', () => {
    expect(found('https://x.example/a?token=4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c')).toEqual(['url-token:4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c']);
    expect(found('https://x.example/a?email=sam@example.com&auth=1')).toEqual(['email:sam@example.com', 'url-token:1']);
  });

  it('leaves brand words out of names when told', () => {
    expect(found('Thanks,\nNorthwind', { notNames: ['Northwind'] })).toEqual([]);
    expect(found('Thanks,\nNorthwind')).toEqual(['name:Northwind']);
  });

  it('finds only the types asked for', () => {
    expect(found('sam@example.com +44 20 7946 0958', { types: ['phone'] })).toEqual(['phone:+44 20 7946 0958']);
  });
});

describe('checksums', () => {
  it.each([
    ['4111111111111111', true],
    ['4111111111111112', false],
    ['378282246310005', true],
    ['79927398713', true],
    ['79927398710', false],
  ])('Luhn %s → %s', (digits, ok) => expect(passesLuhn(digits)).toBe(ok));

  it.each([
    ['GB82WEST12345698765432', true],
    ['GB82WEST12345698765433', false],
    ['DE89370400440532013000', true],
    ['NO9386011117947', true],
    ['NO9386011117948', false],
  ])('mod-97 %s → %s', (iban, ok) => expect(passesIbanMod97(iban)).toBe(ok));
});

describe('hostile input', () => {
  // Every scan is bounded and linear. The costliest shape is digit groups that look like phone numbers
  // (libphonenumber checks each): about 12 µs a character, so 50 kB of it takes about half a second.
  const shapes: Record<string, string> = {
    'digits and spaces': '1 '.repeat(100_000),
    'at signs': 'a@'.repeat(100_000),
    'dotted local part': 'a.'.repeat(100_000) + '@',
    'long token run': 'aB3'.repeat(70_000),
    'greetings': 'Hi Ab,\n'.repeat(30_000),
    'query strings': '?token='.repeat(25_000),
    'phone-ish': '+1 (2) 3-4.5 '.repeat(15_000),
    'four-digit groups': '1234 5678 9012 3456 789, '.repeat(2_000),
    'phone lists': '020 7946 0958 '.repeat(14_000),
  };
  // No wall-clock assertion (a loaded CI machine would make it flaky): a super-linear scan of these
  // 100–200 kB inputs would take hours, so the test's own timeout is the hang detector.
  it.each(Object.entries(shapes))('%s', (_name, text) => {
    expect(Array.isArray(findPii(text))).toBe(true);
  }, 120_000);
});
