import ExcelJS from 'exceljs';
import { makeIdNumber } from '../../packages/core/src/personnel/id-number.ts';

export interface RosterOptions {
  /** Write 李娜's ID number as a number cell, as Excel does when the column is not text. */
  readonly idAsNumber: boolean;
  /** Give 王芳's ID number a wrong check digit. */
  readonly badCheckDigit: boolean;
}

export const ZHANG_WEI_ID = makeIdNumber('330102', '1985-03-15', 123);
const liNaId = makeIdNumber('330105', '1990-10-08', 246);
const wangFangId = makeIdNumber('330106', '1992-02-02', 248);

/**
 * A roster the way political departments keep them: a title and a note above the header,
 * variant column names, dates written several ways (some typed as numbers: 1985.03 and 2012.10
 * in "0.00" cells; 1990.10 in a General cell, where Excel keeps it as 1990.1 and only the ID
 * number tells October from January; 1992.02 and 2014.07 in General cells), colloquial values
 * (研究生, 中技), a blank row and a totals row.
 */
export async function writeRoster(file: string, o: RosterOptions): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['示例市公安局上城分局民警花名册']);
  ws.mergeCells('A1:M1');
  ws.addRow(['填报单位：上城分局政治处', '', '', '', '', '', '', '', '', '填报日期：2026年11月']);
  ws.addRow([
    '序号',
    '姓名',
    '公民身份号码',
    '性别',
    '出生年月',
    '民族',
    '政治面貌',
    '学历',
    '所在单位',
    '参加公安工作时间',
    '警号',
    '职务',
    '手机号码',
  ]);
  const badWang = wangFangId.slice(0, 17) + (wangFangId[17] === '1' ? '2' : '1');
  ws.addRow([
    1,
    '张伟',
    ZHANG_WEI_ID.toLowerCase(),
    '男',
    1985.03,
    '汉',
    '党员',
    '本科',
    '上城分局',
    '2008年7月',
    '012345',
    '科员',
    '13800138000',
  ]);
  ws.addRow([
    2,
    '李娜',
    o.idAsNumber ? Number(liNaId.slice(0, 15)) * 1000 : liNaId,
    '女',
    1990.1,
    '汉族',
    '中共党员',
    '研究生',
    '上城分局',
    2012.1,
    '012346',
    '民警',
    '13900139000',
  ]);
  ws.addRow([
    3,
    '王 芳',
    o.badCheckDigit ? badWang : wangFangId,
    '女',
    1992.02,
    '汉',
    '团员',
    '中技',
    '上城分局',
    2014.07,
    '012347',
    '民警',
    '13700137000',
  ]);
  ws.addRow([]);
  ws.addRow(['合计', '3人']);
  ws.getColumn(3).numFmt = '@';
  ws.getCell('E4').numFmt = '0.00'; // 张伟 born 1985.03, typed as a number
  ws.getCell('J5').numFmt = '0.00'; // 李娜 joined 2012.10: the format keeps October apart from January
  // 李娜's 出生年月 E5 stays General: 1990.10 is stored as 1990.1, and her ID number says October.
  await wb.xlsx.writeFile(file);
}
