// Synthetic support replies for the benchmarks, shaped like the bundled samples: each reply's
// length (in words) is drawn from the lengths of samples/support-replies.jsonl, and its text is a
// random run of sentences taken from those replies (so rules hit, miss and nearly match as they do
// on the samples), with a reference number that keeps almost every reply distinct. Deterministic
// for a given count and seed.
import { createWriteStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The bundled samples' replies, their sentences, word counts and customer messages. */
export function loadSampleShapes(file = path.join(root, 'samples/support-replies.jsonl')) {
  const records = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line));
  const replies = records.map((r) => r.response).filter((text) => typeof text === 'string' && text.trim() !== '');
  const sentences = replies.flatMap((text) => text.split(/(?<=[.!?]["”’)]?)\s+/)).map((s) => s.trim()).filter((s) => s !== '');
  return {
    lengths: replies.map(countWords),
    sentences,
    customers: records.map((r) => r.customer).filter((text) => typeof text === 'string' && text.trim() !== ''),
    channels: [...new Set(records.map((r) => r.channel).filter(Boolean))],
  };
}

export function countWords(text) {
  return text.split(/\s+/).filter(Boolean).length;
}

/** mulberry32: a small seeded PRNG, so the same count and seed give the same file. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A function of the record index returning `{ customer, response, channel }`. */
export function replyMaker(seed = 1, shapes = loadSampleShapes()) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  return (i) => {
    const target = pick(shapes.lengths);
    const parts = [];
    let words = 2; // the reference below
    while (words < target) {
      const sentence = pick(shapes.sentences);
      const n = countWords(sentence);
      // Stop short when the sentence would overshoot the drawn length by more than it is missing.
      if (parts.length > 0 && words + n - target > target - words) break;
      parts.push(sentence);
      words += n;
    }
    // One reference per reply, so replies (and backlog ids) are distinct without changing the length much.
    parts.splice(Math.floor(next() * parts.length), 0, `Reference ${(i * 7919 + 104729).toString(36).toUpperCase()}.`);
    return { customer: pick(shapes.customers), response: parts.join(' '), channel: pick(shapes.channels) };
  };
}

/** Writes `count` JSONL records to `file`; resolves with their mean reply length in words. */
export function writeSamples(file, count, seed = 1) {
  const make = replyMaker(seed);
  return new Promise((resolve, reject) => {
    const out = createWriteStream(file);
    out.on('error', reject);
    let i = 0;
    let totalWords = 0;
    const writeMore = () => {
      let ok = true;
      while (i < count && ok) {
        const { customer, response, channel } = make(i);
        totalWords += countWords(response);
        const record = { id: `bench-${i}`, customer, response, channel, locale: 'en-US', model: 'support-bot-v7', timestamp: new Date(Date.UTC(2026, 9, 1) + i * 1000).toISOString() };
        ok = out.write(`${JSON.stringify(record)}\n`);
        i += 1;
      }
      if (i < count) out.once('drain', writeMore);
      else out.end(() => resolve({ meanWords: totalWords / Math.max(1, count) }));
    };
    writeMore();
  });
}

/**
 * Writes `count` conversations to `file` as JSONL records in the chat `messages` shape: two to four
 * customer/bot exchanges whose bot turns are sample-shaped replies, the last one in `response`.
 * Resolves with the number of bot turns written (each one judged as its own sample).
 */
export function writeConversations(file, count, seed = 2) {
  const make = replyMaker(seed);
  return new Promise((resolve, reject) => {
    const out = createWriteStream(file);
    out.on('error', reject);
    let i = 0;
    let botTurns = 0;
    const writeMore = () => {
      let ok = true;
      while (i < count && ok) {
        const exchanges = 2 + (i % 3);
        const messages = [];
        let last;
        for (let k = 0; k < exchanges; k += 1) {
          last = make(i * 4 + k);
          messages.push({ role: 'user', content: last.customer });
          if (k < exchanges - 1) messages.push({ role: 'assistant', content: last.response });
        }
        botTurns += exchanges;
        const record = { id: `conv-${i}`, messages, response: last.response, channel: last.channel };
        ok = out.write(`${JSON.stringify(record)}\n`);
        i += 1;
      }
      if (i < count) out.once('drain', writeMore);
      else out.end(() => resolve({ botTurns }));
    };
    writeMore();
  });
}
