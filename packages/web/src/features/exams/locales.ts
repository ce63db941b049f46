import type { LocaleShape } from '../../shared/i18n/locale-shape';

export const examsZhCN = {};

export const examsEnUS: LocaleShape<typeof examsZhCN> = {};
