/** Table types of this module; see migration 20261129T050000-exams. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ExamTables {}
