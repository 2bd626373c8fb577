import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deckFromArgv, rootFromArgv } from '../../electron/app/app-args';

test('the deck comes from argv in every launch form, relative to the launching folder', () => {
  assert.equal(deckFromArgv(['/e/electron', 'dist/main.js', 'slides/talk.md'], '/proj'), '/proj/slides/talk.md');
  assert.equal(deckFromArgv(['/e/electron', '.', '/decks/a.md'], '/proj'), '/decks/a.md');
  assert.equal(deckFromArgv(['/opt/Lectern/lectern', '--no-sandbox', 'Talk.MD'], '/home/u'), '/home/u/Talk.MD');
  assert.equal(
    deckFromArgv(['/e/electron', '--inspect=0', '--remote-debugging-port=0', 'dist/main.js', 'x.markdown'], '/p'),
    '/p/x.markdown',
  );
  assert.equal(deckFromArgv(['/e/electron', 'dist/main.js'], '/p'), null);
  assert.equal(deckFromArgv(['/e/electron', '--flag=a.md', 'notes.txt'], '/p'), null);
  // argv[0] is the executable, never a deck.
  assert.equal(deckFromArgv(['odd.md'], '/p'), null);
});

test('--root beside the deck: both forms, relative to the launching folder; its value is never the deck', () => {
  assert.equal(rootFromArgv(['/e/electron', 'dist/main.js', 'l3/slides.md', '--root=/course'], '/p'), '/course');
  assert.equal(rootFromArgv(['/e/electron', 'dist/main.js', 'l3/slides.md', '--root', '..'], '/p/course/l3'), '/p/course');
  assert.equal(rootFromArgv(['/e/electron', 'dist/main.js', 'l3/slides.md'], '/p'), null);
  assert.equal(rootFromArgv(['/e/electron', '--root='], '/p'), null);
  // A folder that happens to end in .md is the root, not the deck.
  assert.equal(deckFromArgv(['/e/electron', 'dist/main.js', 'talk.md', '--root', 'notes.md'], '/p'), '/p/talk.md');
});
