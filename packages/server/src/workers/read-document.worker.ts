import { parentPort } from 'node:worker_threads';
import { previewDocument, readDocument, type PreviewRequest, type ReadRequest } from './read-document.js';

type Message =
  | { id: number; kind: 'read'; request: ReadRequest }
  | { id: number; kind: 'preview'; request: PreviewRequest };

// The worker thread's entry (run from dist): one request at a time, answered with its id.
parentPort?.on('message', (message: Message) => {
  try {
    const outcome =
      message.kind === 'read' ? readDocument(message.request) : previewDocument(message.request);
    parentPort?.postMessage({ id: message.id, outcome });
  } catch (error) {
    parentPort?.postMessage({
      id: message.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
