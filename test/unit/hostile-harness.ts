// Shared by the hostile-input tests: compile a deck in a child process with a deadline (a hang
// fails one test instead of stalling the suite), and decide whether compiled HTML is inert: no
// script, no handler, no javascript:/data:text/html URL, nothing that would reach the network.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import type { Deck, Diagnostic } from '../../electron/deck/types';

const WORKER = join(__dirname, 'hostile-compile-worker.ts');

type Reply = { id: number; ok: true; deck: Deck } | { id: number; ok: false; message: string } | { ready: true };

/** One compiler child process, restarted after a crash or a timeout. */
export class IsolatedCompiler {
  private child: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private nextId = 1;

  private start(): Promise<void> {
    if (this.ready && this.child && this.child.exitCode === null) return this.ready;
    const child = fork(WORKER, [], {
      execArgv: ['--import', 'tsx', '--max-old-space-size=1024'],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child = child;
    this.ready = new Promise((resolve, reject) => {
      const onMessage = (m: Reply): void => {
        if ('ready' in m) {
          child.off('message', onMessage);
          resolve();
        }
      };
      child.on('message', onMessage);
      child.once('exit', (code) => reject(new Error(`compiler process exited (${code}) before it was ready`)));
    });
    return this.ready;
  }

  /** Compiles `file` with loadDeck; rejects on a thrown error, a crash, or after timeoutMs. */
  async compile(file: string, timeoutMs: number): Promise<Deck> {
    await this.start();
    const child = this.child!;
    const id = this.nextId++;
    let stderr = '';
    const onErr = (d: Buffer): void => {
      stderr += d.toString();
    };
    child.stderr?.on('data', onErr);
    try {
      return await new Promise<Deck>((resolve, reject) => {
        const timer = setTimeout(() => {
          cleanup();
          this.kill();
          reject(new Error(`compiling ${file} did not finish within ${timeoutMs} ms (a hang)`));
        }, timeoutMs);
        const onMessage = (m: Reply): void => {
          if ('ready' in m || m.id !== id) return;
          cleanup();
          if (m.ok) resolve(m.deck);
          else reject(new Error(`compiling ${file} threw: ${m.message}`));
        };
        const onExit = (code: number | null, signal: string | null): void => {
          cleanup();
          reject(new Error(`the compiler crashed on ${file} (exit ${code}, signal ${signal}):\n${stderr.slice(-2000)}`));
        };
        const cleanup = (): void => {
          clearTimeout(timer);
          child.off('message', onMessage);
          child.off('exit', onExit);
        };
        child.on('message', onMessage);
        child.on('exit', onExit);
        child.send({ id, file });
      });
    } finally {
      child.stderr?.off('data', onErr);
    }
  }

  private kill(): void {
    this.child?.kill('SIGKILL');
    this.child = null;
    this.ready = null;
  }

  close(): void {
    this.kill();
  }
}

// ---------------------------------------------------------------------------------------------
// Inert HTML

const FORBIDDEN_ELEMENTS = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link',
  'form', 'portal', 'foreignobject', 'noscript', 'template', 'handler', 'listener', 'set', 'animate',
]);
/** Attributes whose value is text for people, never a URL the page loads. */
const TEXT_ATTRIBUTES = new Set(['alt', 'title', 'aria-label', 'aria-description', 'data-lectern-tex']);

/** A URL as a browser reads it: control characters and whitespace inside it do not count. */
function compactUrl(value: string): string {
  return value.replace(/[\u0000-\u0020\u007f]+/g, '').toLowerCase();
}

/** Why a URL-ish attribute value is dangerous, or null. `allowRemote` is for <a href> only. */
export function urlProblem(value: string, allowRemote: boolean): string | null {
  const url = compactUrl(value);
  if (/^(javascript|vbscript|livescript):/.test(url)) return 'script URL';
  if (/^data:(text\/html|application\/xhtml|text\/xml|application\/xml|image\/svg\+xml[^,]*,.*<script)/.test(url)) {
    return 'data: URL that is a document';
  }
  if (/^file:/.test(url)) return 'file: URL';
  if (!allowRemote && /^(https?|ftp|wss?):|^\/\//.test(url)) return 'remote URL';
  return null;
}

/** Why CSS (a style attribute or <style> text) would reach out or run something, or null. */
export function cssProblem(css: string): string | null {
  const text = css.replace(/\\/g, '').toLowerCase();
  if (/@import/.test(text)) return 'CSS @import';
  if (/expression\s*\(/.test(text)) return 'CSS expression()';
  if (/-moz-binding|behavior\s*:/.test(text)) return 'CSS binding';
  for (const m of text.matchAll(/url\s*\(\s*(['"]?)([^'")]*)\1\s*\)/g)) {
    const problem = urlProblem(m[2] ?? '', false);
    if (problem) return `CSS url(): ${problem}`;
  }
  return null;
}

/** Every reason `html` is not inert (empty when it is safe to show). */
export function inertHtmlProblems(html: string): string[] {
  const problems: string[] = [];
  let inStyle = false;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const tag = name.toLowerCase();
        if (FORBIDDEN_ELEMENTS.has(tag)) problems.push(`<${tag}> element`);
        if (tag === 'style') inStyle = true;
        for (const [rawName, value] of Object.entries(attrs)) {
          const attr = rawName.toLowerCase();
          const label = `<${tag} ${attr}="${value.slice(0, 60)}">`;
          if (attr === 'xmlns' || attr.startsWith('xmlns:')) continue; // a namespace name, never fetched
          if (attr.startsWith('on')) problems.push(`event handler ${label}`);
          else if (attr === 'srcdoc') problems.push(`srcdoc ${label}`);
          else if (attr === 'formaction' || attr === 'action') problems.push(`form target ${label}`);
          else if (attr === 'style') {
            const p = cssProblem(value);
            if (p) problems.push(`${p} in ${label}`);
          } else if (attr === 'srcset') {
            for (const candidate of value.split(',')) {
              const p = urlProblem(candidate.trim().split(/\s+/)[0] ?? '', false);
              if (p) problems.push(`${p} in ${label}`);
            }
          } else if (attr === 'data-background-iframe') problems.push(`reveal.js background iframe ${label}`);
          else if (!TEXT_ATTRIBUTES.has(attr)) {
            const p = urlProblem(value, tag === 'a' && attr === 'href');
            if (p) problems.push(`${p} in ${label}`);
          }
        }
      },
      ontext(text) {
        if (inStyle) {
          const p = cssProblem(text);
          if (p) problems.push(`${p} in <style>`);
        }
      },
      onclosetag(name) {
        if (name.toLowerCase() === 'style') inStyle = false;
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return problems;
}

/** Problems in a slide's `<section>` attributes (from `<!-- .slide: -->`). */
export function slideAttributeProblems(attrs: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(attrs)) {
    const attr = name.toLowerCase();
    if (attr !== 'class' && attr !== 'id' && !attr.startsWith('data-')) problems.push(`slide attribute ${attr}`);
    if (attr === 'data-background-iframe') problems.push('reveal.js background iframe');
    const p = attr === 'style' ? cssProblem(value) : urlProblem(value, false);
    if (p) problems.push(`${p} in slide attribute ${attr}="${value.slice(0, 60)}"`);
  }
  return problems;
}

/** Everything wrong with a compiled deck's output: HTML of slides and notes, slide attributes. */
export function deckProblems(deck: Deck): string[] {
  const problems: string[] = [];
  for (const slide of deck.slides) {
    const where = `slide ${slide.index} (lines ${slide.source.startLine}-${slide.source.endLine})`;
    for (const p of inertHtmlProblems(slide.html)) problems.push(`${where}: ${p}`);
    for (const p of inertHtmlProblems(slide.notesHtml)) problems.push(`${where} notes: ${p}`);
    for (const p of slideAttributeProblems(slide.attributes)) problems.push(`${where}: ${p}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Diagnostics

/** Number of lines in a file as the compiler counts them (any line ending). */
export function lineCount(file: string): number {
  const text = readFileSync(file, 'latin1');
  return text.split(/\r\n|\r|\n/).length;
}

/** Diagnostics whose location is not a real place in a real file. */
export function badlyLocated(diagnostics: readonly Diagnostic[], lines: (file: string) => number): string[] {
  const out: string[] = [];
  for (const d of diagnostics) {
    const where = `${d.file}:${d.line}:${d.column} ${d.code}`;
    if (!d.file) out.push(`${where}: no file`);
    else if (!Number.isInteger(d.line) || d.line < 1 || d.line > lines(d.file)) out.push(`${where}: line out of range`);
    else if (!Number.isInteger(d.column) || d.column < 1) out.push(`${where}: column out of range`);
    if (d.severity !== 'error' && d.severity !== 'warning') out.push(`${where}: severity ${String(d.severity)}`);
    if (!d.message) out.push(`${where}: empty message`);
  }
  return out;
}

/** 1-based numbers of the lines of `text` that match `pattern`. */
export function linesMatching(text: string, pattern: RegExp): number[] {
  const out: number[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (pattern.test(line)) out.push(i + 1);
  });
  return out;
}
