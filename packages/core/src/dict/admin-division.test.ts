import { describe, expect, it } from 'vitest';
import { adminDivisionDict, findDivision } from './admin-division.ts';
import { normalize } from './registry.ts';

const items = adminDivisionDict.items;

describe('adminDivisionDict (GB/T 2260)', () => {
  it('uses 6-digit codes throughout', () => {
    for (const item of items) expect(item.code).toMatch(/^\d{6}$/);
  });

  it('has the 34 province-level divisions, Taiwan, Hong Kong and Macao included', () => {
    const provinces = items.filter((item) => item.parentCode === undefined);
    expect(provinces).toHaveLength(34);
    expect(provinces.every((p) => p.code.endsWith('0000'))).toBe(true);
    expect(findDivision('710000')?.name).toBe('台湾省');
    expect(findDivision('810000')?.name).toBe('香港特别行政区');
    expect(findDivision('820000')?.name).toBe('澳门特别行政区');
  });

  it('spot-checks Beijing and Hangzhou', () => {
    expect(findDivision('110000')).toMatchObject({ code: '110000', name: '北京市' });
    expect(findDivision('330100')).toMatchObject({ code: '330100', name: '杭州市', parentCode: '330000' });
    expect(findDivision('330102')).toMatchObject({ code: '330102', name: '上城区', parentCode: '330100' });
    expect(findDivision('110101')?.parentCode).toBe('110100');
  });

  it('drops the statistical-only county codes 71–80', () => {
    expect(items.filter((item) => /^\d{4}(7\d|80)$/.test(item.code))).toEqual([]);
    expect(findDivision('130171')).toBeUndefined(); // 石家庄高新技术产业开发区
    expect(findDivision('320576')).toBeUndefined(); // 苏州工业园区
  });

  it('keeps a city without counties once, at prefecture level', () => {
    expect(items.filter((item) => item.name === '东莞市')).toMatchObject([{ code: '441900', name: '东莞市', parentCode: '440000' }]);
    expect(items.filter((item) => item.name === '嘉峪关市')).toHaveLength(1);
  });

  it('records the data vintage', () => {
    expect(adminDivisionDict.standard).toContain('GB/T 2260');
    expect(adminDivisionDict.standard).toContain('2023');
  });
});

describe('findDivision', () => {
  it('accepts 2- and 4-digit prefixes and surrounding spaces', () => {
    expect(findDivision('33')?.name).toBe('浙江省');
    expect(findDivision(' 3301 ')?.name).toBe('杭州市');
  });

  it('returns undefined for malformed or unknown codes', () => {
    expect(findDivision('')).toBeUndefined();
    expect(findDivision('3')).toBeUndefined();
    expect(findDivision('33010')).toBeUndefined();
    expect(findDivision('999999')).toBeUndefined();
    expect(findDivision('杭州市')).toBeUndefined();
  });
});

describe('places written the way forms write them', () => {
  it.each([
    ['浙江杭州', '330100'],
    ['浙江省杭州市', '330100'],
    ['浙江杭州上城', '330102'],
    ['浙江省杭州市上城区', '330102'],
    ['浙江', '330000'],
    ['广西南宁', '450100'],
  ])('%s → %s', (text, code) => {
    expect(normalize('admin_division', text)?.code).toBe(code);
  });
});
