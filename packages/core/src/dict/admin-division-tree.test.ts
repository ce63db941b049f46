import { describe, expect, it } from 'vitest';
import { divisionPath, divisionTree } from './admin-division-tree.ts';

describe('GB/T 2260 division tree', () => {
  const tree = divisionTree();

  it('nests counties under prefectures under provinces', () => {
    const zhejiang = tree.find((p) => p.code === '330000');
    const hangzhou = zhejiang?.children?.find((c) => c.code === '330100');
    expect(hangzhou?.name).toBe('杭州市');
    expect(hangzhou?.children?.find((c) => c.code === '330102')?.name).toBe('上城区');
  });

  it('keeps divisions without subdivisions as leaves', () => {
    expect(tree.find((p) => p.code === '810000')?.children).toBeUndefined();
    const dongguan = tree.find((p) => p.code === '440000')?.children?.find((c) => c.code === '441900');
    expect(dongguan?.children).toBeUndefined();
  });

  it('gives the path from province to a division, and nothing for an unknown code', () => {
    expect(divisionPath('330102')).toEqual(['330000', '330100', '330102']);
    expect(divisionPath('999999')).toEqual([]);
  });
});
