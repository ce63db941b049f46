import type { LocaleShape } from '../../shared/i18n/locale-shape';

export const recruitmentZhCN = {};

export const recruitmentEnUS: LocaleShape<typeof recruitmentZhCN> = {};
