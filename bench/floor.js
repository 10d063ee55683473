// The plain-node floor for throughput: what any JSONL → JSON audit costs at the least. Reads the
// JSONL file line by line, runs 20 case-insensitive regexes over each reply, and writes one JSON
// object per reply to stdout (awaiting 'drain', so it is fair to a slow pipe). No library loaded.
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const PATTERNS = [
  /\bper our policy\b/i, /\bkindly\b/i, /\butili[sz]e\b/i, /\bat this time\b/i, /\breach out\b/i,
  /\bunfortunately\b/i, /\bobviously\b/i, /\bas I (?:already )?said\b/i, /\byou should have\b/i, /\bguarantee\b/i,
  /\b100%/i, /\blol\b/i, /\bdude\b/i, /!{2,}/, /\b[A-Z]{4,}\b/, /\bsorry\b/i,
  /\bapolog(?:y|ise|ize)\b/i, /\bASAP\b/i, /\bescalat\w*/i, /\b(?:thank you|thanks)\b/i,
];

let buffered = '';
const flush = async () => {
  if (!process.stdout.write(buffered)) await once(process.stdout, 'drain');
  buffered = '';
};
const lines = createInterface({ input: createReadStream(process.argv[2], 'utf8'), crlfDelay: Infinity });
for await (const line of lines) {
  if (line === '') continue;
  const record = JSON.parse(line);
  const hits = [];
  for (const pattern of PATTERNS) {
    const match = pattern.exec(record.response);
    if (match) hits.push({ pattern: pattern.source, index: match.index, match: match[0] });
  }
  buffered += `${JSON.stringify({ id: record.id, findings: hits })}\n`;
  if (buffered.length >= 65536) await flush();
}
await flush();
