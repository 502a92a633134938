import { describe, expect, it } from 'vitest';
import { DocumentReaderThread } from './document-reader-thread.js';

// Stand-in worker entries: the real one is compiled JavaScript in dist, which unit tests do not build.
const entry = (code: string): URL => new URL(`data:text/javascript,${encodeURIComponent(code)}`);
const ECHO = entry(`
  import { parentPort } from 'node:worker_threads';
  parentPort.on('message', ({ id, kind, request }) => {
    const done = () => parentPort.postMessage({ id, outcome: { ok: false, message: kind + ' ' + request.fileName } });
    // The first request answers last: replies must still reach the request they answer.
    if (request.fileName === 'slow.md') setTimeout(done, 50); else done();
  });
`);
const request = (fileName: string): Parameters<DocumentReaderThread['read']>[0] => ({
  bytes: new Uint8Array(),
  fileName,
  knownMinistries: [],
});

describe('DocumentReaderThread', () => {
  it('reads on a worker thread and gives each caller the answer to its own request', async () => {
    const thread = new DocumentReaderThread(ECHO);
    try {
      expect(thread.isThreaded).toBe(true);
      const [slow, fast] = await Promise.all([
        thread.read(request('slow.md')),
        thread.preview({ ...request('fast.md'), now: '2025-07-15T01:00:00.000Z', today: '2025-07-15' }),
      ]);
      expect(slow).toEqual({ ok: false, message: 'read slow.md' });
      expect(fast).toEqual({ ok: false, message: 'preview fast.md' });
    } finally {
      await thread.close();
    }
  });

  it('fails the waiting read, instead of hanging, when the thread dies', async () => {
    const thread = new DocumentReaderThread(
      entry(
        `import { parentPort } from 'node:worker_threads'; parentPort.on('message', () => process.exit(3));`,
      ),
    );
    await expect(thread.read(request('any.md'))).rejects.toThrow(/exit code 3/u);
    await thread.close();
  });

  it('reads in line from the TypeScript sources, where there is no compiled worker entry', async () => {
    const thread = DocumentReaderThread.beside();
    expect(thread.isThreaded).toBe(false);
    const read = await thread.read({ ...request('plan.md'), bytes: new TextEncoder().encode('# 計画\n') });
    expect(read).toMatchObject({ ok: true, doc: { title: '計画' } });
  });
});
