import { describe, expect, it } from 'vitest';
import { type JsonArrayPiece, JsonArraySplitter } from '../../../src/load/samples/split-json-array.js';

function split(text: string, chunkSize = text.length): JsonArrayPiece[] {
  const splitter = new JsonArraySplitter();
  const pieces: JsonArrayPiece[] = [];
  for (let i = 0; i < text.length; i += chunkSize) pieces.push(...splitter.push(text.slice(i, i + chunkSize)));
  pieces.push(...splitter.end());
  return pieces;
}

const text = [
  '\uFEFF[',
  '  {"id": "a", "response": "has ] and , and \\" inside"},',
  '  {"id": "b",',
  '   "nested": {"list": [1, [2, 3]], "s": "{["},',
  '   "response": "two"}, 42 ,"str",',
  '  null',
  ']',
  '',
].join('\n');

describe('JsonArraySplitter', () => {
  it('splits top-level elements and records the line and column each starts at', () => {
    const pieces = split(text);
    expect(pieces).toEqual([
      { kind: 'element', line: 2, col: 3, text: '{"id": "a", "response": "has ] and , and \\" inside"}' },
      {
        kind: 'element',
        line: 3,
        col: 3,
        text: '{"id": "b",\n   "nested": {"list": [1, [2, 3]], "s": "{["},\n   "response": "two"}',
      },
      { kind: 'element', line: 5, col: 24, text: '42 ' },
      { kind: 'element', line: 5, col: 28, text: '"str"' },
      { kind: 'element', line: 6, col: 3, text: 'null\n' },
    ]);
  });

  it.each([1, 2, 3, 7, 64])('gives the same result when fed %i characters at a time', (size) => {
    expect(split(text, size)).toEqual(split(text));
  });

  it('reads an empty array and empty input as no elements', () => {
    expect(split('[ ]')).toEqual([]);
    expect(split('  \n')).toEqual([]);
  });

  it('reports a truncated last element at the line it starts', () => {
    expect(split('[\n{"a": 1},\n{"a": "cut')).toEqual([
      { kind: 'element', line: 2, col: 1, text: '{"a": 1}' },
      { kind: 'problem', line: 3, col: 1, message: 'invalid JSON: the file ends inside this record (truncated?)' },
    ]);
  });

  it('reports a missing closing bracket, empty elements, trailing commas and trailing text', () => {
    expect(split('[1,\n')).toEqual([
      { kind: 'element', line: 1, col: 2, text: '1' },
      { kind: 'problem', line: 2, col: 1, message: 'invalid JSON: the array is never closed with `]`' },
    ]);
    expect(split('[1,,2]')).toEqual([
      { kind: 'element', line: 1, col: 2, text: '1' },
      { kind: 'problem', line: 1, col: 4, message: 'invalid JSON: empty array element' },
      { kind: 'element', line: 1, col: 5, text: '2' },
    ]);
    expect(split('[1,\n]')).toEqual([
      { kind: 'element', line: 1, col: 2, text: '1' },
      { kind: 'problem', line: 1, col: 3, message: 'invalid JSON: trailing comma before `]`' },
    ]);
    expect(split('[1]\nextra')).toEqual([
      { kind: 'element', line: 1, col: 2, text: '1' },
      { kind: 'problem', line: 2, col: 1, message: 'unexpected text after the closing `]` of the array' },
    ]);
  });

  it('flags input that is not an array as fatal', () => {
    expect(split('\n  {"id": 1}')).toEqual([
      { kind: 'problem', line: 2, col: 3, fatal: true, message: 'expected a JSON array of records, found an object' },
    ]);
  });
});
