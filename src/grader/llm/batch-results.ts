import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { MessageBatchIndividualResponse } from '../clients/anthropic.js';
import { ownString } from './batch-spool.js';

/** Where one result line sits: which results file, byte offset and length. */
export interface ResultLocation {
  file: number;
  offset: number;
  length: number;
}

/**
 * custom_id → the location of its result line, over every results file of a run (later files, the
 * resubmissions, override earlier ones). Built in one streaming pass: O(n) in the results, and memory
 * holds only the index, never the results themselves.
 */
export class ResultIndex {
  readonly #locations = new Map<string, ResultLocation>();
  readonly #handles: (FileHandle | undefined)[] = [];
  readonly #files: string[];

  private constructor(files: string[]) {
    this.#files = files;
  }

  /** Indexes `files` (JSONL result lines, as downloaded), in order. */
  static async build(dir: string, files: readonly string[]): Promise<ResultIndex> {
    const index = new ResultIndex(files.map((f) => path.join(dir, f)));
    for (let file = 0; file < index.#files.length; file += 1) await index.#scan(file);
    return index;
  }

  get size(): number {
    return this.#locations.size;
  }

  has(customId: string): boolean {
    return this.#locations.has(customId);
  }

  /** The result line of `customId`, parsed; undefined when none came back. */
  async read(customId: string): Promise<MessageBatchIndividualResponse | undefined> {
    const at = this.#locations.get(customId);
    if (!at) return undefined;
    const handle = (this.#handles[at.file] ??= await open(this.#files[at.file]!, 'r'));
    const buffer = Buffer.alloc(at.length);
    await handle.read(buffer, 0, at.length, at.offset);
    return JSON.parse(buffer.toString('utf8')) as MessageBatchIndividualResponse;
  }

  async close(): Promise<void> {
    await Promise.all(this.#handles.map((h) => h?.close()));
    this.#handles.length = 0;
  }

  async #scan(file: number): Promise<void> {
    let offset = 0;
    let carry = Buffer.alloc(0);
    for await (const chunk of createReadStream(this.#files[file]!)) {
      let data = carry.length > 0 ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
      let start = 0;
      for (let nl = data.indexOf(10, start); nl >= 0; nl = data.indexOf(10, start)) {
        this.#record(file, data.subarray(start, nl), offset + start);
        start = nl + 1;
      }
      offset += start;
      carry = Buffer.from(data.subarray(start));
      data = carry;
    }
    if (carry.length > 0) this.#record(file, carry, offset);
  }

  #record(file: number, line: Buffer, offset: number): void {
    if (line.length === 0) return;
    // The custom_id is near the start of the line; parsing the whole line would cost O(result size) memory churn.
    const head = line.subarray(0, 200).toString('utf8');
    const id = /"custom_id"\s*:\s*"([^"]+)"/.exec(head)?.[1];
    if (id) this.#locations.set(ownString(id), { file, offset, length: line.length });
  }
}
