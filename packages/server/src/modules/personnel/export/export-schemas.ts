import { Type, type Static } from '@sinclair/typebox';
import { PersonSearchQuery, Strict } from '@zhenggong/core';

/*
 * Request and response shapes of the export routes. They live beside the routes while the
 * export is this folder's alone; move them to @zhenggong/core when the web app imports them.
 */

/**
 * The list filters of GET /people, unchanged (so an export is exactly the list on screen),
 * plus the chosen columns. `page` and `pageSize` are accepted and ignored: an export is the
 * whole filtered list.
 */
export const PersonExportQuery = Strict({
  ...PersonSearchQuery.properties,
  columns: Type.Optional(
    Type.String({ pattern: '^[a-zA-Z]+(,[a-zA-Z]+)*$', maxLength: 600, description: 'Comma-separated keys from GET /export/columns' }),
  ),
});
export type PersonExportQuery = Static<typeof PersonExportQuery>;

export const ExportColumnList = Type.Array(
  Type.Object({ key: Type.String(), header: Type.String(), reveal: Type.Boolean(), default: Type.Boolean() }),
);

const Item = (max: number) => Type.Optional(Type.String({ minLength: 1, maxLength: max }));

/** Items of a 任免审批表 that belong to the submission, not to the record. */
export const AppointmentQuery = Strict({
  proposedPost: Item(200),
  proposedRemoval: Item(200),
  reason: Item(500),
  reportingUnit: Item(100),
  /** 健康状况 as the submitting unit states it (健康, 一般, 较差, or the condition): the record keeps no health verdict. */
  health: Item(50),
});
export type AppointmentQuery = Static<typeof AppointmentQuery>;

const Str = Type.String();
const Education = Type.Object({ education: Str, degree: Str, school: Str });

/** What POST /lrmx/preview reads out of a .lrmx file; nothing is stored. */
export const LrmxPreview = Type.Object({
  name: Str,
  sex: Str,
  /** ISO month "1985-03" where the file's date could be read, else the file's text. */
  birthMonth: Str,
  ethnicity: Str,
  nativePlace: Str,
  birthplace: Str,
  partyJoinMonth: Str,
  workStartMonth: Str,
  health: Str,
  techTitle: Str,
  specialty: Str,
  fullTime: Education,
  partTime: Education,
  currentPost: Str,
  proposedPost: Str,
  proposedRemoval: Str,
  resume: Type.Array(Type.Object({ start: Str, end: Str, text: Str })),
  rewards: Str,
  assessment: Str,
  reason: Str,
  family: Type.Array(Type.Object({ relation: Str, name: Str, birthMonth: Str, political: Str, workUnit: Str })),
  reportingUnit: Str,
  ageAsOf: Str,
  filledAt: Str,
  filledBy: Str,
  /** Masked: the preview never echoes a full ID number. */
  idNumberMasked: Str,
  idNumberValid: Type.Boolean(),
  hasPhoto: Type.Boolean(),
  version: Str,
  /** Codes the dictionaries recognise in the file's text (民族 汉族 → 01 …), for a later import. */
  codes: Type.Object({
    sex: Type.Union([Str, Type.Null()]),
    ethnicity: Type.Union([Str, Type.Null()]),
  }),
  /** Elements this reader does not know (newer software versions add some); reported, not lost silently. */
  unknownElements: Type.Array(Str),
});
export type LrmxPreview = Static<typeof LrmxPreview>;
