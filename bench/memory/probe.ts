// Preloaded into the worker process by `npm run bench:memory` (node --require): serves
// GET /memory on MEMORY_PROBE_PORT with the process's resident set and the V8 heap used by every
// isolate in it — the main thread (activities, Temporal's core bridge) and the workflow thread
// (the workflow sandbox, where the sticky cache lives) — each after a full garbage collection, so
// the figures are what the process retains. A worker thread's heap is not in process.memoryUsage();
// the inspector's NodeWorker domain reaches it.
import http from 'node:http';
import { Session } from 'node:inspector';
import { getHeapStatistics } from 'node:v8';

export interface MemoryProbe {
  rssBytes: number;
  mainHeapUsedBytes: number;
  /** Heap used by each worker thread (Temporal's workflow threads), after a collection. */
  threadHeapUsedBytes: number[];
  heapLimitBytes: number;
}

const session = new Session();
session.connect();
const post = <T>(method: string, params?: object): Promise<T> =>
  new Promise((resolve, reject) => session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result as T))));

const threads = new Set<string>();
const waiting = new Map<number, (message: { result?: unknown; error?: unknown }) => void>();
let nextId = 1;
session.on('NodeWorker.attachedToWorker', (message) => { threads.add((message.params as { sessionId: string }).sessionId); });
session.on('NodeWorker.detachedFromWorker', (message) => { threads.delete((message.params as { sessionId: string }).sessionId); });
session.on('NodeWorker.receivedMessageFromWorker', (message) => {
  const answer = JSON.parse((message.params as { message: string }).message) as { id?: number; result?: unknown; error?: unknown };
  if (answer.id === undefined) return;
  waiting.get(answer.id)?.(answer);
  waiting.delete(answer.id);
});

function inThread<T>(sessionId: string, method: string): Promise<T> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, (answer) => (answer.error ? reject(new Error(JSON.stringify(answer.error))) : resolve(answer.result as T)));
    post('NodeWorker.sendMessageToWorker', { sessionId, message: JSON.stringify({ id, method }) }).catch(reject);
  });
}

export async function probe(): Promise<MemoryProbe> {
  const threadHeapUsedBytes: number[] = [];
  for (const sessionId of threads) {
    await inThread(sessionId, 'HeapProfiler.collectGarbage');
    threadHeapUsedBytes.push((await inThread<{ usedSize: number }>(sessionId, 'Runtime.getHeapUsage')).usedSize);
  }
  await post('HeapProfiler.collectGarbage');
  const usage = process.memoryUsage();
  return { rssBytes: usage.rss, mainHeapUsedBytes: usage.heapUsed, threadHeapUsedBytes, heapLimitBytes: getHeapStatistics().heap_size_limit };
}

const port = Number(process.env.MEMORY_PROBE_PORT);
if (port) {
  post('NodeWorker.enable', { waitForDebuggerOnStart: false }).then(() => {
    http.createServer((req, res) => {
      if (req.url !== '/memory') return void res.writeHead(404).end();
      probe().then(
        (figures) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(figures)),
        (err: unknown) => res.writeHead(500).end(String(err)),
      );
    }).listen(port, '127.0.0.1').unref();
  }, (err: unknown) => console.error('memory probe:', err));
}
