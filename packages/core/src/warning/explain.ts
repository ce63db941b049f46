import { indicatorDef } from './indicators.ts';
import { levelZh, type RuleHit } from './rules.ts';

/**
 * Explanation sentences (design §A8), built from the rule that fired: the value with its unit
 * and window, the threshold, and the peer group with its size, in words a political instructor
 * reads aloud. The same structure is stored as JSON evidence with each alert.
 */
export const DISCLAIMER = '本提示仅用于关心关爱和谈心谈话，不作为处分依据。';

const fmt = (v: number, unit: string) => {
  if (unit === '比例') return `${Math.round(v * 100)}%`;
  const rounded = Math.round(v * 10) / 10;
  return `${rounded}${unit === '是/否' ? '' : ` ${unit}`}`;
};

/** "近12个月被投诉次数为 4 次，达到预警线 3 次（规则：12个月内投诉较多）。" */
export function explainHit(hit: RuleHit): string {
  const rule = `（规则：${hit.policy.name}，第${hit.policy.version}版，${levelZh[hit.level]}）`;
  if (hit.policy.mode === 'composite') {
    return `同一月内 ${hit.dimensions.length} 个方面出现预警（${hit.dimensions.join('、')}），达到综合预警条件 ${hit.threshold ?? ''} 个方面${rule}。`;
  }
  const def = hit.indicator ? indicatorDef(hit.indicator) : undefined;
  if (!def || hit.value === null) return `${hit.policy.name}${rule}。`;
  const value = `${def.zh}为 ${fmt(hit.value, def.unit)}`;
  const peer = hit.reading?.peerKey
    ? `与同类人员（${hit.reading.peerKey.replaceAll('|', '·')}，${hit.reading.peerN ?? 0} 人，中位数 ${fmt(hit.reading.median ?? 0, def.unit)}）相比`
    : '';
  if (hit.policy.mode === 'peer' && hit.reading?.pct !== null && hit.reading?.pct !== undefined) {
    const share = Math.round(hit.reading.pct * 100);
    const position = def.direction === 'up' ? `高于 ${share}% 的同类人员` : `低于 ${100 - share}% 的同类人员`;
    const floor = hit.policy.floor !== undefined ? `，且不低于下限 ${fmt(hit.policy.floor, def.unit)}` : '';
    return `${value}，${peer}${position}${floor}${rule}。`;
  }
  const op = hit.policy.op === '<=' ? '低于或等于' : '达到';
  return `${value}，${op}${levelZh[hit.policy.level]}线 ${fmt(hit.threshold ?? 0, def.unit)}${peer ? `；${peer}处于第 ${Math.round((hit.reading?.pct ?? 0) * 100)} 百分位` : ''}${rule}。`;
}
