import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { systemActor } from '../../platform/audit/audit-service.ts';
import { today } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { scopedPeopleOnForce } from '../personnel/people.ts';
import { addLecture, addLectureReview, createInstructor, updateInstructor } from './instructor-service.ts';
import { addDefaultCategories, addMember, listCategories } from './pool-service.ts';

export interface DemoTalentBranch {
  readonly id: string;
  readonly shortName: string;
}

type Grade = 'junior' | 'intermediate' | 'senior';

/** A branch's instructors (兼职教官): grade, subjects, years since appointment, term in years, lectures given. */
const instructors: readonly {
  grade: Grade;
  subjects: string[];
  appointedYearsAgo: number;
  term: number;
  lectures: [title: string, subject: string, hours: number, audience: string][];
  status?: 'suspended';
  note?: string;
}[] = [
  {
    grade: 'senior',
    subjects: ['执法办案', '法律'],
    appointedYearsAgo: 2,
    term: 3,
    lectures: [
      ['刑事案件办理中的证据收集与审查', '执法办案', 3, '刑事侦查大队全体民警'],
      ['行政案件快办机制实务', '执法办案', 2, '各派出所办案民警'],
    ],
  },
  {
    grade: 'intermediate',
    subjects: ['警务实战', '射击', '体能'],
    appointedYearsAgo: 1,
    term: 3,
    lectures: [
      ['盘查、控制、带离一体化训练', '警务实战', 4, '春训班学员'],
      ['手枪实弹射击安全规范', '射击', 3, '新入职民警'],
    ],
  },
  {
    grade: 'intermediate',
    subjects: ['网络安全', '数据'],
    appointedYearsAgo: 1,
    term: 3,
    lectures: [['电信网络诈骗案件研判方法', '网络安全', 2, '派出所社区民警']],
  },
  {
    grade: 'junior',
    subjects: ['心理'],
    appointedYearsAgo: 0,
    term: 2,
    lectures: [['民警心理压力识别与自我调适', '心理', 2, '分局机关民警']],
  },
  {
    grade: 'junior',
    subjects: ['宣传', '摄影'],
    appointedYearsAgo: 3,
    term: 2,
    lectures: [],
    note: '聘期已满，待续聘考核',
  },
  {
    grade: 'junior',
    subjects: ['驾驶'],
    appointedYearsAgo: 1,
    term: 3,
    lectures: [],
    status: 'suspended',
    note: '借调市局专案组，暂停授课',
  },
];

const reviews: readonly [kind: 'trainee' | 'supervisor', score: number, comment: string][] = [
  ['trainee', 92, '案例贴近实战，讲解清楚'],
  ['supervisor', 88, '内容扎实，互动可再加强'],
  ['trainee', 79, '节奏偏快'],
];

/**
 * 教官与人才 of every branch, once (a database with any instructor is left alone): instructors of
 * each grade with lectures and scores, one whose term has run out and one suspended; and a few
 * talent-pool members under the city's default categories. Instructors are scoped through the
 * person's unit, so each branch sees its own.
 */
export async function seedTalentDemo(ctx: AppContext, branches: readonly DemoTalentBranch[]): Promise<number> {
  if (await ctx.db.selectFrom('instructor').select('id').limit(1).executeTakeFirst()) return 0;
  await addDefaultCategories(ctx, { all: true }, systemActor);
  const categories = (await listCategories(ctx)).filter((c) => c.active);
  const day = today(ctx.clock);
  const year = Number(day.slice(0, 4));
  let made = 0;
  for (const branch of branches) {
    const scope: ResolvedScope = { all: false, orgIds: [], subtreeRoots: [branch.id], selfUserId: null };
    // Later in the list than the people training and exams pick first, so the pages show other names.
    const people = await scopedPeopleOnForce(ctx.db, scope)
      .where('kind', '=', 'officer')
      .select('id')
      .orderBy('id', 'desc')
      .limit(10)
      .execute();
    if (people.length < instructors.length + 3) continue;
    for (const [i, plan] of instructors.entries()) {
      const month = `0${(i % 6) + 3}`;
      const created = await createInstructor(ctx, scope, systemActor, {
        personId: people[i]!.id,
        grade: plan.grade,
        subjects: plan.subjects,
        appointedOn: `${year - plan.appointedYearsAgo}-${month}-01`,
        // A term that has run out shows as 已到期 (expired) until it is renewed.
        expiresOn: `${year - plan.appointedYearsAgo + plan.term}-${month}-01`,
        ...(plan.note ? { note: plan.note } : {}),
      });
      made += 1;
      if (plan.status) await updateInstructor(ctx, scope, systemActor, created.id, { status: plan.status });
      for (const [l, [title, subject, hours, audience]] of plan.lectures.entries()) {
        const date = `${year}-${String(4 + l * 3 + (i % 3)).padStart(2, '0')}-1${l + i}`;
        const lecture = await addLecture(ctx, scope, systemActor, created.id, { date, title, subject, hours, audience });
        for (const [kind, score, comment] of reviews.slice(l, l + 2))
          await addLectureReview(ctx, scope, systemActor, created.id, lecture.id, {
            reviewerKind: kind,
            score: score - i * 2,
            comment,
          });
      }
    }
    for (const [m, category] of categories.slice(0, 3).entries()) {
      const personId = people[instructors.length + m]!.id;
      const grade = m === 0 ? 'expert' : m === 1 ? 'backbone' : 'reserve';
      await addMember(ctx, scope, systemActor, {
        personId,
        categoryId: category.id,
        grade,
        reason: `${branch.shortName}政治处推荐，经党委会研究确定`,
      });
    }
  }
  return made;
}
