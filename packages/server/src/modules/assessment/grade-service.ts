import { consequencesOf, excellentLimit, type ConfirmGradesBody, type ConfirmGradesResponse } from '@zhenggong/core';
import type { Trx } from '../../db/database.ts';
import { appendAudit } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { submitCase, type Actor } from '../../platform/workflow/engine.ts';
import { appraisalLinesOf, personBriefs, recordAppraisal } from '../personnel/people.ts';
import { CONSEQUENCE_CASE } from './case-kinds.ts';
import type { LoadedRound } from './round-queries.ts';
import { schemeBodyOf } from './scheme-service.ts';
import type { AsmResultTable } from './tables.ts';

/**
 * Confirms the grades of a round (确定等次): every person graded, grades from the scheme's set,
 * the 优秀 quota kept. An annual round writes each grade to the person's record, and the
 * consequences of §1.6 become to-dos on the workflow for people to act on — nothing is applied.
 */
export async function applyGrades(
  trx: Trx,
  ctx: AppContext,
  actor: Actor,
  l: LoadedRound,
  results: readonly AsmResultTable[],
  body: ConfirmGradesBody,
): Promise<ConfirmGradesResponse> {
  const scheme = schemeBodyOf(l.scheme);
  const byId = new Map(results.map((r) => [r.id, r]));
  const grades = new Map<string, string>();
  for (const g of body.grades) {
    if (!byId.has(g.resultId)) throw new AppError('ASM_RESULT_NOT_FOUND');
    if (!scheme.grades.includes(g.grade)) throw new AppError('ASM_GRADE_UNKNOWN', { grade: g.grade, grades: scheme.grades.join('、') });
    grades.set(g.resultId, g.grade);
  }
  if (grades.size !== results.length) throw new AppError('ASM_GRADES_INCOMPLETE', { headcount: results.length, count: grades.size });
  const best = scheme.grades[0];
  const excellent = [...grades.values()].filter((g) => g === best).length;
  const limit = excellentLimit(scheme.excellentQuota, results.length);
  if (excellent > limit)
    throw new AppError('ASM_QUOTA_EXCEEDED', {
      headcount: results.length,
      percent: Math.round(scheme.excellentQuota.ratio * 10000) / 100,
      limit,
      count: excellent,
    });
  const now = ctx.clock.now().toISOString();
  for (const [id, grade] of grades) await trx.updateTable('asm_result').set({ grade, updated_at: now }).where('id', '=', id).execute();
  await trx.updateTable('asm_round').set({ status: 'final', updated_at: now }).where('id', '=', l.round.id).execute();

  const consequences: ConfirmGradesResponse['consequences'] = [];
  const year = /^\d{4}$/.test(l.round.period) ? Number(l.round.period) : null;
  if (l.scheme.period_kind === 'annual' && l.scheme.subject === 'individual' && year !== null) {
    const personIds = results.flatMap((r) => (r.person_id ? [r.person_id] : []));
    const earlier = new Map<string, Map<number, string>>();
    for (const a of await appraisalLinesOf(trx, personIds)) {
      if (a.year === year) continue;
      const m = earlier.get(a.person_id) ?? new Map<number, string>();
      m.set(a.year, a.grade);
      earlier.set(a.person_id, m);
    }
    const briefs = await personBriefs(trx, personIds);
    for (const r of results) {
      if (!r.person_id) continue;
      const grade = grades.get(r.id) ?? '';
      await recordAppraisal(trx, ctx, { personId: r.person_id, year, grade, source: 'assessment', note: l.scheme.name });
      const who = briefs.get(r.person_id);
      for (const c of consequencesOf(who?.kind ?? 'officer', year, grade, earlier.get(r.person_id) ?? new Map())) {
        const caseId = await submitCase(trx, ctx, actor, {
          kind: CONSEQUENCE_CASE,
          refId: r.id,
          title: `${r.subject_name}：${c.text}（${c.basis}）`,
          subjectPersonId: r.person_id,
          subjectName: r.subject_name,
          subjectOrgId: who?.org_id ?? r.subject_org_id,
        });
        consequences.push({ personName: r.subject_name, code: c.code, text: c.text, caseId });
      }
    }
  }
  await appendAudit(trx, ctx.clock, actor, {
    eventType: 'assessment.grades.confirm',
    objectType: 'asm_round',
    objectId: l.round.id,
    detail: { headcount: results.length, excellent, limit, year, consequences: consequences.map((c) => c.code) },
  });
  return { confirmed: grades.size, excellent, limit, consequences };
}
