/** Same keys as the zh-CN resource, every leaf a string: makes a missing en-US key a compile error. */
export type LocaleShape<T> = { [K in keyof T]: T[K] extends string ? string : LocaleShape<T[K]> };
