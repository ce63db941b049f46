import type { RecordKind } from './records-api';

/** Label keys under `personnel.records.fields`. */
export type RecordLabel =
  | 'startDate'
  | 'endDate'
  | 'text'
  | 'relation'
  | 'name'
  | 'birthDate'
  | 'politicalStatus'
  | 'workUnit'
  | 'level'
  | 'degree'
  | 'school'
  | 'major'
  | 'fullTime'
  | 'date'
  | 'awardName'
  | 'awardLevel'
  | 'issuer'
  | 'disciplineKind'
  | 'reason'
  | 'disciplineEnd'
  | 'course'
  | 'hours'
  | 'organizer';

export interface RecordFieldSpec {
  /** Body key (camelCase); the history row has the same name in snake_case. */
  key: string;
  label: RecordLabel;
  input: 'month' | 'date' | 'text' | 'textarea' | 'suggest' | 'fullTime' | 'number';
  required?: boolean;
  max?: number;
  /** Usual values offered by `suggest` inputs (free text is still accepted). */
  suggestions?: readonly string[];
  /** Shown in the table (long texts stay, short helpers may be left to the form). */
  column?: { width?: number };
}

/**
 * The five record kinds of a 干部档案 (core `personRecordBodies`). Dates are year-month where the
 * paper forms use year-month (简历 "1998.09—2002.07"), full dates for awards and sanctions.
 */
export const RECORD_SPECS: Record<RecordKind, readonly RecordFieldSpec[]> = {
  resume: [
    { key: 'startDate', label: 'startDate', input: 'month', required: true, column: { width: 100 } },
    { key: 'endDate', label: 'endDate', input: 'month', column: { width: 100 } },
    { key: 'text', label: 'text', input: 'textarea', required: true, max: 500, column: {} },
  ],
  family: [
    {
      key: 'relation',
      label: 'relation',
      input: 'suggest',
      required: true,
      max: 20,
      suggestions: ['父亲', '母亲', '配偶', '儿子', '女儿', '岳父', '岳母', '公公', '婆婆', '兄弟', '姐妹'],
      column: { width: 80 },
    },
    { key: 'name', label: 'name', input: 'text', required: true, max: 50, column: { width: 90 } },
    { key: 'birthDate', label: 'birthDate', input: 'month', column: { width: 100 } },
    {
      key: 'politicalStatus',
      label: 'politicalStatus',
      input: 'suggest',
      max: 20,
      suggestions: ['中共党员', '中共预备党员', '共青团员', '群众', '民主党派'],
      column: { width: 110 },
    },
    { key: 'workUnit', label: 'workUnit', input: 'text', max: 200, column: {} },
  ],
  education: [
    {
      key: 'level',
      label: 'level',
      input: 'suggest',
      required: true,
      max: 20,
      suggestions: ['博士研究生', '硕士研究生', '大学本科', '大学专科', '中等专科', '高中'],
      column: { width: 100 },
    },
    { key: 'degree', label: 'degree', input: 'suggest', max: 20, suggestions: ['博士', '硕士', '学士'], column: { width: 70 } },
    { key: 'school', label: 'school', input: 'text', max: 100, column: {} },
    { key: 'major', label: 'major', input: 'text', max: 100, column: { width: 120 } },
    { key: 'fullTime', label: 'fullTime', input: 'fullTime', required: true, column: { width: 90 } },
    { key: 'startDate', label: 'startDate', input: 'month', column: { width: 90 } },
    { key: 'endDate', label: 'endDate', input: 'month', column: { width: 90 } },
  ],
  awards: [
    { key: 'date', label: 'date', input: 'date', required: true, column: { width: 110 } },
    { key: 'name', label: 'awardName', input: 'text', required: true, max: 200, column: {} },
    {
      key: 'level',
      label: 'awardLevel',
      input: 'suggest',
      max: 32,
      suggestions: ['个人一等功', '个人二等功', '个人三等功', '嘉奖', '通报表扬', '优秀公务员'],
      column: { width: 120 },
    },
    { key: 'issuer', label: 'issuer', input: 'text', max: 200, column: { width: 160 } },
  ],
  discipline: [
    { key: 'date', label: 'date', input: 'date', required: true, column: { width: 110 } },
    {
      key: 'kind',
      label: 'disciplineKind',
      input: 'suggest',
      required: true,
      max: 32,
      suggestions: ['警告', '记过', '记大过', '降级', '撤职', '开除'],
      column: { width: 100 },
    },
    { key: 'reason', label: 'reason', input: 'textarea', max: 500, column: {} },
    { key: 'endDate', label: 'disciplineEnd', input: 'date', column: { width: 110 } },
  ],
  training: [
    { key: 'date', label: 'date', input: 'date', required: true, column: { width: 110 } },
    { key: 'course', label: 'course', input: 'text', required: true, max: 200, column: {} },
    { key: 'hours', label: 'hours', input: 'number', required: true, max: 2000, column: { width: 90 } },
    { key: 'organizer', label: 'organizer', input: 'text', max: 200, column: { width: 160 } },
  ],
};

export const snakeCase = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
