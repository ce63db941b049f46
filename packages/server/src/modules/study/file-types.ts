/**
 * Accepted study documents. The declared type, the file name's extension and the first bytes
 * must all agree, so a renamed executable or HTML page is refused (content type checked).
 */
const types = {
  pdf: { mime: 'application/pdf', magic: 'pdf' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: 'zip' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: 'zip' },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', magic: 'zip' },
  txt: { mime: 'text/plain', magic: 'text' },
} as const;

export type StudyFileExt = keyof typeof types;

function magicOf(head: Buffer): 'pdf' | 'zip' | 'text' | undefined {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip';
  // Plain text: no NUL and no control bytes besides tab, newline and carriage return, valid UTF-8.
  if (head.length > 0 && !head.some((b) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - 3)));
      return 'text';
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The extension and canonical type of an acceptable upload, or undefined. */
export function checkStudyFile(fileName: string, declaredType: string, head: Buffer): { ext: StudyFileExt; mime: string } | undefined {
  const ext = fileName.split('.').pop()?.toLowerCase() ?? '';
  if (!(ext in types)) return undefined;
  const spec = types[ext as StudyFileExt];
  const declared = declaredType.split(';')[0]?.trim().toLowerCase();
  // Browsers send octet-stream for types they do not know; the extension and the bytes still decide.
  if (declared !== spec.mime && declared !== 'application/octet-stream') return undefined;
  if (magicOf(head) !== spec.magic) return undefined;
  return { ext: ext as StudyFileExt, mime: spec.mime };
}
