import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ageOn,
  applicationCodeProblem,
  checkRequirements,
  describeRequirementProblem,
  educationLevel,
  requirementsProblems,
} from './requirements.ts';
import { noRequirements } from './schemas.ts';

const facts = { birthDate: '2000-06-15', sex: '2' as const, education: '31', politicalStatus: '13', householdRegion: '330106' };

describe('requirement check', () => {
  it('counts full years, the birthday itself included', () => {
    expect(ageOn('2000-06-15', '2026-06-14')).toBe(25);
    expect(ageOn('2000-06-15', '2026-06-15')).toBe(26);
    expect(ageOn('2004-02-29', '2022-02-28')).toBe(17);
    expect(ageOn('2004-02-29', '2022-03-01')).toBe(18);
  });

  it('ranks schooling by GB/T 4658 level; 结业/肄业 count one level lower', () => {
    expect(educationLevel('14')).toBe(1);
    expect(educationLevel('21')).toBe(2);
    expect(educationLevel('23')).toBe(3);
    expect(educationLevel('31')).toBe(3);
    expect(educationLevel('61')).toBe(6);
  });

  it('accepts everyone when there are no conditions', () => {
    expect(checkRequirements(facts, noRequirements, '2026-06-01')).toEqual([]);
  });

  it('names each unmet condition, age at the reference date', () => {
    const problems = checkRequirements(
      facts,
      {
        ...noRequirements,
        ageMax: 25,
        ageReferenceDate: '2026-06-30',
        sex: '1',
        educationMin: '21',
        politicalStatus: ['01', '03'],
        householdRegions: ['3301'],
      },
      '2026-06-01',
    );
    expect(problems.map((p) => p.code)).toEqual(['age_above', 'sex', 'education', 'political_status']);
    expect(problems.map((p) => describeRequirementProblem(p, 'zh-CN'))).toEqual([
      '年龄不符：截至 2026-06-30 您 26 周岁，岗位要求不超过 25 周岁',
      '性别不符：岗位限男性报考',
      '学历不符：岗位要求大学本科毕业及以上学历',
      '政治面貌不符：岗位要求为中国共产党党员、中国共产主义青年团团员',
    ]);
    expect(describeRequirementProblem(problems[1]!, 'en-US')).toBe('Sex: the post is open to men only');
    const region = checkRequirements(facts, { ...noRequirements, householdRegions: ['3302'] }, '2026-06-01');
    expect(describeRequirementProblem(region[0]!, 'zh-CN')).toBe('户籍不符：岗位要求户籍在宁波市');
  });

  it('counts 职高 (44) and 技校 (47) graduates as secondary-vocational graduates, their 结业/肄业 not', () => {
    const req = { ...noRequirements, educationMin: '41' };
    for (const code of ['41', '44', '47']) {
      expect(educationLevel(code)).toBe(4);
      expect(checkRequirements({ ...facts, education: code }, req, '2026-06-01')).toEqual([]);
    }
    for (const code of ['42', '45', '46', '48', '49']) expect(educationLevel(code)).toBe(5);
  });

  it('is monotone: a higher schooling never fails where a lower one passes', () => {
    const codes = ['11', '14', '21', '23', '31', '41', '44', '47', '61', '71', '81'];
    fc.assert(
      fc.property(fc.constantFrom(...codes), fc.constantFrom(...codes), fc.constantFrom('10', '20', '30', '40', '60'), (a, b, min) => {
        const req = { ...noRequirements, educationMin: min };
        const pa = checkRequirements({ ...facts, education: a }, req, '2026-06-01').length === 0;
        const pb = checkRequirements({ ...facts, education: b }, req, '2026-06-01').length === 0;
        if (educationLevel(a) <= educationLevel(b) && pb) expect(pa).toBe(true);
      }),
    );
  });

  it('checks codes of the form and of the post against their tables', () => {
    expect(applicationCodeProblem({ education: '21', politicalStatus: '03', householdRegion: '330102' })).toBeUndefined();
    expect(applicationCodeProblem({ education: '99x', politicalStatus: '03', householdRegion: '330102' })).toBe('education');
    expect(applicationCodeProblem({ education: '21', politicalStatus: '03', householdRegion: '999999' })).toBe('householdRegion');
    expect(requirementsProblems({ ...noRequirements, ageMin: 30, ageMax: 20, educationMin: '77' })).toEqual([
      'ageMin>ageMax',
      'educationMin',
    ]);
  });
});
