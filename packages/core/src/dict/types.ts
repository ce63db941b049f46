/** One entry of a code table (数据字典项). */
export type DictItem = {
  /** The code exactly as the standard prints it, leading zeros kept ('01', '110000'). */
  code: string;
  /** The Chinese name exactly as the standard prints it. */
  name: string;
  nameEn?: string;
  /** Code of the enclosing item in hierarchical tables (GB/T 4658, GB/T 2260). */
  parentCode?: string;
  /** Other spellings accepted by `normalize` (short forms, historical names). */
  synonyms?: readonly string[];
};

/** A whole code table plus the standard it implements. */
export type Dict = {
  /** Stable machine name of the table, e.g. 'ethnicity'. */
  code: string;
  name: string;
  nameEn: string;
  /** The standard (with edition) the items come from, or 'Zhenggong' for house tables. */
  standard: string;
  items: readonly DictItem[];
};
