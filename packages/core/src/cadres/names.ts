import { policeOfficerLevelDict } from '../dict/police-officer-level.ts';
import { policeRankDict } from '../dict/police-rank.ts';
import { policeTechLevelDict } from '../dict/police-tech-level.ts';
import { formerPosts, police2016Posts } from './rules.ts';

const names = new Map<string, string>([
  ...policeOfficerLevelDict.items.map((i) => [i.code, i.name] as const),
  ...policeTechLevelDict.items.map((i) => [i.code, i.name] as const),
  ...Object.entries(police2016Posts).map(([c, n]) => [c, `${n}（2016）`] as const),
  ...Object.entries(formerPosts),
]);
const rankNames = new Map(policeRankDict.items.map((i) => [i.code, i.name] as const));

/** The Chinese name of a grade or post code (2019 职级, 警务技术, 2016 警员职务, former posts); the code itself when unknown. */
export const gradeName = (code: string | null): string => (code === null ? '—' : (names.get(code) ?? code));
/** The Chinese name of a 警衔 code. */
export const rankName = (code: string | null): string => (code === null ? '—' : (rankNames.get(code) ?? code));
