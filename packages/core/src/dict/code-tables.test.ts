import { describe, expect, it } from 'vitest';
import { educationDict } from './education.ts';
import { ethnicityDict } from './ethnicity.ts';
import { orgTypeDict } from './org-type.ts';
import { politicalStatusDict } from './political-status.ts';
import { sexDict } from './sex.ts';
import type { Dict } from './types.ts';

// Levels 10 20 30 40 60 70 80, each followed by its completion statuses; then 90 其他.
const EDUCATION_CODES =
  '10 11 12 13 14 15 16 17 18 19 20 21 22 23 28 30 31 32 33 40 41 42 43 44 45 46 47 48 49 60 61 62 63 70 71 73 80 81 83 90';
const ORG_TYPES = 'city_bureau branch station brigade department team other';

const codes = (dict: Dict): string[] => dict.items.map((item) => item.code);
const nameOf = (dict: Dict, code: string): string | undefined => dict.items.find((item) => item.code === code)?.name;

describe('sex (GB/T 2261.1-2003)', () => {
  it('has the four codes 0, 1, 2, 9', () => {
    expect(codes(sexDict)).toEqual(['0', '1', '2', '9']);
    expect(nameOf(sexDict, '0')).toBe('未知的性别');
    expect(nameOf(sexDict, '9')).toBe('未说明的性别');
  });
});

describe('ethnicity (GB/T 3304-1991)', () => {
  it('has the 56 ethnic groups 01–56 plus 97 and 98', () => {
    const expected = [...Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')), '97', '98'];
    expect(codes(ethnicityDict)).toEqual(expected);
  });

  it('has the standard names at fixed points of the table', () => {
    expect(nameOf(ethnicityDict, '01')).toBe('汉族');
    expect(nameOf(ethnicityDict, '05')).toBe('维吾尔族');
    expect(nameOf(ethnicityDict, '10')).toBe('朝鲜族');
    expect(nameOf(ethnicityDict, '36')).toBe('毛南族');
    expect(nameOf(ethnicityDict, '46')).toBe('德昂族');
    expect(nameOf(ethnicityDict, '56')).toBe('基诺族');
    expect(nameOf(ethnicityDict, '97')).toBe('其他');
    expect(nameOf(ethnicityDict, '98')).toBe('外国血统中国籍人士');
  });

  it('lists every group name without 族 as a synonym', () => {
    for (const item of ethnicityDict.items.slice(0, 56)) {
      expect(item.name.endsWith('族')).toBe(true);
      expect(item.synonyms).toContain(item.name.slice(0, -1));
    }
  });
});

describe('political status (GB/T 4762-1984)', () => {
  it('has codes 01–13 from 中国共产党党员 to 群众', () => {
    expect(codes(politicalStatusDict)).toEqual(Array.from({ length: 13 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(nameOf(politicalStatusDict, '01')).toBe('中国共产党党员');
    expect(nameOf(politicalStatusDict, '02')).toBe('中国共产党预备党员');
    expect(nameOf(politicalStatusDict, '03')).toBe('中国共产主义青年团团员');
    expect(nameOf(politicalStatusDict, '10')).toBe('九三学社社员');
    expect(nameOf(politicalStatusDict, '12')).toBe('无党派民主人士');
    expect(nameOf(politicalStatusDict, '13')).toBe('群众');
  });
});

describe('education (GB/T 4658-2006)', () => {
  it('has the 40 codes of the standard', () => {
    expect(codes(educationDict)).toEqual(EDUCATION_CODES.split(' '));
  });

  it('puts every completion status under the level with the same first digit', () => {
    for (const item of educationDict.items) {
      const isLevel = item.code.endsWith('0');
      expect(item.parentCode).toBe(isLevel ? undefined : `${item.code[0] ?? ''}0`);
    }
    expect(nameOf(educationDict, '30')).toBe('大学专科教育');
    expect(nameOf(educationDict, '40')).toBe('中等职业教育');
    expect(nameOf(educationDict, '60')).toBe('普通高级中学教育');
  });
});

describe('org type (Zhenggong)', () => {
  it('has the seven house codes', () => {
    expect(orgTypeDict.standard).toBe('Zhenggong');
    expect(codes(orgTypeDict)).toEqual(ORG_TYPES.split(' '));
  });
});
