/** Table types of this module; see migration 20261129T110000-auxiliary. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AuxiliaryTables {}
