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
