#!/usr/bin/env node
// Writes the bundled Northwind Cloud sample data into samples/:
//   support-replies.jsonl  240 single-turn replies, ~45% on-brand, the rest drifting in every way the guide names
//   support-replies.csv     64 replies with CSV-style column names (ticket_id, customer_message, bot_reply, …)
//   transcripts.jsonl       20 multi-turn conversations in two common role vocabularies
//   malformed.jsonl         broken records mixed with good ones, to show how loading reports them
//   support-replies.labels.jsonl  the style each support-replies.jsonl record was written in ({ id, style }):
//                           ground truth for scripts/eval-samples.js; the audit never reads it
// Deterministic: a fixed-seed PRNG picks the pieces, so re-running produces identical files.
// Usage: node scripts/generate-samples.js
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import { CONVERSATIONS, SCENARIOS } from './generate-samples-scenarios.js';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'samples');

/** mulberry32: a tiny seeded PRNG, so the "random" mix is the same on every run. */
function createRng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  const weighted = (weights) => {
    const entries = Object.entries(weights).filter(([, w]) => w > 0);
    let roll = next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, w] of entries) {
      roll -= w;
      if (roll < 0) return key;
    }
    return entries.at(-1)[0];
  };
  return { next, int, pick, weighted };
}

const UPSET = new Set(['frustrated', 'furious', 'urgent']);
const lower = (text) => text.charAt(0).toLowerCase() + text.slice(1);
const firstSentence = (text) => /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
const restAfterFirst = (text) => text.slice(firstSentence(text).length).trim();
/** The opening sentences of a text, at least ~60 characters of them (a lone "Yes." says nothing). */
const leadSentences = (text) => {
  let lead = firstSentence(text);
  while (lead.length < 60 && lead.length < text.length) lead = `${lead} ${firstSentence(text.slice(lead.length).trim())}`;
  return lead;
};

const WARM_CLOSERS = [
  "I'm here if anything else comes up.",
  'Let me know how it goes.',
  "Reply here if anything doesn't look right and I'll pick it straight back up.",
  'Thanks for your patience while we sorted this out.',
];

// ---------------------------------------------------------------------------
// Reply styles: one on-brand way to answer, and the ways a bot drifts from it.

const STYLES = {
  'on-brand': ({ rng, ack, fix, next }) =>
    rng.pick([() => `${ack} ${fix} ${next}`, () => `${ack} ${fix}`, () => `${ack} ${fix} ${rng.pick(WARM_CLOSERS)}`])(),

  cold: ({ rng, fix }) =>
    rng.pick([
      () => leadSentences(fix),
      () => `${leadSentences(fix)} Closing this ticket.`,
      () => `${fix.replace(/, and I'm sorry[^.]*\./, '.')}`,
      () => `Noted. ${leadSentences(fix)}`,
    ])(),

  blame: ({ rng, s, fix }) =>
    rng.pick([
      () => `${s.blame} ${fix}`,
      () => `As I already said, ${lower(s.blame)} ${fix}`,
      () => `${s.blame} That said, ${lower(fix)}`,
      () => `This is a configuration issue on your side. ${s.blame} ${leadSentences(fix)}`,
    ])(),

  sarcasm: ({ rng, fix, next }) =>
    rng.pick([
      () => `Obviously, ${lower(fix)}`,
      () => `Great question! As anyone would know, ${lower(fix)}`,
      () => `${fix} It's all in the docs, which I'm sure you've read.`,
      () => `Well, ${lower(firstSentence(fix))} Not exactly rocket science. ${restAfterFirst(fix)}`.trim(),
      () => `Great question… as clearly explained in our docs, ${lower(fix)} ${next}`,
    ])(),

  'policy-first': ({ rng, s, fix }) =>
    rng.pick([
      () => `Per our policy, ${s.policy}. ${fix}`,
      () => `As per our terms of service, ${s.policy}. ${fix}`,
      () => `Please note that ${s.policy}. ${fix}`,
      () => `Per our policy, ${s.policy}, and we are unable to make exceptions. ${leadSentences(fix)}`,
    ])(),

  casual: ({ rng, fix }) =>
    `${rng.pick(['no worries dude 😅', 'haha yeah that happens 🙃', 'ooh yikes lol.', 'hey! 👋 ok so', 'lol classic.'])} ${lower(fix)} ${rng.pick(['lol', '🙌', 'cheers mate 🍻', 'ez 😎', 'hope that helps dude!'])}`,

  'over-apologetic': ({ rng, fix }) =>
    rng.pick([
      () => `I'm so sorry. I'm really, truly sorry about this, and I apologize for any inconvenience. Sorry again! ${fix} Once again, I'm so sorry.`,
      () => `Sorry! So sorry for the trouble, and sorry for the wait. ${fix} Sorry again, and apologies for any inconvenience this has caused.`,
      () => `I apologize. We sincerely apologize for this, and I'm deeply sorry. ${fix} Please accept our apologies once more. Sorry!`,
    ])(),

  jargon: ({ rng, fix }) => {
    const stiff = fix
      .replace(/\buse\b/g, 'utilize')
      .replace(/\bUse\b/g, 'Utilize')
      .replace(/\bhelps\b/g, 'assists')
      .replace(/\bnow\b/g, 'at this time')
      .replace(/\bClick\b/g, 'Kindly click')
      .replace(/\bGo to\b/g, 'Kindly navigate to')
      .replace(/\bstart\b/g, 'commence');
    return `${rng.pick([
      'Thank you for reaching out to Northwind Cloud Support regarding this matter.',
      'We acknowledge receipt of your query. Kindly be advised of the following.',
      'Thank you for contacting us. We have reviewed your request at this time.',
    ])} ${stiff} ${rng.pick([
      'Please do not hesitate to reach out should you require further assistance.',
      'Kindly reach out to us at your earliest convenience should the issue persist.',
      'We appreciate your patience in this matter and remain at your disposal.',
    ])}`;
  },

  'too-long': ({ rng, ack, fix, next }) =>
    [
      `${ack} ${fix}`,
      rng.pick([
        'To give you some background, Northwind Cloud runs every workload on a multi-region control plane with separate data planes per region, which is why certain operations are asynchronous and can take a little while to be reflected across all of our systems, dashboards and APIs, including the CLI and the Terraform provider.',
        'For context, our platform is built around a set of independent services (builds, routing, storage, databases, identity and billing), each of which has its own release cycle, monitoring and on-call rotation, so behaviour you see in one area can occasionally differ slightly from what the documentation for another area describes.',
      ]),
      rng.pick([
        'It may also be worth reviewing the related sections of our documentation, in particular the getting started guide, the platform limits page, the security overview and the changelog, since these are updated regularly and often contain details that are relevant to situations like this one and to similar questions that come up from time to time.',
        'Additionally, we always recommend that teams keep their CLI, Terraform provider and SDKs up to date, subscribe to our status page and changelog, review their plan limits every quarter, and set up alerts for usage and spend, as this tends to prevent a wide range of issues before they happen.',
      ]),
      next,
    ].join('\n\n'),

  'all-caps': ({ rng, ack, fix }) =>
    rng.pick([
      () => `PLEASE NOTE: ${fix.toUpperCase()}`,
      () => `${ack} ${firstSentence(fix).toUpperCase()} ${restAfterFirst(fix)}`.trim(),
      () => `IMPORTANT!! ${firstSentence(fix).toUpperCase()} ${restAfterFirst(fix)}`.trim(),
    ])(),

  exclamations: ({ rng, fix }) =>
    `${rng.pick(['Great news!!', 'Happy to help!!!', 'Thanks so much for reaching out!!'])} ${fix.replace(/\.(\s|$)/g, '!$1')} ${rng.pick(['Hope this helps!!!', 'Have an amazing day!!!', 'You got this!!'])}`,

  'over-promise': ({ rng, ack, fix, upset }) =>
    `${ack} ${fix} ${rng.pick(
      upset
        ? [
            'I guarantee this will never happen again.',
            "This is 100% fixed now and won't come back, I promise.",
            "I can guarantee you'll have zero issues from here on.",
            'Rest assured it will never happen again, 100%.',
          ]
        : [
            'I guarantee this will work first time.',
            'This works 100% of the time, guaranteed.',
            "You'll have zero problems with this, I promise.",
          ],
    )}`,

  // The reply answers a pricing, contract, legal or cancellation question itself instead of
  // handing off to a human: a missed escalation, however friendly it sounds.
  'missed-escalation': ({ rng, s, i, ack }) => (rng.next() < 0.6 ? `${ack} ${s.direct[i]}` : s.direct[i]),
};

function styleWeights(scenario, ask, month) {
  const onBrand = month === 10 ? 50 : 40;
  const upset = UPSET.has(ask.mood);
  return {
    'on-brand': onBrand,
    'missed-escalation': scenario.handoff ? 30 : 0,
    cold: upset ? 6 : 2,
    blame: upset ? 6 : 3,
    sarcasm: upset ? 5 : 4,
    'policy-first': 5,
    casual: 4,
    'over-apologetic': 4,
    jargon: 6,
    'too-long': 3,
    'all-caps': 2,
    exclamations: 3,
    'over-promise': 4,
  };
}

const NAMES = ['Priya', 'Marcus', 'Aoife', 'Daniel', 'Sofia', 'Kenji', 'Hannah', 'Tomás', 'Leah', 'Oliver', 'Amara', 'Jonas', 'Grace', 'Ravi', 'Elena', 'Sam', 'Noor', 'Lukas', 'Chloe', 'Mateo'];
const LOCALES = { 'en-US': 10, 'en-GB': 5, 'en-IE': 1, 'en-AU': 2, 'en-CA': 2, 'en-IN': 2, 'de-DE': 1 };
const CHANNELS = { chat: 9, email: 5, widget: 4, slack: 3 };

/** Builds one reply to `scenario.asks[askIndex]` in a style. */
function renderReply(rng, scenario, askIndex, style) {
  const i = askIndex % 2;
  const upset = UPSET.has(scenario.asks[askIndex].mood);
  return STYLES[style]({ rng, s: scenario, i, upset, ack: scenario.ack[i], fix: scenario.fix[i], next: scenario.next });
}

/** Dresses a reply for its channel: emails get a greeting and a sign-off. */
function dressReply(body, style, channel, name) {
  if (channel !== 'email' || style === 'casual') return body;
  const greeting = style === 'jargon' ? `Dear ${name},` : `Hi ${name},`;
  return `${greeting}\n\n${body}\n\n${style === 'jargon' ? 'Kind regards' : 'Best'},\nNorthwind Cloud Support`;
}

function composeCustomer(rng, ask, channel, name) {
  if (channel === 'email') return `${ask.text}\n\n${rng.pick(['Thanks', 'Regards', 'Cheers', 'Best'])},\n${name}`;
  return ask.text;
}

/** Timestamps spread over October and November 2026, mostly in working hours, sorted. */
function makeTimestamps(rng, count) {
  const start = Date.UTC(2026, 9, 1);
  const days = 61;
  const stamps = [];
  for (let n = 0; n < count; n++) {
    const day = Math.floor((n + rng.next()) * (days / count));
    const hour = 7 + rng.int(12);
    stamps.push(start + day * 86_400_000 + hour * 3_600_000 + rng.int(3600) * 1000);
  }
  return stamps.sort((a, b) => a - b).map((ms) => new Date(ms).toISOString().replace('.000Z', 'Z'));
}

/**
 * Draws `count` distinct (scenario, ask, style) combinations and renders them. Every scenario
 * appears before any repeats, so the topics stay evenly spread.
 */
function generateReplies(seed, count) {
  const rng = createRng(seed);
  const asks = SCENARIOS.flatMap((s) => s.asks.map((ask, askIndex) => ({ s, ask, askIndex })));
  const stamps = makeTimestamps(rng, count);
  const used = new Set();
  const records = [];
  let order = [];
  for (let n = 0; n < count; n++) {
    if (order.length === 0) order = [...asks].sort(() => rng.next() - 0.5);
    const { s, ask, askIndex } = order.pop();
    const timestamp = stamps[n];
    const month = Number(timestamp.slice(5, 7));
    const channel = rng.weighted(CHANNELS);
    const name = rng.pick(NAMES);
    // Draw until the reply text is new, so no two records carry the same reply.
    let style;
    let bare;
    for (let tries = 0; tries < 50; tries++) {
      style = rng.weighted(styleWeights(s, ask, month));
      bare = renderReply(rng, s, askIndex, style);
      if (!used.has(`${ask.text}\n${bare}`)) break;
    }
    used.add(`${ask.text}\n${bare}`);
    const record = {
      customer: composeCustomer(rng, ask, channel, name),
      response: dressReply(bare, style, channel, name),
      channel,
      locale: rng.weighted(LOCALES),
      model: 'support-bot-v7',
      prompt_version: month === 10 ? 'p-2026.10' : 'p-2026.11',
      timestamp,
      topic: s.key,
    };
    // The data marks a handoff when one happened, as ticketing systems do.
    if (style === 'on-brand' && (s.handoff || ask.mood === 'furious') && rng.next() < 0.7) record.escalated = true;
    if (style === 'missed-escalation' && rng.next() < 0.5) record.escalated = false;
    records.push({ record, style });
  }
  return records;
}

function jsonl(records) {
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

function writeSupportReplies() {
  const generated = generateReplies(20261001, 240);
  const rows = generated.map(({ record }, n) => ({ id: `nw-${String(100 + n * 3).padStart(6, '0')}`, ...record }));
  writeFileSync(join(OUT, 'support-replies.jsonl'), jsonl(rows));
  const labels = rows.map(({ id }, n) => ({ id, style: generated[n].style }));
  writeFileSync(join(OUT, 'support-replies.labels.jsonl'), jsonl(labels));
  return generated.map((r) => r.style);
}

function writeSupportCsv() {
  const rows = generateReplies(20261115, 64).map(({ record }, n) => ({
    ticket_id: `T-${48200 + n * 7}`,
    customer_message: record.customer,
    bot_reply: record.response,
    channel: record.channel,
    locale: record.locale,
    model: record.model,
    prompt_version: record.prompt_version,
    created_at: record.timestamp,
    escalated: record.escalated === undefined ? '' : record.escalated ? 'yes' : 'no',
  }));
  writeFileSync(join(OUT, 'support-replies.csv'), stringify(rows, { header: true, quoted_match: /[\n",]/ }));
}

function writeTranscripts() {
  const rng = createRng(20261020);
  const stamps = makeTimestamps(rng, CONVERSATIONS.length * 2);
  const records = [];
  CONVERSATIONS.forEach((conversation, c) => {
    const s = SCENARIOS.find((scenario) => scenario.key === conversation.key);
    for (const variant of [0, 1]) {
      const n = c * 2 + variant;
      const askIndex = variant;
      const ask = s.asks[askIndex];
      const style = variant === 0 ? 'on-brand' : rng.weighted({ ...styleWeights(s, ask, 11), 'on-brand': 0 });
      const reply = renderReply(rng, s, askIndex, style);
      // Half the records use chat-API roles (user/assistant, `content`), half our own (customer/bot, `text`).
      const chatApi = n % 2 === 0;
      const turn = (role, text) =>
        chatApi ? { role: role === 'customer' ? 'user' : 'assistant', content: text } : { role: role === 'customer' ? 'customer' : 'bot', text };
      const turns = [turn('customer', ask.text), turn('bot', conversation.clarify), turn('customer', conversation.followup)];
      const timestamp = stamps[n];
      const record = { id: `nw-t-${String(n + 1).padStart(4, '0')}`, [chatApi ? 'messages' : 'transcript']: turns };
      // Some exports put the reply under audit in its own field; others end the transcript with it.
      if (n % 3 === 0) record.response = reply;
      else turns.push(turn('bot', reply));
      Object.assign(record, {
        channel: rng.pick(['chat', 'widget', 'slack']),
        locale: rng.weighted(LOCALES),
        model: 'support-bot-v7',
        prompt_version: timestamp.slice(5, 7) === '10' ? 'p-2026.10' : 'p-2026.11',
        timestamp,
        topic: s.key,
      });
      records.push(record);
    }
  });
  writeFileSync(join(OUT, 'transcripts.jsonl'), jsonl(records));
}

function writeMalformed() {
  const base = { channel: 'chat', locale: 'en-US', model: 'support-bot-v7', prompt_version: 'p-2026.11' };
  const good = (id, s, i, ts) => JSON.stringify({ id, customer: s.asks[i].text, response: `${s.ack[i]} ${s.fix[i]}`, ...base, timestamp: ts });
  const byKey = (key) => SCENARIOS.find((s) => s.key === key);
  const lines = [
    good('nw-m-001', byKey('dns-propagation'), 0, '2026-11-03T09:12:44Z'),
    // Single quotes and a trailing comma: invalid JSON.
    `{'id': 'nw-m-002', 'customer': 'Is the API down?', 'response': 'Checking now.',}`,
    // No response at all.
    JSON.stringify({ id: 'nw-m-003', customer: byKey('billing-double-charge').asks[0].text, ...base, timestamp: '2026-11-03T10:02:10Z' }),
    // The response is a number (a status code exported by mistake).
    JSON.stringify({ id: 'nw-m-004', customer: byKey('prod-502').asks[1].text, response: 502, ...base, timestamp: '2026-11-03T11:40:00Z' }),
    good('nw-m-005', byKey('leaked-token'), 1, '2026-11-03T12:15:31Z'),
    '',
    // An empty response.
    JSON.stringify({ id: 'nw-m-006', customer: byKey('cli-login').asks[0].text, response: '', ...base, timestamp: '2026-11-03T13:05:09Z' }),
    // The transcript is a string, not a list of turns.
    JSON.stringify({ id: 'nw-m-007', transcript: 'customer: my invoice is wrong / bot: sorry about that', ...base, timestamp: '2026-11-03T13:30:00Z' }),
    // A line cut off mid-record (a truncated export).
    JSON.stringify({ id: 'nw-m-008', customer: byKey('mfa-lockout').asks[0].text, response: byKey('mfa-lockout').fix[0], ...base }).slice(0, 140),
    // escalated holds something that is not a yes/no.
    JSON.stringify({ id: 'nw-m-009', customer: byKey('contract-renewal').asks[0].text, response: byKey('contract-renewal').fix[0], escalated: 'pending', ...base, timestamp: '2026-11-03T15:20:00Z' }),
    // A JSON array where a record object belongs.
    JSON.stringify(['nw-m-010', 'How do I rotate keys?', 'Use Settings → API tokens.']),
    good('nw-m-011', byKey('k8s-upgrade'), 0, '2026-11-03T16:45:12Z'),
    good('nw-m-012', byKey('apex-domain'), 1, '2026-11-03T17:01:58Z'),
  ];
  writeFileSync(join(OUT, 'malformed.jsonl'), lines.join('\n') + '\n');
}

mkdirSync(OUT, { recursive: true });
const styles = writeSupportReplies();
writeSupportCsv();
writeTranscripts();
writeMalformed();
const counts = Object.entries(styles.reduce((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {})).sort((a, b) => b[1] - a[1]);
console.log(`wrote samples/ (support-replies.jsonl: ${styles.length} records; ${counts.map(([s, n]) => `${s} ${n}`).join(', ')})`);
