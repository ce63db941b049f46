import fs from 'node:fs';
import path from 'node:path';
import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, PageBreak, Paragraph, TextRun } from 'docx';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import { today } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { FILE_KINDS } from '../../platform/files/file-kinds.ts';
import { jpegLayout, pngLayout } from '../../platform/files/image-structure.ts';
import { openEntry, readZipDirectory } from '../../platform/files/zip-entries.ts';
import { collectionInScope, works } from './collection-service.ts';
import { cultureFileDir } from './culture-files.ts';

export const DOCX_TYPE = FILE_KINDS.docx.mime;
const FONT = { eastAsia: '宋体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const TITLE_FONT = { eastAsia: '黑体', ascii: 'Arial', hAnsi: 'Arial' };
/** Widest picture on an A4 page with the default margins, in pixels at 96 dpi (about 15.9 cm). */
const MAX_IMAGE_WIDTH = 600;
/** The ideographic space Chinese typesetting puts between a name and its unit. */
const GAP = '\u3000';
const ZIP_LIMITS = { maxEntries: 5000, maxInflatedBytes: 64 * 1_048_576, maxRatio: 100 };

const text = (t: string, o: { bold?: boolean; size?: number; center?: boolean; title?: boolean; indent?: boolean } = {}) =>
  new Paragraph({
    alignment: o.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    spacing: { line: 360 },
    ...(o.indent ? { indent: { firstLine: 480 } } : {}),
    children: [new TextRun({ text: t, font: o.title ? TITLE_FONT : FONT, size: o.size ?? 24, ...(o.bold ? { bold: true } : {}) })],
  });

const XML_ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

/**
 * The paragraphs of a .docx the intake already accepted (its archive bounds were checked on the
 * way in; they are applied again while inflating), read from word/document.xml.
 */
export async function docxParagraphs(file: string): Promise<string[]> {
  const entries = await readZipDirectory(file, ZIP_LIMITS);
  const doc = entries.find((e) => e.name === 'word/document.xml');
  if (!doc) return [];
  const chunks: Buffer[] = [];
  for await (const chunk of await openEntry(file, doc, { max: ZIP_LIMITS.maxInflatedBytes, used: 0, maxRatio: ZIP_LIMITS.maxRatio }))
    chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .split('</w:p>')
    .map((p) =>
      p
        .replace(/<w:tab\/>/g, '\t')
        .replace(/<[^>]+>/g, '')
        .replace(/&(amp|lt|gt|quot|apos);/g, (m) => XML_ENTITIES[m] ?? m)
        .trim(),
    )
    .filter((p) => p.length > 0);
}

function picture(body: Buffer, type: string): Paragraph | null {
  const png = type === FILE_KINDS.png.mime;
  const layout = png ? pngLayout(body) : jpegLayout(body);
  if (!layout.ok) return null;
  const scale = Math.min(1, MAX_IMAGE_WIDTH / layout.layout.width);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new ImageRun({
        type: png ? 'png' : 'jpg',
        data: body,
        transformation: { width: Math.round(layout.layout.width * scale), height: Math.round(layout.layout.height * scale) },
      }),
    ],
  });
}

/**
 * The collection as one Word document, what an editorial office prints and binds as a 文集: a
 * title page, a table of contents (title, author, unit), then every accepted work on its own page
 * — its text as typed, or the text of its Word file, or its photograph; a PDF is named as an
 * appendix. Only accepted works, in the order they came in. The export is audited.
 */
export async function exportCollectionDocx(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string) {
  const k = await collectionInScope(ctx.db, scope, id);
  const accepted = await works(ctx.db)
    .where('w.collection_id', '=', id)
    .where('w.status', '=', 'accepted')
    .orderBy('w.created_at')
    .orderBy('w.id')
    .execute();
  if (accepted.length === 0) throw new AppError('CULTURE_NOTHING_TO_EXPORT');
  const dir = cultureFileDir(ctx);
  const children: Paragraph[] = [
    text(k.title, { bold: true, size: 44, center: true, title: true }),
    text(`${k.org_name}${GAP}编`, { size: 28, center: true }),
    text(today(ctx.clock), { center: true }),
    ...(k.description ? [text(k.description, { indent: true })] : []),
    new Paragraph({ children: [new PageBreak()] }),
    text('目\u3000录', { bold: true, size: 32, center: true, title: true }),
    ...accepted.map((w, i) => text(`${i + 1}. ${w.title}${GAP}……${GAP}${w.name}（${w.org_name}）`)),
  ];
  for (const w of accepted) {
    children.push(
      new Paragraph({ children: [new PageBreak()] }),
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: w.title, font: TITLE_FONT, size: 32, bold: true })],
      }),
      text(`${w.org_name}${GAP}${w.name}`, { center: true, size: 24 }),
    );
    for (const line of (w.body ?? '').split(/\r?\n/).filter((l) => l.trim())) children.push(text(line.trim(), { indent: true }));
    if (w.stored_name && w.file_type) {
      const file = path.join(dir, w.stored_name);
      if (w.file_type === FILE_KINDS.docx.mime && !w.body) {
        for (const line of await docxParagraphs(file)) children.push(text(line, { indent: true }));
      } else if (w.file_type === FILE_KINDS.png.mime || w.file_type === FILE_KINDS.jpeg.mime) {
        const p = picture(fs.readFileSync(file), w.file_type);
        if (p) children.push(p);
      } else if (w.file_type === FILE_KINDS.pdf.mime) {
        children.push(text(`（作品原件为 PDF 文件《${w.file_name ?? w.title}》，随文集附件存档）`, { center: true }));
      }
    }
  }
  const doc = new Document({
    creator: k.org_name,
    title: k.title,
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [{ children }],
  });
  const body = await Packer.toBuffer(doc);
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, ctx.clock, actor, {
      eventType: 'culture.collection.export',
      objectType: 'culture_collection',
      objectId: id,
      detail: { works: accepted.length, bytes: body.length },
    }),
  );
  return { name: `${k.title}.docx`, body };
}
