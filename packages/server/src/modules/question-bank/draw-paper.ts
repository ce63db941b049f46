import { AppError } from '../../platform/http/app-error.ts';
import { sample, seededRandom, shuffled, type DrawnItem, type DrawnPaper, type SeededRandom } from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import { listQuestionVersions, type QuestionVersion } from './version-rows.ts';
import type { QbPaperRuleTable, QbPaperTable } from './tables.ts';

export { listQuestionVersions, type QuestionVersion } from './version-rows.ts';

interface Drawn {
  readonly version: QuestionVersion;
  readonly score: number;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Active questions of the banks that a rule can draw from, oldest first (a stable order for the PRNG). */
export async function ruleCandidates(
  db: Executor,
  bankIds: readonly string[],
  rule: Pick<QbPaperRuleTable, 'type' | 'police_category' | 'subject' | 'difficulty' | 'source_law'>,
): Promise<{ id: string; current_version_id: string }[]> {
  if (bankIds.length === 0) return [];
  let q = db
    .selectFrom('qb_question as q')
    .innerJoin('qb_bank as b', 'b.id', 'q.bank_id')
    .select(['q.id', 'q.current_version_id'])
    .where('q.bank_id', 'in', [...bankIds])
    .where('b.status', '=', 'active')
    .where('q.status', '=', 'active')
    .where('q.type', '=', rule.type);
  if (rule.police_category) q = q.where('q.police_category', '=', rule.police_category);
  if (rule.subject) q = q.where('q.subject', '=', rule.subject);
  if (rule.difficulty !== null) q = q.where('q.difficulty', '=', rule.difficulty);
  if (rule.source_law) q = q.where('q.source_law', '=', rule.source_law);
  return q.orderBy('q.id').execute();
}

async function fixedPicks(db: Executor, paper: QbPaperTable): Promise<Drawn[]> {
  const items = await db
    .selectFrom('qb_paper_item')
    .select(['question_version_id', 'score'])
    .where('paper_id', '=', paper.id)
    .orderBy('position')
    .execute();
  const versions = new Map(
    (
      await listQuestionVersions(
        db,
        items.map((i) => i.question_version_id),
      )
    ).map((v) => [v.id, v]),
  );
  return items.map((i) => ({ version: versions.get(i.question_version_id) as QuestionVersion, score: i.score }));
}

async function rulePicks(db: Executor, paper: QbPaperTable, random: SeededRandom): Promise<Drawn[]> {
  const rules = await db.selectFrom('qb_paper_rule').selectAll().where('paper_id', '=', paper.id).orderBy('position').execute();
  const bankIds = JSON.parse(paper.bank_ids) as string[];
  const taken = new Set<string>();
  const chosen: { versionId: string; score: number }[] = [];
  for (const [index, rule] of rules.entries()) {
    // A question matching two rules is drawn at most once: earlier rules take precedence.
    const candidates = (await ruleCandidates(db, bankIds, rule)).filter((c) => !taken.has(c.id));
    if (candidates.length < rule.count) {
      throw new AppError('QB_RULE_SHORT', { rule: index + 1, needed: rule.count, available: candidates.length });
    }
    const picked = sample(candidates, rule.count, random);
    // Without question shuffling the order inside a rule is the bank order, the same for everyone.
    if (paper.shuffle_questions !== 1) picked.sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const p of picked) {
      taken.add(p.id);
      chosen.push({ versionId: p.current_version_id, score: rule.score });
    }
  }
  const versions = new Map(
    (
      await listQuestionVersions(
        db,
        chosen.map((c) => c.versionId),
      )
    ).map((v) => [v.id, v]),
  );
  return chosen.map((c) => ({ version: versions.get(c.versionId) as QuestionVersion, score: c.score }));
}

/**
 * Shuffles questions inside each run of the same type, so sections (单选, 多选, 判断…) keep the
 * order the composer gave them and only the order within a section differs between examinees.
 */
function shuffleWithinSections(picks: Drawn[], random: SeededRandom): Drawn[] {
  const out: Drawn[] = [];
  let run: Drawn[] = [];
  const flush = () => {
    out.push(...shuffled(run, random));
    run = [];
  };
  for (const p of picks) {
    if (run.length > 0 && (run[0] as Drawn).version.type !== p.version.type) flush();
    run.push(p);
  }
  flush();
  return out;
}

/**
 * Draws one examinee's paper: the same paper, seed and bank contents always give the same
 * paper. Rule papers draw from the questions' current versions; fixed papers use the versions
 * pinned when they were composed. The result is a frozen copy (wording, options, key, score)
 * that later edits never change. No data scope here: the exams module checks access to the exam.
 */
export async function drawPaper(executor: Executor, paperId: string, seed: string): Promise<DrawnPaper> {
  const paper = await executor.selectFrom('qb_paper').selectAll().where('id', '=', paperId).executeTakeFirst();
  if (!paper) throw new AppError('QB_PAPER_NOT_FOUND', { paperId });
  const random = seededRandom(`${paper.id}\u0000${seed}`);
  let picks = paper.kind === 'fixed' ? await fixedPicks(executor, paper) : await rulePicks(executor, paper, random);
  if (picks.length === 0) throw new AppError('QB_PAPER_EMPTY', { paperId });
  if (paper.shuffle_questions === 1) picks = shuffleWithinSections(picks, random);
  const items: DrawnItem[] = picks.map(({ version, score }, i) => ({
    no: i + 1,
    questionId: version.questionId,
    questionVersionId: version.id,
    type: version.type,
    stem: version.stem,
    options:
      paper.shuffle_options === 1 && (version.type === 'single' || version.type === 'multiple')
        ? shuffled(version.options, random)
        : [...version.options],
    key: version.key,
    score,
    partialCredit: version.type === 'multiple' ? paper.partial_credit : 0,
  }));
  return { paperId: paper.id, title: paper.title, totalScore: round2(items.reduce((s, it) => s + it.score, 0)), items };
}
