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
      this.#automaton ??= buildAutomaton([...this.#ids.keys()]);
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

function buildAutomaton(literals: string[]): Automaton {
  const next: Map<number, number>[] = [new Map()];
  const output: number[][] = [[]];
  literals.forEach((literal, id) => {
    let state = 0;
    for (let i = 0; i < literal.length; i++) {
      const c = literal.charCodeAt(i);
      let to = next[state]!.get(c);
      if (to === undefined) {
        to = next.length;
        next.push(new Map());
        output.push([]);
        next[state]!.set(c, to);
      }
      state = to;
    }
    output[state]!.push(id);
  });
  // Failure links breadth-first; each state's outputs include those of its failure state.
  const fail = new Int32Array(next.length);
  const queue: number[] = [...next[0]!.values()];
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    for (const [c, to] of next[state]!) {
      let f = fail[state]!;
      while (f !== 0 && !next[f]!.has(c)) f = fail[f]!;
      const target = next[f]!.get(c);
      fail[to] = target !== undefined && target !== to ? target : 0;
      output[to]!.push(...output[fail[to]!]!);
      queue.push(to);
    }
  }
  return {
    scan(text, size) {
      const found = new Uint8Array(size);
      let state = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        let to = next[state]!.get(c);
        while (to === undefined && state !== 0) {
          state = fail[state]!;
          to = next[state]!.get(c);
        }
        state = to ?? 0;
        for (const id of output[state]!) found[id] = 1;
      }
      return found;
    },
  };
}
