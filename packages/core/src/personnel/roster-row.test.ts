import { describe, expect, it } from 'vitest';
import { makeIdNumber } from './id-number.ts';
import type { RosterCell } from './roster-cells.ts';
import { mapHeaderRow } from './roster-columns.ts';
import { rosterProblemMessage, rosterProblemMessages } from './roster-problems.ts';
import { readRosterRow } from './roster-row.ts';

const headers = [undefined, '姓名', '身份证号', '性别', '出生年月', '单位', '警号', '联系电话', '入警时间', '人员类别', '职务', '曾用名'];
const columns = mapHeaderRow(headers)?.columns ?? [];
const id = makeIdNumber('330102', '1985-03-15', 123);
const options = { today: '2026-06-01', policeNumberPattern: /^\d{6}$/ };
const row = (...cells: RosterCell[]): RosterCell[] => [null, ...cells];

describe('readRosterRow', () => {
  it('reads a row into the shape of the person form', () => {
    const d = readRosterRow(
      row('张　伟', id.toLowerCase(), '男', '1985.03', ' 上城分局 ', '012345', '138 0013 8000', '2008.07', '民警', '副所长', '张卫'),
      columns,
      options,
    );
    expect(d.problems).toEqual([]);
    expect(d.unit).toBe('上城分局');
    expect(d.person).toEqual({
      name: '张伟',
      idNumber: id,
      kind: 'officer',
      sex: '男',
      policeNumber: '012345',
      phone: '13800138000',
      policeStartDate: '2008-07',
      post: '副所长',
      formerNames: ['张卫'],
    });
  });

  it('reads dates typed as numbers as year-months, with the number format and the ID number to tell .1 from .10', () => {
    const oct = makeIdNumber('330102', '1990-10-08', 123);
    const cells = row('张伟', oct, '', 1990.1, '上城分局', '', '', 2007.07, '民警');
    const formats = [undefined, undefined, undefined, undefined, 'General', undefined, undefined, undefined, '0.00'];
    const d = readRosterRow(cells, columns, options, formats);
    expect(d.problems).toEqual([]);
    expect(d.person.policeStartDate).toBe('2007-07');
    // Without a format showing two decimals, 2010.1 stays ambiguous (January or October) and is reported.
    const vague = readRosterRow(row('张伟', oct, '', 1990.1, '上城分局', '', '', 2010.1, '民警'), columns, options);
    expect(vague.problems).toEqual([{ field: 'policeStartDate', code: 'date_month_ambiguous', value: '2010.1' }]);
    expect(
      readRosterRow(
        row('张伟', oct, '', 1990.1, '上城分局', '', '', 2010.1, '民警'),
        columns,
        options,
        formats.map((f, i) => (i === 8 ? f : undefined)),
      ).person.policeStartDate,
    ).toBe('2010-10');
  });

  it('checks a month-precision birth date against the month of the ID number', () => {
    const d = readRosterRow(row('张伟', id, '', '1985.04', '上城分局', '', '', '', '民警'), columns, options);
    expect(d.problems).toEqual([{ field: 'birthDate', code: 'birth_date_mismatch', value: '1985.04', params: { expected: '1985-03-15' } }]);
    // A day-precision date is passed on for checkPerson to compare.
    expect(readRosterRow(row('张伟', id, '', '1985-03-16', '上城分局', '', '', '', '民警'), columns, options).person.birthDate).toBe(
      '1985-03-16',
    );
  });

  it('reports missing values, unknown categories and lengths from the form schema', () => {
    const d = readRosterRow(row('', '', '', '', '', '', '', '', '保安', 'x'.repeat(101)), columns, options);
    expect(d.problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'name:required',
      'idNumber:required',
      'kind:kind_unknown',
      'post:too_long',
      'unit:required',
    ]);
    expect(d.problems.find((p) => p.code === 'too_long')?.params).toEqual({ max: 100 });
  });

  it('takes the default category when the roster has none', () => {
    expect(readRosterRow(row('张伟', id, '', '', '上城分局'), columns, { ...options, defaultKind: 'auxiliary' }).person.kind).toBe(
      'auxiliary',
    );
  });

  it('has a message in both languages for every problem code', () => {
    for (const code of Object.keys(rosterProblemMessages) as (keyof typeof rosterProblemMessages)[]) {
      for (const locale of ['zh-CN', 'en-US'] as const)
        expect(rosterProblemMessage(code, locale, { header: 'H', value: 'V' }).length).toBeGreaterThan(5);
    }
    expect(rosterProblemMessage('duplicate_id_in_file', 'zh-CN', { otherRow: 7 })).toBe('身份证号与第 7 行重复');
  });
});
