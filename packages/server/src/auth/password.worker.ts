import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { hashPasswordSync, verifyPasswordSync } from './password.js';

type Message =
  | { id: number; kind: 'hash'; password: string }
  | { id: number; kind: 'verify'; password: string; stored: string };

// On Linux a thread has its own nice value: this one yields the CPU to the event loop, so a storm of
// sign-ins slows sign-ins, not the pages and reads served beside them.
try {
  setPriority(19);
} catch {
  // Not permitted or not supported here: the bounded queue still limits the hashes.
}

// The hashing thread's entry (run from dist): one hash at a time, answered with its id.
parentPort?.on('message', (message: Message) => {
  try {
    const result =
      message.kind === 'hash'
        ? hashPasswordSync(message.password)
        : verifyPasswordSync(message.password, message.stored);
    parentPort?.postMessage({ id: message.id, result });
  } catch (error) {
    parentPort?.postMessage({
      id: message.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
