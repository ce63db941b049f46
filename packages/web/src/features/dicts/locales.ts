import type { LocaleShape } from '../../shared/i18n/locale-shape';

export const dictsZhCN = {
  title: '数据字典',
  listTitle: '字典列表',
  listSearch: '查找字典',
  noSelection: '请在左侧选择一个字典',
  itemSearch: '按代码或名称查找',
  standard: '标准：{{standard}}',
  count: '{{count}} 项',
  columns: {
    code: '代码',
    name: '名称',
    nameEn: '英文名称',
    parentCode: '上级代码',
  },
};

export const dictsEnUS: LocaleShape<typeof dictsZhCN> = {
  title: 'Dictionaries',
  listTitle: 'Dictionaries',
  listSearch: 'Find a dictionary',
  noSelection: 'Select a dictionary on the left',
  itemSearch: 'Search by code or name',
  standard: 'Standard: {{standard}}',
  count: '{{count}} items',
  columns: {
    code: 'Code',
    name: 'Name',
    nameEn: 'English name',
    parentCode: 'Parent code',
  },
};
