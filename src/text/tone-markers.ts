import type { Span } from '../types.js';

/**
 * Finders for the surface marks of tone that `limit` rules count and signals look for.
 * Each returns the spans (0-based UTF-16 offsets, end exclusive) in text order.
 */

/**
 * One emoji: a pictograph with optional presentation selector or skin-tone modifier, joined by
 * ZWJ into one glyph (👩‍💻 counts once), or a flag (two regional indicators).
 */
const EMOJI =
  /\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?)*|\p{Regional_Indicator}{2}/gu;
/** Pictographs that are ordinary typography unless followed by U+FE0F (emoji presentation). */
const TEXT_SYMBOLS = new Set(['©', '®', '™', '‼', '⁉', '↔', '↕', '▶', '◀', '☑', '✔', '✖', '➡', '⬅', '⬆', '⬇']);

// The capital comes before the lookbehind so most positions fail on one cheap test (about 2x faster).
const ALL_CAPS_WORD = /\p{Lu}(?<![\p{L}\p{N}_]\p{Lu})\p{Lu}{2,}(?![\p{L}\p{N}_])/gu;
const APOLOGY =
  /(?<![\p{L}\p{N}_])(?:sorry|apolog(?:y|ies|i[sz]e[sd]?|i[sz]ing)|my\s+bad|forgive\s+me)(?![\p{L}\p{N}_])/giu;
const EXCLAMATION = /[!！]/g;
/** Inline code as Markdown writes it: a backtick run, then text on one line, then the same run. */
const CODE_SPAN = /(`+)[^`\n]+?\1/g;
const QUESTION = /[?？]/g;

/**
 * Acronyms that are not shouting. `limit` rules with `count: all-caps` accept `allow:` to add more.
 * Two-letter words (ID, OK, US, EU, IP, DB) are never counted, so they need no entry. The list is
 * the vocabulary of technical support: protocols and DNS record types, security and identity,
 * cloud and data services, file formats, compliance and contracts, time zones and currencies.
 * English words are in it only where support text means the technical term (REST, ZIP, ACME); others
 * a person might shout (ALIAS, the DNS record) are left to a guide's `allow:`.
 */
export const DEFAULT_ACRONYMS: readonly string[] = [
  // web, network and DNS
  'API', 'CDN', 'CORS', 'CSRF', 'CSS', 'DNS', 'FTP', 'HSTS', 'HTML', 'HTTP', 'HTTPS', 'IMAP', 'ISP', 'LAN', 'MTU',
  'NAT', 'REST', 'RPC', 'SFTP', 'SMTP', 'SNI', 'SSH', 'SSL', 'TCP', 'TLS', 'UDP', 'URI', 'URL', 'VPN', 'WAF', 'WAN',
  'XSS', 'CIDR', 'DHCP', 'ICMP', 'BGP', 'AAAA', 'ANAME', 'CAA', 'CNAME', 'DKIM', 'DMARC', 'PTR', 'SOA', 'SPF', 'SRV',
  'TTL', 'TXT', 'ACME', 'OCSP',
  // security and identity
  'ACL', 'ACS', 'AES', 'HMAC', 'HSM', 'IAM', 'JWT', 'KMS', 'LDAP', 'MFA', 'OIDC', 'OTP', 'PGP', 'PIN', 'PKI', 'RBAC',
  'RSA', 'SAML', 'SCIM', 'SHA', 'SSO', 'TOTP',
  // cloud, compute and data
  'AWS', 'GCP', 'GKE', 'EKS', 'AKS', 'AMI', 'EBS', 'ECS', 'ECR', 'RDS', 'SQS', 'SNS', 'VPC', 'VPS', 'CPU', 'GPU',
  'RAM', 'SSD', 'HDD', 'IOPS', 'OOM', 'PID', 'TTY', 'SQL', 'ORM', 'ETL', 'CRUD', 'DDL', 'WAL', 'UUID', 'GUID',
  // developer tools and formats
  'CLI', 'GUI', 'IDE', 'SDK', 'JDK', 'JVM', 'NPM', 'PHP', 'LTS', 'EOL', 'CSV', 'TSV', 'JSON', 'YAML', 'TOML', 'XML',
  'PDF', 'PNG', 'JPG', 'JPEG', 'GIF', 'SVG', 'ZIP', 'UTF', 'ASCII', 'USB', 'SMS',
  // operations, business, compliance and contracts
  'SLA', 'SLO', 'SLI', 'RCA', 'SRE', 'MTTR', 'RPO', 'RTO', 'NOC', 'ETA', 'ASAP', 'TBD', 'FAQ', 'KPI', 'ROI', 'SKU',
  'ARR', 'MRR', 'CEO', 'CFO', 'CIO', 'CISO', 'COO', 'CTO', 'DPA', 'DPO', 'MSA', 'NDA', 'SOW', 'GDPR', 'CCPA',
  'HIPAA', 'PCI', 'DSS', 'SOC', 'ISO', 'NIST', 'FIPS', 'VAT', 'GST', 'IBAN', 'ACH', 'SEPA', 'EEA', 'EMEA', 'APAC',
  'USA', 'UAE',
  // time zones and currencies
  'UTC', 'GMT', 'BST', 'CET', 'CEST', 'EST', 'EDT', 'CST', 'CDT', 'MST', 'MDT', 'PST', 'PDT', 'IST', 'JST', 'AEST',
  'AEDT', 'USD', 'EUR', 'GBP', 'AUD', 'CAD', 'CHF', 'JPY', 'INR', 'NZD', 'SEK', 'NOK', 'DKK', 'SGD', 'HKD',
];
const DEFAULT_ACRONYM_SET: ReadonlySet<string> = new Set(DEFAULT_ACRONYMS);

function spansOf(re: RegExp, text: string, keep?: (match: string) => boolean): Span[] {
  const spans: Span[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (!keep || keep(m[0])) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

/** Emoji in `text`, one span per rendered glyph (ZWJ sequences and flags count once). */
export function findEmoji(text: string): Span[] {
  return spansOf(EMOJI, text, (m) => !TEXT_SYMBOLS.has(m));
}

/** English words people shout for emphasis; in capitals on their own they are shouting, not an acronym. */
const EMPHASIS_WORDS: ReadonlySet<string> = new Set(
  'NOT NEVER NOW DO DONT DON ALWAYS MUST PLEASE VERY ALL ANY STOP YES WILL CAN CANNOT CANT IMPORTANT URGENT NOTE WARNING FREE TOTALLY REALLY ONLY AND THE THIS THAT YOU YOUR HAVE NEED WAIT NONE EVERY NOTHING STILL AGAIN HUGE BEST GREAT AMAZING SCAM FIXED DONE SORRY THANK THANKS'.split(' '),
);

/** At most this many characters between two capitals words for them to read as one shouted run ("DO NOT CLICK"). */
const RUN_GAP = 3;

/**
 * Words of 3+ letters written entirely in capitals that read as shouting: part of a run of
 * capitals words ("THAT IS A SCAM"), an English emphasis word ("NEVER", "NOW"), or followed by
 * `!`. A lone capitals word that is none of these reads as an acronym or a code ("FTTC", "BIC",
 * "WINTER"), and so does anything in `allow` (default {@link DEFAULT_ACRONYMS}; compared
 * upper-case) or inside a `code` span (an environment variable or a command is quoted, not shouted).
 */
export function findAllCapsWords(text: string, allow: ReadonlySet<string> = DEFAULT_ACRONYM_SET): Span[] {
  const code = text.includes('`') ? spansOf(CODE_SPAN, text) : [];
  const words = spansOf(ALL_CAPS_WORD, text).filter((span) => !code.some((c) => span.start >= c.start && span.end <= c.end));
  const near = (a: Span | undefined, b: Span | undefined) => a !== undefined && b !== undefined && b.start - a.end <= RUN_GAP;
  return words.filter((span, i) => {
    const word = text.slice(span.start, span.end);
    if (allow.has(word)) return false;
    const inRun = near(words[i - 1], span) || near(span, words[i + 1]);
    return inRun || EMPHASIS_WORDS.has(word) || text.charAt(span.end) === '!';
  });
}

/** Abbreviations everyone reads without help; every other one is something a customer may have to look up. */
const EVERYDAY_ABBREVIATIONS: ReadonlySet<string> = new Set(
  'PIN PDF FAQ USA UAE VAT ETA ASAP SMS USB CEO GMT UTC BST CET EST PST USD EUR GBP AUD CAD TV DVD ATM APP UK EU US NHS HMRC IRS BBC TBC ID OK AM PM GP PC NO OR IT ISP WIFI TAX NI CV MOT ISA SIM PS UPS DHL DPD PO FAO RSVP'.split(' '),
);

/** An abbreviation-like token: 2–7 capitals or digits, at least two capitals or a capital and a digit ("SSR", "D0150", "P2P", "DC"). */
const ABBREVIATION_TOKEN = /(?<![\p{L}\p{N}_'’])(?=[\p{N}]*\p{Lu}[\p{N}]*[\p{Lu}\p{N}])[\p{Lu}\p{N}]{2,7}(?![\p{L}\p{N}_'’])/gu;

/**
 * Capitals words that are not shouting and not everyday abbreviations: acronyms a customer may have
 * to look up (jargon candidates), including technical ones a guide allows as "not shouting".
 */
export function findUnfamiliarAcronyms(text: string, allow: ReadonlySet<string> = DEFAULT_ACRONYM_SET): string[] {
  const shouted = new Set(findAllCapsWords(text, allow).map((s) => s.start));
  const found = new Set<string>();
  for (const span of spansOf(ABBREVIATION_TOKEN, text)) {
    const word = text.slice(span.start, span.end);
    if (/^\d/u.test(word) && /^\d+\p{Lu}{1,2}$/u.test(word)) continue; // 3PM, 10AM, 2ND
    if (!shouted.has(span.start) && !EVERYDAY_ABBREVIATIONS.has(word) && !EMPHASIS_WORDS.has(word)) found.add(word);
  }
  return [...found];
}

/** A set of allowed acronyms: the defaults plus `extra` (upper-cased). */
export function buildAcronymSet(extra: readonly string[] = []): ReadonlySet<string> {
  return extra.length === 0 ? DEFAULT_ACRONYM_SET : new Set([...DEFAULT_ACRONYMS, ...extra.map((w) => w.toUpperCase())]);
}

/** Apologies: `sorry`, `apologise`/`apologize` and their forms, `apology`/`apologies`, `my bad`, `forgive me`. */
export function findApologies(text: string): Span[] {
  return spansOf(APOLOGY, text);
}

/** Every exclamation mark (`!!!` is three: each one adds to the shouting). */
export function findExclamations(text: string): Span[] {
  return spansOf(EXCLAMATION, text);
}

/** Every question mark. */
export function findQuestionMarks(text: string): Span[] {
  return spansOf(QUESTION, text);
}
