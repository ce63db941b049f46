/**
 * Consequences of annual appraisal grades (DOMAIN-RULES §1.6, 公务员法): raised as to-dos for the
 * people entitled to act, never applied by the software.
 */
export const CIVIL_GRADES = ['优秀', '称职', '基本称职', '不称职'] as const;
/** The 辅警 variant a city may choose instead (DOMAIN-RULES §4.4, evidence U). */
export const AUX_GRADES = ['优秀', '合格', '基本合格', '不合格'] as const;

const LOWEST = new Set(['不称职', '不合格']);

export type ConsequenceCode = 'DEMOTE_ONE_LEVEL' | 'DISMISSAL_PROCEDURE' | 'AUX_CONTRACT_REVIEW';

export interface Consequence {
  readonly code: ConsequenceCode;
  /** The to-do's text (zh-CN). */
  readonly text: string;
  readonly basis: string;
}

/**
 * What a confirmed grade calls for, given the person's earlier grades by year. Officers: one
 * 不称职 → lowered by one 职务/职级 level (Art. 50); two years running → dismissal procedure
 * (辞退, Art. 88). 辅警: the lowest grade → contract and pay-grade review (local rule, U).
 */
export function consequencesOf(
  kind: 'officer' | 'auxiliary',
  year: number,
  grade: string,
  earlier: ReadonlyMap<number, string>,
): Consequence[] {
  if (!LOWEST.has(grade)) return [];
  if (kind === 'auxiliary')
    return [
      { code: 'AUX_CONTRACT_REVIEW', text: `${year} 年度考核${grade}：按本市辅警管理规定审核续聘及薪级`, basis: '辅警管理规定（本市）' },
    ];
  const previous = earlier.get(year - 1);
  if (previous !== undefined && LOWEST.has(previous))
    return [
      {
        code: 'DISMISSAL_PROCEDURE',
        text: `连续两年（${year - 1}、${year}）年度考核不称职：依法启动辞退程序`,
        basis: '公务员法第八十八条',
      },
    ];
  return [{ code: 'DEMOTE_ONE_LEVEL', text: `${year} 年度考核不称职：按规定降低一个职务或职级层次`, basis: '公务员法第五十条' }];
}
