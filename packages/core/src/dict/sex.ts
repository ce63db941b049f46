// GB/T 2261.1-2003 个人基本信息分类与代码 第1部分：人的性别代码.
import type { Dict } from './types.ts';

export const sexDict: Dict = {
  code: 'sex',
  name: '人的性别',
  nameEn: 'Sex',
  standard: 'GB/T 2261.1-2003',
  items: [
    { code: '0', name: '未知的性别', nameEn: 'Unknown', synonyms: ['未知'] },
    { code: '1', name: '男', nameEn: 'Male', synonyms: ['男性'] },
    { code: '2', name: '女', nameEn: 'Female', synonyms: ['女性'] },
    { code: '9', name: '未说明的性别', nameEn: 'Not stated', synonyms: ['未说明'] },
  ],
};
