/** Table types of this module; see migration 20261129T070000-study. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface StudyTables {}
