import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  previewDocument,
  readDocument,
  type PreviewOutcome,
  type PreviewRequest,
  type ReadOutcome,
  type ReadRequest,
} from './read-document.js';

interface Pending {
  resolve: (outcome: unknown) => void;
  reject: (error: Error) => void;
}

type Reply = { id: number; outcome: unknown } | { id: number; error: string };

/**
 * Reads documents off the event loop, on one worker thread started on first use, so a large import never
 * stalls other requests. From TypeScript sources (tests) there is no compiled worker entry; the document is
 * then read in line, with the same function.
 */
export class DocumentReaderThread {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly entry: URL | null) {}

  /** The thread of the compiled worker entry beside this file, or in-line reading when there is none. */
  static beside(): DocumentReaderThread {
    const entry = new URL('./read-document.worker.js', import.meta.url);
    return new DocumentReaderThread(existsSync(fileURLToPath(entry)) ? entry : null);
  }

  /** Whether documents are read on a worker thread (false: in line, as under the TypeScript test runner). */
  get isThreaded(): boolean {
    return this.entry !== null;
  }

  /** Read one document; on the worker thread when there is one. */
  read(request: ReadRequest): Promise<ReadOutcome> {
    if (this.entry === null) return readDocument(request);
    // The worker answers a 'read' message with readDocument's outcome.
    return this.post(this.entry, 'read', request) as Promise<ReadOutcome>;
  }

  /** Read one document and build its preview as a new plan; on the worker thread when there is one. */
  preview(request: PreviewRequest): Promise<PreviewOutcome> {
    if (this.entry === null) return previewDocument(request);
    // The worker answers a 'preview' message with previewDocument's outcome.
    return this.post(this.entry, 'preview', request) as Promise<PreviewOutcome>;
  }

  private post(entry: URL, kind: 'read' | 'preview', request: ReadRequest): Promise<unknown> {
    const worker = this.start(entry);
    const id = this.nextId++;
    return new Promise<unknown>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, kind, request });
    });
  }

  /** Stop the worker thread, failing what it still had to read. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker !== null) await worker.terminate();
  }

  private start(entry: URL): Worker {
    if (this.worker !== null) return this.worker;
    const worker = new Worker(entry);
    worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      // An idle worker must not keep the process alive (a CLI run ends when its work is done).
      if (this.pending.size === 0) worker.unref();
      if (waiting === undefined) return;
      if ('error' in reply) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply.outcome);
    });
    const fail = (error: Error): void => {
      if (this.worker === worker) this.worker = null;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      fail(new Error(`the document reader thread stopped (exit code ${code})`));
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }
}
