import { Type, type Static } from '@sinclair/typebox';

/** Response schemas of the competition routes; types are Static<> of them. */
export const ListEventsResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      level: Type.Union([Type.Literal('province'), Type.Literal('city'), Type.Literal('branch'), Type.Literal('unit')]),
      orgId: Type.String(),
      orgName: Type.String(),
      startDate: Type.String(),
      endDate: Type.String(),
      description: Type.Union([Type.Null(), Type.String()]),
      status: Type.Union([Type.Literal('open'), Type.Literal('published')]),
      publishedAt: Type.Union([Type.Null(), Type.String()]),
    }),
  ),
  total: Type.Number(),
});
export type ListEventsResponse = Static<typeof ListEventsResponse>;

export const CreateEventResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      kind: Type.Union([Type.Literal('individual'), Type.Literal('team')]),
      direction: Type.Union([Type.Literal('higher'), Type.Literal('lower')]),
      unit: Type.Union([Type.Null(), Type.String()]),
      maxTeamSize: Type.Union([Type.Null(), Type.Number()]),
    }),
  ),
  entries: Type.Array(
    Type.Object({
      id: Type.String(),
      itemId: Type.String(),
      orgId: Type.String(),
      orgName: Type.String(),
      teamName: Type.Union([Type.Null(), Type.String()]),
      score: Type.Union([Type.Null(), Type.Number()]),
      people: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), policeNumber: Type.Union([Type.Null(), Type.String()]) })),
    }),
  ),
  id: Type.String(),
  title: Type.String(),
  level: Type.Union([Type.Literal('province'), Type.Literal('city'), Type.Literal('branch'), Type.Literal('unit')]),
  orgId: Type.String(),
  orgName: Type.String(),
  startDate: Type.String(),
  endDate: Type.String(),
  description: Type.Union([Type.Null(), Type.String()]),
  status: Type.Union([Type.Literal('open'), Type.Literal('published')]),
  publishedAt: Type.Union([Type.Null(), Type.String()]),
});
export type CreateEventResponse = Static<typeof CreateEventResponse>;

export const AddItemResponse = Type.Object({ id: Type.String() });
export type AddItemResponse = Static<typeof AddItemResponse>;

export const SaveScoresResponse = Type.Object({ changed: Type.Number() });
export type SaveScoresResponse = Static<typeof SaveScoresResponse>;

export const EventRankingsResponse = Type.Object({
  /** The ranking rule in words, as shown beside the table. */
  rule: Type.Object({ 'zh-CN': Type.String(), 'en-US': Type.String() }),
  /** Per item, how many of a unit's best entries count toward its total (null: all). */
  countedPerUnit: Type.Union([Type.Null(), Type.Number()]),
  items: Type.Array(
    Type.Object({
      itemId: Type.String(),
      name: Type.String(),
      kind: Type.Union([Type.Literal('individual'), Type.Literal('team')]),
      direction: Type.Union([Type.Literal('higher'), Type.Literal('lower')]),
      unit: Type.Union([Type.Null(), Type.String()]),
      entries: Type.Array(
        Type.Object({
          entryId: Type.String(),
          rank: Type.Union([Type.Null(), Type.Number()]),
          points: Type.Number(),
          score: Type.Union([Type.Null(), Type.Number()]),
          orgId: Type.String(),
          orgName: Type.String(),
          teamName: Type.Union([Type.Null(), Type.String()]),
          people: Type.Array(
            Type.Object({ id: Type.String(), name: Type.String(), policeNumber: Type.Union([Type.Null(), Type.String()]) }),
          ),
        }),
      ),
    }),
  ),
  units: Type.Array(
    Type.Object({
      orgName: Type.String(),
      orgId: Type.String(),
      points: Type.Number(),
      rank: Type.Number(),
      medals: Type.Object({ first: Type.Number(), second: Type.Number(), third: Type.Number() }),
    }),
  ),
});
export type EventRankingsResponse = Static<typeof EventRankingsResponse>;

export const CompetitionResult = Type.Object({
  id: Type.String(),
  eventId: Type.String(),
  eventTitle: Type.String(),
  itemName: Type.String(),
  level: Type.String(),
  date: Type.String(),
  teamName: Type.Union([Type.Null(), Type.String()]),
  score: Type.Union([Type.Null(), Type.Number()]),
  rank: Type.Union([Type.Null(), Type.Number()]),
  entrants: Type.Number(),
});
export type CompetitionResult = Static<typeof CompetitionResult>;

export const PersonResultsResponse = Type.Array(CompetitionResult);
export type PersonResultsResponse = Static<typeof PersonResultsResponse>;
