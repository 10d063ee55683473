// A backlog file for the merge benchmark: `count` items sorted by id, as `audit --backlog` writes
// them. The items for the first `overlap` replies of the audit's samples file (the same seed) are
// among them, so the merge updates or resolves those and adds the rest.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { hashBacklogId, serializeBacklogItem } from '../dist/backlog/index.js';
import { replyMaker } from './generate-samples.js';

function item(customer, original, i) {
  const mark = { audit: '1.0.0/bench-setup', at: '2026-11-01T00:00:00.000Z' };
  return {
    id: hashBacklogId(customer, original),
    status: i % 3 === 0 ? 'ready' : 'needs-review',
    customer,
    original,
    rewrite: original.replace(/Kindly |Per our policy, /g, ''),
    rewriteSource: 'rules',
    findings: [{ ruleId: 'plain-words', severity: 'warning', message: 'Write “Please” instead of “Kindly”', match: 'Kindly' }],
    guideVersion: '1.0.0',
    grader: { kind: 'none' },
    firstSeen: mark,
    lastSeen: mark,
    timesSeen: 1,
    audits: [mark.audit],
    sampleIds: [`old-${i}`],
    notes: 'awaiting readiness check of the rewrite',
  };
}

/** Writes the backlog; `samplesSeed` must be the seed the audit's samples were written with. */
export async function writeBacklogFile(file, count, { overlap, samplesSeed = 1 }) {
  const fromAudit = replyMaker(samplesSeed);
  const filler = replyMaker(samplesSeed + 1000);
  const lines = [];
  for (let i = 0; i < count; i += 1) {
    const { customer, response } = i < overlap ? fromAudit(i) : filler(i + 10_000_000);
    const line = serializeBacklogItem(item(customer, response, i));
    lines.push([line.slice(7, 23), line]);
  }
  lines.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out = createWriteStream(file);
  let chunk = '';
  for (const [, line] of lines) {
    chunk += `${line}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}
