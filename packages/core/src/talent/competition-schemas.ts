import { Type, type Static } from '@sinclair/typebox';
import { Id, PageQuery, Strict } from '../schemas/common.ts';

/** Request shapes of competitions (比武竞赛): events, items, entries, scores. */
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10 });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

export const CompetitionLevel = Type.Union([Type.Literal('province'), Type.Literal('city'), Type.Literal('branch'), Type.Literal('unit')]);
export type CompetitionLevel = Static<typeof CompetitionLevel>;

export const CreateEventBody = Strict({
  title: Text(200),
  level: CompetitionLevel,
  orgId: Id,
  startDate: Day,
  endDate: Day,
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  /** Per item, how many of a unit's best entries count toward the unit total; absent or null: all. */
  countedPerUnit: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 100 }), Type.Null()])),
});
export type CreateEventBody = Static<typeof CreateEventBody>;
export const UpdateEventBody = Strict({
  title: Type.Optional(Text(200)),
  level: Type.Optional(CompetitionLevel),
  startDate: Type.Optional(Day),
  endDate: Type.Optional(Day),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  countedPerUnit: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 100 }), Type.Null()])),
});
export type UpdateEventBody = Static<typeof UpdateEventBody>;

export const EventQuery = Strict({
  ...PageQuery,
  q: Type.Optional(Type.String({ maxLength: 50 })),
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('published')])),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
});
export type EventQuery = Static<typeof EventQuery>;

export const ItemBody = Strict({
  name: Text(100),
  kind: Type.Union([Type.Literal('individual'), Type.Literal('team')]),
  direction: Type.Union([Type.Literal('higher'), Type.Literal('lower')]),
  unit: Type.Optional(Type.String({ maxLength: 20 })),
  maxTeamSize: Type.Optional(Type.Integer({ minimum: 2, maximum: 50 })),
});
export type ItemBody = Static<typeof ItemBody>;

export const EntryBody = Strict({
  itemId: Id,
  orgId: Id,
  personIds: Type.Array(Id, { minItems: 1, maxItems: 50, uniqueItems: true }),
  teamName: Type.Optional(Type.String({ maxLength: 100 })),
});
export type EntryBody = Static<typeof EntryBody>;

export const ScoresBody = Strict({
  scores: Type.Array(
    Strict({ entryId: Id, score: Type.Union([Type.Number({ minimum: 0 }), Type.String({ maxLength: 20 }), Type.Null()]) }),
    { minItems: 1, maxItems: 2000 },
  ),
});
export type ScoresBody = Static<typeof ScoresBody>;

export const EventItemParams = Strict({ id: Id, itemId: Id });
export const EventEntryParams = Strict({ id: Id, entryId: Id });
