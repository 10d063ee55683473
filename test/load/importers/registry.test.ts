import { describe, expect, it } from 'vitest';
import { IMPORT_FORMATS } from '../../../src/load/importers/format-names.js';
import { detectImporter, IMPORTERS } from '../../../src/load/importers/registry.js';
import { readFixture } from './import-helpers.js';

describe('importer registry', () => {
  it('lists the same importers as the names --help and the config schema use', () => {
    expect(Object.keys(IMPORTERS)).toEqual(IMPORT_FORMATS);
    for (const [name, importer] of Object.entries(IMPORTERS)) {
      expect(importer.name).toBe(name);
      expect(importer.reference).toMatch(/^https:\/\//);
    }
  });

  it('detects each platform from its first record, and leaves plain records and chat logs to the default reader', () => {
    const first = (file: string) => JSON.parse(file.endsWith('.jsonl') ? readFixture(file).split('\n')[0]! : readFixture(file));
    expect(detectImporter(first('zendesk-tickets.json'))?.name).toBe('zendesk');
    expect(detectImporter(first('intercom-conversations.jsonl'))?.name).toBe('intercom');
    expect(detectImporter(first('freshdesk-ticket.json'))?.name).toBe('freshdesk');
    expect(detectImporter(first('langfuse-trace.json'))?.name).toBe('langfuse');
    expect(detectImporter({ ConversationId: 'A', ActorType: 'Bot', Message: 'x', EntryTime: 't' })?.name).toBe('salesforce');
    expect(detectImporter(first('openai-messages.jsonl'))).toBeUndefined();
    expect(detectImporter({ id: 'x', customer: 'hi', response: 'hello', comments: 'none' })).toBeUndefined();
    expect(detectImporter({ input: 'hi', output: 'hello' })).toBeUndefined();
  });
});
