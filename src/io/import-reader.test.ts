import { describe, expect, it, vi } from 'vitest';
import { importFile } from '../domain/import-file';
import { importGeoJson, MAX_IMPORT_BYTES } from '../domain/import-geojson';
import type { ImportReply, ImportRequest } from './import-messages';
import { readOpenedFile, WORKER_START_MS, type ImportWorker } from './import-reader';

const TEXT = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: 'Hadrut' },
      geometry: { type: 'Point', coordinates: [46.93, 39.52] },
    },
  ],
});
const file = (text = TEXT) => new Blob([text]);
// What importFile gives for GeoJSON: the reader's result, read as GeoJSON.
const READ = { ...importGeoJson(TEXT, 'towns.geojson', TEXT.length), format: 'geojson' };

/** A worker that answers as `script` says once it is sent a file. */
class FakeWorker implements ImportWorker {
  readonly requests: { message: ImportRequest; transfer: Transferable[] }[] = [];
  terminated = false;
  private readonly listeners = new Map<string, ((event: Event) => void)[]>();

  constructor(private readonly script: (worker: FakeWorker, request: ImportRequest) => void) {}

  postMessage(message: ImportRequest, transfer: Transferable[]): void {
    this.requests.push({ message, transfer });
    queueMicrotask(() => this.script(this, message));
  }

  addEventListener(type: string, listener: (event: Event) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  terminate(): void {
    this.terminated = true;
  }

  reply(data: ImportReply): void {
    this.send(data);
  }

  send(data: unknown): void {
    for (const l of this.listeners.get('message') ?? []) l(new MessageEvent('message', { data }));
  }

  fail(message?: string): void {
    const event = Object.assign(new Event('error', { cancelable: true }), message ? { message } : {});
    for (const l of this.listeners.get('error') ?? []) l(event);
  }
}

/** A worker that reads the file as the real one does. */
const working = () =>
  new FakeWorker((worker, request) => {
    worker.reply({ kind: 'ready' });
    worker.reply({ kind: 'read', result: importFile(new Uint8Array(request.bytes), request.fileName) });
  });

describe('readOpenedFile', () => {
  it('hands on the text of the map features the worker made, and ignores a malformed one', async () => {
    const map = { clustered: false, main: new ArrayBuffer(3), points: new ArrayBuffer(2) };
    const sending = (texts: unknown) =>
      new FakeWorker((worker, request) => {
        worker.reply({ kind: 'ready' });
        worker.send({
          kind: 'read',
          result: importFile(new Uint8Array(request.bytes), request.fileName),
          map: texts,
        });
      });
    expect(await readOpenedFile(file(), 'towns.geojson', () => sending(map))).toEqual({
      kind: 'read',
      result: READ,
      where: 'worker',
      map,
    });
    expect(
      await readOpenedFile(file(), 'towns.geojson', () => sending({ ...map, points: 'not bytes' })),
    ).toEqual({ kind: 'read', result: READ, where: 'worker' });
  });

  it('reads a file in a worker of its own, its bytes transferred, and stops the worker after', async () => {
    const worker = working();
    expect(await readOpenedFile(file(), 'towns.geojson', () => worker)).toEqual({
      kind: 'read',
      result: READ,
      where: 'worker',
    });
    expect(worker.requests.length).toBe(1);
    const [{ message, transfer }] = worker.requests as [{ message: ImportRequest; transfer: Transferable[] }];
    expect(message.fileName).toBe('towns.geojson');
    expect(message.bytes.byteLength).toBe(TEXT.length);
    expect(transfer).toEqual([message.bytes]);
    expect(worker.terminated).toBe(true);
  });

  it('reads two files at once, each in its own worker, whichever answers first', async () => {
    let answerFirst: () => void = () => {};
    const slow = new FakeWorker((worker, request) => {
      worker.reply({ kind: 'ready' });
      answerFirst = () =>
        worker.reply({ kind: 'read', result: importFile(new Uint8Array(request.bytes), request.fileName) });
    });
    const other = JSON.stringify({ type: 'Point', coordinates: [45, 40] });
    const first = readOpenedFile(file(), 'towns.geojson', () => slow);
    const second = await readOpenedFile(file(other), 'point.geojson', working);
    expect(second).toEqual({
      kind: 'read',
      result: { ...importGeoJson(other, 'point.geojson', other.length), format: 'geojson' },
      where: 'worker',
    });
    answerFirst();
    expect(await first).toEqual({ kind: 'read', result: READ, where: 'worker' });
  });

  it('reads on the page when a worker has not said it is ready after WORKER_START_MS', async () => {
    vi.useFakeTimers();
    try {
      const silent = new FakeWorker(() => {});
      const reading = readOpenedFile(file(), 'towns.geojson', () => silent);
      let outcome: unknown;
      void reading.then((o) => (outcome = o));
      await vi.advanceTimersByTimeAsync(WORKER_START_MS - 1);
      expect([outcome, silent.terminated]).toEqual([undefined, false]);
      await vi.advanceTimersByTimeAsync(1);
      expect(await reading).toEqual({ kind: 'read', result: READ, where: 'page' });
      expect([WORKER_START_MS, silent.terminated]).toEqual([10_000, true]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads on the page where no worker can be started: none in the browser, one refused, one that never ran', async () => {
    const onPage = { kind: 'read', result: READ, where: 'page' };
    expect(await readOpenedFile(file(), 'towns.geojson', null)).toEqual(onPage);
    expect(
      await readOpenedFile(file(), 'towns.geojson', () => {
        throw new Error('refused by the Content-Security-Policy');
      }),
    ).toEqual(onPage);
    const neverRan = new FakeWorker((worker) => worker.fail());
    expect(await readOpenedFile(file(), 'towns.geojson', () => neverRan)).toEqual(onPage);
    expect(neverRan.terminated).toBe(true);
  });

  it('says why a file failed in a worker that had started, and reads it no further', async () => {
    const crashed = new FakeWorker((worker) => {
      worker.reply({ kind: 'ready' });
      worker.fail('out of memory');
    });
    expect(await readOpenedFile(file(), 'towns.geojson', () => crashed)).toEqual({
      kind: 'failed',
      message: 'out of memory',
    });
    const silent = new FakeWorker((worker) => {
      worker.reply({ kind: 'ready' });
      worker.fail();
    });
    expect(await readOpenedFile(file(), 'towns.geojson', () => silent)).toEqual({
      kind: 'failed',
      message: 'the reader stopped',
    });
    const threw = new FakeWorker((worker) => {
      worker.reply({ kind: 'ready' });
      worker.reply({ kind: 'failed', message: 'Maximum call stack size exceeded' });
    });
    expect(await readOpenedFile(file(), 'towns.geojson', () => threw)).toEqual({
      kind: 'failed',
      message: 'Maximum call stack size exceeded',
    });
    const odd = new FakeWorker((worker) => {
      worker.send(42);
    });
    expect(await readOpenedFile(file(), 'towns.geojson', () => odd)).toEqual({
      kind: 'failed',
      message: 'the reader answered something that is not a result',
    });
  });

  it('refuses a file over the limit before it is read, and starts no worker for it', async () => {
    let started = 0;
    const big = new Blob([new Uint8Array(MAX_IMPORT_BYTES + 1)]);
    const outcome = await readOpenedFile(big, 'huge.geojson', () => {
      started += 1;
      return working();
    });
    expect(outcome).toEqual({
      kind: 'read',
      result: importGeoJson('', 'huge.geojson', MAX_IMPORT_BYTES + 1),
      where: 'not-read',
    });
    expect(started).toBe(0);
  });
});
