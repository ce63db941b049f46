import type { LocaleShape } from '../../shared/i18n/locale-shape';

export const auxiliaryZhCN = {};

export const auxiliaryEnUS: LocaleShape<typeof auxiliaryZhCN> = {};
