import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excelSerialToDate, normalizeDate } from './date-normalizer.ts';

const ok = (value: string, precision: string) => ({ ok: true, date: { value, precision } });

describe('date normaliser', () => {
  it.each([
    ['1985.03', ok('1985-03', 'month')],
    ['1985.3', ok('1985-03', 'month')],
    ['1985年3月', ok('1985-03', 'month')],
    ['1985-03-15', ok('1985-03-15', 'day')],
    ['1985/3/15', ok('1985-03-15', 'day')],
    ['1985年3月15日', ok('1985-03-15', 'day')],
    ['198503', ok('1985-03', 'month')],
    ['19850315', ok('1985-03-15', 'day')],
    ['１９８５．０３', ok('1985-03', 'month')],
    [' 1985 .03 ', ok('1985-03', 'month')],
    ['1985', ok('1985', 'year')],
    ['2026-11-29T08:00:00.000Z', ok('2026-11-29', 'day')],
  ])('%s', (input, expected) => {
    expect(normalizeDate(input)).toEqual(expected);
  });

  it('reads Excel date cells, as Date objects and as bare serial numbers', () => {
    expect(normalizeDate(new Date(Date.UTC(1985, 2, 15)))).toEqual(ok('1985-03-15', 'day'));
    expect(excelSerialToDate(31121).toISOString().slice(0, 10)).toBe('1985-03-15');
    expect(normalizeDate(31121)).toEqual(ok('1985-03-15', 'day'));
    expect(normalizeDate(61)).toEqual(ok('1900-03-01', 'day'));
    expect(normalizeDate(198503)).toEqual(ok('1985-03', 'month'));
  });

  it('names impossible and unrecognised dates', () => {
    expect(normalizeDate('1985.13')).toEqual({ ok: false, problem: 'impossible' });
    expect(normalizeDate('1985-02-30')).toEqual({ ok: false, problem: 'impossible' });
    expect(normalizeDate('1850.01')).toEqual({ ok: false, problem: 'impossible' });
    expect(normalizeDate('三月')).toEqual({ ok: false, problem: 'unrecognised' });
    expect(normalizeDate('  ')).toEqual({ ok: false, problem: 'empty' });
    expect(normalizeDate(null)).toEqual({ ok: false, problem: 'empty' });
  });

  it('any real calendar day survives every written form', () => {
    const day = fc.date({ min: new Date('1900-03-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(day, (d) => {
        const y = d.getUTCFullYear();
        const m = d.getUTCMonth() + 1;
        const dd = d.getUTCDate();
        const iso = d.toISOString().slice(0, 10);
        for (const form of [iso, `${y}/${m}/${dd}`, `${y}年${m}月${dd}日`, `${y}.${m}.${dd}`, iso.replaceAll('-', '')]) {
          expect(normalizeDate(form)).toEqual(ok(iso, 'day'));
        }
        expect(normalizeDate(`${y}.${m}`)).toEqual(ok(iso.slice(0, 7), 'month'));
        expect(normalizeDate(d)).toEqual(ok(iso, 'day'));
      }),
    );
  });

  it('never throws and never invents a date from arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = normalizeDate(s);
        if (r.ok) expect(r.date.value).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      }),
    );
  });
});
