import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bufferedLogStream } from './log-stream.ts';

describe('bufferedLogStream', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('flushes once after lines came in, and not at all while idle', async () => {
    vi.useFakeTimers();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-log-'));
    const file = path.join(dir, 'requests.log');
    const stream = bufferedLogStream(file);
    const flush = vi.spyOn(stream, 'flush');

    vi.advanceTimersByTime(3_000);
    expect(flush).not.toHaveBeenCalled();

    stream.write('{"msg":"one"}\n');
    vi.advanceTimersByTime(1_000);
    expect(flush).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(3_000);
    expect(flush).toHaveBeenCalledTimes(1);

    vi.useRealTimers();
    const closed = once(stream, 'close');
    stream.end();
    await closed;
    expect(fs.readFileSync(file, 'utf8')).toBe('{"msg":"one"}\n');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
