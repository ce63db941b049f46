/** One step of a reason trace: which rule, whether it held, and why — in words (zh-CN first). */
export interface Reason {
  readonly rule: string;
  readonly ok: boolean;
  readonly zh: string;
  readonly en: string;
}

export const reason = (rule: string, ok: boolean, zh: string, en: string): Reason => ({ rule, ok, zh, en });
