import { getDict, makeIdNumber, type CreatePersonBody } from '@zhenggong/core';
import type { Trx } from '../../../db/database.ts';
import { appendAudit, systemActor } from '../../../platform/audit/audit-service.ts';
import type { AppContext } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { toPersonRow } from '../person-rows.ts';
import type { PersonTable } from '../tables.ts';
import { femaleChars, maleChars, surnames } from './demo-names.ts';
import { Random } from './random.ts';
import { planCareer, type CareerPlan } from './demo-career.ts';
import { currentYear, today as beijingToday } from '../../../platform/clock.ts';

const postsByLevel: Readonly<Record<string, readonly string[]>> = {
  '612': ['民警'],
  '611': ['民警', '科员'],
  '610': ['民警', '科员', '警长'],
  '609': ['警长', '副所长', '副中队长'],
  '608': ['副所长', '教导员', '中队长'],
  '607': ['所长', '副大队长', '科长'],
  '606': ['大队长', '副主任'],
  '605': ['政治处主任', '副局长'],
  '604': ['副局长', '政治处主任'],
};
const schools = ['浙江警察学院', '中国人民公安大学', '中国刑事警察学院', '浙江大学', '浙江工业大学', '杭州师范大学', '浙江工商大学'];
const majors = ['侦查学', '治安学', '法学', '计算机科学与技术', '行政管理', '交通管理工程', '汉语言文学'];

const atYears = (date: string, years: number): string => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;

/** An auxiliary officer's birth date: 20 to 45 years old. */
function auxiliaryBirth(rnd: Random, today: string): string {
  const age = rnd.int(20, 45);
  return `${Number(today.slice(0, 4)) - age}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
}

interface DemoOptions {
  readonly people: number;
  readonly seed?: number;
  /** Orgs people are placed in; default every active org except the root. */
  readonly orgIds?: readonly string[];
}

/**
 * Builds synthetic officers and auxiliary officers: valid-checksum ID numbers from real GB/T 2260
 * county codes, common names, ranks and grades plausible for their years of service, resumes,
 * education and family. Never real people. Everything in one transaction.
 */
export async function seedDemoPeople(ctx: AppContext, options: DemoOptions): Promise<{ people: number }> {
  const rnd = new Random(options.seed ?? 20261129);
  const today = beijingToday(ctx.clock);
  const orgIds =
    options.orgIds ??
    (await ctx.db.selectFrom('org').select('id').where('status', '=', 'active').where('parent_id', 'is not', null).execute()).map(
      (o) => o.id,
    );
  if (orgIds.length === 0) throw new Error('seed the demo organisation tree first');
  const counties = (getDict('admin_division')?.items ?? [])
    .filter((i) => i.code.startsWith('33') && !i.code.endsWith('00'))
    .map((i) => i.code);
  const existing = await ctx.db.selectFrom('person').select(['police_number']).where('police_number', 'is not', null).execute();
  let policeNumber = 100000 + existing.length;
  const seenIds = new Set<string>();
  const batch = new Batch(ctx, today);
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < options.people; i++) {
      const officer = rnd.chance(0.7);
      const male = rnd.chance(officer ? 0.82 : 0.65);
      const education = officer
        ? rnd.weighted([
            ['21', 62],
            ['31', 18],
            ['14', 12],
            ['11', 1],
          ] as const)
        : rnd.weighted([
            ['31', 45],
            ['41', 25],
            ['61', 25],
            ['21', 5],
          ] as const);
      // Officers: a career walked through the promotion rules; auxiliaries: an age and a start.
      const career = officer ? planCareer(rnd, today, education, !male) : undefined;
      const birth = career?.birth ?? auxiliaryBirth(rnd, today);
      let idNumber: string;
      do idNumber = makeIdNumber(rnd.pick(counties), birth, rnd.int(0, 499) * 2 + (male ? 1 : 0));
      while (seenIds.has(idNumber));
      seenIds.add(idNumber);
      const start = career?.policeStart ?? `${Math.min(Number(birth.slice(0, 4)) + rnd.int(19, 26), Number(today.slice(0, 4)) - 1)}-07-01`;
      const rank = career?.ranks.at(-1);
      const level = career?.levels.at(-1);
      const name =
        rnd.weighted(surnames) +
        rnd.pick(male ? maleChars : femaleChars) +
        (rnd.chance(0.7) ? rnd.pick(male ? maleChars : femaleChars) : '');
      const input: CreatePersonBody = {
        kind: officer ? 'officer' : 'auxiliary',
        name,
        idNumber,
        ethnicity: rnd.chance(0.95) ? '01' : rnd.pick(['03', '04', '05', '08', '11']),
        politicalStatus: officer
          ? rnd.weighted([
              ['01', 85],
              ['03', 8],
              ['13', 7],
            ] as const)
          : rnd.weighted([
              ['01', 25],
              ['03', 35],
              ['13', 40],
            ] as const),
        education,
        phone: `1${rnd.pick(['3', '5', '7', '8'])}${String(rnd.int(0, 999999999)).padStart(9, '0')}`,
        workStartDate: career?.workStart ?? start,
        ...(officer
          ? {
              policeStartDate: start,
              policeNumber: String(policeNumber++),
              rank: rank?.rank,
              rankDate: rank?.date,
              officerLevel: level?.level,
              levelDate: level?.date,
            }
          : { auxCategory: rnd.pick(['勤务辅助', '文职辅助']), contractEnd: `${Number(today.slice(0, 4)) + rnd.int(0, 3)}-12-31` }),
        orgId: rnd.pick(orgIds),
        post: officer ? rnd.pick(postsByLevel[level?.level ?? '612'] ?? ['民警']) : '辅警',
        nativePlace: rnd.pick(counties),
      } as CreatePersonBody;
      const result = toPersonRow(ctx, input);
      if (!result.ok) throw new Error(`demo person invalid: ${JSON.stringify(result.problems)}`);
      batch.person(result.row, start, career, rnd);
      if (batch.size >= 200) await batch.flush(trx);
    }
    await batch.flush(trx);
    await appendAudit(trx, ctx.clock, systemActor, { eventType: 'demo.seed_people', detail: { people: options.people } });
  });
  return { people: options.people };
}

/** Collects rows per table and writes them as multi-row inserts. */
class Batch {
  private rows: Record<string, Record<string, unknown>[]> = {};
  size = 0;
  constructor(
    private readonly ctx: AppContext,
    private readonly today: string,
  ) {}

  private add(table: string, row: Record<string, unknown>) {
    (this.rows[table] ??= []).push(row);
  }

  person(row: PersonTable, start: string, career: CareerPlan | undefined, rnd: Random) {
    const ranks = career?.ranks ?? [];
    const levels = career?.levels ?? [];
    // In the present unit since a few years after joining, in the present post since the latest grade.
    const inUnit = atYears(start, Math.min(3, Math.max(0, Number(this.today.slice(0, 4)) - Number(start.slice(0, 4)) - 1)));
    const base = { person_id: row.id, city_code: row.city_code, created_at: row.created_at };
    this.add('person', row as unknown as Record<string, unknown>);
    this.add('person_org_history', {
      ...base,
      id: newId(),
      org_id: row.org_id,
      post: row.post,
      start_date: inUnit,
      end_date: null,
    });
    this.add('person_status_history', { ...base, id: newId(), status: 'serving', start_date: start, note: null });
    for (const r of ranks) this.add('person_rank_history', { ...base, id: newId(), rank: r.rank, start_date: r.date, note: null });
    levels.forEach((l, i) =>
      this.add('person_level_history', {
        ...base,
        id: newId(),
        sequence: 'officer',
        level: l.level,
        start_date: l.date,
        end_date: levels[i + 1]?.date ?? null,
      }),
    );
    for (const t of career?.trainings ?? [])
      this.add('person_training', {
        ...base,
        id: newId(),
        date: t.date,
        course: t.course,
        hours: 120,
        organizer: '浙江警察学院',
        source: 'training',
        ref_id: null,
      });
    if (row.post)
      this.add('person_post_history', {
        ...base,
        id: newId(),
        post: row.post,
        org_id: row.org_id,
        start_date: levels.at(-1)?.date ?? start,
        end_date: null,
      });
    const school = rnd.pick(schools);
    const major = rnd.pick(majors);
    const workStart = row.work_start_date ?? start;
    const gradYear = Number(workStart.slice(0, 4));
    this.add('person_education', {
      ...base,
      id: newId(),
      level: row.education ?? '21',
      degree: row.education === '14' ? '硕士' : row.education === '21' ? '学士' : null,
      school,
      major,
      full_time: 1,
      start_date: `${gradYear - 4}-09`,
      end_date: `${gradYear}-07`,
    });
    this.add('person_resume', {
      ...base,
      id: newId(),
      start_date: `${gradYear - 4}-09`,
      end_date: `${gradYear}-07`,
      text: `${school}${major}专业学生`,
    });
    this.add('person_resume', {
      ...base,
      id: newId(),
      start_date: workStart.slice(0, 7),
      end_date: null,
      // Earlier work (military service, another post) before joining the police, in the same line.
      text: `${workStart.slice(0, 7) < start.slice(0, 7) ? `${rnd.pick(['中国人民解放军某部服役', '示例县人民政府办公室科员', '武警某部服役'])}；${start.slice(0, 4)}年起` : ''}${
        row.kind === 'officer' ? `示例市公安局民警（${row.post ?? '民警'}）` : '示例市公安局辅警'
      }`,
    });
    const age = currentYear(this.ctx.clock) - Number(row.birth_date.slice(0, 4));
    const family: [string, string][] = [
      ['父亲', '男'],
      ['母亲', '女'],
    ];
    if (age > 27 && rnd.chance(0.8)) family.push([row.sex === '1' ? '妻子' : '丈夫', '']);
    if (age > 30 && rnd.chance(0.7)) family.push([rnd.chance(0.5) ? '儿子' : '女儿', '']);
    for (const [relation] of family) {
      const surname = relation === '父亲' || relation === '儿子' || relation === '女儿' ? row.name.slice(0, 1) : rnd.weighted(surnames);
      this.add('person_family', {
        ...base,
        id: newId(),
        relation,
        name: surname + rnd.pick(relation === '父亲' || relation === '儿子' || relation === '丈夫' ? maleChars : femaleChars),
        birth_date: null,
        political_status: rnd.chance(0.3) ? '01' : '13',
        work_unit: rnd.pick(['杭州市某公司职员', '退休', '学生', '个体经营', '某中学教师']),
      });
    }
    this.size++;
  }

  async flush(trx: Trx): Promise<void> {
    // Parents before children (foreign keys); chunks stay under SQLite's bound-parameter limit.
    for (const table of ['person', ...Object.keys(this.rows).filter((t) => t !== 'person')]) {
      const rows = this.rows[table] ?? [];
      for (let i = 0; i < rows.length; i += 200) {
        // Table names come from this class only, and rows are built from typed table rows above.
        await trx
          .insertInto(table as 'person')
          .values(rows.slice(i, i + 200) as never)
          .execute();
      }
    }
    this.rows = {};
    this.size = 0;
  }
}
