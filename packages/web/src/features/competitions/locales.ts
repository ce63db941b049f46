import type { LocaleShape } from '../../shared/i18n/locale-shape';

export const competitionsZhCN = {};

export const competitionsEnUS: LocaleShape<typeof competitionsZhCN> = {};
