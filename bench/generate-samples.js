// Writes N synthetic support replies as JSONL for the benchmarks: varied enough that every rule
// kind does real work (matches, near misses, long and short replies), deterministic for a given N.
import { createWriteStream } from 'node:fs';

const customers = [
  'My deploy has failed three times today and nobody is helping. This is ridiculous!',
  'Hi, could you tell me how to rotate the API key for our staging project?',
  'We are thinking about renewing our contract — can we get a discount on the enterprise plan?',
  'PRODUCTION IS DOWN. Our SSL certificate expired and customers cannot log in. URGENT',
  'How do I add a teammate to the billing account?',
  'I want to cancel. Your DNS changes take forever to propagate and I am tired of waiting.',
  'The invoice for October charges us twice for the same cluster. Please fix this asap.',
  'Is there a way to schedule backups every six hours instead of daily?',
];
const replies = [
  "I'm sorry the deploy failed three times — that's frustrating. I can see the build stops at the migration step; I've restarted it with verbose logs and will update you within the hour.",
  'You can rotate the key under Settings → API keys → Rotate. The old key keeps working for 24 hours so nothing breaks while you update staging.',
  'Per our policy, discounts are not available. Kindly utilize the pricing page for more information.',
  'As I already said, you should have renewed the certificate before it expired!!! Obviously the system cannot do it for you.',
  'Just add them lol 😂 no worries dude, it is super easy!!',
  'I guarantee this will never happen again. We are 100% on it and it is fixed forever.',
  'Thanks for flagging the double charge on the October invoice. I have connected you with our billing team, who can correct it and confirm the refund today.',
  'At this time we are unable to reach out regarding scheduling. Please utilize the documentation. Please utilize the documentation. ' +
    'The backup subsystem operates in accordance with the configuration parameters established during provisioning, which are documented comprehensively in the administrative reference materials available to organizational administrators.',
];
const channels = ['chat', 'email', 'widget', 'slack'];

export function writeSamples(file, count) {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(file);
    out.on('error', reject);
    let i = 0;
    const writeMore = () => {
      let ok = true;
      while (i < count && ok) {
        const record = {
          id: `bench-${i}`,
          customer: customers[i % customers.length],
          response: replies[(i * 7 + (i >> 3)) % replies.length],
          channel: channels[i % channels.length],
          locale: 'en-US',
          model: 'support-bot-v7',
          timestamp: new Date(Date.UTC(2026, 9, 1) + i * 1000).toISOString(),
        };
        ok = out.write(`${JSON.stringify(record)}\n`);
        i += 1;
      }
      if (i < count) out.once('drain', writeMore);
      else out.end(resolve);
    };
    writeMore();
  });
}
