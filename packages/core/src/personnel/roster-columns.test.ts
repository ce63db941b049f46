import { describe, expect, it } from 'vitest';
import { columnLetter, fieldOfHeader, headerKey, mapHeaderRow, rosterColumns } from './roster-columns.ts';

describe('roster headers', () => {
  it.each([
    ['姓名', 'name'],
    ['*姓名', 'name'],
    [' 姓　名 ', 'name'],
    ['公民身份号码', 'idNumber'],
    ['身份证号码', 'idNumber'],
    ['出生年月', 'birthDate'],
    ['出生日期（如1985.03）', 'birthDate'],
    ['所在单位', 'unit'],
    ['工作单位', 'unit'],
    ['手机号码', 'phone'],
    ['参加公安工作时间', 'policeStartDate'],
    ['入党时间：', 'partyJoinDate'],
    ['最高学历', 'education'],
    ['辅警岗位类别', 'auxCategory'],
    ['合同到期', 'contractEnd'],
  ])('%s → %s', (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });

  it('knows nothing of headers outside the table', () => {
    expect(fieldOfHeader('备注')).toBeUndefined();
    expect(headerKey('身份证号\n(18位)')).toBe('身份证号');
  });

  it('lists every header variant once, so no two fields claim the same column name', () => {
    const keys = rosterColumns.flatMap((c) => c.headers.map(headerKey));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('spells column letters as Excel does', () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('takes a row as the header only when it names at least three known columns', () => {
    expect(mapHeaderRow([undefined, '示例市公安局上城分局民警花名册'])).toBeUndefined();
    expect(mapHeaderRow([undefined, '序号', '姓名', '身份证号'])).toBeUndefined(); // 序号 does not count
    const m = mapHeaderRow([undefined, '序号', '姓名', '备注', '公民身份号码', '所在单位', '单位', undefined, '警号']);
    expect(m?.columns.map((c) => `${c.letter}:${c.field}`)).toEqual(['A:seq', 'B:name', 'D:idNumber', 'E:unit', 'H:policeNumber']);
    // A second column for the same field is ignored, and shown as such.
    expect(m?.ignored).toEqual([
      { letter: 'C', header: '备注' },
      { letter: 'F', header: '单位' },
    ]);
    expect(m?.missingRequired).toEqual([]);
    expect(mapHeaderRow([undefined, '姓名', '性别', '民族', '警号'])?.missingRequired).toEqual(['idNumber', 'unit']);
  });
});
