import { Type, type Static } from '@sinclair/typebox';
import { Strict } from '../schemas/common.ts';

/** `cityCode` drills down from the province (one row per city) to one city (one row per branch). */
export const ProvinceStatsQuery = Strict({
  cityCode: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
});
export type ProvinceStatsQuery = Static<typeof ProvinceStatsQuery>;
