/**
 * The demo organisation tree: a fictional city bureau with twelve branches, each with two
 * internal departments (内设机构, not establishment units) and seven units of its own (two
 * brigades, five police stations). Codes start with DEMO- so they can never collide with real
 * GA 380 organ codes added later.
 */
export const DEMO_ROOT_NAME = '示例市公安局';
export const DEMO_ROOT_CODE = 'DEMO-0000';

export const demoBranches = [
  { name: '上城', slug: 'shangcheng' },
  { name: '拱墅', slug: 'gongshu' },
  { name: '西湖', slug: 'xihu' },
  { name: '滨江', slug: 'binjiang' },
  { name: '萧山', slug: 'xiaoshan' },
  { name: '余杭', slug: 'yuhang' },
  { name: '临平', slug: 'linping' },
  { name: '钱塘', slug: 'qiantang' },
  { name: '富阳', slug: 'fuyang' },
  { name: '临安', slug: 'linan' },
  { name: '桐庐', slug: 'tonglu' },
  { name: '淳安', slug: 'chunan' },
] as const;

export interface DemoOrg {
  readonly code: string;
  readonly parentCode: string;
  readonly name: string;
  readonly shortName: string | null;
  readonly type: 'branch' | 'department' | 'brigade' | 'station';
  readonly isUnit: boolean;
  readonly sortOrder: number;
}

const children: readonly { name: string; type: DemoOrg['type']; isUnit: boolean }[] = [
  { name: '政治处', type: 'department', isUnit: false },
  { name: '警务保障室', type: 'department', isUnit: false },
  { name: '刑事侦查大队', type: 'brigade', isUnit: true },
  { name: '治安管理大队', type: 'brigade', isUnit: true },
  ...['东街', '西街', '南苑', '北苑', '新城'].map((place) => ({ name: `${place}派出所`, type: 'station' as const, isUnit: true })),
];

const pad = (n: number): string => String(n).padStart(2, '0');

/** Every node below the root, parents before children. */
export function demoOrgPlan(): DemoOrg[] {
  const plan: DemoOrg[] = [];
  demoBranches.forEach((branch, b) => {
    const branchCode = `DEMO-${pad(b + 1)}00`;
    const full = `${DEMO_ROOT_NAME}${branch.name}分局`;
    plan.push({
      code: branchCode,
      parentCode: DEMO_ROOT_CODE,
      name: full,
      shortName: `${branch.name}分局`,
      type: 'branch',
      isUnit: true,
      sortOrder: b + 1,
    });
    children.forEach((child, c) => {
      plan.push({
        code: `DEMO-${pad(b + 1)}${pad(c + 1)}`,
        parentCode: branchCode,
        name: `${full}${child.name}`,
        shortName: child.name,
        type: child.type,
        isUnit: child.isUnit,
        sortOrder: c + 1,
      });
    });
  });
  return plan;
}

/** The branch department the demo political-staff account of a branch belongs to. */
export const politicalDeptCode = (branchIndex: number): string => `DEMO-${pad(branchIndex + 1)}01`;
