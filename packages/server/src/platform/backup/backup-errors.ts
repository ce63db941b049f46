import { formatMessage, type Locale } from '@zhenggong/core';

/** Operator-facing failures of backup and restore (CLI only, so no HTTP status). */
export const backupErrors = {
  BACKUP_TARGET_EXISTS: {
    'zh-CN': '备份文件已存在，不会覆盖：{file}',
    'en-US': 'The backup file already exists and will not be overwritten: {file}',
  },
  BACKUP_NOT_FOUND: { 'zh-CN': '找不到备份文件：{file}', 'en-US': 'Backup file not found: {file}' },
  BACKUP_FORMAT: {
    'zh-CN': '不是智慧政工备份文件，或备份格式版本不受支持：{file}',
    'en-US': 'Not a Zhenggong backup file, or an unsupported backup format version: {file}',
  },
  BACKUP_CORRUPT: {
    'zh-CN': '备份文件已损坏或被改动（{reason}），已拒绝恢复',
    'en-US': 'The backup file is corrupted or was altered ({reason}); restore refused',
  },
  BACKUP_TAMPERED: {
    'zh-CN': '备份文件被改动、截断，或口令不正确（第 {record} 段认证失败），已拒绝恢复',
    'en-US': 'The backup was altered or truncated, or the passphrase is wrong (record {record} failed authentication); restore refused',
  },
  BACKUP_PASSPHRASE_MISSING: {
    'zh-CN': '需要备份口令：请设置环境变量 BACKUP_PASSPHRASE，或用 --passphrase-file 指定口令文件',
    'en-US': 'A backup passphrase is needed: set BACKUP_PASSPHRASE or point --passphrase-file at a file holding it',
  },
  BACKUP_PASSPHRASE_WEAK: {
    'zh-CN': '备份口令至少需要 12 个字符',
    'en-US': 'The backup passphrase must be at least 12 characters long',
  },
  BACKUP_NEWER_SCHEMA: {
    'zh-CN': '备份来自更新的版本（本程序不认识迁移 {migration}），请先升级程序再恢复',
    'en-US': 'The backup comes from a newer version (unknown migration {migration}); upgrade before restoring',
  },
  BACKUP_SCHEMA_MISMATCH: {
    'zh-CN': '备份中的表 {table} 在数据库结构中不存在，已拒绝恢复',
    'en-US': 'Table {table} in the backup does not exist in the database schema; restore refused',
  },
  RESTORE_TARGET_NOT_EMPTY: {
    'zh-CN': '恢复只能写入空的数据目录或空数据库：{target} 中已有 {found}。请指定新的 DATA_DIR，或新建一个空数据库',
    'en-US':
      'Restore only writes into an empty data directory or an empty database: {target} already holds {found}. Point DATA_DIR at a new directory or create an empty database',
  },
  RESTORE_KEY_MISSING: {
    'zh-CN':
      '备份中的加密字段需要原实例的密钥文件。请先把原 DATA_DIR 中的 secret.key 复制到 {file}，再恢复。密钥确已丢失时可加 --without-key（加密字段将无法读取）',
    'en-US':
      'The encrypted fields in this backup need the original instance key. Copy secret.key from the original DATA_DIR to {file} first. If the key is truly lost, add --without-key (encrypted fields will be unreadable)',
  },
  RESTORE_KEY_MISMATCH: {
    'zh-CN': '{file} 不是这份备份所用的密钥（指纹 {have}，备份需要 {want}），已拒绝恢复',
    'en-US': '{file} is not the key this backup needs (fingerprint {have}, backup needs {want}); restore refused',
  },
  RESTORE_AUDIT_BROKEN: {
    'zh-CN': '备份中的审计日志哈希链在第 {seq} 条处断裂（{reason}），未恢复。确需恢复（例如取证），请加 --allow-broken-audit',
    'en-US':
      'The audit hash chain in the backup breaks at row {seq} ({reason}); nothing restored. To restore anyway (e.g. for forensics) add --allow-broken-audit',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type BackupErrorCode = keyof typeof backupErrors;

export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    readonly details: Record<string, string | number> = {},
  ) {
    super(formatMessage(backupErrors[code]['en-US'], details));
    this.name = 'BackupError';
  }

  localised(locale: Locale): string {
    return formatMessage(backupErrors[this.code][locale], this.details);
  }
}
