/**
 * A small strict XML 1.0 well-formedness checker for tests (no XML library is installed). It
 * rejects what real parsers reject and our output could plausibly contain: unbalanced or
 * mismatched tags, `<` or a bare `&` in text or attributes, unknown entities, duplicate or
 * unquoted attributes, characters XML forbids, and more than one root element.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const INVALID_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: number): string {
  return raw.replace(/&([^;]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new Error(`bare & at ${where}`);
    if (ENTITIES[ref] !== undefined) return ENTITIES[ref];
    const m = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ref);
    if (!m) throw new Error(`unknown entity &${ref}; at ${where}`);
    const code = m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2]);
    const char = String.fromCodePoint(code);
    if (INVALID_CHAR.test(char)) throw new Error(`character reference to a forbidden character at ${where}`);
    return char;
  });
}

export function parseXml(xml: string): XmlElement {
  const bad = INVALID_CHAR.exec(xml);
  if (bad) throw new Error(`forbidden character U+${bad[0].codePointAt(0)!.toString(16)} at ${bad.index}`);
  let i = 0;
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) throw new Error('unterminated XML declaration');
    i = end + 2;
  }
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (stack.length === 0 && text.trim() !== '') throw new Error(`text outside the root element at ${i}`);
    if (text.includes(']]>')) throw new Error(`]]> in text at ${i}`);
    if (stack.length > 0) stack.at(-1)!.text += decode(text, i);
    else decode(text, i);
    if (lt < 0) break;
    i = lt;
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i);
      if (end < 0) throw new Error('unterminated comment');
      i = end + 3;
      continue;
    }
    if (xml.startsWith('</', i)) {
      const name = NAME.exec(xml.slice(i + 2))?.[0];
      const close = i + 2 + (name?.length ?? 0);
      if (!name || xml[close] !== '>') throw new Error(`malformed end tag at ${i}`);
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name ?? 'nothing'}> at ${i}`);
      i = close + 1;
      continue;
    }
    const name = NAME.exec(xml.slice(i + 1))?.[0];
    if (!name) throw new Error(`malformed tag at ${i}`);
    if (stack.length === 0 && root) throw new Error(`second root element <${name}> at ${i}`);
    const element: XmlElement = { name, attrs: {}, children: [], text: '' };
    i += 1 + name.length;
    for (;;) {
      const ws = /^\s*/.exec(xml.slice(i))![0];
      i += ws.length;
      if (xml.startsWith('/>', i) || xml[i] === '>') break;
      if (ws === '') throw new Error(`expected whitespace before an attribute at ${i}`);
      const attr = NAME.exec(xml.slice(i))?.[0];
      if (!attr || xml[i + attr.length] !== '=') throw new Error(`malformed attribute at ${i}`);
      const quote = xml[i + attr.length + 1];
      if (quote !== '"' && quote !== "'") throw new Error(`unquoted attribute ${attr} at ${i}`);
      const start = i + attr.length + 2;
      const end = xml.indexOf(quote, start);
      if (end < 0) throw new Error(`unterminated attribute ${attr}`);
      const raw = xml.slice(start, end);
      if (raw.includes('<')) throw new Error(`< in attribute ${attr} at ${start}`);
      if (Object.hasOwn(element.attrs, attr)) throw new Error(`duplicate attribute ${attr} at ${i}`);
      element.attrs[attr] = decode(raw, start);
      i = end + 1;
    }
    if (stack.length > 0) stack.at(-1)!.children.push(element);
    else root = element;
    if (xml.startsWith('/>', i)) i += 2;
    else {
      i += 1;
      stack.push(element);
    }
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)!.name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}

/** Every element named `name` under `element`, depth first. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...findAll(child, name)]);
}
