import { Type, type Static } from '@sinclair/typebox';
import { Id, Strict } from '../schemas/common.ts';
import { PersonSet } from '../personnel/person-set.ts';

/** Request schemas of police culture (/api/v1/culture). */
const DateStr = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Opt = (max: number) => Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]));
const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 20 })),
};

export const programmeKinds = ['reading', 'fitness', 'sports', 'other'] as const;
export const ProgrammeKind = Type.Union(programmeKinds.map((k) => Type.Literal(k)));
export type ProgrammeKind = Static<typeof ProgrammeKind>;
export const programmeStatuses = ['draft', 'published'] as const;
export const ProgrammeStatus = Type.Union(programmeStatuses.map((s) => Type.Literal(s)));

export const CreateProgrammeBody = Strict({
  title: Text(200),
  kind: ProgrammeKind,
  /** The organising unit: the programme's data scope. */
  orgId: Id,
  startDate: DateStr,
  endDate: DateStr,
  /** Last day to register (inclusive). */
  deadline: DateStr,
  /** Places; null: no limit. */
  capacity: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 100000 }), Type.Null()])),
  target: PersonSet,
  description: Opt(2000),
});
export type CreateProgrammeBody = Static<typeof CreateProgrammeBody>;

export const ProgrammeQuery = Type.Object({
  kind: Type.Optional(ProgrammeKind),
  status: Type.Optional(ProgrammeStatus),
  orgId: Type.Optional(Id),
  keyword: Type.Optional(Type.String({ maxLength: 50 })),
  ...Paging,
});
export type ProgrammeQuery = Static<typeof ProgrammeQuery>;

/** Participation of registered people: attended, with hours (reading) or kilometres (fitness). */
export const ParticipationBody = Strict({
  records: Type.Array(
    Strict({
      registrationId: Id,
      attended: Type.Boolean(),
      /** Hours or kilometres, one decimal. */
      amount: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 10000, multipleOf: 0.1 }), Type.Null()])),
    }),
    { minItems: 1, maxItems: 1000 },
  ),
});
export type ParticipationBody = Static<typeof ParticipationBody>;

export const CreateContestBody = Strict({
  title: Text(200),
  /** The organising unit: entries come from its people, and it is the contest's data scope. */
  orgId: Id,
  entryDeadline: DateStr,
  judgePersonIds: Type.Array(Id, { minItems: 1, maxItems: 15, uniqueItems: true }),
  description: Opt(2000),
});
export type CreateContestBody = Static<typeof CreateContestBody>;

export const ContestEntryBody = Strict({ title: Text(200), text: Opt(20000) });
export type ContestEntryBody = Static<typeof ContestEntryBody>;
/** A manager enters a work on someone's behalf (a paper entry, an officer without an account). */
export const ContestEntryForBody = Strict({ personId: Id, title: Text(200), text: Opt(20000) });
export type ContestEntryForBody = Static<typeof ContestEntryForBody>;
/** A judge's score, 0–100 with one decimal. */
export const ScoreBody = Strict({ score: Type.Number({ minimum: 0, maximum: 100, multipleOf: 0.1 }) });

export const CreateCollectionBody = Strict({ title: Text(200), orgId: Id, description: Opt(2000) });
export type CreateCollectionBody = Static<typeof CreateCollectionBody>;
export const workDecisions = ['accepted', 'returned'] as const;
export const ReviewWorkBody = Strict({
  decision: Type.Union(workDecisions.map((d) => Type.Literal(d))),
  note: Opt(500),
});
export type ReviewWorkBody = Static<typeof ReviewWorkBody>;
export const CultureListQuery = Type.Object({ keyword: Type.Optional(Type.String({ maxLength: 50 })), ...Paging });
export type CultureListQuery = Static<typeof CultureListQuery>;
