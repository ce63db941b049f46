// Organisation types inside a city police bureau's establishment. Not a national standard, so
// the codes are Zhenggong's own stable identifiers. (GA/T 2000.160-2018 公安机关部门类别代码 is
// a different, functional classification; its table was not available to compare.)
import type { Dict } from './types.ts';

export const orgTypeDict: Dict = {
  code: 'org_type',
  name: '机构类型',
  nameEn: 'Organisation type',
  standard: 'Zhenggong',
  items: [
    { code: 'city_bureau', name: '市局', nameEn: 'Municipal public security bureau', synonyms: ['市公安局'] },
    { code: 'branch', name: '分局', nameEn: 'Branch bureau', synonyms: ['公安分局'] },
    { code: 'station', name: '派出所', nameEn: 'Police station' },
    { code: 'brigade', name: '大队', nameEn: 'Brigade' },
    {
      code: 'department',
      name: '内设科室/处室',
      nameEn: 'Internal department',
      synonyms: ['内设机构', '内设科室', '内设处室', '科室', '处室'],
    },
    { code: 'team', name: '中队', nameEn: 'Squad' },
    { code: 'other', name: '其他', nameEn: 'Other', synonyms: ['其它'] },
  ],
};
