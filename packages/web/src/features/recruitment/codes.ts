/** GB/T 4658 levels a post may ask for as the lowest accepted education. */
export const EDUCATION_LEVELS = [
  { code: '10', zh: '研究生', en: 'Postgraduate' },
  { code: '20', zh: '大学本科', en: "Bachelor's" },
  { code: '30', zh: '大学专科', en: 'College diploma' },
  { code: '40', zh: '中等专科', en: 'Secondary vocational' },
  { code: '60', zh: '普通高中', en: 'Senior high school' },
  { code: '70', zh: '初中', en: 'Junior high school' },
] as const;
