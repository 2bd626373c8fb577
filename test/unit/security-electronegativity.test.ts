// Electronegativity (Doyensec's Electron security linter), offline, over electron/ and renderer/
// in one scan. Every finding fails the test unless it is listed below with the reason it does
// not apply to Lectern; the scanner itself is first shown to catch a known-bad window.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const SCRIPT = join(root, 'scripts', 'security-electronegativity.cjs');

interface Finding {
  id: string;
  file: string;
  line: number;
  column: number;
  severity: string;
  confidence: string;
  manualReview: boolean;
  description: string;
}
interface ScanResult {
  checks: number;
  issues: Finding[];
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
}

/** Checks not run at all, each with why it cannot or need not apply. */
const EXCLUDED: Record<string, string> = {
  // It downloads Electron's release list to compare versions; the scan must stay offline. The
  // Electron version is pinned in package.json and updated deliberately.
  AVAILABLESECURITYFIXESGLOBALCHECK: 'needs the network (Electron release data)',
};

/** The finding's line of source and the few after it, for matching a reviewed pattern. */
function sourceAt(file: string, line: number, after = 0): string {
  try {
    return readFileSync(join(root, file), 'utf8').split('\n').slice(line - 1, line + after).join('\n');
  } catch {
    return '';
  }
}

/**
 * Findings that were reviewed and do not apply: check id, file, and what the flagged source must
 * look like (so a new, different call at the same place is not waved through). Each says why.
 * A finding not matched here fails the test.
 */
const REVIEWED: Array<{ id: string; file: RegExp; source?: RegExp; lines?: number; reason: string }> = [
  {
    id: 'CSP_GLOBAL_CHECK',
    file: /^N\/A$/,
    reason:
      'it only sees CSPs set through webRequest.onHeadersReceived or in .html files; ours is a header on every ' +
      'protocol response and a meta tag in the page (protocols.ts), both checked in security-checklist.test.ts',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: /^renderer\//,
    source: /source\.openExternal\(url\)/,
    reason: "the deck source's openExternal is an IPC request (link:open-external) that main filters with isSafeExternalUrl",
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: /^electron\/app\/main\.ts$/,
    source: /void shell\.openExternal\(url\)/,
    reason: 'handed to the navigation guard (decideNavigation) and the controller (isSafeExternalUrl); checklist item 14',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: /^electron\/app\/ipc-answers\.ts$/,
    source: /deps\.openExternal\(url\)/,
    reason: 'the line before returns unless isSafeExternalUrl(url)',
  },
  ...['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK'].map((id) => ({
    id,
    file: /^electron\/app\/main\.ts$/,
    source: /new BrowserWindow\(\{[\s\S]*webPreferences: webPreferencesFor\(/,
    lines: 12,
    reason: 'it reads only object literals; webPreferencesFor sets contextIsolation and sandbox for every window kind (checklist 2-4)',
  })),
  {
    id: 'AUXCLICK_JS_CHECK',
    file: /^electron\/app\/main\.ts$/,
    source: /new BrowserWindow\(\{[\s\S]*webPreferences: webPreferencesFor\(/,
    lines: 12,
    reason: 'a middle-click can only ask for a new window, and setWindowOpenHandler denies every one on every webContents (checklist 12-13)',
  },
];

function reviewed(finding: Finding): boolean {
  return REVIEWED.some(
    (r) => r.id === finding.id && r.file.test(finding.file) && (!r.source || r.source.test(sourceAt(finding.file, finding.line, r.lines ?? 0))),
  );
}

function scan(...inputs: string[]): ScanResult {
  const run = spawnSync(process.execPath, [SCRIPT, ...inputs, '--exclude', Object.keys(EXCLUDED).join(',')], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(run.status, 0, `electronegativity failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as ScanResult;
}

test('the scanner runs offline and catches an insecure window (so a clean scan means something)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-eneg-'));
  try {
    writeFileSync(
      join(dir, 'bad-main.ts'),
      `import { BrowserWindow } from 'electron';
type Opts = { url: string };
const opts = { url: 'x' } satisfies Opts;
export function open(): BrowserWindow {
  const win = new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: false, webSecurity: false } });
  void win.loadURL(opts.url);
  return win;
}
`,
    );
    const result = scan(dir);
    assert.ok(result.checks >= 30, `${result.checks} checks ran`);
    assert.deepEqual(result.errors.filter((e) => !e.tolerable), [], 'the TypeScript parsed');
    const ids = new Set(result.issues.map((i) => i.id));
    for (const id of ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']) {
      assert.ok(ids.has(id), `${id} found; got ${[...ids].join(', ')}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('electron/ and renderer/ have no electronegativity finding that applies', () => {
  const result = scan('electron', 'renderer');
  assert.deepEqual(result.errors.filter((e) => !e.tolerable), [], 'every file was parsed and scanned');
  const open = result.issues.filter((i) => !reviewed(i));
  assert.deepEqual(
    open.map((i) => `${i.id} ${i.file}:${i.line}:${i.column} (${i.severity}/${i.confidence}) ${i.description}`),
    [],
  );
});
