import { formatPath, nearestRecorded } from '../load/styleguide/format-path.js';
import type { Problem, SourceLocation, StyleGuide } from '../types.js';

/**
 * Where `path` (e.g. `rules[3].patterns[0]`) sits in the guide's YAML: the node itself when the
 * loader recorded it, else its nearest recorded ancestor (`rules[3].patterns`, `rules[3]`), else
 * line 1 of the guide file.
 */
export function locateInGuide(guide: StyleGuide, path: string): SourceLocation {
  return nearestRecorded(guide.positions, path) ?? { file: guide.source.file, line: 1 };
}

/** A {@link Problem} at `path` of the guide. */
export function guideProblem(guide: StyleGuide, path: string, message: string, hint?: string): Problem {
  return { location: locateInGuide(guide, path), path, message, ...(hint === undefined ? {} : { hint }) };
}

/** `['terms', 1]` → `terms[1]`; odd keys are quoted as the loader records them: `swap["at this time"]`. */
export function formatOptionPath(segments: readonly PropertyKey[]): string {
  return formatPath(segments.map((s) => (typeof s === 'number' ? s : String(s))));
}

/** `rules[3]` + `terms[0]` → `rules[3].terms[0]`; `rules[3]` + `["odd key"]` → `rules[3]["odd key"]`. */
export function joinPath(base: string, relative: string): string {
  if (relative === '') return base;
  if (base === '') return relative;
  return relative.startsWith('[') ? `${base}${relative}` : `${base}.${relative}`;
}
