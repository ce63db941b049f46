import type { LocaleShape } from '../../shared/i18n/locale-shape';

export const questionBankZhCN = {};

export const questionBankEnUS: LocaleShape<typeof questionBankZhCN> = {};
