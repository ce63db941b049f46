/** Table types of this module; see migration 20261129T090000-competitions. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CompetitionTables {}
