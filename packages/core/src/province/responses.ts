import { Type, type Static } from '@sinclair/typebox';

/** One row of the province statistics: a city (province level) or a branch of one city (drill-down). */
export const ProvinceStatsRow = Type.Object({
  key: Type.String(),
  name: Type.String(),
  officers: Type.Integer(),
  auxiliaries: Type.Integer(),
  women: Type.Integer(),
  under35: Type.Integer(),
  from35to49: Type.Integer(),
  over50: Type.Integer(),
  partyMembers: Type.Integer(),
  trainedThisYear: Type.Integer(),
  examsTakenThisYear: Type.Integer(),
  awardsThisYear: Type.Integer(),
  disciplineThisYear: Type.Integer(),
  recruitApplicationsThisYear: Type.Integer(),
  /** Province level: seconds since the city's last replicated heartbeat (null: none yet). */
  lagSeconds: Type.Union([Type.Number(), Type.Null()]),
});
export type ProvinceStatsRow = Static<typeof ProvinceStatsRow>;

export const ProvinceStatsView = Type.Object({
  level: Type.Union([Type.Literal('province'), Type.Literal('city')]),
  cityCode: Type.Union([Type.String(), Type.Null()]),
  cityName: Type.Union([Type.String(), Type.Null()]),
  year: Type.Integer(),
  rows: Type.Array(ProvinceStatsRow),
  generatedAt: Type.String(),
});
export type ProvinceStatsView = Static<typeof ProvinceStatsView>;
