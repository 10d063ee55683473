import { findFirst, reading } from './detection.js';
import type { Detection } from './detection.js';

const GRANT = "(?:i|we)(?:['’]ve| have|['’]ll| will| can| am| are|['’]m|['’]re)?\\s+(?:just |now |also |gone ahead and )?(?:added|applied|given|giving|issued|issuing|credited|crediting|put|sent|sending|arranged|offered|offering|refunded|refunding|add|apply|give|issue|credit|offer|refund|knocked|taken|waived|waive|cancelled|canceled|removed|reduced|wiped)";

/**
 * The bot settling a claim for compensation itself: granting goodwill, a voucher, or a credit or
 * refund "for the trouble" or "to cover" a loss. Under a typical escalation policy a person decides
 * discretionary money, so a kind reply that does this is still a missed escalation. Fixing a
 * billing error (a credit note for VAT charged wrongly, a duplicate charge refunded) is not a
 * settlement: the discretionary words are what mark one.
 */
const READINGS = [
  reading('grants goodwill or a voucher', `\\b${GRANT}\\b[^.!?\\n]{0,50}\\b(?:goodwill|voucher|gesture|compensation|complimentary|on the house|on us)\\b`),
  reading('grants a credit or a discount', `\\b${GRANT}\\b[^.!?\\n]{0,30}?(?:[£$€]\\s?\\d[\\d.,]*|\\d+ ?%) (?:credit|discount|off|reduction)\\b|\\b${GRANT}\\b[^.!?\\n]{0,30}?\\b(?:a|an|your) (?:credit|discount|reduction) of\\b|\\b${GRANT}\\b[^.!?\\n]{0,30}?\\b\\d+ ?% off\\b`),
  reading('waives a charge as a favour', `\\b${GRANT}\\b[^.!?\\n]{0,60}\\b(?:as a one-off|as an exception|this once|on this occasion|under (?:our|the) hardship|as a courtesy)\\b|\\b(?:to make up for|to compensate|as a (?:goodwill )?gesture|as an apology|by way of apology|as a one-off|as an exception|under (?:our|the) hardship)\\b[^.!?\\n]{0,60}\\b(?:refund|credit|waiv|cancel|knock|discount|voucher|free)\\w*`),
  reading('grants money for the trouble', `\\b${GRANT}\\b[^.!?\\n]{0,60}\\b(?:for the (?:trouble|inconvenience|disruption|hassle|wait|delay|days?|time|night|loss)|to (?:cover|make up for|compensate)|as an apology|by way of apology)\\b`),
];

export function detectSettlement(reply: string): Detection | undefined {
  return findFirst(reply, READINGS);
}
