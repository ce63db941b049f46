import { describe, expect, it } from 'vitest';
import { careerProblems, careerWarnings } from './career-checks.ts';
import { makeIdNumber } from './id-number.ts';
import { checkPerson } from './person-validation.ts';
import { rankBandRuleSets, rankOutsideBand } from './rank-bands.ts';

const today = '2026-06-01';

describe('career plausibility', () => {
  it('refuses the impossible career of the issue: born 2012, joined the police in 2020', () => {
    const r = checkPerson(
      {
        idNumber: makeIdNumber('330102', '2012-05-01', 11),
        kind: 'officer',
        dates: { policeStartDate: '2020-09', workStartDate: '2020-09' },
      },
      { today },
    );
    expect(r.problems).toEqual([
      { field: 'workStartDate', code: 'work_start_too_young', value: '2020-09' },
      { field: 'policeStartDate', code: 'police_start_too_young', value: '2020-09' },
    ]);
  });

  it('takes the minimum ages on any day of a month-precision date', () => {
    const birthDate = '1990-03-15';
    expect(careerProblems({ birthDate, workStartDate: '2006-03' })).toEqual([]); // 16 on 2006-03-15
    expect(careerProblems({ birthDate, workStartDate: '2006-03-14' })).toEqual([
      { field: 'workStartDate', code: 'work_start_too_young', value: '2006-03-14' },
    ]);
    expect(careerProblems({ birthDate, policeStartDate: '2008-02' })).toEqual([
      { field: 'policeStartDate', code: 'police_start_too_young', value: '2008-02' },
    ]);
    expect(careerProblems({ birthDate, partyJoinDate: '2008-03' })).toEqual([]);
    expect(careerProblems({ birthDate, partyJoinDate: '2007-12' })).toEqual([
      { field: 'partyJoinDate', code: 'party_join_too_young', value: '2007-12' },
    ]);
  });

  it('refuses joining the police before starting work, comparing at the coarser precision', () => {
    expect(careerProblems({ workStartDate: '2008-07-15', policeStartDate: '2008-07' })).toEqual([]);
    expect(careerProblems({ workStartDate: '2009-07', policeStartDate: '2008-07-01' })).toEqual([
      { field: 'policeStartDate', code: 'police_start_before_work_start', value: '2008-07-01' },
    ]);
  });

  it('refuses a 职级任职时间 before starting work, but not before joining the police, and checks it as a date', () => {
    expect(careerProblems({ workStartDate: '2008-07', policeStartDate: '2012-07', levelDate: '2010-03' })).toEqual([]);
    expect(careerProblems({ workStartDate: '2008-07-15', levelDate: '2008-07' })).toEqual([]);
    expect(careerProblems({ workStartDate: '2008-07', levelDate: '2008-06-30' })).toEqual([
      { field: 'levelDate', code: 'level_date_before_work_start', value: '2008-06-30' },
    ]);
    const id = makeIdNumber('330102', '1986-05-05', 13);
    const dates = (levelDate: string) => ({ workStartDate: '2009-07', policeStartDate: '2009-07', levelDate });
    expect(checkPerson({ idNumber: id, kind: 'officer', dates: dates('2030-01') }, { today }).problems).toEqual([
      { field: 'levelDate', code: 'date_in_future', value: '2030-01' },
    ]);
    expect(checkPerson({ idNumber: id, kind: 'officer', dates: dates('1980-01') }, { today }).problems).toEqual([
      { field: 'levelDate', code: 'date_before_birth', value: '1980-01' },
    ]);
    expect(checkPerson({ idNumber: id, kind: 'officer', dates: dates('2009-06-30') }, { today }).problems).toEqual([
      { field: 'levelDate', code: 'level_date_before_work_start', value: '2009-06-30' },
    ]);
    expect(checkPerson({ idNumber: id, kind: 'officer', dates: dates('2024-06') }, { today }).problems).toEqual([]);
  });

  it('refuses 警衔, 职级 and 警号 on a 辅警, and keeps future dates one problem per field', () => {
    const id = makeIdNumber('330102', '1995-01-01', 21);
    const aux = checkPerson(
      { idNumber: id, kind: 'auxiliary', rank: '一级警员', officerLevel: '二级警员', policeNumber: '012345' },
      { today },
    );
    expect(aux.problems.map((p) => [p.field, p.code])).toEqual([
      ['rank', 'auxiliary_police_field'],
      ['officerLevel', 'auxiliary_police_field'],
      ['policeNumber', 'auxiliary_police_field'],
    ]);
    const future = checkPerson({ idNumber: id, kind: 'officer', dates: { policeStartDate: '2030-01' } }, { today });
    expect(future.problems).toEqual([{ field: 'policeStartDate', code: 'date_in_future', value: '2030-01' }]);
  });

  it('flags, without refusing, a 警衔 outside the band of the 职级 (rank.bands data)', () => {
    const id = makeIdNumber('330102', '1980-01-01', 31);
    // 二级警员 (612) band: 二级警员–一级警司; 一级警督 (08) is outside it.
    const high = checkPerson({ idNumber: id, kind: 'officer', rank: '一级警督', officerLevel: '二级警员' }, { today });
    expect(high.problems).toEqual([]);
    expect(high.warnings).toEqual([{ field: 'rank', code: 'rank_outside_band', value: '08' }]);
    expect(checkPerson({ idNumber: id, kind: 'officer', rank: '一级警司', officerLevel: '二级警员' }, { today }).warnings).toEqual([]);
    // No band before the 2019 职级 reform, and the data (not the code) decides.
    expect(rankOutsideBand('612', '08', '2018-12-31')).toBeUndefined();
    const custom = [{ ...rankBandRuleSets[0]!, version: 'local', effectiveFrom: '2026-01-01', bands: { '612': ['01', '08'] as const } }];
    expect(rankOutsideBand('612', '08', today, [...rankBandRuleSets, ...custom])).toBeUndefined();
    expect(careerWarnings({ kind: 'officer', rank: '08', officerLevel: '612' }, today)).toHaveLength(1);
  });
});
