// Root writes and reads anywhere: tests of a folder the CLI may not use run it as `nobody`.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../fixtures/export/support';

const AS_NOBODY = ['--reuid=nobody', '--regid=nogroup', '--clear-groups'];

/** Whether setpriv can drop to `nobody` here (root in a container may not). */
export function canRunAsNobody(): boolean {
  return spawnSync('setpriv', [...AS_NOBODY, 'true']).status === 0;
}

/** Runs bin/lectern.js as `nobody` (HOME=/tmp). */
export function lecternAsNobody(args: readonly string[]): { status: number | null; stderr: string } {
  const run = spawnSync('setpriv', [...AS_NOBODY, process.execPath, join(ROOT, 'bin', 'lectern.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, HOME: '/tmp' },
  });
  return { status: run.status, stderr: run.stderr };
}
