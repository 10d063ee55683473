import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import path from 'node:path';

/**
 * The Message Batches API's limits on one batch: 100,000 requests or 256 MB of request body,
 * whichever comes first (Anthropic's docs, November 2026).
 */
export interface BatchLimits {
  maxRequests: number;
  /** Bytes of the whole `POST /v1/messages/batches` body, UTF-8. */
  maxBytes: number;
}

export const BATCH_LIMITS: BatchLimits = { maxRequests: 100_000, maxBytes: 256 * 1024 * 1024 };

/** One batch's request body on disk, ready to submit as it is. */
export interface SpooledChunk {
  /** File name inside the work folder. */
  file: string;
  requests: number;
  bytes: number;
}

const HEAD = '{"requests":[\n';
const TAIL = '\n]}\n';
const SEPARATOR = ',\n';

/**
 * Writes batch requests into request-body files of at most `limits` each (`{"requests":[` then one
 * request per line), so a run of any size is split into batches the API accepts and never held in
 * memory. One request per line also lets a later pass pick requests out again without parsing JSON.
 */
export class BatchSpool {
  readonly chunks: SpooledChunk[] = [];
  #stream: WriteStream | undefined;
  #current: SpooledChunk | undefined;
  readonly #dir: string;
  readonly #prefix: string;
  readonly #limits: BatchLimits;

  constructor(dir: string, prefix: string, limits: BatchLimits = BATCH_LIMITS) {
    this.#dir = dir;
    this.#prefix = prefix;
    this.#limits = limits;
  }

  /** Adds one request line (`{"custom_id":…,"params":…}`, no newline). */
  async add(line: string): Promise<void> {
    const size = Buffer.byteLength(line);
    if (Buffer.byteLength(HEAD) + size + Buffer.byteLength(TAIL) > this.#limits.maxBytes) {
      throw new Error(`one batch request is ${size} bytes, more than a batch may hold (${this.#limits.maxBytes})`);
    }
    const current = this.#current;
    if (!current || current.requests >= this.#limits.maxRequests || current.bytes + SEPARATOR.length + size + TAIL.length > this.#limits.maxBytes) {
      await this.#rotate();
    }
    const chunk = this.#current!;
    const text = chunk.requests === 0 ? line : `${SEPARATOR}${line}`;
    chunk.requests += 1;
    chunk.bytes += Buffer.byteLength(text);
    if (!this.#stream!.write(text)) await once(this.#stream!, 'drain');
  }

  /** Ends the last file; returns every chunk written, in order. */
  async close(): Promise<SpooledChunk[]> {
    await this.#finish();
    return this.chunks;
  }

  async #rotate(): Promise<void> {
    await this.#finish();
    const chunk: SpooledChunk = { file: `${this.#prefix}-${this.chunks.length + 1}.json`, requests: 0, bytes: Buffer.byteLength(HEAD) + Buffer.byteLength(TAIL) };
    this.#stream = createWriteStream(path.join(this.#dir, chunk.file), { flags: 'w' });
    this.#stream.write(HEAD);
    this.#current = chunk;
    this.chunks.push(chunk);
  }

  async #finish(): Promise<void> {
    const stream = this.#stream;
    if (!stream) return;
    this.#stream = undefined;
    this.#current = undefined;
    await new Promise<void>((resolve, reject) => stream.end(TAIL, () => resolve()).once('error', reject));
  }
}

const CUSTOM_ID = /^\{"custom_id":"([^"]+)"/;

/** The custom_id of one spooled request line, read from its start (the line is written that way). */
export function customIdOfLine(line: string): string | undefined {
  const id = CUSTOM_ID.exec(line)?.[1];
  return id === undefined ? undefined : ownString(id);
}

/**
 * A copy of `text` that does not keep the string it was cut from alive: V8 keeps a regex match as a
 * slice of its parent, so 250,000 ids cut from 7 kB request lines would hold 1.9 GB of lines.
 */
export function ownString(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}
