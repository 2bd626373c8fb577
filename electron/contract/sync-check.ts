// SyncMessage arrives from another window (BroadcastChannel) or through main (IPC), so each side
// checks its shape before acting on it. One check for the relay in main and for both transports.

import { isSlideRect } from '../ink/geometry';
import type { InkSlide, InkStroke } from '../ink/types';
import type { SyncMessage } from './ipc';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isPosition(value: unknown): boolean {
  return isRecord(value) && Number.isInteger(value.h) && Number.isInteger(value.v) && Number.isInteger(value.f);
}

function isPoints(value: unknown): value is number[] {
  return Array.isArray(value) && value.length % 2 === 0 && value.every((n) => typeof n === 'number' && Number.isFinite(n));
}

function isStroke(value: unknown): value is InkStroke {
  return isRecord(value) && typeof value.id === 'string' && typeof value.color === 'string' && typeof value.width === 'number' && isPoints(value.points);
}

function isInkSlide(value: unknown): value is InkSlide {
  return isRecord(value) && typeof value.key === 'string' && Array.isArray(value.strokes) && value.strokes.every(isStroke);
}

function isInkOp(op: unknown): boolean {
  if (!isRecord(op) || typeof op.slide !== 'string') return false;
  switch (op.kind) {
    case 'draw':
      return typeof op.stroke === 'string' && typeof op.color === 'string' && typeof op.width === 'number' && isPoints(op.points);
    case 'restore':
      return Array.isArray(op.strokes) && op.strokes.every(isStroke);
    case 'remove':
      return Array.isArray(op.strokes) && op.strokes.every((s) => typeof s === 'string');
    default:
      return false;
  }
}

const isNumbers = (v: unknown): boolean => Array.isArray(v) && v.length <= 64 && v.every((n) => typeof n === 'number' && Number.isFinite(n));

export function isSyncMessage(value: unknown): value is SyncMessage {
  if (!isRecord(value)) return false;
  const m = value;
  switch (m.type) {
    case 'navigate':
      return isPosition(m.position);
    case 'blackout':
      return typeof m.on === 'boolean';
    case 'hello':
      return typeof m.role === 'string';
    case 'state':
      return isPosition(m.position) && typeof m.blackout === 'boolean';
    case 'ink':
      return isInkOp(m.op);
    case 'ink-all':
      return Array.isArray(m.slides) && m.slides.every(isInkSlide) && Array.isArray(m.removed) && typeof m.showSaved === 'boolean';
    case 'ink-show-saved':
      return typeof m.on === 'boolean';
    case 'pointer':
      return typeof m.slide === 'string' && (m.at === null || (isPoints(m.at) && (m.at as number[]).length === 2));
    case 'zoom':
      return typeof m.slide === 'string' && (m.region === null || isSlideRect(m.region));
    case 'media':
      return m.command === 'previous' || m.command === 'next' || m.command === 'toggle-play';
    case 'media-state':
      return isPosition(m.position) && isNumbers(m.frames) && isNumbers(m.times) && typeof m.paused === 'boolean';
    default:
      return false;
  }
}
