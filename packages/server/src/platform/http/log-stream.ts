import pino from 'pino';

/**
 * Where the request log goes: standard output (main.ts) or a file (benchmarks), buffered.
 * Unbuffered, every line was its own write on libuv's thread pool, with two thread wake-ups per
 * request. Lines now leave in blocks of 4 KiB, or after a second at most when traffic is light;
 * pino flushes the rest on exit. A hard kill can lose up to a second of request lines, never an
 * audit row: the audit chain is in the database.
 */
export function bufferedLogStream(dest: string | number = 1): ReturnType<typeof pino.destination> {
  const stream = pino.destination({ dest, minLength: 4096, sync: false });
  // sonic-boom's flush() writes even when its buffer is empty: an idle server would make a
  // thread-pool write every second for nothing, so flush only after a line came in.
  let waiting = false;
  const write = stream.write.bind(stream);
  stream.write = (line: string) => {
    waiting = true;
    return write(line);
  };
  const timer = setInterval(() => {
    if (!waiting) return;
    // flush() throws while the stream is still opening or already destroyed; the next tick retries.
    try {
      stream.flush();
      waiting = false;
    } catch {
      /* nothing to flush yet */
    }
  }, 1000);
  timer.unref();
  stream.on('close', () => clearInterval(timer));
  return stream;
}
