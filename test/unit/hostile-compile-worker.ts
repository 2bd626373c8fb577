// Child process for the hostile-deck tests: compiles one deck per message with the real
// compiler, so a crash or a hang kills this process and fails one test, not the whole suite.
import { loadDeck } from '../../electron/deck/index';

interface Request {
  id: number;
  file: string;
}

process.on('message', (raw: unknown) => {
  const req = raw as Request;
  void (async () => {
    try {
      const deck = await loadDeck(req.file);
      process.send?.({ id: req.id, ok: true, deck });
    } catch (err) {
      const message = err instanceof Error ? `${err.name}: ${err.message}\n${err.stack ?? ''}` : String(err);
      process.send?.({ id: req.id, ok: false, message });
    }
  })();
});
process.send?.({ ready: true });
