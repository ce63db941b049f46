/** Table types of this module; see migration 20261129T040000-question-bank. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface QuestionBankTables {}
