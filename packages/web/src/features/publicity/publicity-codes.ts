import type { AccountView, OutletLevel, OutputKind } from '@zhenggong/core';

/** Code lists the pages iterate over (the web imports only types from core). */
export const outputKinds = ['article', 'photo', 'video', 'new_media'] as const satisfies readonly OutputKind[];
export const outletLevels = ['central', 'provincial', 'municipal', 'own'] as const satisfies readonly OutletLevel[];
export const accountPlatforms = [
  'wechat_official',
  'weibo',
  'douyin',
  'kuaishou',
  'toutiao',
  'website',
  'other',
] as const satisfies readonly AccountView['platform'][];
