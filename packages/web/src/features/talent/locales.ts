import type { LocaleShape } from '../../shared/i18n/locale-shape';

export const talentZhCN = {};

export const talentEnUS: LocaleShape<typeof talentZhCN> = {};
