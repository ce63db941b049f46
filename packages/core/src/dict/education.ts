// GB/T 4658-2006 学历代码 (Codes for record of formal schooling). Two-level table: the x0 codes
// are the education levels, the others are completion statuses (毕业 graduated, 结业 completed
// without diploma, 肄业 left before completing) with parentCode pointing at their level.
// Synonyms map everyday words to the "graduated" code of the level (本科 → 21 大学本科毕业).
// 研究生 alone is ambiguous (硕士 or 博士): it is read as 硕士研究生毕业 (14), what nearly every
// police postgraduate holds; a doctorate must be written 博士. 中技 (中等技工学校) is 技校 (47).
// The import template's 填写说明 lists these readings (educationReadings below).
import type { Dict } from './types.ts';

export const educationDict: Dict = {
  code: 'education',
  name: '学历',
  nameEn: 'Formal schooling',
  standard: 'GB/T 4658-2006',
  items: [
    { code: '10', name: '研究生教育', nameEn: 'Postgraduate education' },
    {
      code: '11',
      name: '博士研究生毕业',
      nameEn: 'Doctoral graduate',
      parentCode: '10',
      synonyms: ['博士', '博士研究生'],
    },
    { code: '12', name: '博士研究生结业', nameEn: 'Doctoral programme completed', parentCode: '10' },
    { code: '13', name: '博士研究生肄业', nameEn: 'Doctoral programme not completed', parentCode: '10' },
    {
      code: '14',
      name: '硕士研究生毕业',
      nameEn: "Master's graduate",
      parentCode: '10',
      synonyms: ['硕士', '硕士研究生', '研究生', '研究生学历', '研究生毕业'],
    },
    { code: '15', name: '硕士研究生结业', nameEn: "Master's programme completed", parentCode: '10' },
    { code: '16', name: '硕士研究生肄业', nameEn: "Master's programme not completed", parentCode: '10' },
    { code: '17', name: '研究生班毕业', nameEn: 'Postgraduate class graduate', parentCode: '10' },
    { code: '18', name: '研究生班结业', nameEn: 'Postgraduate class completed', parentCode: '10' },
    { code: '19', name: '研究生班肄业', nameEn: 'Postgraduate class not completed', parentCode: '10' },
    { code: '20', name: '大学本科教育', nameEn: 'Undergraduate education' },
    {
      code: '21',
      name: '大学本科毕业',
      nameEn: 'Bachelor-level graduate',
      parentCode: '20',
      synonyms: ['本科', '大学本科', '本科毕业'],
    },
    { code: '22', name: '大学本科结业', nameEn: 'Undergraduate programme completed', parentCode: '20' },
    { code: '23', name: '大学本科肄业', nameEn: 'Undergraduate programme not completed', parentCode: '20' },
    { code: '28', name: '大学普通班毕业', nameEn: 'University ordinary class graduate', parentCode: '20' },
    { code: '30', name: '大学专科教育', nameEn: 'Junior college education' },
    {
      code: '31',
      name: '大学专科毕业',
      nameEn: 'Junior college graduate',
      parentCode: '30',
      synonyms: ['大专', '专科', '大学专科', '大专毕业', '专科毕业'],
    },
    { code: '32', name: '大学专科结业', nameEn: 'Junior college programme completed', parentCode: '30' },
    { code: '33', name: '大学专科肄业', nameEn: 'Junior college programme not completed', parentCode: '30' },
    { code: '40', name: '中等职业教育', nameEn: 'Secondary vocational education' },
    {
      code: '41',
      name: '中等专科毕业',
      nameEn: 'Secondary specialised school graduate',
      parentCode: '40',
      synonyms: ['中专', '中专毕业', '中等专科'],
    },
    { code: '42', name: '中等专科结业', nameEn: 'Secondary specialised school completed', parentCode: '40' },
    { code: '43', name: '中等专科肄业', nameEn: 'Secondary specialised school not completed', parentCode: '40' },
    {
      code: '44',
      name: '职业高中毕业',
      nameEn: 'Vocational high school graduate',
      parentCode: '40',
      synonyms: ['职高', '职业高中', '职中'],
    },
    { code: '45', name: '职业高中结业', nameEn: 'Vocational high school completed', parentCode: '40' },
    { code: '46', name: '职业高中肄业', nameEn: 'Vocational high school not completed', parentCode: '40' },
    {
      code: '47',
      name: '技工学校毕业',
      nameEn: 'Skilled-worker school graduate',
      parentCode: '40',
      synonyms: ['技校', '技工学校', '中技', '技工'],
    },
    { code: '48', name: '技工学校结业', nameEn: 'Skilled-worker school completed', parentCode: '40' },
    { code: '49', name: '技工学校肄业', nameEn: 'Skilled-worker school not completed', parentCode: '40' },
    { code: '60', name: '普通高级中学教育', nameEn: 'General senior secondary education' },
    {
      code: '61',
      name: '普通高中毕业',
      nameEn: 'Senior high school graduate',
      parentCode: '60',
      synonyms: ['高中', '普通高中', '高中毕业'],
    },
    { code: '62', name: '普通高中结业', nameEn: 'Senior high school completed', parentCode: '60' },
    { code: '63', name: '普通高中肄业', nameEn: 'Senior high school not completed', parentCode: '60' },
    { code: '70', name: '初级中学教育', nameEn: 'Junior secondary education' },
    { code: '71', name: '初中毕业', nameEn: 'Junior high school graduate', parentCode: '70', synonyms: ['初中'] },
    { code: '73', name: '初中肄业', nameEn: 'Junior high school not completed', parentCode: '70' },
    { code: '80', name: '小学教育', nameEn: 'Primary education' },
    { code: '81', name: '小学毕业', nameEn: 'Primary school graduate', parentCode: '80', synonyms: ['小学'] },
    { code: '83', name: '小学肄业', nameEn: 'Primary school not completed', parentCode: '80' },
    { code: '90', name: '其他', nameEn: 'Other', synonyms: ['其它'] },
  ],
};

/** Everyday words and the code each is read as, for the import template's 填写说明 (研究生 → 14 硕士研究生毕业). */
export const educationReadings: readonly { readonly word: string; readonly code: string; readonly name: string }[] =
  educationDict.items.flatMap((item) => (item.synonyms ?? []).map((word) => ({ word, code: item.code, name: item.name })));
