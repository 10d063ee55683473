// Personal data and secrets are found by this module's own detectors (bounded, linear-time scans;
// Luhn for cards, mod-97 for IBANs, issued ranges for SSNs and NI numbers), except phone numbers,
// which libphonenumber-js validates against its full metadata (international formats, national
// formats of chosen countries). The maintained all-in-one libraries were measured and rejected:
// openredaction and @redactpii/node took 9–12 s on 100 kB of hostile text (superlinear regexes) and
// misread ordinary numbers; redact-pii was slower still (140 s) and pulls in Google Cloud DLP;
// @arcjet/redact is linear and Luhn-checks cards but has no IBAN, SSN, NI, URL-token or secret
// detection and needs Node 22. See README "Privacy: what leaves the machine".
export { PII_TYPES, PLACEHOLDER_LABELS, zeroCounts, addCounts, type PiiType, type RedactionCounts, type Detection } from './pii-types.js';
export { passesLuhn, passesIbanMod97 } from './checksums.js';
export { detectCards, detectIbans, detectSsns, detectNationalInsurance } from './detect-numbers.js';
export { detectEmails, detectPhones, detectUrlTokens, isSecretParam, DEFAULT_PHONE_COUNTRIES, type PhoneOptions } from './detect-contacts.js';
export { detectSecrets, looksLikeToken } from './detect-secrets.js';
export { detectNames, type NameOptions } from './detect-names.js';
export { findPii, type FindPiiOptions } from './find-pii.js';
export { createRedactionSession, restore, mapOffset, type RedactionSession, type RedactedText, type RedactionEdit, type RedactOptions } from './redaction-session.js';
export { redactSample, redactFinding, type SampleRedaction } from './redact-sample.js';
export { redactSampleResult, redactOptionsForBrand } from './redact-result.js';
