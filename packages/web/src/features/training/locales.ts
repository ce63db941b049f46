import type { LocaleShape } from '../../shared/i18n/locale-shape';

export const trainingZhCN = {};

export const trainingEnUS: LocaleShape<typeof trainingZhCN> = {};
