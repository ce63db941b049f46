import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { yearMonthFromNumber } from './year-month-number.ts';

const pad = (n: number) => String(n).padStart(2, '0');
/** What Excel stores when a clerk types "yyyy.mm" into a number cell: the parsed double. */
const typed = (y: number, m: number) => Number.parseFloat(`${y}.${pad(m)}`);
const years = fc.integer({ min: 1900, max: 2100 });
const months = fc.integer({ min: 1, max: 12 });

describe('year-month typed as a number', () => {
  it('reads every yyyy.mm exactly when the cell shows two decimals', () => {
    fc.assert(
      fc.property(years, months, fc.constantFrom('0.00', '#,##0.00', '0.00_ '), (y, m, fmt) => {
        expect(yearMonthFromNumber(typed(y, m), fmt)).toEqual({ ok: true, value: `${y}-${pad(m)}`, precision: 'month' });
      }),
    );
  });

  it('in a General cell reads every month but October exactly, and never returns a wrong month', () => {
    fc.assert(
      fc.property(years, months, fc.constantFrom(undefined, 'General'), (y, m, fmt) => {
        const r = yearMonthFromNumber(typed(y, m), fmt);
        if (m === 10) expect(r).toEqual({ ok: false, problem: 'date_month_ambiguous' });
        else expect(r).toEqual({ ok: true, value: `${y}-${pad(m)}`, precision: 'month' });
      }),
    );
  });

  it('settles x.1 with a hint month of 1 or 10 and otherwise reports it ambiguous', () => {
    fc.assert(
      fc.property(years, fc.option(months, { nil: undefined }), (y, hint) => {
        const r = yearMonthFromNumber(typed(y, 10), 'General', { month: hint });
        if (hint === 10) expect(r).toEqual({ ok: true, value: `${y}-10`, precision: 'month' });
        else if (hint === 1) expect(r).toEqual({ ok: true, value: `${y}-01`, precision: 'month' });
        else expect(r).toEqual({ ok: false, problem: 'date_month_ambiguous' });
      }),
    );
  });

  it('keeps a bare year a year and refuses months that do not exist', () => {
    expect(yearMonthFromNumber(1985)).toEqual({ ok: true, value: '1985', precision: 'year' });
    expect(yearMonthFromNumber(1985, '0.00')).toEqual({ ok: true, value: '1985', precision: 'year' });
    expect(yearMonthFromNumber(1985.13)).toEqual({ ok: false, problem: 'date_unrecognised' });
    expect(yearMonthFromNumber(1985.0)).toEqual({ ok: true, value: '1985', precision: 'year' });
    expect(yearMonthFromNumber(1985.123)).toEqual({ ok: false, problem: 'date_unrecognised' });
    expect(yearMonthFromNumber(31_000)).toEqual({ ok: false, problem: 'date_unrecognised' });
  });
});
