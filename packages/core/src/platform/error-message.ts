/** The shape of a localised error message, apart from the registry so each module's list can name it. */
export type Locale = 'zh-CN' | 'en-US';

export interface ErrorMessage {
  readonly status: number;
  readonly 'zh-CN': string;
  readonly 'en-US': string;
}
