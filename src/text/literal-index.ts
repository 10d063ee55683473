/**
 * Every literal our prefiltered patterns require, in one Aho–Corasick automaton: one pass over a
 * text says which literals it contains, so deciding which of a few hundred patterns can match
 * costs one scan instead of a substring search per literal per pattern. Literals register as
 * patterns are built (word lists at module load, guide rules at compile); the automaton is rebuilt
 * lazily on the next scan after a registration.
 */
export class LiteralIndex {
  readonly #ids = new Map<string, number>();
  #automaton: Automaton | undefined;
  /** Recent texts' results: each pattern asks about the same few texts in turn (reply, sentences, customer). */
  readonly #found = new Map<string, Uint8Array>();
  #builds = 0;

  /** How many times the automaton was built: once per burst of registrations followed by a scan. */
  get builds(): number {
    return this.#builds;
  }

  /** The id of `literal` (exact characters: fold case before registering and scanning). */
  register(literal: string): number {
    let id = this.#ids.get(literal);
    if (id === undefined) {
      id = this.#ids.size;
      this.#ids.set(literal, id);
      this.#automaton = undefined;
      this.#found.clear();
    }
    return id;
  }

  /** For each registered literal id, 1 when `text` contains it. */
  scan(text: string): Uint8Array {
    let found = this.#found.get(text);
    if (found === undefined) {
      if (this.#automaton === undefined) {
        this.#automaton = buildAutomaton([...this.#ids.keys()]);
        this.#builds += 1;
      }
      found = this.#automaton.scan(text, this.#ids.size);
      if (this.#found.size >= 64) this.#found.clear();
      this.#found.set(text, found);
    }
    return found;
  }
}

interface Automaton {
  scan(text: string, size: number): Uint8Array;
}

/**
 * The automaton as a table: the literals' characters are numbered 1..k (every other character is
 * 0 and leads back to the start), and `delta[state * (k + 1) + class]` is the next state with the
 * failure links already followed, so a scan is one table lookup per character. Entries are filled
 * the first time a scan needs them (-1 until then): literals register in bursts between scans, and
 * filling the whole table on every rebuild cost more than the scans themselves.
 */
function buildAutomaton(literals: string[]): Automaton {
  const classOf = new Uint16Array(0x10000);
  let classes = 0;
  const goto: Map<number, number>[] = [new Map()];
  const output: number[][] = [[]];
  literals.forEach((literal, id) => {
    let state = 0;
    for (let i = 0; i < literal.length; i++) {
      const code = literal.charCodeAt(i);
      if (classOf[code] === 0) classOf[code] = ++classes;
      const c = classOf[code]!;
      let to = goto[state]!.get(c);
      if (to === undefined) {
        to = goto.length;
        goto.push(new Map());
        output.push([]);
        goto[state]!.set(c, to);
      }
      state = to;
    }
    output[state]!.push(id);
  });
  // Failure links breadth-first; each state's outputs include those of its failure state.
  const fail = new Int32Array(goto.length);
  const queue: number[] = [...goto[0]!.values()];
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    for (const [c, to] of goto[state]!) {
      let f = fail[state]!;
      while (f !== 0 && !goto[f]!.has(c)) f = fail[f]!;
      const target = goto[f]!.get(c);
      fail[to] = target !== undefined && target !== to ? target : 0;
      if (output[fail[to]!]!.length > 0) output[to]!.push(...output[fail[to]!]!);
      queue.push(to);
    }
  }
  const hasOutput = new Uint8Array(goto.length);
  output.forEach((ids, state) => {
    hasOutput[state] = ids.length > 0 ? 1 : 0;
  });
  const width = classes + 1;
  const delta = new Int32Array(goto.length * width).fill(-1);
  for (let state = 0; state < goto.length; state++) delta[state * width] = 0;
  const transition = (state: number, c: number): number => {
    let to = delta[state * width + c]!;
    if (to < 0) {
      to = goto[state]!.get(c) ?? (state === 0 ? 0 : transition(fail[state]!, c));
      delta[state * width + c] = to;
    }
    return to;
  };
  return {
    scan(text, size) {
      const found = new Uint8Array(size);
      let state = 0;
      for (let i = 0; i < text.length; i++) {
        const c = classOf[text.charCodeAt(i)]!;
        const to = delta[state * width + c]!;
        state = to >= 0 ? to : transition(state, c);
        if (hasOutput[state] === 1) for (const id of output[state]!) found[id] = 1;
      }
      return found;
    },
  };
}
