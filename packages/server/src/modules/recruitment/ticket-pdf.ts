import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beijingDate } from '@zhenggong/core';
import PDFDocument from 'pdfkit';

/**
 * 准考证 (admission ticket) as a PDF. Chinese text needs a CJK font and the machine may have none,
 * so the font comes from the npm package @embedpdf/fonts-sc (Noto Sans SC, OFL) shipped with the
 * server; pdfkit embeds only the glyphs used (a subset of a few dozen KB). Nothing is downloaded.
 */
const require = createRequire(import.meta.url);
let fontCache: Buffer | undefined;
function cjkFont(): Buffer {
  fontCache ??= fs.readFileSync(path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf'));
  return fontCache;
}

export interface TicketData {
  readonly announcementTitle: string;
  readonly ticketNumber: string;
  readonly name: string;
  readonly sex: string;
  readonly idNumberMasked: string;
  readonly postCode: string;
  readonly postName: string;
  readonly examAt: string | null;
  readonly examPlace: string | null;
  readonly photo: Buffer | null;
  readonly issuedAt: string;
}

export function ticketPdf(t: TicketData): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `准考证 ${t.ticketNumber}`, Author: '智慧政工' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('cjk', cjkFont());
    doc.font('cjk');
    doc.fontSize(16).text(t.announcementTitle, { align: 'center' });
    doc.moveDown(0.5).fontSize(24).text('准 考 证', { align: 'center' });
    doc.moveDown(1);
    const top = doc.y;
    const rows: [string, string][] = [
      ['准考证号', t.ticketNumber],
      ['姓名', t.name],
      ['性别', t.sex === '1' ? '男' : '女'],
      ['身份证号', t.idNumberMasked],
      ['报考岗位', `${t.postCode} ${t.postName}`],
      ['考试时间', t.examAt ?? '另行通知'],
      ['考试地点', t.examPlace ?? '另行通知'],
    ];
    doc.fontSize(13);
    for (const [label, value] of rows) {
      const y = doc.y;
      doc.text(`${label}：`, 56, y, { width: 90 });
      doc.text(value, 150, y, { width: 250 });
      doc.moveDown(0.6);
    }
    if (t.photo) {
      try {
        doc.image(t.photo, 430, top, { fit: [110, 154] });
      } catch {
        // A photo pdfkit cannot decode (e.g. progressive JPEG) leaves the box empty, not the ticket unprinted.
      }
    }
    doc.rect(430, top, 110, 154).stroke();
    doc.moveDown(2).fontSize(10).text('考生须知：凭本准考证和本人有效居民身份证参加考试；请提前 30 分钟到达考点。', 56);
    doc.text(`签发时间：${beijingDate(new Date(t.issuedAt))}`);
    doc.end();
  });
}
