/** One top-level element of a JSON array, as text, with where it starts (1-based). */
export interface JsonArrayElement {
  text: string;
  line: number;
  col: number;
}

/** Something wrong with the array's structure (not with one element's JSON). */
export interface JsonArrayProblem {
  line: number;
  col: number;
  message: string;
  /** True when the input is not a JSON array at all, so nothing in it can be read. */
  fatal?: boolean;
}

export type JsonArrayPiece = ({ kind: 'element' } & JsonArrayElement) | ({ kind: 'problem' } & JsonArrayProblem);

const enum Phase {
  Start,
  Array,
  Done,
  Stopped,
}

/**
 * Splits a top-level JSON array into its elements as text arrives in chunks, without holding
 * more than one element: it tracks only strings, escapes and bracket depth, and leaves each
 * element's own JSON to `JSON.parse`. Pure and synchronous; feed it with {@link push}, then {@link end}.
 */
export class JsonArraySplitter {
  private phase = Phase.Start;
  private line = 1;
  private col = 1;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private inElement = false;
  private parts: string[] = [];
  private start = { line: 1, col: 1 };
  private afterComma: { line: number; col: number } | undefined;

  /** Feeds the next chunk; returns the elements (and structural problems) it completed. */
  push(chunk: string): JsonArrayPiece[] {
    const out: JsonArrayPiece[] = [];
    let segment = 0;
    for (let i = 0; i < chunk.length && this.phase !== Phase.Stopped; i++) {
      const c = chunk.charCodeAt(i);
      if (this.phase === Phase.Start) {
        if (c === 0x5b) this.phase = Phase.Array;
        else if (!isSpace(c)) {
          const found = c === 0x7b ? 'an object' : `\`${chunk[i]}\``;
          out.push({ kind: 'problem', line: this.line, col: this.col, fatal: true, message: `expected a JSON array of records, found ${found}` });
          this.phase = Phase.Stopped;
        }
      } else if (this.phase === Phase.Array) {
        if (this.inString) {
          if (this.escaped) this.escaped = false;
          else if (c === 0x5c) this.escaped = true;
          else if (c === 0x22) this.inString = false;
        } else if (!this.inElement) {
          if (c === 0x5d) {
            if (this.afterComma) out.push({ kind: 'problem', ...this.afterComma, message: 'invalid JSON: trailing comma before `]`' });
            this.phase = Phase.Done;
          } else if (c === 0x2c) {
            out.push({ kind: 'problem', line: this.line, col: this.col, message: 'invalid JSON: empty array element' });
          } else if (!isSpace(c)) {
            this.inElement = true;
            this.afterComma = undefined;
            this.start = { line: this.line, col: this.col };
            segment = i;
            this.scanElementChar(c);
          }
        } else if (this.depth === 0 && (c === 0x2c || c === 0x5d)) {
          out.push(this.finishElement(chunk.slice(segment, i)));
          if (c === 0x2c) this.afterComma = { line: this.line, col: this.col };
          else this.phase = Phase.Done;
        } else {
          this.scanElementChar(c);
        }
      } else if (this.phase === Phase.Done && !isSpace(c)) {
        out.push({ kind: 'problem', line: this.line, col: this.col, message: 'unexpected text after the closing `]` of the array' });
        this.phase = Phase.Stopped;
      }
      if (c === 0x0a) {
        this.line++;
        this.col = 1;
      } else this.col++;
    }
    if (this.inElement) this.parts.push(chunk.slice(segment));
    return out;
  }

  /** Signals the end of input; returns a truncated last element or a missing `]` as problems. */
  end(): JsonArrayPiece[] {
    if (this.phase !== Phase.Array) return [];
    if (this.inElement) {
      this.inElement = false;
      this.parts = [];
      return [{ kind: 'problem', ...this.start, message: 'invalid JSON: the file ends inside this record (truncated?)' }];
    }
    return [{ kind: 'problem', line: this.line, col: this.col, message: 'invalid JSON: the array is never closed with `]`' }];
  }

  private scanElementChar(c: number): void {
    if (c === 0x22) this.inString = true;
    else if (c === 0x7b || c === 0x5b) this.depth++;
    // Clamp: a stray closer is the element's JSON error to report, not a reason to lose our place.
    else if ((c === 0x7d || c === 0x5d) && this.depth > 0) this.depth--;
  }

  private finishElement(last: string): JsonArrayPiece {
    this.parts.push(last);
    const text = this.parts.join('');
    this.parts = [];
    this.inElement = false;
    return { kind: 'element', text, ...this.start };
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff;
}
