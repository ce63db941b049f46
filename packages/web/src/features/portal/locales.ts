import type { LocaleShape } from '../../shared/i18n/locale-shape';

export const portalZhCN = {};

export const portalEnUS: LocaleShape<typeof portalZhCN> = {};
