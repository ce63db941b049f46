import { createHash, randomBytes } from 'node:crypto';

/** A new bearer token for one start of an attempt; only its hash is stored. */
export const newSessionToken = (): string => randomBytes(24).toString('base64url');
export const hashSessionToken = (token: string): string => createHash('sha256').update(token).digest('hex');
