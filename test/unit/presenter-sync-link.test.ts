// The presenter's sync link: quick moves are not undone by the audience's late reports of the
// earlier ones (a clicker's double press, Shift+B and straight back), and the audience's own
// moves are still followed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SlidePosition, SyncMessage } from '../../electron/contract/ipc';
import { PresenterLink } from '../../renderer/presenter/sync-link';
import type { SyncTransport } from '../../renderer/sync/transport';

class FakeTransport implements SyncTransport {
  readonly sent: SyncMessage[] = [];
  private listener: ((m: SyncMessage) => void) | null = null;
  send(message: SyncMessage): void {
    this.sent.push(message);
  }
  onMessage(listener: (m: SyncMessage) => void): () => void {
    this.listener = listener;
    return () => (this.listener = null);
  }
  close(): void {}
  /** A message from the audience. */
  receive(message: SyncMessage): void {
    this.listener?.(message);
  }
}

const at = (h: number, v = 0, f = -1): SlidePosition => ({ h, v, f });
const state = (position: SlidePosition, blackout = false): SyncMessage => ({ type: 'state', position, blackout });

function link(): { transport: FakeTransport; arrived: SlidePosition[]; blackouts: boolean[]; link: PresenterLink } {
  const transport = new FakeTransport();
  const arrived: SlidePosition[] = [];
  const blackouts: boolean[] = [];
  const l = new PresenterLink(transport, { arrive: (p) => arrived.push(p), blackout: (on) => blackouts.push(on), audienceJoined: () => {} });
  return { transport, arrived, blackouts, link: l };
}

test("the audience's report of an earlier move, arriving after a newer move, is not followed", () => {
  const { transport, arrived, blackouts, link: l } = link();
  l.navigate(at(3));
  l.navigate(at(1)); // Shift+B back before the audience answered the first move
  transport.receive(state(at(3)));
  assert.deepEqual(arrived, [], 'the stale report does not pull the presenter back to slide 3');
  assert.deepEqual(blackouts, [], 'nor does its blackout flag');
  transport.receive(state(at(1)));
  assert.deepEqual(arrived, [at(1)], 'the report of the newest move is followed');
});

test("the audience's own move is followed, and forgets the moves still pending", () => {
  const { transport, arrived, link: l } = link();
  l.navigate(at(2));
  l.navigate(at(3));
  transport.receive(state(at(5))); // the audience pressed a key itself
  assert.deepEqual(arrived, [at(5)]);
  transport.receive(state(at(3)));
  assert.deepEqual(arrived, [at(5), at(3)], 'a later report is followed: nothing is stuck');
});

test('a report in step with the presenter is followed as before', () => {
  const { transport, arrived, blackouts, link: l } = link();
  l.navigate(at(2, 0, 1));
  transport.receive(state(at(2, 0, 1), true));
  assert.deepEqual(arrived, [at(2, 0, 1)]);
  assert.deepEqual(blackouts, [true]);
  transport.receive({ type: 'navigate', position: at(4) });
  assert.deepEqual(arrived, [at(2, 0, 1), at(4)]);
});

test('fragment steps count: an echo of step 1 is stale once step 2 was sent', () => {
  const { transport, arrived, link: l } = link();
  l.navigate(at(2, 0, 0));
  l.navigate(at(2, 0, 1));
  transport.receive(state(at(2, 0, 0)));
  assert.deepEqual(arrived, []);
  transport.receive(state(at(2, 0, 1)));
  assert.deepEqual(arrived, [at(2, 0, 1)]);
});
