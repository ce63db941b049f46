import type { LocaleShape } from '../../shared/i18n/locale-shape';

export const studyZhCN = {};

export const studyEnUS: LocaleShape<typeof studyZhCN> = {};
