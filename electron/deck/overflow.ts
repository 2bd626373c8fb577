// Estimates a slide's rendered height from its Markdown tokens, against the 1280x720 frame of the
// slide theme (renderer/themes/slides.css: 34px text, line-height 1.3, 24px/56px padding).
// Calibrated against the theme rendered in Chromium (bullets, paragraphs, code, tables, display
// math, the shipped decks); the warning has a margin so that it means a real overflow.
import type { Token, Tokens } from 'marked';
import { SLIDE_FRAME } from '../contract/frame';
import { inlinePlainText, type MathToken } from './tokens';

const FONT = 34;
const FRAME_HEIGHT = SLIDE_FRAME.height;
const PADDING_Y = 24 * 2;
const TEXT_WIDTH = SLIDE_FRAME.width - 56 * 2;
/** Average glyph width as a fraction of the font size; generous so wrapping is under-counted. */
const GLYPH = 0.46;

function wrappedLines(text: string, fontScale: number, indentPx = 0): number {
  const perLine = Math.max(8, Math.floor((TEXT_WIDTH - indentPx) / (FONT * fontScale * GLYPH)));
  let lines = 0;
  for (const para of text.split('\n')) lines += Math.max(1, Math.ceil(para.length / perLine));
  return lines;
}

function displayMathHeight(tex: string): number {
  const rows = (tex.match(/\\\\/g)?.length ?? 0) + 1;
  const tall = /\\(?:frac|dfrac|sum|int|prod)/.test(tex) ? 1.8 : 1.2;
  return rows * FONT * tall + FONT;
}

function blockHeight(tokens: readonly Token[], scale: number, indent: number): number {
  let h = 0;
  for (const t of tokens) {
    switch (t.type) {
      case 'heading': {
        const tk = t as Tokens.Heading;
        const size = [2.1, 1.55, 1.2, 1, 1, 1][tk.depth - 1] ?? 1;
        h += wrappedLines(inlinePlainText(tk.tokens), size * scale, indent) * FONT * size * scale * 1.15 + 20;
        break;
      }
      case 'paragraph':
      case 'text': {
        const tk = t as Tokens.Paragraph;
        const images = (tk.tokens ?? []).filter((x) => x.type === 'image').length;
        const text = inlinePlainText(tk.tokens);
        const lineHeight = t.type === 'paragraph' ? 1.35 : 1.3;
        if (text.trim()) h += wrappedLines(text, scale, indent) * FONT * scale * lineHeight + (t.type === 'paragraph' ? 16 : 0);
        // Images in one paragraph sit side by side and scale to fit (at most 540px): a typical row.
        if (images > 0) h += 220 + 24;
        h += (tk.tokens ?? []).filter((x) => x.type === 'lecternMath' && (x as unknown as MathToken).display).length * FONT;
        break;
      }
      case 'list': {
        const tk = t as Tokens.List;
        // Item margins (0.28em) collapse between items; a tight item's text has line-height 1.3.
        for (const item of tk.items) {
          h += 0.28 * FONT * scale + blockHeight(item.tokens, scale, indent + 1.1 * FONT * scale) - (item.tokens[0]?.type === 'paragraph' ? 16 : 0);
        }
        break;
      }
      case 'code': {
        const lines = (t as Tokens.Code).text.split('\n').length;
        h += lines * FONT * 0.7 * 1.3 + 24;
        break;
      }
      case 'table': {
        const tk = t as Tokens.Table;
        h += (tk.rows.length + 1) * 54;
        break;
      }
      case 'blockquote':
        h += blockHeight((t as Tokens.Blockquote).tokens, scale, indent + 40) + 16;
        break;
      case 'hr':
        h += 30;
        break;
      case 'lecternMath':
        h += displayMathHeight((t as unknown as MathToken).tex);
        break;
      default:
        break;
    }
  }
  return h;
}

export interface OverflowEstimate {
  height: number;
  limit: number;
}

/** Estimated rendered height of a slide body in px (padding included). */
export function estimateHeight(tokens: readonly Token[]): number {
  return blockHeight(tokens, 1, 0) + PADDING_Y;
}

/** The estimated height in px when it exceeds the frame, else null. */
export function estimateOverflow(tokens: readonly Token[]): OverflowEstimate | null {
  const height = estimateHeight(tokens);
  // A margin for the estimate's error (measured against the theme in Chromium: within ~10%),
  // so a warning means the slide really overflows.
  const limit = FRAME_HEIGHT;
  return height > limit * 1.08 ? { height: Math.round(height), limit } : null;
}
