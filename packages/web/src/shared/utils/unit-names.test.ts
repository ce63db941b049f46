import { describe, expect, it } from 'vitest';
import { shortUnitNames } from './unit-names';

describe('shortUnitNames', () => {
  it('drops what sibling units share', () => {
    expect(shortUnitNames(['示例市公安局西湖分局新城派出所', '示例市公安局西湖分局政治处'])).toEqual(['新城派出所', '政治处']);
  });
  it('keeps a name that is only the shared part, and a single name', () => {
    expect(shortUnitNames(['示例市公安局西湖分局', '示例市公安局西湖分局政治处'])).toEqual(['示例市公安局西湖分局', '政治处']);
    expect(shortUnitNames(['示例市公安局'])).toEqual(['示例市公安局']);
    expect(shortUnitNames([])).toEqual([]);
  });
  it('leaves unrelated names whole', () => {
    expect(shortUnitNames(['西湖分局', '上城分局'])).toEqual(['西湖分局', '上城分局']);
  });
});
