// All code tables, and lookup of free-text input (imports, forms) against them.
import { adminDivisionDict } from './admin-division.ts';
import { educationDict } from './education.ts';
import { ethnicityDict } from './ethnicity.ts';
import { orgTypeDict } from './org-type.ts';
import { policeOfficerLevelDict } from './police-officer-level.ts';
import { policeRankDict } from './police-rank.ts';
import { policeTechLevelDict } from './police-tech-level.ts';
import { politicalStatusDict } from './political-status.ts';
import { sexDict } from './sex.ts';
import type { Dict, DictItem } from './types.ts';

export const dictionaries: readonly Dict[] = [
  sexDict,
  ethnicityDict,
  politicalStatusDict,
  educationDict,
  policeRankDict,
  policeOfficerLevelDict,
  policeTechLevelDict,
  orgTypeDict,
  adminDivisionDict,
];

/**
 * Canonical form of free text for matching: NFKC folds full-width letters, digits and
 * punctuation to half-width ('０１' → '01', '（' → '('); all whitespace is removed, inner
 * spaces and U+3000 included; Latin letters are lower-cased.
 */
function toKey(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
}

/** `null` marks a key shared by several items (e.g. 朝阳区 in Beijing and in Changchun). */
type TextIndex = Map<string, DictItem | null>;

type DictIndex = {
  byCode: Map<string, DictItem>;
  byName: TextIndex;
  bySynonym: TextIndex;
};

function addText(index: TextIndex, text: string, item: DictItem): void {
  const key = toKey(text);
  const existing = index.get(key);
  index.set(key, existing === undefined || existing === item ? item : null);
}

function buildIndex(dict: Dict): DictIndex {
  const index: DictIndex = { byCode: new Map(), byName: new Map(), bySynonym: new Map() };
  for (const item of dict.items) {
    index.byCode.set(toKey(item.code), item);
    addText(index.byName, item.name, item);
    for (const synonym of item.synonyms ?? []) addText(index.bySynonym, synonym, item);
  }
  return index;
}

const dictByCode = new Map(dictionaries.map((d) => [d.code, d]));
const indexByDict = new Map(dictionaries.map((d) => [d.code, buildIndex(d)]));

export function getDict(code: string): Dict | undefined {
  return dictByCode.get(code);
}

/**
 * The item of dictionary `dictCode` that `raw` denotes, matched after `toKey` folding, first
 * by code, then by name, then by synonym. Undefined when nothing matches, when the dictionary
 * is unknown, or when the text is ambiguous (a name shared by several administrative
 * divisions): an ambiguous name never resolves to an arbitrary one of them.
 */
export function normalize(dictCode: string, raw: string): DictItem | undefined {
  const index = indexByDict.get(dictCode);
  if (index === undefined) return undefined;
  const key = toKey(raw);
  if (key === '') return undefined;
  const byCode = index.byCode.get(key);
  if (byCode !== undefined) return byCode;
  const byName = index.byName.get(key);
  if (byName !== undefined) return byName ?? undefined;
  return index.bySynonym.get(key) ?? undefined;
}
