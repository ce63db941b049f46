import type { TrainingKind } from '@zhenggong/core';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { systemActor } from '../../platform/audit/audit-service.ts';
import { today } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { scopedPeopleOnForce } from '../personnel/people.ts';
import { createClass } from './class-service.ts';
import { addSession, confirmCompletion, enroll, markAttendance } from './enrollment-service.ts';

export interface DemoTrainingBranch {
  readonly id: string;
  readonly shortName: string;
}

const DAY = 86_400_000;
const MARK = '春训班';

interface Plan {
  readonly title: string;
  readonly kind: TrainingKind;
  readonly start: string;
  readonly end: string;
  readonly place: string;
  readonly sessions: readonly [offsetDays: number, title: string, hours: number][];
  readonly trainees: number;
  /** Trainees who missed the given number of sessions (by position among the trainees). */
  readonly absent: Readonly<Record<number, number>>;
  readonly complete: boolean;
}

function plans(short: string, day: string): Plan[] {
  const year = Number(day.slice(0, 4));
  const at = (n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
  return [
    {
      title: `${short}${year}年${MARK}`,
      kind: 'spring',
      start: `${year}-03-02`,
      end: `${year}-03-06`,
      place: `${short}训练基地`,
      sessions: [
        [0, '执法规范化与案例研讨', 4],
        [2, '警务实战技能（盘查、控制、带离）', 4],
        [4, '体能训练与考核', 4],
      ],
      trainees: 16,
      absent: { 5: 1, 9: 2 },
      complete: true,
    },
    {
      title: `${short}${year}年派出所所长轮训班`,
      kind: 'rotation',
      start: `${year}-09-14`,
      end: `${year}-09-16`,
      place: '示例市公安局警察训练中心',
      sessions: [
        [0, '基层所队建设与队伍管理', 6],
        [2, '社区警务与矛盾纠纷化解', 6],
      ],
      trainees: 8,
      absent: { 3: 1 },
      complete: false,
    },
    {
      title: `${short}冬季练兵·警务实战技能专项培训`,
      kind: 'specialty',
      start: at(-3),
      end: at(4),
      place: `${short}训练基地`,
      sessions: [
        [0, '警械使用与徒手防卫', 3],
        [2, '枪支安全管理与射击训练', 3],
      ],
      trainees: 12,
      absent: { 2: 1, 7: 1 },
      complete: false,
    },
    {
      title: `${short}${year + 1}年新警入职培训`,
      kind: 'new_recruit',
      start: `${year + 1}-01-12`,
      end: `${year + 1}-02-06`,
      place: '示例市公安局警察训练中心',
      sessions: [],
      trainees: 6,
      absent: {},
      complete: false,
    },
  ];
}

/**
 * Training classes (培训班) of every branch, once (a spring class marks it done): a finished spring
 * class with attendance and completions (two trainees below the attendance threshold), a
 * rotation class awaiting completion, a class under way and next year's new-recruit class.
 * Classes are scoped by their organiser org, so each branch organises its own.
 */
export async function seedTrainingDemo(ctx: AppContext, branches: readonly DemoTrainingBranch[]): Promise<number> {
  if (await ctx.db.selectFrom('training_class').select('id').where('title', 'like', `%${MARK}`).executeTakeFirst()) return 0;
  const day = today(ctx.clock);
  let made = 0;
  for (const branch of branches) {
    const scope: ResolvedScope = { all: false, orgIds: [], subtreeRoots: [branch.id], selfUserId: null };
    const people = await scopedPeopleOnForce(ctx.db, scope).where('kind', '=', 'officer').select('id').orderBy('id').limit(40).execute();
    if (people.length < 16) continue;
    for (const [p, plan] of plans(branch.shortName, day).entries()) {
      const c = await createClass(ctx, scope, systemActor, {
        title: plan.title,
        kind: plan.kind,
        orgId: branch.id,
        startDate: plan.start,
        endDate: plan.end,
        place: plan.place,
        plannedHours: plan.sessions.reduce((sum, s) => sum + s[2], 0) || 120,
        capacity: 40,
        threshold: 80,
        target: { orgIds: [branch.id], kinds: ['officer'] },
      });
      made += 1;
      // Different people per class, so completions spread across the branch.
      const trainees = people.slice(p * 6, p * 6 + plan.trainees).map((x) => x.id);
      if (trainees.length === 0) continue;
      await enroll(ctx, scope, systemActor, c.id, { personIds: trainees });
      const marks = [];
      for (const [s, [offset, title, hours]] of plan.sessions.entries()) {
        const date = new Date(Date.parse(`${plan.start}T00:00:00Z`) + offset * DAY).toISOString().slice(0, 10);
        const session = await addSession(ctx, scope, systemActor, c.id, { date, title, hours });
        if (date > day) continue; // a session still to come has no attendance yet
        for (const [t, personId] of trainees.entries())
          marks.push({ sessionId: session.id, personId, present: s >= (plan.absent[t] ?? 0) });
      }
      if (marks.length > 0) await markAttendance(ctx, scope, systemActor, c.id, { marks });
      if (plan.complete && plan.end < day) {
        const done = trainees.filter((_, t) => !plan.absent[t] || plan.absent[t] < 2);
        await confirmCompletion(ctx, scope, systemActor, c.id, {
          personIds: done,
          overrideReason: '缺课一次已按要求补训，准予结业',
        });
      }
    }
  }
  return made;
}
