import { describe, expect, it } from 'vitest';
import { quotaStanding, tryQuotaMove, type QuotaUnit } from './quota.ts';
import { promotionRuleSets } from './rules.ts';

const quotas = promotionRuleSets[0]!.quotas;
const unit = (establishment: number, holders: Record<string, number>): QuotaUnit => ({
  establishment,
  holders: new Map(Object.entries(holders)),
});

describe('nested quota ratios (职数比例, DOMAIN-RULES §2.3)', () => {
  const cases: { name: string; u: QuotaUnit; from: string; to: string; refused: string | null }[] = [
    { name: '20% of 50 = 10 senior places, 9 held: accepted', u: unit(50, { '606': 9 }), from: '607', to: '606', refused: null },
    {
      name: '10 held: refused',
      u: unit(50, { '606': 10 }),
      from: '607',
      to: '606',
      refused: '一至四级高级警长职数已满：限额10名（不超过核定人数50名的20%），已有10名',
    },
    { name: 'inside the senior set the outer ratio does not bind', u: unit(50, { '606': 10 }), from: '606', to: '605', refused: null },
    {
      name: '一级+二级 ≤ 40% of 一至四级: 10 senior → 4; 4 held: refused',
      u: unit(50, { '605': 6, '604': 4 }),
      from: '605',
      to: '604',
      refused: '一级、二级高级警长职数已满：限额4名（不超过一至四级高级警长10名的40%），已有4名',
    },
    {
      name: '一级 ≤ 50% of 一级+二级: 4 → 2; 2 held: refused',
      u: unit(50, { '605': 6, '604': 2, '603': 2 }),
      from: '604',
      to: '603',
      refused: '一级高级警长职数已满：限额2名（不超过一级、二级高级警长4名的50%），已有2名',
    },
    {
      name: '一至四级警长 ≤ 60%: 30 of 50 held: refused',
      u: unit(50, { '610': 30 }),
      from: '611',
      to: '610',
      refused: '一至四级警长职数已满：限额30名（不超过核定人数50名的60%），已有30名',
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const before = new Map(c.u.holders);
      const r = tryQuotaMove(quotas, c.u, c.from, c.to);
      expect(r?.zh ?? null).toBe(c.refused);
      // A refused move leaves the unit as it was.
      const held = (m: Map<string, number>) => [...m].filter(([, v]) => v !== 0);
      if (r) expect(held(c.u.holders)).toEqual(held(before));
    });
  it('reports standing per rule', () => {
    expect(quotaStanding(quotas, unit(50, { '605': 6, '604': 4 }), quotas[1]!)).toEqual({ used: 4, limit: 4, base: 10 });
  });
});
