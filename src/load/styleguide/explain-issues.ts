import type { z } from 'zod';
import type { Problem } from '../../types.js';
import { quoteValue } from './describe-value.js';
import { didYouMean } from './did-you-mean.js';
import { formatPath, locate } from './locate.js';
import type { GuidePositions, PathSegment } from './locate.js';

/**
 * Turns zod issues into problems a guide author can act on: located at the offending YAML
 * node (the parent mapping for a missing key, the key itself for an unknown one), worded as
 * "expected X, got Y", with a hint where one helps.
 */
export function explainIssues(
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  schema: z.ZodType,
  positions: GuidePositions,
  file: string,
): Problem[] {
  return issues.flatMap((issue): Problem[] => {
    const path = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
    const value = valueAt(data, path);
    const last = path.at(-1);

    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => unknownKeyProblem([...path, key], keysOf(schemaAt(schema, path)), positions, file));
    }
    if (issue.code === 'invalid_key') {
      return [
        {
          location: positions.keys[formatPath(path)] ?? locate(positions, path, file),
          path: formatPath(path),
          message: `${issue.issues[0]?.message ?? 'invalid key'}, got ${JSON.stringify(last)}`,
        },
      ];
    }
    const problem: Problem = { location: locate(positions, path, file), path: formatPath(path), message: issue.message };
    if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && value === undefined) {
      problem.message = `missing required key \`${String(last)}\``;
    } else if (issue.code === 'invalid_type' && last === 'when' && typeof value === 'string') {
      problem.hint = `write \`when: { customer: ${value} }\``;
    } else if (issue.code === 'invalid_type' && issue.expected === 'array' && typeof value === 'string') {
      problem.hint = `write \`${String(last)}: [${JSON.stringify(value)}]\``;
    } else if (issue.code === 'invalid_type' && issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
      problem.hint = `put it in quotes: \`${String(last)}: "${String(value)}"\``;
    } else if (issue.code === 'invalid_value' && typeof value === 'string') {
      problem.hint = enumHint(value, issue.values.map(String), last);
    } else if (issue.code === 'too_small' && issue.origin === 'string') {
      problem.message = 'must not be empty';
    }
    // Say what was found, unless the message already does or it is self-evident (empty string or list).
    const saysWhatWasFound =
      issue.code === 'invalid_value' ||
      (issue.code === 'too_small' && issue.origin !== 'number') ||
      problem.message.includes(', got ') ||
      problem.message.startsWith('missing ');
    if (!saysWhatWasFound && value !== undefined) {
      problem.message += `, got ${quoteValue(value)}`;
    }
    return [problem];
  });
}

/** A problem for a key the schema does not know, pointing at the key, with a "did you mean" hint. */
export function unknownKeyProblem(
  path: readonly PathSegment[],
  validKeys: readonly string[],
  positions: GuidePositions,
  file: string,
  context = '',
): Problem {
  const key = String(path.at(-1));
  const location = positions.keys[formatPath(path)] ?? locate(positions, path, file);
  if (path.at(-2) === 'scale') {
    return { location, path: formatPath(path), message: `scale keys are scores 1 to 5, got \`${key}\`` };
  }
  const suggestion = didYouMean(key, validKeys);
  return {
    location,
    path: formatPath(path),
    message: `unknown key \`${key}\`${context}`,
    hint: suggestion ? `did you mean \`${suggestion}\`?` : `valid keys here: ${validKeys.join(', ')}`,
  };
}

function enumHint(value: string, options: string[], key: PathSegment | undefined): string | undefined {
  if (key === 'kind' && value === 'escalation') {
    return 'escalation triggers go in the top-level `escalation:` section, not in `rules:`';
  }
  const suggestion = didYouMean(value, options);
  if (suggestion) return `did you mean \`${suggestion}\`?`;
  return key === 'kind' ? 'docs/styleguide-format.md describes each kind and its keys' : undefined;
}

/** The value at `path` in plain YAML data, or undefined when any step is missing. */
function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PathSegment, unknown>)[segment];
  }
  return current;
}

interface DefLike {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  valueType?: z.ZodType;
  in?: z.ZodType;
}

const defOf = (schema: z.ZodType): DefLike => schema._zod.def as unknown as DefLike;

/** The sub-schema that validates `path`, seen through optional/default wrappers. */
function schemaAt(schema: z.ZodType, path: readonly PathSegment[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (!current) return undefined;
    const def = defOf(current);
    const next: z.ZodType | undefined =
      def.type === 'object' ? def.shape?.[String(segment)] : def.type === 'array' ? def.element : def.type === 'record' ? def.valueType : undefined;
    current = next && unwrap(next);
  }
  return current;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let def = defOf(current); def.innerType ?? def.in; def = defOf(current)) current = (def.innerType ?? def.in)!;
  return current;
}

function keysOf(schema: z.ZodType | undefined): string[] {
  const shape = schema && defOf(schema).shape;
  return shape ? Object.keys(shape) : [];
}
