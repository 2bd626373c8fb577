// Renders build/icon.svg into the PNGs electron-builder wants: build/icon.png (1024, from which
// it makes the macOS .icns and Windows .ico), build/icon-512.png, and build/icons/NxN.png for
// Linux. Uses rsvg-convert (librsvg2-bin), else ImageMagick's convert. Run: node scripts/package-icons.mjs
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

const SOURCE = 'build/icon.svg';
const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512];

function has(cmd) {
  try {
    execFileSync(cmd, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const useRsvg = has('rsvg-convert');
function render(size, out) {
  if (useRsvg) execFileSync('rsvg-convert', ['-w', String(size), '-h', String(size), SOURCE, '-o', out]);
  else execFileSync('convert', ['-background', 'none', '-density', '384', SOURCE, '-resize', `${size}x${size}`, out]);
}

mkdirSync('build/icons', { recursive: true });
render(1024, 'build/icon.png');
render(512, 'build/icon-512.png');
for (const size of LINUX_SIZES) render(size, `build/icons/${size}x${size}.png`);
console.log(`rendered ${2 + LINUX_SIZES.length} PNGs from ${SOURCE} with ${useRsvg ? 'rsvg-convert' : 'convert'}`);
