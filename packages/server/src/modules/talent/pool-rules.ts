import type { Executor } from '../../db/database.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { placingsInScope } from '../competitions/competition-results.ts';
import { awardsMatching, educationMatching, onForceIdsInScope } from '../personnel/people.ts';
import { activeInstructorsInScope } from './instructor-service.ts';

/**
 * Rules that find candidates for the talent pool (警务人才库) in existing records. Each rule says
 * which record matched which keyword of the category, so a reviewer sees why a person was
 * suggested. Suggestions are advice only: nobody joins the pool until a person confirms.
 *
 * - education: a degree whose major or school names a keyword (法学 → 执法办案);
 * - award: an award in the personnel award history whose name holds a keyword;
 * - competition: a published competition result placed 1st–3rd in an item or event naming a keyword;
 * - instructor: an active instructor appointment with a subject tag holding a keyword.
 */
export type RuleKind = 'education' | 'award' | 'competition' | 'instructor';

export interface Evidence {
  readonly rule: RuleKind;
  readonly keyword: string;
  /** What the record says, as shown to the reviewer ("浙江警察学院 侦查学", "全市网络安全比武 第1名"). */
  readonly text: string;
  readonly date: string | null;
  /** Strength of the record, used only to propose a grade. */
  readonly weight: 1 | 2 | 3;
}

export interface Category {
  readonly id: string;
  readonly name: string;
  readonly keywords: readonly string[];
}

const PODIUM = 3;
const hit = (text: string | null | undefined, keywords: readonly string[]) => (text ? keywords.find((k) => text.includes(k)) : undefined);

/** Evidence per person id for one category, over everyone in scope who is serving (or only `personId`). */
export async function evidenceFor(
  db: Executor,
  scope: ResolvedScope,
  category: Category,
  day: string,
  personId?: string,
): Promise<Map<string, Evidence[]>> {
  const out = new Map<string, Evidence[]>();
  const add = (pid: string, e: Evidence) => out.set(pid, [...(out.get(pid) ?? []), e]);
  const kws = category.keywords.filter((k) => k.trim().length > 0);
  if (kws.length === 0) return out;
  const education = await educationMatching(db, scope, kws, personId);
  for (const e of education) {
    const k = hit(e.major, kws) ?? hit(e.school, kws);
    if (k)
      add(e.person_id, { rule: 'education', keyword: k, text: [e.school, e.major].filter(Boolean).join(' '), date: e.end_date, weight: 1 });
  }

  const awards = await awardsMatching(db, scope, kws, personId);
  for (const a of awards) {
    const k = hit(a.name, kws);
    if (k) add(a.person_id, { rule: 'award', keyword: k, text: [a.name, a.level].filter(Boolean).join(' '), date: a.date, weight: 2 });
  }

  const activePeople = await onForceIdsInScope(db, scope, personId);
  for (const r of await placingsInScope(db, scope, PODIUM)) {
    if (!activePeople.has(r.person_id)) continue;
    const k = hit(r.item_name, kws) ?? hit(r.event_title, kws);
    if (k)
      add(r.person_id, {
        rule: 'competition',
        keyword: k,
        text: `${r.event_title} ${r.item_name} 第${r.rank}名`,
        date: r.date,
        weight: r.rank === 1 && (r.level === 'city' || r.level === 'province') ? 3 : 2,
      });
  }

  for (const i of await activeInstructorsInScope(db, scope, day)) {
    if (!activePeople.has(i.personId)) continue;
    const k = i.subjects.map((s) => hit(s, kws)).find(Boolean);
    if (k)
      add(i.personId, {
        rule: 'instructor',
        keyword: k,
        text: `${{ junior: '初级', intermediate: '中级', senior: '高级' }[i.grade]}教官：${i.subjects.join('、')}`,
        date: null,
        weight: i.grade === 'senior' ? 3 : i.grade === 'intermediate' ? 2 : 1,
      });
  }
  return out;
}

/** A proposed grade from the evidence; the person confirming chooses the grade that is stored. */
export function proposedGrade(evidence: readonly Evidence[]): 'reserve' | 'backbone' | 'expert' {
  const best = Math.max(...evidence.map((e) => e.weight));
  const rules = new Set(evidence.map((e) => e.rule)).size;
  if (best === 3 || (best === 2 && rules >= 3)) return 'expert';
  if (best === 2 || rules >= 2) return 'backbone';
  return 'reserve';
}
