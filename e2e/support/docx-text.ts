import fs from 'node:fs';
import JSZip from 'jszip';

/** The visible text of a .docx: word/document.xml with paragraphs as lines and tags removed. */
export async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '');
}
