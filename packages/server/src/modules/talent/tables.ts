/** Table types of this module; see migration 20261129T080000-talent. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TalentTables {}
