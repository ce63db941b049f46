import { AppError } from '../../../platform/http/app-error.ts';
import { xmlSafe } from './form-format.ts';

/**
 * A deliberately small XML reader for the flat files the 任免审批表 software exchanges: elements,
 * text, CDATA, comments, the predefined and numeric entities. DOCTYPE and entity declarations
 * are refused outright, so there is no external-entity fetch (XXE) and no entity expansion
 * ("billion laughs") to defend against; limits cap elements and depth. Attributes are read past
 * and ignored (the format has none).
 */
export interface XmlElement {
  readonly name: string;
  readonly children: XmlElement[];
  text: string;
}

const invalid = (reason: string) => new AppError('LRMX_INVALID', { reason });
const NAME = /[A-Za-z_][\w.\-:]*/y;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&([^;&\s]{1,10});|&/g, (whole, ref: string | undefined) => {
    if (ref === undefined) throw invalid('bare "&" in text');
    const named = NAMED[ref];
    if (named !== undefined) return named;
    const num = /^#(x[0-9a-fA-F]{1,6}|[0-9]{1,7})$/.exec(ref)?.[1];
    const cp = num === undefined ? NaN : num.startsWith('x') ? parseInt(num.slice(1), 16) : Number(num);
    if (!Number.isInteger(cp) || cp > 0x10ffff || xmlSafe(String.fromCodePoint(cp)) === '') throw invalid(`unknown entity ${whole}`);
    return String.fromCodePoint(cp);
  });
}

export function parseXml(input: string, limits = { maxElements: 5000, maxDepth: 16 }): XmlElement {
  // XML 1.0 §2.11: line ends are normalised to LF before parsing.
  const src = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let count = 0;
  let i = 0;
  const until = (end: string, what: string): number => {
    const at = src.indexOf(end, i);
    if (at < 0) throw invalid(`unterminated ${what}`);
    return at;
  };
  const appendText = (text: string) => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
    else if (text.trim() !== '') throw invalid('text outside the root element');
  };
  while (i < src.length) {
    if (src.startsWith('<?', i)) i = until('?>', 'processing instruction') + 2;
    else if (src.startsWith('<!--', i)) i = until('-->', 'comment') + 3;
    else if (src.startsWith('<![CDATA[', i)) {
      const end = until(']]>', 'CDATA section');
      appendText(src.slice(i + 9, end));
      i = end + 3;
    } else if (src.startsWith('<!', i)) throw invalid('DTD and entity declarations are not allowed');
    else if (src.startsWith('</', i)) {
      const end = until('>', 'end tag');
      const name = src.slice(i + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw invalid(`unexpected </${name}>`);
      i = end + 1;
    } else if (src[i] === '<') {
      NAME.lastIndex = i + 1;
      const name = NAME.exec(src)?.[0];
      if (!name) throw invalid('malformed tag');
      i += 1 + name.length;
      // Skip attributes: quoted values may contain '>' and '/'.
      while (i < src.length && src[i] !== '>' && !src.startsWith('/>', i)) {
        const q = src[i];
        if (q === '"' || q === "'") {
          const end = src.indexOf(q, i + 1);
          if (end < 0) throw invalid('unterminated attribute value');
          i = end + 1;
        } else i++;
      }
      if (i >= src.length) throw invalid('unterminated start tag');
      const selfClosing = src.startsWith('/>', i);
      i += selfClosing ? 2 : 1;
      if (++count > limits.maxElements) throw invalid('too many elements');
      const el: XmlElement = { name, children: [], text: '' };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(el);
      else if (root) throw invalid('more than one root element');
      else root = el;
      if (!selfClosing) {
        stack.push(el);
        if (stack.length > limits.maxDepth) throw invalid('elements nested too deeply');
      }
    } else {
      const next = src.indexOf('<', i);
      const end = next < 0 ? src.length : next;
      appendText(decodeEntities(src.slice(i, end)));
      i = end;
    }
  }
  const unclosed = stack.at(-1);
  if (unclosed) throw invalid(`<${unclosed.name}> is not closed`);
  if (!root) throw invalid('no root element');
  return root;
}

/**
 * Decodes file bytes by BOM or the XML declaration's encoding (older 任免表 files say gb2312);
 * undecodable bytes are an error, never silently replaced.
 */
export function decodeXmlBytes(bytes: Buffer): string {
  let label = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) label = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be';
  else {
    const head = bytes.subarray(0, 200).toString('latin1');
    const declared = /^(?:\xEF\xBB\xBF)?<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
    if (declared) label = declared.toLowerCase();
  }
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    throw invalid(`cannot decode the file as ${label}`);
  }
}

export const escapeXml = (s: string): string => xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Text of the first direct child of that name, trimmed ('' when absent). */
export const childText = (el: XmlElement, name: string): string => el.children.find((c) => c.name === name)?.text.trim() ?? '';
