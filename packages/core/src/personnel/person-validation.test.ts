import { describe, expect, it } from 'vitest';
import { makeIdNumber } from './id-number.ts';
import { checkPerson } from './person-validation.ts';

const today = '2026-11-29';
const id = makeIdNumber('330102', '1985-03-15', 123); // odd sequence: male

describe('checkPerson', () => {
  it('derives sex and birth date from the ID number and resolves code-table synonyms', () => {
    const r = checkPerson(
      { idNumber: id.toLowerCase(), ethnicity: '汉', politicalStatus: '党员', education: '本科', rank: '一级警司' },
      { today },
    );
    expect(r.problems).toEqual([]);
    expect(r).toMatchObject({ sex: '1', birthDate: '1985-03-15', idNumber: id });
    expect(r.codes).toMatchObject({ ethnicity: '01', politicalStatus: '01', education: '21' });
    expect(r.codes.rank).toBeDefined();
  });

  it('reports each problem against its field', () => {
    const r = checkPerson(
      {
        idNumber: id,
        sex: '女',
        birthDate: '1985-03-16',
        ethnicity: '火星族',
        policeNumber: '12AB',
        phone: '12345',
        dates: { policeStartDate: '1980-01-01', workStartDate: '2030-01-01' },
      },
      { today },
    );
    expect(r.problems.map((p) => `${p.field}:${p.code}`).sort()).toEqual(
      [
        'sex:sex_mismatch',
        'birthDate:birth_date_mismatch',
        'ethnicity:unknown_code',
        'policeNumber:police_number_format',
        'phone:phone_format',
        'policeStartDate:date_before_birth',
        'workStartDate:date_in_future',
      ].sort(),
    );
  });

  it('names a broken ID number', () => {
    expect(checkPerson({ idNumber: '3.30102E+17' }, { today }).problems).toEqual([
      { field: 'idNumber', code: 'id_format', value: '3.30102E+17' },
    ]);
    expect(checkPerson({ idNumber: id.slice(0, 17) + (id[17] === '0' ? '1' : '0') }, { today }).problems[0]?.code).toBe('id_check_digit');
  });

  it('takes the police-number format from configuration', () => {
    expect(checkPerson({ idNumber: id, policeNumber: '0123456' }, { today, policeNumberPattern: /^\d{7}$/ }).problems).toEqual([]);
  });
});
