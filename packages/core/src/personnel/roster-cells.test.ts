import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeIdNumber } from './id-number.ts';
import { cellCompact, cellText, dateCell, idCell, kindCell, namesCell, phoneCell, policeNumberCell, skippableRow } from './roster-cells.ts';

const toFullWidth = (s: string) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('roster cells', () => {
  it('folds full-width characters and strips the spaces rosters pad names with', () => {
    expect(cellCompact('张　伟')).toBe('张伟');
    expect(cellCompact(' 李 娜 ')).toBe('李娜');
    expect(cellText('  副所长   (主持工作) ')).toBe('副所长 (主持工作)');
    expect(cellText('ＡＢＣ１２３')).toBe('ABC123');
    expect(cellText(new Date(Date.UTC(1985, 2, 15)))).toBe('1985-03-15');
    expect(cellText(12345)).toBe('12345');
    expect(cellText(null)).toBe('');
  });

  it('refuses an ID number that Excel turned into a number, in either spelling', () => {
    expect(idCell(330102198503151200)).toEqual({ ok: false, problem: 'id_number_as_number' });
    expect(idCell('3.30102E+17')).toEqual({ ok: false, problem: 'id_number_as_number' });
    expect(idCell('3.30102198503151E17')).toEqual({ ok: false, problem: 'id_number_as_number' });
  });

  it('normalises any spelling of a valid ID number to its canonical form (property)', () => {
    const ids = fc
      .record({
        y: fc.integer({ min: 1950, max: 2005 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 28 }),
        seq: fc.integer({ min: 0, max: 999 }),
      })
      .map(({ y, m, d, seq }) => makeIdNumber('330102', `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, seq));
    fc.assert(
      fc.property(ids, fc.boolean(), fc.boolean(), fc.constantFrom('', ' ', '\u3000', ' \t'), (id, wide, lower, pad) => {
        let text = lower ? id.toLowerCase() : id;
        if (wide) text = toFullWidth(text);
        text = `${pad}${text.slice(0, 6)}${pad}${text.slice(6)}${pad}`;
        expect(idCell(text)).toEqual({ ok: true, value: id });
      }),
    );
  });

  it.each([
    ['1985.03', '1985-03', 'month'],
    ['1985年3月', '1985-03', 'month'],
    ['1985-03-15', '1985-03-15', 'day'],
    ['198503', '1985-03', 'month'],
    ['１９８５．０３', '1985-03', 'month'],
    [198503, '1985-03', 'month'],
    [31121, '1985-03-15', 'day'],
  ])('reads the date %s', (input, value, precision) => {
    expect(dateCell(input)).toEqual({ ok: true, value, precision });
  });

  it('reads Excel date cells and refuses impossible, vague and unreadable dates', () => {
    expect(dateCell(new Date(Date.UTC(2008, 6, 1)))).toEqual({ ok: true, value: '2008-07-01', precision: 'day' });
    expect(dateCell('1985-02-30')).toEqual({ ok: false, problem: 'date_impossible' });
    expect(dateCell('1985.13')).toEqual({ ok: false, problem: 'date_impossible' });
    expect(dateCell('2008')).toEqual({ ok: false, problem: 'date_needs_month' });
    expect(dateCell('去年夏天')).toEqual({ ok: false, problem: 'date_unrecognised' });
    expect(dateCell('  ')).toBeUndefined();
  });

  it('reads categories, phones, police numbers and former names', () => {
    expect([kindCell('民警'), kindCell(' 辅 警 '), kindCell('警务辅助人员'), kindCell('保安')]).toEqual([
      'officer',
      'auxiliary',
      'auxiliary',
      undefined,
    ]);
    expect(phoneCell('138 0013 8000')).toBe('13800138000');
    expect(phoneCell('138-0013-8000')).toBe('13800138000');
    expect(phoneCell('0571-87654321')).toBe('0571-87654321');
    expect(phoneCell(13800138000)).toBe('13800138000');
    expect(policeNumberCell('０１２３４５', /^\d{6}$/)).toEqual({ ok: true, value: '012345' });
    expect(policeNumberCell(12345, /^\d{6}$/)).toEqual({ ok: false, problem: 'police_number_lost_zero', value: '12345' });
    expect(policeNumberCell(123456, /^\d{6}$/)).toEqual({ ok: true, value: '123456' });
    expect(namesCell('张卫、张为, 张威')).toEqual(['张卫', '张为', '张威']);
  });

  it('skips blank, totals and example rows, and only those', () => {
    const data = [2, 3, 4];
    expect(skippableRow([null, 7, null, ' ', null], data)).toBe('blank'); // a pre-numbered empty row
    expect(skippableRow([null, '合计', '120人', null, null], data)).toBe('totals');
    expect(skippableRow([null, null, '总 计：', 5, null], data)).toBe('totals');
    expect(skippableRow([null, '示例', '张三', '330102…', '上城分局'], data)).toBe('example');
    expect(skippableRow([null, 1, '张三', '330102…', '上城分局'], data)).toBeUndefined();
  });
});
