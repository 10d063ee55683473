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
    return withFormat('-', format, decodeChunks(stdin, '-'));
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
  const stream = handle.createReadStream({ encoding: 'utf8', highWaterMark: 64 * 1024 });
  return withFormat(file, format ?? formatFromExtension(path), decodeChunks(stream, file));
}

async function withFormat(
  file: string,
  format: InputFormat | undefined,
  chunks: AsyncIterable<string>,
): Promise<SampleSource> {
  if (format) return { file, format, chunks };
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
  return { file, format: sniffed ?? 'jsonl', chunks: replay(head, iterator) };
}

async function* replay(head: string[], rest: AsyncIterator<string>): AsyncGenerator<string> {
  yield* head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

async function* decodeChunks(stream: AsyncIterable<string | Uint8Array>, file: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of stream) {
      const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      if (text) yield text;
    }
  } catch (error) {
    const what = file === '-' ? 'samples from stdin' : `samples file ${file}`;
    throw new InputError(`cannot read ${what}: ${describeFsError(error)}`, { cause: error });
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return error instanceof Error ? error.message : String(error);
}
