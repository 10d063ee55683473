import { open } from 'node:fs/promises';
import { InputError } from '../../errors.js';
import type { InputFormat } from '../../types.js';
import { formatFromExtension, sniffFormat } from './detect-format.js';
import type { SampleInput } from './resolve-inputs.js';

/** An opened input: its decoded text as a stream of chunks, and the format to parse it with. */
export interface SampleSource {
  /** The name used in problems and `Sample.source.file`: the path as given, or `-`. */
  file: string;
  format: InputFormat;
  /** UTF-8 text in chunks of any size; a chunk may end mid-line or mid-record. */
  chunks: AsyncIterable<string>;
  /**
   * 1-based physical lines holding bytes that are not valid UTF-8 (decoded as U+FFFD), appended
   * as `chunks` is read: by the time a record is parsed, the lines up to it are listed.
   */
  invalidUtf8Lines: number[];
}

/**
 * Opens one input for streaming. The format is `format` when given, else the file's extension,
 * else sniffed from the first non-space character (`[` json, `{` jsonl, otherwise csv).
 * A missing, unreadable or directory path is an {@link InputError} naming the path.
 */
export async function readSampleSource(
  input: SampleInput,
  format: InputFormat | undefined,
  stdin: AsyncIterable<string | Uint8Array> | undefined,
): Promise<SampleSource> {
  if (input.kind === 'stdin') {
    if (!stdin) throw new InputError('cannot read samples from stdin (`-`): no stdin stream was provided');
    const invalid: number[] = [];
    return withFormat('-', format, decodeChunks(stdin, '-', invalid), invalid);
  }
  const { path, file } = input;
  let handle;
  try {
    handle = await open(path, 'r');
    if ((await handle.stat()).isDirectory()) {
      await handle.close();
      throw new InputError(`cannot read samples file ${file}: it is a directory`, {
        hint: 'pass the files inside it, or a glob such as dir/*.jsonl',
      });
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read samples file ${file}: ${describeFsError(error)}`, {
      cause: error,
      hint: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'check the path; use - to read from stdin' : undefined,
    });
  }
  // Bytes, not `encoding: 'utf8'`: decoding here is what lets invalid UTF-8 be noticed.
  const stream = handle.createReadStream({ highWaterMark: 64 * 1024 });
  const invalid: number[] = [];
  return withFormat(file, format ?? formatFromExtension(path), decodeChunks(stream, file, invalid), invalid);
}

async function withFormat(
  file: string,
  format: InputFormat | undefined,
  chunks: AsyncIterable<string>,
  invalidUtf8Lines: number[],
): Promise<SampleSource> {
  if (format) return { file, format, chunks, invalidUtf8Lines };
  const iterator = chunks[Symbol.asyncIterator]();
  const head: string[] = [];
  let sniffed: InputFormat | undefined;
  while (sniffed === undefined) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
    sniffed = sniffFormat(next.value);
  }
  // Whitespace-only input holds no records in any format; jsonl reads it as such.
  return { file, format: sniffed ?? 'jsonl', chunks: replay(head, iterator), invalidUtf8Lines };
}

async function* replay(head: string[], rest: AsyncIterator<string>): AsyncGenerator<string> {
  yield* head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

async function* decodeChunks(stream: AsyncIterable<string | Uint8Array>, file: string, invalidLines: number[]): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  const lines = new LineCounter();
  const flag = (line: number) => {
    if (invalidLines[invalidLines.length - 1] !== line) invalidLines.push(line);
  };
  let tail: Uint8Array = new Uint8Array(0);
  try {
    for await (const chunk of stream) {
      if (typeof chunk === 'string') {
        lines.advance(chunk);
        if (chunk) yield chunk;
        continue;
      }
      const text = decoder.decode(chunk, { stream: true });
      // Only a chunk whose text holds U+FFFD is checked byte by byte: it may be a genuine character.
      if (text.includes('\uFFFD')) for (const line of findInvalidUtf8Lines(Buffer.concat([incompleteSequence(tail), chunk]), lines)) flag(line);
      lines.advance(text);
      tail = chunk.length >= 3 ? chunk.subarray(chunk.length - 3) : Buffer.concat([tail, chunk]).subarray(-3);
      if (text) yield text;
    }
  } catch (error) {
    const what = file === '-' ? 'samples from stdin' : `samples file ${file}`;
    throw new InputError(`cannot read ${what}: ${describeFsError(error)}`, { cause: error });
  }
  // Bytes left over at the end are an incomplete sequence: the decoder flushes them as U+FFFD.
  const rest = decoder.decode();
  if (rest.includes('\uFFFD')) flag(lines.line);
  lines.advance(rest);
  if (rest) yield rest;
}

/** Counts physical lines of decoded text across chunks: LF, CRLF or a lone CR ends one. */
class LineCounter {
  /** The 1-based line the next character is on. */
  line = 1;
  /** The text so far ended in CR: a LF next completes a CRLF, anything else starts a new line. */
  pendingCr = false;

  advance(text: string): void {
    if (text === '') return;
    if (this.pendingCr && text.charCodeAt(0) !== 10) this.line++;
    this.pendingCr = false;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.line++;
    if (!text.includes('\r')) return;
    for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
      if (i === text.length - 1) this.pendingCr = true;
      else if (text.charCodeAt(i + 1) !== 10) this.line++;
    }
  }
}

/** The bytes of a UTF-8 sequence left incomplete at the end of `tail` (the last bytes of the chunk before). */
function incompleteSequence(tail: Uint8Array): Uint8Array {
  for (let p = tail.length - 1; p >= 0 && p >= tail.length - 3; p--) {
    const b = tail[p] as number;
    if (b < 0x80) return new Uint8Array(0);
    if (b >= 0xc0) return sequenceLength(b) > tail.length - p ? tail.subarray(p) : new Uint8Array(0);
  }
  return new Uint8Array(0);
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * The lines of `bytes` (starting where `lines` stands) that hold bytes that are not valid UTF-8,
 * by the same rules as TextDecoder. A sequence cut off at the end is left for the next chunk.
 */
function findInvalidUtf8Lines(bytes: Uint8Array, lines: LineCounter): number[] {
  const found: number[] = [];
  let line = lines.line;
  let pendingCr = lines.pendingCr;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (pendingCr && b !== 0x0a) line++;
    pendingCr = false;
    if (b < 0x80) {
      if (b === 0x0a) line++;
      else if (b === 0x0d) pendingCr = true;
      i++;
      continue;
    }
    const length = sequenceLength(b);
    // The allowed range of the second byte excludes overlong forms and surrogates.
    const [low, high] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    let k = 1;
    while (k < length && i + k < bytes.length) {
      const c = bytes[i + k] as number;
      if (k === 1 ? c < low || c > high : c < 0x80 || c > 0xbf) break;
      k++;
    }
    if (length > 0 && k === length) i += k;
    else if (length > 0 && i + k === bytes.length) break; // cut off: the next chunk completes or breaks it
    else {
      if (found[found.length - 1] !== line) found.push(line);
      i += Math.max(1, k);
    }
  }
  return found;
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return error instanceof Error ? error.message : String(error);
}
