import type { Principal } from '../../../platform/access/principal.ts';

/**
 * Who exported a file and when, printed on it (L3-CES1-35; GB/T 45574 asks export files of
 * personal information to carry the requester's identity and time), so a leaked printout or
 * file points back to the account that produced it.
 */
export interface Watermark {
  readonly username: string;
  readonly displayName: string;
  /** ISO-8601 UTC. */
  readonly at: string;
  /** Beijing time, as people read it on paper. */
  readonly localTime: string;
  /** The one-line mark for footers and headers. */
  readonly line: string;
}

/** "2026-06-01T08:00:00.000Z" → "2026-06-01 16:00"; China has one time zone and no DST. */
export const beijingTime = (iso: string): string => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

export function watermarkOf(principal: Principal, now: Date): Watermark {
  const at = now.toISOString();
  const localTime = beijingTime(at);
  return {
    username: principal.username,
    displayName: principal.displayName,
    at,
    localTime,
    line: `导出人：${principal.displayName}（${principal.username}）  导出时间：${localTime}（北京时间）  智慧政工 · 内部资料 · 注意保密`,
  };
}
