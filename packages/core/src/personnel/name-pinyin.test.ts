import { describe, expect, it } from 'vitest';
import { nameSearchKeys } from './name-pinyin.ts';

describe('name search keys', () => {
  it.each([
    ['张伟', 'zhangwei', 'zw'],
    ['单雄信', 'shanxiongxin', 'sxx'],
    ['欧阳修', 'ouyangxiu', 'oyx'],
    ['曾国藩', 'zengguofan', 'zgf'],
    [' 李 娜 ', 'lina', 'ln'],
    ['阿依古丽·买买提', 'ayiguli' + 'maimaiti', 'aygl' + 'mmt'],
  ])('%s', (name, full, initials) => {
    expect(nameSearchKeys(name)).toEqual({ pinyin: full, initials });
  });
});
