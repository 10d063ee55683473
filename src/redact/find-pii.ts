import { detectEmails, detectPhones, detectUrlTokens, type PhoneOptions } from './detect-contacts.js';
import { detectNames, type NameOptions } from './detect-names.js';
import { detectCards, detectIbans, detectNationalInsurance, detectSsns } from './detect-numbers.js';
import { detectSecrets } from './detect-secrets.js';
import { detectKnownNames } from './known-names.js';
import type { Detection, PiiType } from './pii-types.js';

export interface FindPiiOptions extends PhoneOptions, NameOptions {
  /** Types to look for (default: all). */
  types?: readonly PiiType[];
  /** Names already known for this conversation (from its greetings and signatures): their repeats anywhere are names too. */
  knownNames?: readonly string[];
}

// When two detections overlap, the earlier detector wins: a token inside a URL is a url-token, not a
// secret; a Luhn-valid card is not read as a phone; an email's digits are not a phone.
const DETECTORS: readonly { type: PiiType; detect: (text: string, options: FindPiiOptions) => Detection[] }[] = [
  { type: 'url-token', detect: detectUrlTokens },
  { type: 'email', detect: detectEmails },
  { type: 'secret', detect: detectSecrets },
  { type: 'iban', detect: detectIbans },
  { type: 'card', detect: detectCards },
  { type: 'ssn', detect: detectSsns },
  { type: 'ni', detect: detectNationalInsurance },
  { type: 'phone', detect: detectPhones },
  { type: 'name', detect: (text, options) => [...detectNames(text, options), ...detectKnownNames(text, options.knownNames ?? [])] },
];

/**
 * Every piece of personal data in `text`, sorted by start, none overlapping. Pure and linear in the
 * text's length: each detector is a bounded scan, and overlaps are settled on an occupancy array.
 */
export function findPii(text: string, options: FindPiiOptions = {}): Detection[] {
  const wanted = options.types ? new Set(options.types) : undefined;
  const taken = new Uint8Array(text.length);
  const kept: Detection[] = [];
  for (const { type, detect } of DETECTORS) {
    if (wanted && !wanted.has(type)) continue;
    for (const d of detect(text, options)) {
      if (d.end <= d.start) continue;
      let free = true;
      for (let i = d.start; i < d.end && free; i += 1) free = taken[i] === 0;
      if (!free) continue;
      taken.fill(1, d.start, d.end);
      kept.push(d);
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}
