import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { DEFAULT_FIELDS, parseFieldMappings } from '../../../src/load/samples/index.js';

describe('parseFieldMappings', () => {
  it('maps our field names to keys and dotted paths', () => {
    expect(parseFieldMappings(['response=bot_reply', 'customer = input.text', 'id=ticket_id'])).toEqual({
      response: 'bot_reply',
      customer: 'input.text',
      id: 'ticket_id',
    });
  });

  it('returns an empty map for no flags', () => {
    expect(parseFieldMappings([])).toEqual({});
  });

  it.each([
    ['response', /expected <field>=<key>/],
    ['=bot_reply', /expected <field>=<key>/],
    ['response=', /expected <field>=<key>/],
    ['response=output..text', /empty path segment/],
  ])('rejects the malformed spec %j', (spec, message) => {
    expect(() => parseFieldMappings([spec])).toThrowError(UsageError);
    expect(() => parseFieldMappings([spec])).toThrowError(message);
  });

  it('rejects an unknown field name and lists the valid ones', () => {
    let error: unknown;
    try {
      parseFieldMappings(['reply=bot_reply']);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe('invalid --field `reply=bot_reply`: unknown field `reply`');
    expect((error as UsageError).hint).toBe(`valid fields: ${Object.keys(DEFAULT_FIELDS).join(', ')}`);
  });

  it('rejects a field mapped to two different keys', () => {
    expect(() => parseFieldMappings(['response=a', 'response=b'])).toThrowError(/mapped twice/);
    expect(parseFieldMappings(['response=a', 'response=a'])).toEqual({ response: 'a' });
  });
});
