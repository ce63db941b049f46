/** Table types of this module; see migration 20261129T060000-training. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TrainingTables {}
