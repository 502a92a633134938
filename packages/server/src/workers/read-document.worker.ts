import { parentPort } from 'node:worker_threads';
import { readDocument, type ReadRequest } from './read-document.js';

// The worker thread's entry (run from dist): one request at a time, answered with its id.
parentPort?.on('message', (message: { id: number; request: ReadRequest }) => {
  try {
    parentPort?.postMessage({ id: message.id, outcome: readDocument(message.request) });
  } catch (error) {
    parentPort?.postMessage({
      id: message.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
