/** NFKC + case fold, so look-alike usernames (full-width, case) collide in the unique index. */
export const normalizeUsername = (username: string): string => username.normalize('NFKC').trim().toLowerCase();
