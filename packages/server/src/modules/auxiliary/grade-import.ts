import fs from 'node:fs';
import type { AssessmentGrade } from '@zhenggong/core';
import { cellText } from '@zhenggong/core/personnel/roster-cells';
import ExcelJS from 'exceljs';
import type { FastifyRequest } from 'fastify';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import type { AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { importLimits } from '../personnel/import/import-service.ts';
import { importTmpDir, receiveUpload } from '../../platform/files/upload.ts';
import { openSheet } from '../../platform/files/xlsx-reader.ts';
import { getMonth, saveEntries } from './assessment.ts';

/** Columns of the grading template; the import finds them by header text, wherever they are. */
export const gradeColumns = ['序号', '单位', '姓名', '身份证号', '考核等次', '得分', '备注'] as const;
const MAX_BYTES = 5 * 1_048_576;

/** The month's grid as an xlsx a unit can fill in offline and import back. */
export async function gradeTemplate(ctx: AppContext, scope: ResolvedScope, id: string) {
  const grid = await getMonth(ctx, scope, id);
  if (grid.status !== 'draft') throw new AppError('AUX_MONTH_CONFIRMED');
  const labels = new Map(grid.gradeTable.value.grades.map((g) => [g.code, g.label]));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('考核评定');
  ws.columns = [{ width: 6 }, { width: 22 }, { width: 12 }, { width: 22 }, { width: 12 }, { width: 8 }, { width: 24 }];
  ws.addRow([
    `${grid.orgName} ${grid.month} 辅警月度考核评定表（考核等次可填：${grid.gradeTable.value.grades.map((g) => g.label).join('、')}；或只填得分）`,
  ]);
  ws.addRow([...gradeColumns]).font = { bold: true };
  grid.rows.forEach((r, i) =>
    ws.addRow([
      i + 1,
      r.orgName,
      r.name,
      r.idNumberMasked,
      r.gradeEntered && r.grade ? labels.get(r.grade) : '',
      r.score ?? '',
      r.note ?? '',
    ]),
  );
  return { body: Buffer.from(await wb.xlsx.writeBuffer()), month: grid.month, orgName: grid.orgName };
}

export interface ImportProblem {
  row: number;
  column: string;
  code: 'unknown_person' | 'unknown_grade' | 'bad_score' | 'duplicate' | 'missing_columns';
  value?: string;
}

/**
 * Reads a filled template (through the personnel importer's hardened xlsx reader) and saves every
 * row in one go, or nothing: a person is matched by name and masked ID number within the month's
 * grid, a grade by its label, a score as a number. Problems name the sheet row and column.
 */
export async function importGrades(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, req: FastifyRequest) {
  const grid = await getMonth(ctx, scope, id);
  if (grid.status !== 'draft') throw new AppError('AUX_MONTH_CONFIRMED');
  const upload = await receiveUpload(req, importTmpDir(ctx.config.dataDir), MAX_BYTES);
  try {
    const sheet = await openSheet(upload.path, { ...importLimits, maxRows: 5000, maxColumns: 30 });
    const people = new Map(grid.rows.map((r) => [`${r.name}|${r.idNumberMasked}`, r.personId]));
    const grades = new Map<string, AssessmentGrade>(grid.gradeTable.value.grades.map((g) => [g.label, g.code]));
    const problems: ImportProblem[] = [];
    const entries = new Map<string, { personId: string; grade: AssessmentGrade | null; score: number | null; note: string | null }>();
    let header: Map<string, number> | null = null;
    const letter = (col: number) => String.fromCharCode(64 + col);
    try {
      for await (const row of sheet.rows) {
        const text = row.cells.map((c) => cellText(c ?? null));
        if (!header) {
          if (text.includes('姓名') && text.includes('身份证号'))
            header = new Map(text.map((t, i) => [t, i] as const).filter(([t]) => t !== ''));
          continue;
        }
        const at = (name: string) => text[header?.get(name) ?? -1] ?? '';
        const name = at('姓名');
        if (!name) continue;
        const key = `${name}|${at('身份证号')}`;
        const personId = people.get(key);
        if (!personId) {
          problems.push({ row: row.number, column: letter(header.get('姓名') ?? 0), code: 'unknown_person', value: name });
          continue;
        }
        if (entries.has(personId))
          problems.push({ row: row.number, column: letter(header.get('姓名') ?? 0), code: 'duplicate', value: name });
        const gradeText = at('考核等次');
        const grade = gradeText ? (grades.get(gradeText) ?? null) : null;
        if (gradeText && !grade)
          problems.push({ row: row.number, column: letter(header.get('考核等次') ?? 0), code: 'unknown_grade', value: gradeText });
        const scoreText = at('得分');
        const score = scoreText === '' ? null : Number(scoreText);
        if (score !== null && (!Number.isFinite(score) || score < 0 || score > 1000))
          problems.push({ row: row.number, column: letter(header.get('得分') ?? 0), code: 'bad_score', value: scoreText });
        entries.set(personId, {
          personId,
          grade,
          score: score !== null && Number.isFinite(score) ? score : null,
          note: at('备注') || null,
        });
      }
    } finally {
      await sheet.close();
    }
    if (!header) problems.push({ row: 1, column: 'A', code: 'missing_columns' });
    if (problems.length > 0)
      throw new AppError('AUX_IMPORT_INVALID', {
        problems: problems.slice(0, 200),
        count: problems.length,
        summary: problems
          .slice(0, 5)
          .map((p) => `${p.column}${p.row}:${p.code}`)
          .join(', '),
      });
    return saveEntries(ctx, scope, actor, id, { entries: [...entries.values()].map((e) => ({ ...e, note: e.note ?? null })) });
  } finally {
    await fs.promises.rm(upload.path, { force: true });
  }
}
