import crypto from 'node:crypto';
import type { AppContext } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';

/**
 * A small SVG captcha: four digits drawn as jittered seven-segment strokes among noise lines.
 * The SVG holds no text, so the answer cannot be read from the markup; it is stored hashed,
 * expires after 5 minutes and is deleted on first use, right or wrong.
 */
const TTL_MS = 5 * 60_000;
// Segments a..g as [x1, y1, x2, y2] in a 10×20 cell.
const SEGMENTS: Record<string, [number, number, number, number]> = {
  a: [0, 0, 10, 0],
  b: [10, 0, 10, 10],
  c: [10, 10, 10, 20],
  d: [0, 20, 10, 20],
  e: [0, 10, 0, 20],
  f: [0, 0, 0, 10],
  g: [0, 10, 10, 10],
};
const DIGITS = ['abcdef', 'bc', 'abdeg', 'abcdg', 'bcfg', 'acdfg', 'acdefg', 'abc', 'abcdefg', 'abcdfg'];

const rnd = (min: number, max: number) => min + (crypto.randomInt(0, 1000) / 1000) * (max - min);
const hashAnswer = (id: string, answer: string) => crypto.createHash('sha256').update(`${id}:${answer.trim()}`).digest('hex');

export function drawCaptcha(answer: string): string {
  const parts: string[] = [];
  for (let i = 0; i < 6; i++) {
    parts.push(
      `<path d="M${rnd(0, 120).toFixed(1)} ${rnd(0, 40).toFixed(1)} Q${rnd(0, 120).toFixed(1)} ${rnd(0, 40).toFixed(1)} ${rnd(0, 120).toFixed(1)} ${rnd(0, 40).toFixed(1)}" stroke="#${crypto.randomInt(0x555555, 0xaaaaaa).toString(16)}" stroke-width="1" fill="none"/>`,
    );
  }
  [...answer].forEach((ch, i) => {
    const ox = 12 + i * 26 + rnd(-2, 2);
    const oy = 8 + rnd(-3, 3);
    const slant = rnd(-0.25, 0.25);
    const scale = rnd(0.9, 1.15);
    const d = [...(DIGITS[Number(ch)] ?? '')]
      .map((s) => {
        const [x1, y1, x2, y2] = SEGMENTS[s] as [number, number, number, number];
        const p = (x: number, y: number) =>
          `${(ox + (x + slant * (20 - y)) * scale + rnd(-0.8, 0.8)).toFixed(1)} ${(oy + y * scale + rnd(-0.8, 0.8)).toFixed(1)}`;
        return `M${p(x1, y1)} L${p(x2, y2)}`;
      })
      .join(' ');
    parts.push(
      `<path d="${d}" stroke="#${crypto.randomInt(0x102030, 0x405070).toString(16)}" stroke-width="${rnd(2.2, 3).toFixed(1)}" stroke-linecap="round" fill="none"/>`,
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40"><rect width="120" height="40" fill="#f4f6f8"/>${parts.join('')}</svg>`;
}

/** Issues a captcha; `answer` is returned for the caller's own use (tests), never sent to the client. */
export async function issueCaptcha(ctx: AppContext): Promise<{ captchaId: string; svg: string; answer: string }> {
  const captchaId = newId();
  const answer = String(crypto.randomInt(0, 10_000)).padStart(4, '0');
  const now = ctx.clock.now();
  // Expired ones are swept as new ones are issued (cheap: indexed by expiry).
  await ctx.db.deleteFrom('recruit_captcha').where('expires_at', '<', now.toISOString()).execute();
  await ctx.db
    .insertInto('recruit_captcha')
    .values({ id: captchaId, answer_hash: hashAnswer(captchaId, answer), expires_at: new Date(now.getTime() + TTL_MS).toISOString() })
    .execute();
  return { captchaId, svg: drawCaptcha(answer), answer };
}

/** True once for a right answer in time; the captcha is gone afterwards either way. */
export async function consumeCaptcha(ctx: AppContext, captchaId: string, answer: string): Promise<boolean> {
  const row = await ctx.db.selectFrom('recruit_captcha').selectAll().where('id', '=', captchaId).executeTakeFirst();
  if (!row) return false;
  const deleted = await ctx.db.deleteFrom('recruit_captcha').where('id', '=', captchaId).executeTakeFirst();
  // Only the request that actually deleted the row may use it (two racing requests: one wins).
  if (Number(deleted.numDeletedRows) !== 1) return false;
  if (row.expires_at < ctx.clock.now().toISOString()) return false;
  const expected = Buffer.from(row.answer_hash, 'hex');
  const given = Buffer.from(hashAnswer(captchaId, answer), 'hex');
  return crypto.timingSafeEqual(expected, given);
}
