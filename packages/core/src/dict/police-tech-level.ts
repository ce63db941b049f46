// 警务技术职务 (公安机关人民警察警务技术职务序列, 2016; names per DOMAIN-RULES 2.1 and public HR
// code, which agree on the 11 grades). Codes 501–511 are those of the ZB09 职务级别 table
// (group 5, 警务技术职务等级), numbered from the top like 601–612 for 执法勤务 grades (evidence S,
// see police-officer-level.ts). Short forms without the 警务技术 prefix (一级主管 …) are accepted.
// nameEn is a literal rendering; there is no official English.
import type { Dict } from './types.ts';

/** [code, name, nameEn, equivalent 执法勤务警员职级 code]; high → low. */
const rows: readonly (readonly [string, string, string, string])[] = [
  ['501', '警务技术一级总监', 'Police Technical Director, Grade 1', '601'],
  ['502', '警务技术二级总监', 'Police Technical Director, Grade 2', '602'],
  ['503', '警务技术一级主任', 'Police Technical Chief, Grade 1', '603'],
  ['504', '警务技术二级主任', 'Police Technical Chief, Grade 2', '604'],
  ['505', '警务技术三级主任', 'Police Technical Chief, Grade 3', '605'],
  ['506', '警务技术四级主任', 'Police Technical Chief, Grade 4', '606'],
  ['507', '警务技术一级主管', 'Police Technical Supervisor, Grade 1', '607'],
  ['508', '警务技术二级主管', 'Police Technical Supervisor, Grade 2', '608'],
  ['509', '警务技术三级主管', 'Police Technical Supervisor, Grade 3', '609'],
  ['510', '警务技术四级主管', 'Police Technical Supervisor, Grade 4', '610'],
  ['511', '警务技术员', 'Police Technician', '611'],
];

const PREFIX = '警务技术';

export const policeTechLevelDict: Dict = {
  code: 'police_tech_level',
  name: '警务技术职务',
  nameEn: 'Police technical grade',
  standard: '公安机关人民警察警务技术职务序列 (2016); ZB09 职务级别 codes 501–511',
  items: rows.map(([code, name, nameEn]) => {
    // '一级总监' for '警务技术一级总监'; 警务技术员 has no meaningful short form ('员').
    const shortForm = name.slice(PREFIX.length);
    return { code, name, nameEn, ...(shortForm === '员' ? {} : { synonyms: [shortForm] }) };
  }),
};

/**
 * 警务技术 grade code → 执法勤务警员职级 code of the same standing (DOMAIN-RULES 2.1, evidence S).
 * 警务技术员 has no 二级警员 counterpart: the technical track starts at the 一级警员 level.
 */
export const policeTechLevelOfficerEquivalent: Readonly<Record<string, string>> = Object.fromEntries(
  rows.map(([code, , , officerCode]) => [code, officerCode]),
);
