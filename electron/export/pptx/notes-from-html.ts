// Speaker notes for PowerPoint's notes pane, from the compiled notes HTML: paragraphs and
// (nested) lists as structure, everything else as plain text, and each KaTeX formula as readable
// linear text from its TeX source (`\frac{\ln 2}{T_{1/2}}` reads "ln 2/T₁/₂"), never the
// doubled text of KaTeX's visual and MathML trees.

import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { texPlainText } from '../../contract/tex-text';
import type { NoteBlock, NoteList, NoteListItem } from './types';

/** Arguments of `\frac`/`\sqrt` as balanced groups, which texPlainText's flat rules cannot read. */
function takeGroup(tex: string, at: number): { body: string; end: number } | undefined {
  let i = at;
  while (tex[i] === ' ') i++;
  if (tex[i] !== '{') return tex[i] === undefined ? undefined : { body: tex[i]!, end: i + 1 };
  let depth = 0;
  for (let j = i; j < tex.length; j++) {
    if (tex[j] === '{') depth++;
    else if (tex[j] === '}' && --depth === 0) return { body: tex.slice(i + 1, j), end: j + 1 };
  }
  return undefined;
}

/** A numerator, denominator or root in parentheses unless it is one number, name or symbol. */
const grouped = (tex: string): string => (/^\s*(?:[\p{L}\p{N}.]+|\\[A-Za-z]+)\s*$/u.test(tex) ? tex.trim() : `(${tex.trim()})`);

/** TeX as one line of text: fractions as a/b, roots as √x, the rest by texPlainText. */
export function linearTex(tex: string): string {
  return texPlainText(linearFractions(tex));
}

/** `\frac{a}{b}` as `a/b` and `\sqrt{x}` as `√x`, still TeX otherwise (nested ones too). */
function linearFractions(tex: string): string {
  let out = '';
  let i = 0;
  while (i < tex.length) {
    const command = /^\\(d?frac|tfrac|sqrt)(?![A-Za-z])/.exec(tex.slice(i));
    if (command) {
      const first = takeGroup(tex, i + command[0].length);
      if (command[1] === 'sqrt' && first) {
        out += ` √${grouped(linearFractions(first.body))} `;
        i = first.end;
        continue;
      }
      const second = first && takeGroup(tex, first.end);
      if (first && second) {
        out += ` ${grouped(linearFractions(first.body))}/${grouped(linearFractions(second.body))} `;
        i = second.end;
        continue;
      }
    }
    // Copy up to the next backslash, or the backslash and its command name at once.
    const next = /^\\[A-Za-z]+|^\\.|^[^\\]+/.exec(tex.slice(i))?.[0] ?? tex[i]!;
    out += next;
    i += next.length;
  }
  return out;
}

const isElement = (node: ChildNode): node is Element => node.type === 'tag' || node.type === 'script' || node.type === 'style';
const classes = (el: Element): string[] => (el.attribs.class ?? '').split(/\s+/);

function formulaText(el: Element): string {
  const annotation = findFirst(el, (e) => e.name === 'annotation' && e.attribs.encoding === 'application/x-tex');
  return annotation ? linearTex(textContent(annotation)) : '';
}

function findFirst(node: Element, test: (el: Element) => boolean): Element | undefined {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (test(child)) return child;
    const found = findFirst(child, test);
    if (found) return found;
  }
  return undefined;
}

function textContent(node: ChildNode): string {
  if (node.type === 'text') return node.data;
  return isElement(node) ? node.children.map(textContent).join('') : '';
}

/** Inline text of a node: formulas linearised, `<br>` kept as a line break, whitespace folded. */
function inlineText(nodes: readonly ChildNode[]): string {
  let text = '';
  for (const node of nodes) {
    if (node.type === 'text') text += node.data.replace(/\s+/g, ' ');
    else if (isElement(node)) {
      if (node.name === 'br') text += '\n';
      else if (classes(node).includes('katex')) text += formulaText(node);
      else if (node.name === 'img') text += node.attribs.alt ? `[${node.attribs.alt}]` : '';
      else if (node.name === 'script' || node.name === 'style') continue;
      else text += inlineText(node.children);
    }
  }
  return text;
}

const tidy = (text: string): string =>
  text
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .trim();

const LISTS = new Set(['ul', 'ol']);
const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'figure', 'figcaption', 'section', 'dl', 'dt', 'dd', 'hr']);

function listOf(el: Element): NoteList {
  const items: NoteListItem[] = [];
  for (const li of el.children) {
    if (!isElement(li) || li.name !== 'li') continue;
    const own = li.children.filter((c) => !(isElement(c) && LISTS.has(c.name)));
    // A loose list wraps item text in <p>: the item is the text of its blocks joined by line breaks.
    const text = tidy(blocksOf(own).map((b) => (b.kind === 'paragraph' ? b.text : '')).filter(Boolean).join('\n'));
    const children = li.children.filter((c): c is Element => isElement(c) && LISTS.has(c.name)).map(listOf);
    items.push(children.length ? { text, children } : { text });
  }
  return { kind: 'list', ordered: el.name === 'ol', items };
}

function tableRows(el: Element): string[] {
  const rows: string[] = [];
  const walk = (node: Element): void => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (child.name === 'tr') {
        rows.push(child.children.filter((c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th')).map((c) => tidy(inlineText(c.children))).join(' | '));
      } else walk(child);
    }
  };
  walk(el);
  return rows;
}

function blocksOf(nodes: readonly ChildNode[]): NoteBlock[] {
  const blocks: NoteBlock[] = [];
  let inline: ChildNode[] = [];
  const flush = (): void => {
    const text = tidy(inlineText(inline));
    if (text) blocks.push({ kind: 'paragraph', text });
    inline = [];
  };
  for (const node of nodes) {
    if (!isElement(node)) {
      inline.push(node);
      continue;
    }
    if (LISTS.has(node.name)) {
      flush();
      blocks.push(listOf(node));
    } else if (node.name === 'table') {
      flush();
      for (const row of tableRows(node)) blocks.push({ kind: 'paragraph', text: row });
    } else if (classes(node).includes('katex-display')) {
      flush();
      const text = formulaText(node);
      if (text) blocks.push({ kind: 'paragraph', text });
    } else if (node.name === 'pre') {
      flush();
      const text = textContent(node).replace(/\n$/, '');
      if (text.trim()) blocks.push({ kind: 'paragraph', text });
    } else if (BLOCKS.has(node.name)) {
      flush();
      blocks.push(...blocksOf(node.children));
    } else {
      inline.push(node);
    }
  }
  flush();
  return blocks;
}

/** The notes of one slide (its `notesHtml`) as paragraphs and lists for the notes pane. */
export function notesFromHtml(html: string): NoteBlock[] {
  return blocksOf(parseDocument(html).children);
}
