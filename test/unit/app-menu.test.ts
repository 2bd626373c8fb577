import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, paperForCountry, type MenuActions, type MenuState } from '../../electron/app/menu';

const calls: string[] = [];
const actions: MenuActions = {
  open: () => calls.push('open'),
  openForStudy: () => calls.push('open-study'),
  study: () => calls.push('study'),
  openRecent: (f) => calls.push(`recent:${f}`),
  clearRecent: () => calls.push('clear'),
  present: (length) => calls.push(length === undefined ? 'present' : `present:${length}`),
  closeDeck: () => calls.push('close'),
  exportPdf: (o) => calls.push(`export:${JSON.stringify(o)}`),
  exportPictures: (o) => calls.push(`pictures:${JSON.stringify(o)}`),
  toggleFullscreen: () => calls.push('fullscreen'),
  swapDisplays: () => calls.push('swap'),
  setRehearsal: (m) => calls.push(`rehearsal:${m}`),
  toggleRehearsalRun: () => calls.push('rehearse-run'),
  setPaper: (p) => calls.push(`paper:${p}`),
  saveSidecarsElsewhere: () => calls.push('save-elsewhere'),
  quit: () => calls.push('quit'),
};

const base: MenuState = {
  platform: 'linux',
  hasDeck: false,
  presenting: false,
  dual: false,
  rehearsal: 'side-by-side',
  exporting: false,
  recent: [],
  paper: 'a4',
  lengths: [],
  length: null,
};

function items(template: MenuItemConstructorOptions[]): Map<string, MenuItemConstructorOptions> {
  const out = new Map<string, MenuItemConstructorOptions>();
  const walk = (list: MenuItemConstructorOptions[], prefix: string) => {
    for (const item of list) {
      if (!item.label) continue;
      const key = `${prefix}${item.label.replace('&', '')}`;
      out.set(key, item);
      if (Array.isArray(item.submenu)) walk(item.submenu, `${key} > `);
    }
  };
  walk(template, '');
  return out;
}

function click(item: MenuItemConstructorOptions | undefined): void {
  assert.ok(item?.click, 'item has a click handler');
  (item.click as () => void)();
}

test('File and View hold the usual items and accelerators', () => {
  const m = items(buildMenuTemplate(base, actions));
  assert.equal(m.get('File > Open...')?.accelerator, 'CmdOrCtrl+O');
  assert.equal(m.get('File > Open for Study...')?.accelerator, 'CmdOrCtrl+Shift+O');
  assert.equal(m.get('View > Study View')?.accelerator, 'CmdOrCtrl+Shift+S');
  assert.ok(m.has('File > Open Recent'));
  assert.equal(m.get('File > Present')?.accelerator, 'F5');
  assert.ok(m.has('File > Export PDF...'));
  assert.equal(m.get('File > Export PDF... > Slides...')?.accelerator, 'CmdOrCtrl+E');
  assert.equal(m.get('File > Quit')?.accelerator, 'CmdOrCtrl+Q');
  assert.equal(m.get('View > Fullscreen')?.accelerator, 'F11');
  assert.equal(m.get('View > Swap Displays')?.accelerator, 'X');
  assert.equal(m.get('View > Swap Displays')?.registerAccelerator, false, 'x typed in a field must not swap');
  // The presenter view's own key, shown in the menu; registered it would toggle a run twice.
  assert.equal(m.get('View > Rehearse Timings (Start / End a Run)')?.accelerator, 'Shift+R');
  assert.equal(m.get('View > Rehearse Timings (Start / End a Run)')?.registerAccelerator, false);
  const accelerators = [...m.values()].map((i) => i.accelerator).filter(Boolean);
  assert.equal(new Set(accelerators).size, accelerators.length, 'no accelerator used twice');
});

test('macOS: Quit lives in the app menu, fullscreen uses Ctrl+Cmd+F', () => {
  const template = buildMenuTemplate({ ...base, platform: 'darwin' }, actions);
  assert.equal(template[0]?.label, 'Lectern');
  const m = items(template);
  assert.equal(m.get('Lectern > Quit Lectern')?.accelerator, 'Cmd+Q');
  assert.equal(m.has('File > Quit'), false);
  assert.equal(m.get('View > Fullscreen')?.accelerator, 'Ctrl+Cmd+F');
});

test('enabled states follow the state: no deck, a deck, presenting, exporting, two displays', () => {
  let m = items(buildMenuTemplate(base, actions));
  assert.equal(m.get('File > Present')?.enabled, false);
  assert.equal(m.get('File > Export PDF...')?.enabled, false);
  assert.equal(m.get('File > Open Recent')?.enabled, false);
  assert.equal(m.get('View > Swap Displays')?.enabled, false);
  assert.equal(m.get('View > Study View')?.enabled, false);
  assert.equal(m.get('View > Rehearse Timings (Start / End a Run)')?.enabled, false);

  m = items(buildMenuTemplate({ ...base, hasDeck: true }, actions));
  assert.equal(m.get('View > Rehearse Timings (Start / End a Run)')?.enabled, false, 'no presenter view to rehearse in');
  assert.equal(m.get('File > Present')?.enabled, true);
  assert.equal(m.get('View > Study View')?.enabled, true);
  assert.equal(m.get('File > Export PDF... > Speaker Notes...')?.enabled, true);

  m = items(buildMenuTemplate({ ...base, hasDeck: true, presenting: true }, actions));
  assert.equal(m.get('File > Present')?.enabled, false);
  assert.equal(m.get('View > Swap Displays')?.enabled, true);
  assert.equal(m.get('View > Rehearse Timings (Start / End a Run)')?.enabled, true);
  assert.equal(m.get('View > Rehearsal: Presenter View Alone')?.enabled, true);
  assert.equal(m.get('View > Rehearsal: Audience and Presenter Side by Side')?.checked, true);

  m = items(buildMenuTemplate({ ...base, hasDeck: true, presenting: true, dual: true, exporting: true }, actions));
  assert.equal(m.get('View > Rehearsal: Presenter View Alone')?.enabled, false);
  assert.equal(m.get('File > Export PDF...')?.enabled, false);
});

test('clicks reach the actions, recent decks listed newest first', () => {
  calls.length = 0;
  const m = items(buildMenuTemplate({ ...base, hasDeck: true, presenting: true, recent: ['/d/b.md', '/d/a.md'] }, actions));
  const recent = m.get('File > Open Recent')!;
  assert.equal(recent.enabled, true);
  const labels = (recent.submenu as MenuItemConstructorOptions[]).map((i) => i.label).filter(Boolean);
  assert.deepEqual(labels, ['b.md  (/d)', 'a.md  (/d)', 'Clear Recent']);
  click(m.get('File > Open Recent > b.md  (/d)'));
  click(m.get('File > Open Recent > Clear Recent'));
  click(m.get('File > Open...'));
  click(m.get('File > Open for Study...'));
  click(m.get('View > Study View'));
  click(m.get('File > Export PDF... > Handout with Lines to Write On > 3 per Page...'));
  click(m.get('File > Export PDF... > US Letter Paper'));
  click(m.get('View > Swap Displays'));
  click(m.get('View > Rehearsal: Presenter View Alone'));
  click(m.get('View > Rehearse Timings (Start / End a Run)'));
  click(m.get('File > Quit'));
  assert.deepEqual(calls, [
    'recent:/d/b.md',
    'clear',
    'open',
    'open-study',
    'study',
    'export:{"format":"handout","perPage":3,"lines":true}',
    'paper:letter',
    'swap',
    'rehearsal:presenter-only',
    'rehearse-run',
    'quit',
  ]);
});

test('Export PDF: every format and option; the paper is a radio choice', () => {
  calls.length = 0;
  const m = items(buildMenuTemplate({ ...base, hasDeck: true, paper: 'letter' }, actions));
  assert.equal(m.get('File > Export PDF... > US Letter Paper')?.checked, true);
  assert.equal(m.get('File > Export PDF... > A4 Paper')?.checked, false);
  for (const perPage of [1, 2, 3, 4, 6]) {
    click(m.get(`File > Export PDF... > Handout with Notes > ${perPage} per Page...`));
    click(m.get(`File > Export PDF... > Handout with Lines to Write On > ${perPage} per Page...`));
  }
  click(m.get('File > Export PDF... > Speaker Notes...'));
  click(m.get('File > Export PDF... > Slides...'));
  click(m.get('File > Export PDF... > Slides, One Page per Fragment Step...'));
  const options = calls.map((c) => JSON.parse(c.replace(/^export:/, '')) as { format: string; perPage?: number; lines?: boolean; paper?: string; fragments?: boolean });
  assert.deepEqual(
    options.filter((o) => o.format === 'handout').map((o) => `${o.perPage}${o.lines ? 'L' : 'N'}`),
    ['1N', '1L', '2N', '2L', '3N', '3L', '4N', '4L', '6N', '6L'],
  );
  assert.deepEqual(options.filter((o) => o.format === 'slides').map((o) => o.fragments), [false, true]);
});

test('paper for a country: US Letter in the Americas where it is usual, A4 elsewhere', () => {
  assert.equal(paperForCountry('US'), 'letter');
  assert.equal(paperForCountry('ca'), 'letter');
  assert.equal(paperForCountry('DE'), 'a4');
  assert.equal(paperForCountry(''), 'a4');
});

test('menu items have unique ids so tests and main can find them', () => {
  const ids: string[] = [];
  const walk = (list: MenuItemConstructorOptions[]) => {
    for (const item of list) {
      if (item.id) ids.push(item.id);
      if (Array.isArray(item.submenu)) walk(item.submenu);
    }
  };
  walk(buildMenuTemplate({ ...base, recent: ['/a.md'] }, actions));
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ['open', 'open-recent', 'present', 'export', 'export-slides', 'export-notes', 'fullscreen', 'swap-displays', 'quit']) {
    assert.ok(ids.includes(id), id);
  }
});

test('the swap key: plain x, down, not repeated, no modifiers', async () => {
  const { isSwapKey } = await import('../../electron/app/keys');
  const key = { type: 'keyDown', key: 'x', control: false, meta: false, alt: false, shift: false };
  assert.equal(isSwapKey(key), true);
  assert.equal(isSwapKey({ ...key, key: 'X', shift: true }), true);
  assert.equal(isSwapKey({ ...key, type: 'keyUp' }), false);
  assert.equal(isSwapKey({ ...key, control: true }), false);
  assert.equal(isSwapKey({ ...key, meta: true }), false);
  assert.equal(isSwapKey({ ...key, alt: true }), false);
  assert.equal(isSwapKey({ ...key, isAutoRepeat: true }), false);
  assert.equal(isSwapKey({ ...key, key: 'c' }), false);
});

test('File > Export PowerPoint and Export Images: enabled with a deck and no export running, each asking for its format', () => {
  const none = items(buildMenuTemplate(base, actions));
  assert.equal(none.get('File > Export PowerPoint...')?.enabled, false);
  assert.equal(none.get('File > Export Images...')?.enabled, false);
  const m = items(buildMenuTemplate({ ...base, hasDeck: true }, actions));
  assert.deepEqual(
    [...m.keys()].filter((k) => k.startsWith('File > Export PowerPoint... > ') || k.startsWith('File > Export Images... > ')),
    [
      'File > Export PowerPoint... > Slides...',
      'File > Export PowerPoint... > One Slide per Fragment Step...',
      'File > Export Images... > PNG, 1920 x 1080...',
      'File > Export Images... > PNG, 3840 x 2160...',
      'File > Export Images... > JPEG, 1920 x 1080...',
      'File > Export Images... > PNG, One per Fragment Step...',
    ],
  );
  calls.length = 0;
  click(m.get('File > Export PowerPoint... > One Slide per Fragment Step...'));
  click(m.get('File > Export Images... > PNG, 3840 x 2160...'));
  assert.deepEqual(calls, ['pictures:{"format":"pptx","fragments":true}', 'pictures:{"format":"png","scale":2}']);
  const busy = items(buildMenuTemplate({ ...base, hasDeck: true, exporting: true }, actions));
  assert.equal(busy.get('File > Export PowerPoint...')?.enabled, false);
  assert.equal(busy.get('File > Export Images... > JPEG, 1920 x 1080...')?.enabled, false);
});

test('File > Talk Length lists the deck\'s lengths, checks the one shown, and presents as the one picked', () => {
  assert.equal(items(buildMenuTemplate({ ...base, hasDeck: true }, actions)).get('File > Talk Length')?.enabled, false, 'no lengths declared');
  const state: MenuState = { ...base, hasDeck: true, presenting: true, lengths: [{ name: 'short', minutes: 20 }, { name: 'full', minutes: 45 }], length: 'short' };
  const m = items(buildMenuTemplate(state, actions));
  assert.equal(m.get('File > Talk Length')?.enabled, true);
  assert.equal(m.get('File > Talk Length > short (20 min), default')?.checked, true);
  const full = m.get('File > Talk Length > full (45 min)');
  assert.equal(full?.type, 'radio');
  assert.equal(full?.checked, false);
  calls.length = 0;
  click(full);
  assert.deepEqual(calls, ['present:full']);
});

test('File > Save Ink and Rehearsals Elsewhere: enabled with a deck open, even during an export', () => {
  assert.equal(items(buildMenuTemplate(base, actions)).get('File > Save Ink and Rehearsals Elsewhere...')?.enabled, false);
  const m = items(buildMenuTemplate({ ...base, hasDeck: true, exporting: true }, actions));
  assert.equal(m.get('File > Save Ink and Rehearsals Elsewhere...')?.enabled, true);
  calls.length = 0;
  click(m.get('File > Save Ink and Rehearsals Elsewhere...'));
  assert.deepEqual(calls, ['save-elsewhere']);
});
