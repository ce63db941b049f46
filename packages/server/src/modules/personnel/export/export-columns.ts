import type { PersonKind, PersonStatus, PersonTable } from '../tables.ts';
import { ageOn, dictName, placeName } from './form-format.ts';

/** One row as the export sees it: the stored row, and the full sensitive values only where they may be shown. */
export interface ExportRowView {
  readonly row: PersonTable & { org_name: string };
  readonly today: string;
  /** Present only when the caller may see this row's values in full (personnel:reveal, within its scope). */
  readonly revealed?: { readonly idNumber: string; readonly phone: string | null };
}

export interface ExportColumn {
  readonly key: string;
  /** The Chinese column header written in the sheet. */
  readonly header: string;
  readonly width: number;
  /** Shows a sensitive value in full: needs `personnel:reveal`, and the export audit records it. */
  readonly reveal?: boolean;
  readonly value: (v: ExportRowView) => string | number | null;
}

export const kindNames: Record<PersonKind, string> = { officer: '民警', auxiliary: '辅警' };
export const statusNames: Record<PersonStatus, string> = {
  serving: '在职',
  seconded: '借调',
  transferred_out: '调出',
  retired: '退休',
  resigned: '辞职',
  dismissed: '辞退',
  deceased: '死亡',
  died_on_duty: '因公牺牲',
  contract_ended: '合同期满',
};

const text = (s: string | null): string | null => (s === null || s === '' ? null : s);
const col = (key: string, header: string, width: number, value: ExportColumn['value'], reveal = false): ExportColumn => ({
  key,
  header,
  width,
  value,
  ...(reveal ? { reveal } : {}),
});

/**
 * The column catalogue of the personnel list export, in sheet order. Codes are written as the
 * names of their standards (GB/T 3304 民族, GB/T 4762 政治面貌, GB/T 4658 学历, GB/T 2260 籍贯 …);
 * ID number and phone come masked unless the reveal columns are chosen. Also served at
 * GET /api/v1/personnel/export/columns for the column picker.
 */
export const exportColumns: readonly ExportColumn[] = [
  col('name', '姓名', 10, (v) => v.row.name),
  col('formerNames', '曾用名', 12, (v) => text((JSON.parse(v.row.former_names) as string[]).join('、'))),
  col('kind', '人员类别', 9, (v) => kindNames[v.row.kind]),
  col('sex', '性别', 6, (v) => dictName('sex', v.row.sex)),
  col('birthDate', '出生日期', 12, (v) => v.row.birth_date),
  col('age', '年龄', 6, (v) => ageOn(v.row.birth_date, v.today)),
  col('ethnicity', '民族', 10, (v) => text(dictName('ethnicity', v.row.ethnicity))),
  col('nativePlace', '籍贯', 14, (v) => text(placeName(v.row.native_place))),
  col('birthplace', '出生地', 14, (v) => text(placeName(v.row.birthplace))),
  col('politicalStatus', '政治面貌', 16, (v) => text(dictName('political_status', v.row.political_status))),
  col('partyJoinDate', '入党时间', 12, (v) => v.row.party_join_date),
  col('education', '学历', 16, (v) => text(dictName('education', v.row.education))),
  col('degree', '学位', 12, (v) => v.row.degree),
  col('idNumberMasked', '身份证号（脱敏）', 22, (v) => v.row.id_number_masked),
  col('idNumber', '身份证号', 22, (v) => v.revealed?.idNumber ?? v.row.id_number_masked, true),
  col('phoneMasked', '手机号（脱敏）', 15, (v) => v.row.phone_masked),
  col('phone', '手机号', 15, (v) => (v.revealed ? v.revealed.phone : v.row.phone_masked), true),
  col('policeNumber', '警号', 10, (v) => v.row.police_number),
  col('orgName', '所在单位', 24, (v) => v.row.org_name),
  col('post', '职务', 16, (v) => v.row.post),
  col('rank', '警衔', 12, (v) => text(dictName('police_rank', v.row.rank))),
  col('rankDate', '授衔时间', 12, (v) => v.row.rank_date),
  col('officerLevel', '警员职级', 14, (v) => text(dictName('police_officer_level', v.row.officer_level))),
  col('levelDate', '职级任职时间', 13, (v) => v.row.level_date),
  col('postLevel', '职务层次', 12, (v) => v.row.post_level),
  col('techLevel', '警务技术职级', 16, (v) => text(dictName('police_tech_level', v.row.tech_level))),
  col('auxCategory', '辅警类别', 12, (v) => v.row.aux_category),
  col('workStartDate', '参加工作时间', 13, (v) => v.row.work_start_date),
  col('policeStartDate', '入警时间', 12, (v) => v.row.police_start_date),
  col('contractEnd', '合同到期', 12, (v) => v.row.contract_end),
  col('status', '人员状态', 10, (v) => statusNames[v.row.status]),
  col('statusDate', '状态变更日期', 13, (v) => v.row.status_date),
];

/** Used when the caller names no columns: the usual 花名册 (roster) columns, nothing revealed. */
export const defaultColumnKeys = [
  'name',
  'sex',
  'birthDate',
  'ethnicity',
  'politicalStatus',
  'education',
  'idNumberMasked',
  'policeNumber',
  'orgName',
  'post',
  'rank',
  'officerLevel',
  'status',
] as const;

const byKey = new Map(exportColumns.map((c) => [c.key, c]));
export const columnByKey = (key: string): ExportColumn | undefined => byKey.get(key);
