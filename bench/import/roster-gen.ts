/**
 * Synthetic rosters for the import benchmark: a small demo org tree (12 branches, each with 2
 * internal departments and 5 stations whose names repeat across branches) and N people with
 * valid-checksum synthetic ID numbers (never real people), common surnames, officers and
 * auxiliaries, dates in the spellings rosters use. Deterministic, so every run imports the same file.
 */
import { makeIdNumber } from '@zhenggong/core';
import type { RosterCell } from '@zhenggong/core/personnel/roster-cells';
import type { AppContext } from '@zhenggong/server/platform/context';
import { makeOrg } from '@zhenggong/server/test-support/factories';

const branches = ['上城', '拱墅', '西湖', '滨江', '萧山', '余杭', '临平', '钱塘', '富阳', '临安', '桐庐', '淳安'];
const stations = ['东街', '西街', '南苑', '北苑', '新城'].map((s) => `${s}派出所`);
const departments = ['政治处', '警务保障室'];

/** How rows name their unit: short names where unique, a path where a station name repeats. */
export const benchUnits: readonly string[] = branches.flatMap((b) => [
  `${b}分局`,
  ...departments.map((d) => `${b}分局/${d}`),
  ...stations.map((s) => `${b}分局/${s}`),
]);

export async function buildBenchOrgTree(ctx: AppContext): Promise<number> {
  const root = await makeOrg(ctx, null, '示例市公安局', { type: 'city_bureau' });
  let count = 1;
  for (const b of branches) {
    const branch = await makeOrg(ctx, root, `${b}分局`, { type: 'branch' });
    for (const d of departments) await makeOrg(ctx, branch, d, { isUnit: false });
    for (const s of stations) await makeOrg(ctx, branch, s, { type: 'station' });
    count += 1 + departments.length + stations.length;
  }
  return count;
}

export const BENCH_HEADERS = [
  '序号',
  '姓名',
  '身份证号',
  '性别',
  '出生年月',
  '民族',
  '政治面貌',
  '所在单位',
  '职务',
  '警号',
  '警衔',
  '学历',
  '手机号码',
  '参加工作时间',
  '入警时间',
  '人员类别',
];

const surnames = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈'];
const given = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红玲芬燕彬鹏辉斌宇浩凯健俊帆帅旭宁'];
const areas = ['330102', '330105', '330106', '330108', '330109', '330110', '330111', '330122', '330127'];
const ranks = ['一级警员', '二级警司', '一级警司', '三级警督', '二级警督'];
const educations = ['大学本科', '大专', '硕士研究生', '高中'];
const pad = (n: number) => String(n).padStart(2, '0');

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Row i: unique ID (birth date × sequence × area), unique police number for officers. */
export function* benchRows(count: number): Generator<RosterCell[]> {
  const rand = lcg(20261129);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  for (let i = 0; i < count; i++) {
    const day = i % 12_000; // 1966 … 1998
    const birth = new Date(Date.UTC(1966, 0, 1 + day));
    const birthIso = birth.toISOString().slice(0, 10);
    const seq = Math.floor(i / 12_000) * 2 + (rand() < 0.5 ? 1 : 2); // odd = male, even = female (GB 11643)
    const id = makeIdNumber(areas[Math.floor(i / 12_000) % areas.length] as string, birthIso, seq % 1000);
    const officer = i % 4 !== 3;
    const y = birth.getUTCFullYear();
    const workYear = y + 22;
    yield [
      i + 1,
      pick(surnames) + pick(given) + (rand() < 0.6 ? pick(given) : ''),
      id,
      seq % 2 === 1 ? '男' : '女',
      `${y}.${pad(birth.getUTCMonth() + 1)}`,
      rand() < 0.9 ? '汉' : '回族',
      officer ? (rand() < 0.7 ? '中共党员' : '群众') : '群众',
      benchUnits[i % benchUnits.length] ?? null,
      officer ? pick(['科员', '副所长', '民警', '中队长']) : '辅警',
      officer ? String(100_000 + i) : null,
      officer ? pick(ranks) : null,
      pick(educations),
      `13${String(100_000_000 + i).slice(-9)}`,
      `${workYear}年7月`,
      officer ? `${workYear}-08-01` : new Date(Date.UTC(workYear, 8, 1)),
      officer ? '民警' : '辅警',
    ];
  }
}
