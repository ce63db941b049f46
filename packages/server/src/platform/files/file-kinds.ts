/** The file kinds the intake can recognise by content, with the type and extension they are stored and served as. */
export const FILE_KINDS = {
  png: { mime: 'image/png', ext: 'png' },
  jpeg: { mime: 'image/jpeg', ext: 'jpg' },
  pdf: { mime: 'application/pdf', ext: 'pdf' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', ext: 'pptx' },
  mp4: { mime: 'video/mp4', ext: 'mp4' },
  txt: { mime: 'text/plain', ext: 'txt' },
} as const;

export type FileKind = keyof typeof FILE_KINDS;
export const IMAGE_KINDS: readonly FileKind[] = ['png', 'jpeg'];
