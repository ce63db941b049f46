const LOWER = 'abcdefghijkmnpqrstuvwxyz'; // no l/o: easy to misread when read out over the phone
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ'; // no I/O
const DIGITS = '23456789'; // no 0/1
const SYMBOLS = '!@#$%^&*-_+=?';
const ALL = LOWER + UPPER + DIGITS + SYMBOLS;

/** Uniform index in [0, n) from the CSPRNG (rejection sampling avoids modulo bias). */
function randomIndex(n: number): number {
  const limit = Math.floor(256 / n) * n;
  const byte = new Uint8Array(1);
  do crypto.getRandomValues(byte);
  while ((byte[0] ?? 0) >= limit);
  return (byte[0] ?? 0) % n;
}

const pick = (alphabet: string) => alphabet.charAt(randomIndex(alphabet.length));

/** A temporary password with all four character classes, for the admin to hand over once. */
export function generatePassword(length = 16): string {
  const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(SYMBOLS)];
  while (chars.length < length) chars.push(pick(ALL));
  // Fisher–Yates so the guaranteed classes are not always in front.
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = randomIndex(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
}
