/** Table types of this module; see migration 20261129T100000-recruitment. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RecruitmentTables {}
