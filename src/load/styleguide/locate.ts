import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';
import type { SourceLocation } from '../../types.js';
import { formatPath, nearestRecorded, type PathSegment } from './format-path.js';

export { formatPath, type PathSegment };

/** Where each node of a parsed YAML document is, keyed by {@link formatPath}. */
export interface GuidePositions {
  /** Position of each value (or of its key when the value is left empty, as in `terms:`). */
  values: Record<string, SourceLocation>;
  /** Position of each mapping key, for pointing at an unknown or duplicated key itself. */
  keys: Record<string, SourceLocation>;
}

/** Records the position of every node in `doc`; the root is at path `''`. */
export function collectPositions(doc: Document, lineCounter: LineCounter, file: string): GuidePositions {
  const positions: GuidePositions = { values: {}, keys: {} };
  const at = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, col };
  };

  const visit = (node: unknown, path: PathSegment[], keyOffset?: number): void => {
    const key = formatPath(path);
    if (keyOffset !== undefined) positions.keys[key] = at(keyOffset);
    const range = (node as Node | null)?.range;
    const empty = node == null || (isScalar(node) && node.value === null && node.source === '');
    if (empty || !range) {
      if (keyOffset !== undefined) positions.values[key] = at(keyOffset);
      return;
    }
    positions.values[key] = at(range[0]);
    // An alias's target is recorded where it is defined; following it here could loop.
    if (isAlias(node)) return;
    if (isSeq(node)) node.items.forEach((item, index) => visit(item, [...path, index]));
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key;
        const name = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
        visit(pair.value, [...path, name], (keyNode as Node | null)?.range?.[0]);
      }
    }
  };

  visit(doc.contents, []);
  return positions;
}

/**
 * The best place to point at for `path`: the node itself, else its nearest ancestor that exists
 * (a missing key is reported at the mapping that should hold it).
 */
export function locate(positions: GuidePositions, path: readonly PathSegment[], file: string): SourceLocation {
  return nearestRecorded(positions.values, formatPath(path)) ?? { file, line: 1, col: 1 };
}

/**
 * Where `path` is in a YAML (or JSON) text: the node itself, else its nearest existing ancestor.
 * For loaders of other YAML files (the config file) that want the guide's error positions.
 * Undefined when the text holds no document.
 */
export function locateYamlPath(text: string, file: string, path: readonly PathSegment[]): SourceLocation | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.contents === null) return undefined;
  return locate(collectPositions(doc, lineCounter, file), path, file);
}

/**
 * Where the mapping key at `path` is written (`maxDriftRate:` itself, not its value), else the
 * nearest existing node: for pointing at an unknown or misspelt key. Undefined when the text holds no document.
 */
export function locateYamlKey(text: string, file: string, path: readonly PathSegment[]): SourceLocation | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.contents === null) return undefined;
  const positions = collectPositions(doc, lineCounter, file);
  return positions.keys[formatPath(path)] ?? locate(positions, path, file);
}
