import { describe, expect, it } from 'vitest';
import { gradeObjective, toExamineeItem, type DrawnItem } from './drawn-paper.ts';

const base = { no: 1, questionId: 'q', questionVersionId: 'v', stem: 's', options: [], score: 4, partialCredit: 0.5 } as const;

describe('gradeObjective', () => {
  it('scores single and true/false choices all or nothing', () => {
    const item: DrawnItem = { ...base, type: 'single', key: { kind: 'choice', correct: ['B'] } };
    expect(gradeObjective(item, { choice: ['B'] })).toBe(4);
    expect(gradeObjective(item, { choice: ['A'] })).toBe(0);
    expect(gradeObjective(item, undefined)).toBe(0);
  });
  it('gives partial credit for a correct subset of a multiple choice, none for any wrong choice', () => {
    const item: DrawnItem = { ...base, type: 'multiple', key: { kind: 'choice', correct: ['A', 'C'] } };
    expect(gradeObjective(item, { choice: ['C', 'A'] })).toBe(4);
    expect(gradeObjective(item, { choice: ['A'] })).toBe(2);
    expect(gradeObjective(item, { choice: ['A', 'B'] })).toBe(0);
    expect(gradeObjective({ ...item, partialCredit: 0 }, { choice: ['A'] })).toBe(0);
  });
  it('scores blanks one share each, folding width, case and spaces', () => {
    const item: DrawnItem = {
      ...base,
      type: 'fill_blank',
      score: 3,
      key: { kind: 'blanks', accepted: [['人民警察法'], ['24', '二十四']] },
    };
    expect(gradeObjective(item, { blanks: [' 人民警察法 ', '２４'] })).toBe(3);
    expect(gradeObjective(item, { blanks: ['警察法', '二十四'] })).toBe(1.5);
  });
  it('leaves short answers to a grader and hides keys from examinees', () => {
    const item: DrawnItem = { ...base, type: 'short_answer', key: { kind: 'text', reference: 'r' } };
    expect(gradeObjective(item, { text: 'x' })).toBeNull();
    expect(Object.keys(toExamineeItem(item))).not.toContain('key');
  });
});
