import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCharacter, makeIdNumber, maskIdNumber, parseIdNumber, upgradeIdNumber15 } from './id-number.ts';
import { checkPerson } from './person-validation.ts';

const today = new Date('2026-11-29T00:00:00Z');
const birth = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-11-28T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const address = fc.integer({ min: 110000, max: 659999 }).map(String);
const sequence = fc.integer({ min: 0, max: 999 });

describe('GB 11643-1999 identity numbers', () => {
  it('accepts the standard example and derives birth date and sex', () => {
    // Example from GB 11643-1999 Appendix A: 11010519491231002X.
    const r = parseIdNumber('11010519491231002X', today);
    expect(r).toEqual({ ok: true, info: { value: '11010519491231002X', addressCode: '110105', birthDate: '1949-12-31', sex: 'female' } });
    expect(parseIdNumber('11010519491231001X', today)).toEqual({ ok: false, problem: 'check_digit' });
  });

  it('upgrades a 15-digit first-generation number: 19 before the year, check digit computed, original kept', () => {
    // The standard example's 15-digit form: 110105 491231 002.
    expect(parseIdNumber('110105491231002', today)).toEqual({
      ok: true,
      info: { value: '11010519491231002X', addressCode: '110105', birthDate: '1949-12-31', sex: 'female', upgradedFrom: '110105491231002' },
    });
    expect(parseIdNumber('110105491331002', today)).toEqual({ ok: false, problem: 'birth_date' });
    expect(upgradeIdNumber15('11010549123100')).toBeUndefined();
    expect(upgradeIdNumber15('11010519491231002X')).toBeUndefined();
  });

  it('every 18-digit number of someone born in the 1900s survives downgrade to 15 digits and upgrade back', () => {
    const born1900s = fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('1999-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(address, born1900s, sequence, (a, b, s) => {
        const full = makeIdNumber(a, b, s);
        const first = full.slice(0, 6) + full.slice(8, 17);
        expect(upgradeIdNumber15(first)).toBe(full);
        const r = parseIdNumber(first, today);
        expect(r).toMatchObject({ ok: true, info: { value: full, birthDate: b, upgradedFrom: first } });
      }),
    );
  });

  it('normalises full-width digits, spaces and a lower-case x', () => {
    expect(parseIdNumber(' １１０１０５１９４９１２３１００２x ', today)).toMatchObject({
      ok: true,
      info: { value: '11010519491231002X' },
    });
  });

  it('every number built from valid parts parses back to those parts', () => {
    fc.assert(
      fc.property(address, birth, sequence, (a, b, s) => {
        const r = parseIdNumber(makeIdNumber(a, b, s), today);
        expect(r.ok).toBe(true);
        if (r.ok) {
          expect(r.info.birthDate).toBe(b);
          expect(r.info.addressCode).toBe(a);
          expect(r.info.sex).toBe(s % 2 === 1 ? 'male' : 'female');
        }
      }),
    );
  });

  it('any single-character change of a valid number is detected', () => {
    fc.assert(
      fc.property(address, birth, sequence, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (a, b, s, pos, delta) => {
        const id = makeIdNumber(a, b, s);
        const chars = '0123456789X';
        const current = chars.indexOf(id[pos] as string);
        const replaced = chars[(current + delta) % 11] as string;
        if (pos < 17 && replaced === 'X') return; // not a digit position: a format error, tested elsewhere
        const mutated = id.slice(0, pos) + replaced + id.slice(pos + 1);
        expect(parseIdNumber(mutated, today).ok).toBe(false);
      }),
    );
  });

  it('names the problem', () => {
    expect(parseIdNumber('1101051949123100', today)).toEqual({ ok: false, problem: 'format' });
    expect(parseIdNumber('1.10105194912E+17', today)).toEqual({ ok: false, problem: 'format' });
    expect(parseIdNumber(makeIdNumber('110105', '1949-12-31', 2).slice(0, 17) + '0', today)).toEqual({ ok: false, problem: 'check_digit' });
    const feb30 = '11010519490230002';
    expect(parseIdNumber(feb30 + checkCharacter(feb30), today)).toEqual({ ok: false, problem: 'birth_date' });
    const future = '11010520300101002';
    expect(parseIdNumber(future + checkCharacter(future), today)).toEqual({ ok: false, problem: 'birth_date' });
  });

  it('the person check stores the 18-digit upgrade and hands back the 15-digit original it came from', () => {
    const born1900s = fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('1999-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(address, born1900s, sequence, (a, b, s) => {
        const full = makeIdNumber(a, b, s);
        const first = full.slice(0, 6) + full.slice(8, 17);
        const upgraded = checkPerson({ idNumber: first }, { today: '2026-11-29' });
        expect(upgraded).toMatchObject({ problems: [], idNumber: full, idNumberOriginal: first, birthDate: b });
        expect(checkPerson({ idNumber: full }, { today: '2026-11-29' }).idNumberOriginal).toBeUndefined();
      }),
    );
  });

  it('masks the middle eight digits', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
});
