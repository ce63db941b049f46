import { isApiError } from '../../shared/api/api-error';
import type { ItemResponse } from './types';

export type SaveFn = (no: number, response: ItemResponse, seq: number) => Promise<{ savedAt: string }>;

/** Why saving stopped for good: the deadline passed, a newer start (another device) took the session, or it was submitted. */
export type SaverFatal = 'deadline' | 'takenOver' | 'closed';

export interface SaverState {
  /** Items changed here and not yet confirmed by the server. */
  pending: number;
  saving: boolean;
  /** No connection (a save failed at the network level, or the browser says it is offline). */
  offline: boolean;
  /** The last save failed for another reason and will be retried. */
  failed: boolean;
  lastSavedAt: string | null;
  fatal: SaverFatal | null;
}

interface PendingEntry {
  response: ItemResponse;
  seq: number;
}

const MAX_RETRY_MS = 15_000;

/**
 * Autosave of an examinee's answers. Every change is queued per item (newest wins), sent after a
 * short pause, retried with back-off while the network is down, and kept in localStorage until
 * the server confirms it, so closing the tab while offline loses nothing. `seq` grows per item
 * from the server's last stored number, so a late, reordered request never overwrites a newer answer.
 */
export class AnswerSaver {
  private readonly pending = new Map<number, PendingEntry>();
  /** Highest save number used per item (the server's, then ours); each save sends one more. */
  private readonly seqs = new Map<number, number>();
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private retryMs = 1000;
  private running: Promise<void> | null = null;
  private stopped = false;
  private state: SaverState = { pending: 0, saving: false, offline: false, failed: false, lastSavedAt: null, fatal: null };

  constructor(
    private readonly save: SaveFn,
    private readonly storageKey: string,
    private readonly onState: (state: SaverState) => void,
    serverSeqs: Record<string, number> = {},
  ) {
    for (const [no, seq] of Object.entries(serverSeqs)) this.seqs.set(Number(no), seq);
  }

  private nextSeq(no: number): number {
    const seq = (this.seqs.get(no) ?? 0) + 1;
    this.seqs.set(no, seq);
    return seq;
  }

  /** Answers changed on this device but never confirmed (a reload while offline); the caller lays them over the server's copy. */
  restore(): Map<number, ItemResponse> {
    const restored = new Map<number, ItemResponse>();
    try {
      const raw = window.localStorage.getItem(this.storageKey);
      const stored = raw ? (JSON.parse(raw) as Record<string, PendingEntry>) : {};
      for (const [no, entry] of Object.entries(stored)) {
        const item = Number(no);
        // Sent again with a fresh number, above both the server's and the lost page's.
        this.seqs.set(item, Math.max(this.seqs.get(item) ?? 0, entry.seq));
        this.pending.set(item, { response: entry.response, seq: this.nextSeq(item) });
        restored.set(item, entry.response);
      }
    } catch {
      // Unreadable storage: nothing to restore.
    }
    if (restored.size > 0) this.schedule(0);
    this.emit({});
    return restored;
  }

  change(no: number, response: ItemResponse, delayMs: number): void {
    if (this.state.fatal) return;
    this.pending.set(no, { response, seq: this.nextSeq(no) });
    this.persist();
    this.schedule(delayMs);
    this.emit({});
  }

  /** Sends everything now (before submitting, on reconnect); resolves true when nothing is left pending. */
  async flush(): Promise<boolean> {
    clearTimeout(this.debounce);
    clearTimeout(this.retry);
    if (this.running) await this.running;
    this.running = this.run();
    await this.running;
    this.running = null;
    return this.pending.size === 0;
  }

  setOffline(offline: boolean): void {
    this.emit({ offline });
    if (!offline) void this.flush();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.debounce);
    clearTimeout(this.retry);
  }

  /** After a successful submit the local copy is no longer needed. */
  clear(): void {
    this.pending.clear();
    this.persist();
    this.emit({});
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.flush(), delayMs);
  }

  private async run(): Promise<void> {
    if (this.stopped || this.state.fatal) return;
    this.emit({ saving: this.pending.size > 0 });
    for (const [no, entry] of [...this.pending]) {
      try {
        const answer = await this.save(no, entry.response, entry.seq);
        // A newer change made while this one was in flight stays queued.
        if (this.pending.get(no) === entry) this.pending.delete(no);
        this.persist();
        this.retryMs = 1000;
        this.emit({ lastSavedAt: answer.savedAt, offline: false, failed: false });
      } catch (error) {
        if (isApiError(error) && error.code === 'EXAM_DEADLINE_PASSED') return this.emit({ saving: false, fatal: 'deadline' });
        if (isApiError(error) && error.code === 'EXAM_SESSION_TAKEN_OVER') return this.emit({ saving: false, fatal: 'takenOver' });
        if (isApiError(error) && error.code === 'EXAM_SESSION_CLOSED') return this.emit({ saving: false, fatal: 'closed' });
        const offline = isApiError(error) && error.status === 0;
        this.emit({ saving: false, offline, failed: !offline });
        if (!this.stopped) this.retry = setTimeout(() => void this.flush(), this.retryMs);
        this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
        return;
      }
    }
    this.emit({ saving: false });
  }

  private persist(): void {
    try {
      if (this.pending.size === 0) window.localStorage.removeItem(this.storageKey);
      else window.localStorage.setItem(this.storageKey, JSON.stringify(Object.fromEntries(this.pending)));
    } catch {
      // Storage full or blocked: the in-memory queue still retries.
    }
  }

  private emit(change: Partial<SaverState>): void {
    this.state = { ...this.state, ...change, pending: this.pending.size };
    this.onState(this.state);
  }
}

/** True when the response holds something the examinee entered. */
export function isAnswered(response: ItemResponse | undefined): boolean {
  if (!response) return false;
  return (response.choice?.length ?? 0) > 0 || (response.blanks ?? []).some((b) => b.trim() !== '') || (response.text ?? '').trim() !== '';
}
