import type { TFunction } from 'i18next';
import { hasKey } from '../utils/has-key';
import { sharedZhCN } from './shared.zh-CN';

/** Permission codes come from the server; unknown ones (a newer module) show their raw code. */
export function permLabel(t: TFunction, code: string): string {
  return hasKey(sharedZhCN.perm, code) ? t(`perm.${code}`) : code;
}

export function permGroupLabel(t: TFunction, group: string): string {
  return hasKey(sharedZhCN.permGroup, group) ? t(`permGroup.${group}`) : group;
}

export function orgTypeLabel(t: TFunction, type: string): string {
  return hasKey(sharedZhCN.orgType, type) ? t(`orgType.${type}`) : type;
}

export function dataScopeLabel(t: TFunction, scope: string): string {
  return hasKey(sharedZhCN.dataScope, scope) ? t(`dataScope.${scope}`) : scope;
}

export const ORG_TYPES = Object.keys(sharedZhCN.orgType);
