// Cross-check against an independent DICOM implementation: DCMTK (Debian package `dcmtk`) reads
// every fixture and renders it with the file's window; our PNGs must match within one grey level
// (DCMTK truncates where we round; JPEG IDCTs differ by one). Skips, saying so, without DCMTK.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { PNG } from 'pngjs';
import { decodeDicom } from '../../electron/media/dicom/decode-dicom';
import { cineLoop, ctImage } from '../../scripts/clinical-fixtures/dicom-fixtures';

function hasDcmtk(): boolean {
  try {
    execFileSync('dcmj2pnm', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'lectern-dcmtk-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function firstChannel(png: Buffer): Uint8Array {
  const decoded = PNG.sync.read(png);
  return Uint8Array.from({ length: decoded.width * decoded.height }, (_, i) => decoded.data[i * 4]!);
}

test('DCMTK reads every fixture and renders the same pixels within one grey level', { skip: hasDcmtk() ? false : 'DCMTK is not installed (apt-get install -y dcmtk)' }, async () => {
  const fixtures: Array<[string, Buffer, string[]]> = [
    ['implicit', ctImage('implicit', { size: 64 }), ['+Wi', '1']],
    ['explicit', ctImage('explicit', { size: 64 }), ['+Wi', '1']],
    ['deflated', ctImage('deflated', { size: 64 }), ['+Wi', '1']],
    ['rle', ctImage('rle', { size: 64 }), ['+Wi', '1']],
    ['jpeg-baseline', ctImage('jpegBaseline', { size: 64 }), []],
    ['cine', cineLoop(4, 48), ['+Wi', '1', '--frame', '3']],
  ];
  for (const [label, bytes, args] of fixtures) {
    const input = join(dir, `${label}.dcm`);
    const output = join(dir, `${label}.png`);
    writeFileSync(input, bytes);
    execFileSync('dcmj2pnm', [...args, '--write-png', input, output], { stdio: 'ignore' });
    const ours = await decodeDicom({ name: label, bytes }, { keyFrame: 2 });
    assert.ok(ours.ok, ours.ok ? '' : ours.error.message);
    const frame = label === 'cine' ? ours.value.frames[2]! : ours.value.frames[0]!;
    const a = firstChannel(readFileSync(output));
    const b = firstChannel(Buffer.from(frame));
    assert.equal(a.length, b.length, label);
    let worst = 0;
    for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
    assert.ok(worst <= 1, `${label}: differs from DCMTK by ${worst} grey levels`);
  }
});
