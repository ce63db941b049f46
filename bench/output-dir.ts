import path from 'node:path';

/**
 * Where benchmark runs write their figures: an ignored folder, so a run never leaves modified
 * files in the working tree. `npm run bench:accept` copies the figures worth keeping into the
 * committed bench/results/.
 */
export const benchOutputDir = path.resolve(import.meta.dirname, '.artifacts');

/** The committed, looked-at figures. */
export const benchResultsDir = path.resolve(import.meta.dirname, 'results');
