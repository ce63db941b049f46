/**
 * The few code-table entries an applicant chooses from. The portal has no staff session to read
 * the dictionaries with, and these lists change only with the national standards.
 */
export interface CodeOption {
  code: string;
  zh: string;
  en: string;
}

/** GB/T 4658 education, highest first (a lower code is a higher level). */
export const EDUCATION_OPTIONS: readonly CodeOption[] = [
  { code: '11', zh: '博士研究生', en: 'Doctorate' },
  { code: '14', zh: '硕士研究生', en: "Master's degree" },
  { code: '21', zh: '大学本科', en: "Bachelor's degree" },
  { code: '31', zh: '大学专科', en: 'College diploma' },
  { code: '41', zh: '中等专科', en: 'Secondary vocational' },
  { code: '61', zh: '普通高中', en: 'Senior high school' },
  { code: '71', zh: '初中', en: 'Junior high school' },
];

/** GB/T 4762 political status. */
export const POLITICAL_OPTIONS: readonly CodeOption[] = [
  { code: '01', zh: '中共党员', en: 'CPC member' },
  { code: '02', zh: '中共预备党员', en: 'CPC probationary member' },
  { code: '03', zh: '共青团员', en: 'CYL member' },
  { code: '13', zh: '群众', en: 'No affiliation' },
];

export function codeLabel(options: readonly CodeOption[], code: string | null | undefined, english: boolean): string {
  if (!code) return '';
  const option = options.find((o) => o.code === code) ?? options.find((o) => o.code.startsWith(code.slice(0, 1)) && code.length === 2);
  if (!option) return code;
  return english ? option.en : option.zh;
}
