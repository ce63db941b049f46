import type { ErrorMessage } from './error-message.ts';

/**
 * Errors of the file intake (platform/files): every upload and import route answers a refused
 * file with one of these, never with a parser's internal message.
 */
export const fileErrors = {
  IMPORT_XLSX_RATIO: {
    status: 413,
    'zh-CN': '文件压缩比异常（超过 {max}:1），疑似压缩炸弹，已拒绝',
    'en-US': 'The file unpacks more than {max} times its packed size (a likely zip bomb) and was refused',
  },
  FILE_NOT_MULTIPART: {
    status: 400,
    'zh-CN': '请以 multipart/form-data 上传文件（字段名 file）',
    'en-US': 'Upload the file as multipart/form-data (field "file")',
  },
  FILE_TOO_LARGE: { status: 413, 'zh-CN': '文件超过 {maxMb} MB 上限', 'en-US': 'The file exceeds the {maxMb} MB limit' },
  FILE_TYPE_REFUSED: {
    status: 400,
    'zh-CN': '文件类型不允许（按文件内容判断，可接受：{accepted}）',
    'en-US': 'File type not allowed (judged by its content; accepted: {accepted})',
  },
  FILE_CORRUPT: {
    status: 400,
    'zh-CN': '文件内容与其类型的结构不符（{reason}），已拒绝',
    'en-US': 'The file does not have the structure of its type ({reason}) and was refused',
  },
  FILE_IMAGE_TOO_BIG: {
    status: 400,
    'zh-CN': '图片尺寸 {width}×{height} 像素超出上限 {maxWidth}×{maxHeight}',
    'en-US': 'The image is {width}×{height} pixels, more than the {maxWidth}×{maxHeight} limit',
  },
  FILE_ARCHIVE_TOO_LARGE: {
    status: 413,
    'zh-CN': '文件解压后超过 {maxMb} MB 或压缩比超过 {maxRatio}:1，疑似压缩炸弹，已拒绝',
    'en-US': 'The file unpacks to more than {maxMb} MB or more than {maxRatio} times its size (a likely zip bomb) and was refused',
  },
} as const satisfies Record<string, ErrorMessage>;
