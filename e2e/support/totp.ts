import crypto from 'node:crypto';

/**
 * TOTP codes for the e2e journeys (RFC 6238: HMAC-SHA1, 30 s, 6 digits), computed from the
 * secret the enrolment page or API showed, as an authenticator app would. Each code is accepted
 * once, so the helper remembers the last step it used per account and takes the next one.
 */
const secrets = new Map<string, string>();
const lastStep = new Map<string, number>();
const key = (baseUrl: string, username: string) => `${baseUrl}|${username}`;

export const rememberSecret = (baseUrl: string, username: string, secret: string): void => {
  secrets.set(key(baseUrl, username), secret);
};
export const secretOf = (baseUrl: string, username: string): string | undefined => secrets.get(key(baseUrl, username));

function base32Decode(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of text.replace(/=+$/, '').toUpperCase()) {
    value = (value << 5) | alphabet.indexOf(ch);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

function hotp(secret: string, counter: number): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = crypto.createHmac('sha1', base32Decode(secret)).update(msg).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  return ((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).toString().padStart(6, '0');
}

const currentStep = () => Math.floor(Date.now() / 30_000);

/** The next unused code of the account; waits for the next 30-second window when the server's drift (±1) is used up. */
export async function nextCode(baseUrl: string, username: string): Promise<string> {
  const secret = secretOf(baseUrl, username);
  if (!secret) throw new Error(`no TOTP secret known for ${username}`);
  const last = lastStep.get(key(baseUrl, username)) ?? -Infinity;
  while (last + 1 > currentStep() + 1) {
    // The condition waited for is the clock reaching the next TOTP window, nothing else.
    await new Promise((r) => setTimeout(r, 250));
  }
  // The current window, not the previous one: the server accepts one window either side, so a
  // code of the previous window sent across a window boundary would arrive two windows late.
  const step = Math.max(currentStep(), last + 1);
  lastStep.set(key(baseUrl, username), step);
  return hotp(secret, step);
}
