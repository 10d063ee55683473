// Kept apart from locate.ts so compiled rules can name guide paths without loading the YAML parser.

/** A path into the guide as zod and our walkers produce it: keys are strings, list indices numbers. */
export type PathSegment = string | number;

const SIMPLE_KEY = /^[A-Za-z0-9_-]+$/;

/** `['rules', 1, 'terms']` → `rules[1].terms`; odd keys are quoted: `swap["at this time"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (SIMPLE_KEY.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/**
 * The path one level up: `rules[1].terms` → `rules[1]` → `rules` → `''`; a quoted key is one
 * segment whatever it holds (`swap["a.b]"]` → `swap`). Undefined for the root, `''`.
 */
export function parentPath(path: string): string | undefined {
  if (path === '') return undefined;
  if (path.endsWith('"]')) {
    // A quoted key: the `["` where a JSON string starts that runs exactly to the closing `"]`.
    for (let at = path.lastIndexOf('["'); at >= 0; at = path.lastIndexOf('["', at - 1)) {
      if (isJsonString(path.slice(at + 1, -1))) return path.slice(0, at);
      if (at === 0) break;
    }
  }
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut <= 0 ? '' : path.slice(0, cut);
}

function isJsonString(text: string): boolean {
  try {
    return typeof JSON.parse(text) === 'string';
  } catch {
    return false;
  }
}

/**
 * The entry recorded for `path` in a table keyed by {@link formatPath}, else for its nearest
 * recorded ancestor: the one walk behind every "where in the guide is this" answer.
 */
export function nearestRecorded<T>(table: Readonly<Record<string, T>>, path: string): T | undefined {
  for (let at: string | undefined = path; at !== undefined; at = parentPath(at)) {
    const found = table[at];
    if (found !== undefined) return found;
  }
  return undefined;
}
