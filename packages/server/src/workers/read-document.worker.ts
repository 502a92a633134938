import { parentPort } from 'node:worker_threads';
import { previewDocument, readDocument, type PreviewRequest, type ReadRequest } from './read-document.js';

type Message =
  | { id: number; kind: 'read'; request: ReadRequest }
  | { id: number; kind: 'preview'; request: PreviewRequest };

// The worker thread's entry (run from dist): one request at a time, answered with its id.
parentPort?.on('message', (message: Message) => {
  void answer(message);
});

async function answer(message: Message): Promise<void> {
  try {
    if (message.kind === 'read') {
      parentPort?.postMessage({ id: message.id, outcome: await readDocument(message.request) });
      return;
    }
    const outcome = await previewDocument(message.request);
    // The preview's JSON bytes are moved to the main thread, not copied.
    parentPort?.postMessage({ id: message.id, outcome }, outcome.ok ? [outcome.planJson.buffer] : []);
  } catch (error) {
    parentPort?.postMessage({
      id: message.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
