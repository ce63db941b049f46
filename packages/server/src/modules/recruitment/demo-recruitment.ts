import crypto from 'node:crypto';
import { beijingDate, makeIdNumber, maskMobile, noRequirements, type ApplicationBody } from '@zhenggong/core';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { accountActor, systemActor } from '../../platform/audit/audit-service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { seedWorkCalendar } from '../../platform/workflow/calendar.ts';
import { latestNoticeDay } from '../../platform/workflow/case-steps.ts';
import { ensureDefinitions } from '../../platform/workflow/engine.ts';
import { caseKind } from '../../platform/workflow/registry.ts';
import { PUBLICITY_KIND } from './publicity-workflow.ts';
import { createAnnouncement, createPost, publishAnnouncement } from './announcement-service.ts';
import { openPublicity, shortlist } from './hire-service.ts';
import { objectToApplication, recordMedical, replaceFromRanking, resolveApplicationObjection } from './stage-service.ts';
import { phoneIndex } from './portal/applicant-auth.ts';
import { submitApplication } from './portal/portal-applications.ts';
import { approveApplication, issueTickets, rejectApplication } from './review-service.ts';
import { publishScores, putScores } from './score-service.ts';

export interface DemoRecruitBranch {
  readonly id: string;
  readonly shortName: string;
}

const DAY = 86_400_000;
const MARK = '警务辅助人员招聘公告';

/** GB/T 2260 codes of the districts the demo branches are named after (household registration). */
const REGIONS: Record<string, string> = {
  上城: '330102',
  拱墅: '330105',
  西湖: '330106',
  滨江: '330108',
  萧山: '330109',
  余杭: '330110',
  富阳: '330111',
  临安: '330112',
  临平: '330113',
  钱塘: '330114',
  桐庐: '330122',
  淳安: '330127',
};

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
/** Given names with the sex they suggest (GB/T 2261.1: 1 male, 2 female), so the ID number agrees. */
const GIVEN: readonly [name: string, sex: 1 | 2][] = [
  ['浩然', 1],
  ['子涵', 2],
  ['宇航', 1],
  ['欣怡', 2],
  ['俊杰', 1],
  ['思远', 1],
  ['嘉豪', 1],
  ['雨桐', 2],
  ['志强', 1],
  ['晓峰', 1],
  ['佳琪', 2],
  ['文博', 1],
  ['梓轩', 1],
  ['海洋', 1],
  ['一鸣', 1],
];
const SCHOOLS: readonly [school: string, major: string, education: string][] = [
  ['浙江警官职业学院', '治安管理', '31'],
  ['浙江工业大学', '法学', '21'],
  ['杭州职业技术学院', '计算机应用技术', '31'],
  ['浙江理工大学', '行政管理', '21'],
  ['浙江交通职业技术学院', '城市轨道交通运营管理', '31'],
];

const fixedAt = (at: Date): Clock => ({ now: () => new Date(at) });
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * 辅警招聘 of every branch, once (a database with a demo announcement is left alone): this year's
 * closed round with applicants at every stage — awaiting review, rejected, approved with tickets
 * and scores, shortlisted, in 体检, dropped at 体检 and replaced (递补), and on public notice (公示) — and next year's round open for applications
 * with its first applicants. Announcements are scoped by their owner org, so each branch sees its
 * own. Applicants are members of the public: their portal accounts carry a random password
 * nobody knows, and every name and ID number is synthetic.
 */
export async function seedRecruitmentDemo(
  ctx: AppContext,
  branches: readonly DemoRecruitBranch[],
  cityStaff?: { userId: string; username: string },
): Promise<number> {
  if (await ctx.db.selectFrom('recruit_announcement').select('id').where('title', 'like', `%${MARK}`).executeTakeFirst()) return 0;
  const units = await ctx.db
    .selectFrom('org')
    .select(['id', 'parent_id', 'type'])
    .where('parent_id', 'in', branches.map((b) => b.id).concat(['']))
    .orderBy('sort_order')
    .execute();
  // seed-demo runs without the server's start, which stores workflow definitions and the official calendar.
  await ensureDefinitions(ctx, [caseKind(PUBLICITY_KIND)]);
  await seedWorkCalendar(ctx);
  const passwordHash = await hashPassword(crypto.randomBytes(24).toString('base64url'));
  // The rounds' dates count back from a day whose 5-day 公示 fits the kept holiday calendar (today, except late in December).
  const now = (await latestNoticeDay(ctx.db, ctx, 5)).getTime();
  const noticeCtx = { ...ctx, clock: fixedAt(new Date(now)) };
  const year = new Date(now).getUTCFullYear();
  let applicants = 0;
  for (const [b, branch] of branches.entries()) {
    const scope: ResolvedScope = { all: false, orgIds: [], subtreeRoots: [branch.id], selfUserId: null };
    const station = units.find((u) => u.parent_id === branch.id && u.type === 'station');
    const brigade = units.find((u) => u.parent_id === branch.id && u.type === 'brigade');
    if (!station || !brigade) continue;
    const region = REGIONS[branch.shortName.replace(/分局$/, '')] ?? '330100';
    const person = (n: number, postId: string): ApplicationBody => {
      const [school, major, education] = SCHOOLS[n % SCHOOLS.length] as (typeof SCHOOLS)[number];
      const born = `${1996 + (n % 9)}-0${(n % 9) + 1}-1${n % 10}`;
      const [given, sex] = GIVEN[(b * 3 + n) % GIVEN.length] as (typeof GIVEN)[number];
      return {
        postId,
        name: `${SURNAMES[(b * 7 + n) % SURNAMES.length]}${given}`,
        // GB 11643: the sequence code's last digit is odd for men, even for women.
        idNumber: makeIdNumber(region, born, 100 + b * 40 + n * 2 + (sex === 1 ? 1 : 0)),
        phone: `139${String(57_000_000 + b * 1000 + n).padStart(8, '0')}`,
        education,
        politicalStatus: n % 3 === 0 ? '01' : n % 3 === 1 ? '03' : '13',
        householdRegion: region,
        address: `浙江省杭州市${branch.shortName.replace(/分局$/, '')}区${['文一西路', '学院路', '天目山路', '莫干山路', '文三路'][n % 5]}${10 + n}号`,
        school,
        major,
        resume: `${2014 + (n % 9)}年—${2017 + (n % 9)}年 就读于${school}${major}专业`,
      };
    };

    // This year's round, closed 20 days ago.
    const opened = now - 45 * DAY;
    const past = await makeRound(
      ctx,
      scope,
      opened,
      {
        title: `${branch.shortName}${year}年第二批${MARK}`,
        orgId: branch.id,
        body: `因工作需要，${branch.shortName}面向社会公开招聘警务辅助人员。报名采取网上报名方式，经资格审核、笔试、面试、体能测评和政审考察，择优录用。`,
        summary: `招聘巡逻辅警、刑侦辅助岗位共5名`,
        applyFrom: isoDay(opened),
        applyUntil: isoDay(now - 20 * DAY),
        examAt: `${isoDay(now - 14 * DAY)} 09:00`,
        examPlace: `${branch.shortName}训练基地`,
      },
      [
        { code: '01', name: '巡逻辅警', orgId: station.id, headcount: 3 },
        { code: '02', name: '刑侦辅助岗', orgId: brigade.id, headcount: 2 },
      ],
    );
    const ids: string[] = [];
    for (let n = 0; n < 9; n++) {
      const at = { ...ctx, clock: fixedAt(new Date(opened + (2 + n * 2) * DAY + 9 * 3_600_000)) };
      const postId = past.postIds[n % 2] as string;
      ids.push(await apply(at, passwordHash, person(n, postId)));
    }
    applicants += ids.length;
    const reviewAt = { ...ctx, clock: fixedAt(new Date(now - 18 * DAY)) };
    // The last application is still waiting for review; two are refused.
    for (const [n, id] of ids.slice(0, 8).entries()) {
      if (n === 4) await rejectApplication(reviewAt, scope, systemActor, id, '报名照片不符合要求，未按期补正');
      else if (n === 6) await rejectApplication(reviewAt, scope, systemActor, id, '报名信息与身份证件不一致，未按期补正');
      else await approveApplication(reviewAt, scope, systemActor, id);
    }
    await issueTickets(reviewAt, scope, systemActor, past.id);
    const scoredAt = { ...ctx, clock: fixedAt(new Date(now - 8 * DAY)) };
    // Post 02's ranking keeps one eligible applicant behind the 递补, so staff can replace again.
    const approved = ids.filter((_, n) => n < 8 && n !== 4 && n !== 6);
    for (const [n, id] of approved.entries())
      await putScores(scoredAt, scope, systemActor, id, {
        written: 88 - n * 4.5,
        interview: 85 - ((n * 5) % 13),
        physical: n === 4 ? 55 : 80,
        background: 90,
      });
    await publishScores(scoredAt, scope, systemActor, past.id);
    // Staff chose three (the ranking is advice); 体检 passed two, failed one, whose place went by
    // 递补 to the next in the ranking, now in 体检; the two who passed are on 公示.
    await shortlist(scoredAt, scope, systemActor, past.id, approved.slice(0, 3));
    const checkedAt = { ...ctx, clock: fixedAt(new Date(now - 5 * DAY)) };
    const hospital = `${branch.shortName.replace(/分局$/, '')}区人民医院体检中心`;
    const medical = (result: 'pass' | 'fail', note?: string) => ({
      result,
      date: isoDay(now - 6 * DAY),
      institution: hospital,
      ...(note ? { note } : {}),
    });
    await recordMedical(checkedAt, scope, systemActor, approved[0] as string, medical('pass'));
    await recordMedical(
      checkedAt,
      scope,
      systemActor,
      approved[1] as string,
      medical('fail', '矫正视力未达到《公安机关录用人民警察体检项目和标准》要求'),
    );
    await recordMedical(checkedAt, scope, systemActor, approved[2] as string, medical('pass'));
    await replaceFromRanking(checkedAt, scope, systemActor, approved[1] as string, '原入围人员体检不合格，按综合成绩排名依次递补');
    const clerk = await branchClerk(ctx, branch.id);
    if (clerk) {
      await openPublicity(noticeCtx, scope, accountActor(clerk), past.id);
      if (cityStaff) await seedObjection(noticeCtx, accountActor(cityStaff), approved[0] as string, b % 2 === 1);
    }

    // Next year's first round, open now.
    const next = await makeRound(
      ctx,
      scope,
      now - 6 * DAY,
      {
        title: `${branch.shortName}${year + 1}年第一批${MARK}`,
        orgId: branch.id,
        body: `${branch.shortName}${year + 1}年第一批警务辅助人员招聘，报名时间内登录招聘平台填报信息并上传材料。`,
        summary: '招聘巡逻辅警4名',
        applyFrom: isoDay(now - 6 * DAY),
        applyUntil: isoDay(now + 15 * DAY),
        examAt: null,
        examPlace: null,
      },
      [{ code: '01', name: '巡逻辅警', orgId: station.id, headcount: 4 }],
    );
    for (let n = 9; n < 11; n++) {
      const at = { ...ctx, clock: fixedAt(new Date(now - (11 - n) * DAY)) };
      const id = await apply(at, passwordHash, person(n, next.postIds[0] as string));
      if (n === 9) await approveApplication(ctx, scope, systemActor, id);
      applicants += 1;
    }
  }
  return applicants;
}

/**
 * An objection (异议) to one applicant on 公示, as the city political department records a
 * complaint it received: it holds that applicant's case. In every other branch it has been
 * checked and dismissed, so the demo shows both an open and a resolved objection.
 */
async function seedObjection(ctx: AppContext, city: ReturnType<typeof accountActor>, applicationId: string, resolve: boolean) {
  const cityScope: ResolvedScope = { all: true };
  const stages = await objectToApplication(ctx, cityScope, city, applicationId, {
    raisedBy: '市局政治部（群众来信）',
    content: '来信反映该考生报名表所填工作经历与实际不符，请分局核实。',
    receivedOn: beijingDate(ctx.clock.now()),
  });
  const objection = stages.publicity?.objections[0];
  if (!resolve || !objection) return;
  await resolveApplicationObjection(ctx, cityScope, city, applicationId, objection.id, {
    uphold: false,
    resolution: '经核实，所填工作经历与社保缴费记录一致，异议不成立。',
  });
}

/** The branch's political-staff account (demo-<branch>), who opens the 公示 on the workflow. */
async function branchClerk(ctx: AppContext, branchId: string) {
  const u = await ctx.db
    .selectFrom('app_user as u')
    .innerJoin('org_closure as c', 'c.descendant_id', 'u.org_id')
    .select(['u.id', 'u.username'])
    .where('c.ancestor_id', '=', branchId)
    .where('u.username', 'like', 'demo-%')
    .where('u.person_id', 'is', null)
    .orderBy('u.username')
    .executeTakeFirst();
  return u ? { userId: u.id, username: u.username } : undefined;
}

async function makeRound(
  ctx: AppContext,
  scope: ResolvedScope,
  at: number,
  body: Parameters<typeof createAnnouncement>[3],
  posts: readonly { code: string; name: string; orgId: string; headcount: number }[],
) {
  const then = { ...ctx, clock: fixedAt(new Date(at - 3 * DAY)) };
  const a = await createAnnouncement(then, scope, systemActor, body);
  const postIds: string[] = [];
  for (const p of posts)
    postIds.push(
      (
        await createPost(then, scope, systemActor, a.id, {
          ...p,
          requirements: { ...noRequirements, ageMin: 18, ageMax: 30, educationMin: '31', other: '身体健康，无违法犯罪记录' },
        })
      ).id,
    );
  await publishAnnouncement(then, scope, systemActor, a.id);
  return { id: a.id, postIds };
}

/** A member of the public registers on the portal and applies. */
async function apply(ctx: AppContext, passwordHash: string, body: ApplicationBody): Promise<string> {
  const id = newId();
  const at = ctx.clock.now().toISOString();
  await ctx.db
    .insertInto('recruit_applicant')
    .values({
      id,
      phone_bidx: phoneIndex(ctx, body.phone),
      phone_enc: ctx.fieldCrypto.encrypt(body.phone),
      phone_masked: maskMobile(body.phone),
      password_hash: passwordHash,
      city_code: ctx.config.cityCode,
      created_at: at,
      last_login_at: at,
    })
    .execute();
  const result = await submitApplication(ctx, id, newId(), body, 'zh-CN');
  return result.application.id;
}
