import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dictionaries, getDict, normalize } from './registry.ts';
import type { Dict, DictItem } from './types.ts';

const TABLES = 'sex ethnicity political_status education police_rank police_officer_level police_tech_level org_type admin_division';

/** Names may repeat only in GB/T 2260 (朝阳区, 鼓楼区 …); every other table has unique names. */
const NAMES_MAY_REPEAT = new Set(['admin_division']);

const countBy = (values: readonly string[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
};

const entries: readonly (readonly [Dict, DictItem])[] = dictionaries.flatMap((dict) => dict.items.map((item) => [dict, item] as const));

/** Full-width form of printable ASCII (U+FF01–FF5E), as typed with a Chinese IME. */
const toFullWidth = (text: string): string => text.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

describe('dictionaries', () => {
  it('holds every table once, each reachable by getDict', () => {
    expect(dictionaries.map((d) => d.code)).toEqual(TABLES.split(' '));
    for (const dict of dictionaries) expect(getDict(dict.code)).toBe(dict);
    expect(getDict('nope')).toBeUndefined();
  });

  it.each(dictionaries.map((d) => [d.code, d] as const))('%s: codes are unique', (_, dict) => {
    const duplicates = [...countBy(dict.items.map((i) => i.code))].filter(([, n]) => n > 1);
    expect(duplicates).toEqual([]);
  });

  it.each(dictionaries.map((d) => [d.code, d] as const))('%s: parents exist', (_, dict) => {
    const codes = new Set(dict.items.map((i) => i.code));
    const orphans = dict.items.filter((i) => i.parentCode !== undefined && !codes.has(i.parentCode));
    expect(orphans).toEqual([]);
  });

  it.each(dictionaries.filter((d) => !NAMES_MAY_REPEAT.has(d.code)).map((d) => [d.code, d] as const))('%s: names are unique', (_, dict) => {
    const duplicates = [...countBy(dict.items.map((i) => i.name))].filter(([, n]) => n > 1);
    expect(duplicates).toEqual([]);
  });

  it('cites a standard for every table', () => {
    for (const dict of dictionaries) expect(dict.standard).toMatch(/\S/);
  });
});

describe('normalize', () => {
  it.each([
    ['ethnicity', '汉', '01'],
    ['ethnicity', '汉族', '01'],
    ['ethnicity', '维吾尔', '05'],
    ['ethnicity', '０１', '01'],
    ['ethnicity', '毛难族', '36'],
    ['political_status', ' 中共党员 ', '01'],
    ['political_status', '党员', '01'],
    ['political_status', '中共预备党员', '02'],
    ['political_status', '预备党员', '02'],
    ['political_status', '团员', '03'],
    ['political_status', '共青团员', '03'],
    ['political_status', '民盟', '05'],
    ['political_status', '群众', '13'],
    ['political_status', '０１', '01'],
    ['education', '本科', '21'],
    ['education', '大专', '31'],
    ['education', '专科', '31'],
    ['education', '硕士', '14'],
    ['education', '硕士研究生', '14'],
    ['education', '博士', '11'],
    ['education', '研究生', '14'],
    ['education', '中技', '47'],
    ['education', '职高', '44'],
    ['education', '职中', '44'],
    ['education', '高中', '61'],
    ['education', '中专', '41'],
    ['education', '初中', '71'],
    ['sex', '男', '1'],
    ['sex', '女 性', '2'],
    ['police_rank', '专业技术二级警督', '07'],
    ['police_rank', '一级警员', '02'],
    ['police_officer_level', '四级高级警长', '606'],
    ['police_tech_level', '一级主管', '507'],
    ['org_type', '市公安局', 'city_bureau'],
    ['org_type', 'CITY_BUREAU', 'city_bureau'],
    ['admin_division', '杭州市', '330100'],
    ['admin_division', '３３０１０２', '330102'],
  ])('%s: %j → %s', (dictCode, raw, code) => {
    expect(normalize(dictCode, raw)?.code).toBe(code);
  });

  it('folds full-width characters, inner spaces and ideographic spaces', () => {
    expect(normalize('political_status', '\u3000中共　党员\t')?.code).toBe('01');
    expect(normalize('org_type', 'ｓｔａｔｉｏｎ')?.code).toBe('station');
  });

  it('returns undefined for no match, empty input or an unknown dictionary', () => {
    expect(normalize('ethnicity', '火星族')).toBeUndefined();
    expect(normalize('ethnicity', '   ')).toBeUndefined();
    expect(normalize('ethnicity', '1')).toBeUndefined();
    expect(normalize('no_such_dict', '汉')).toBeUndefined();
  });

  it('does not guess between divisions that share a name', () => {
    expect(normalize('admin_division', '朝阳区')).toBeUndefined();
    expect(normalize('admin_division', '市辖区')).toBeUndefined();
    expect(normalize('admin_division', '110105')?.name).toBe('朝阳区');
  });

  it('property: every item is found by its code and by its name, when the name is unique', () => {
    const nameCounts = new Map(dictionaries.map((d) => [d.code, countBy(d.items.map((i) => i.name))]));
    fc.assert(
      fc.property(fc.constantFrom(...entries), ([dict, item]) => {
        expect(normalize(dict.code, item.code)).toBe(item);
        const unique = nameCounts.get(dict.code)?.get(item.name) === 1;
        expect(normalize(dict.code, item.name)).toBe(unique ? item : undefined);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds every item by name, exhaustively; a repeated division name finds none', () => {
    for (const dict of dictionaries) {
      const nameCounts = countBy(dict.items.map((i) => i.name));
      for (const item of dict.items) {
        const expected = nameCounts.get(item.name) === 1 ? item : undefined;
        expect(normalize(dict.code, item.name)).toBe(expected);
      }
    }
  });

  it('property: every synonym finds its own item, and one shared by two items finds neither', () => {
    const withSynonyms = entries.flatMap(([dict, item]) => (item.synonyms ?? []).map((synonym) => [dict, item, synonym] as const));
    // Short forms can coincide (临夏市 and 临夏县 both shorten to 甘肃临夏回族临夏): such a
    // synonym is ambiguous and must not silently pick one of them.
    const uses = countBy(withSynonyms.map(([dict, , synonym]) => `${dict.code}|${synonym}`));
    fc.assert(
      fc.property(fc.constantFrom(...withSynonyms), ([dict, item, synonym]) => {
        const unique = uses.get(`${dict.code}|${synonym}`) === 1;
        expect(normalize(dict.code, synonym)).toBe(unique ? item : undefined);
      }),
      { numRuns: withSynonyms.length },
    );
  });

  it('property: spacing and full-width forms do not change the match', () => {
    const spaces = fc.constantFrom('', ' ', '\u3000', '\t');
    fc.assert(
      fc.property(
        fc.constantFrom(...entries),
        fc.boolean(),
        fc.array(spaces, { minLength: 1, maxLength: 12 }),
        ([dict, item], fullWidth, gaps) => {
          const text = fullWidth ? toFullWidth(item.code) : item.code;
          const spaced = [...text].map((ch, i) => `${gaps[i % gaps.length] ?? ''}${ch}`).join('') + (gaps[0] ?? '');
          expect(normalize(dict.code, spaced)).toBe(item);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
