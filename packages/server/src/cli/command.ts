import type { CliIo } from './cli-context.ts';

export type CommandRun = (args: string[], io: CliIo) => Promise<number>;

/**
 * One sub-command. Its code is imported only when it runs, so `help` is instant and a broken
 * business module cannot take verify-audit, backup or restore down with it.
 */
export interface Command {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  load(): Promise<CommandRun>;
}

export const commands: readonly Command[] = [
  {
    name: 'migrate',
    usage: 'migrate',
    summary: 'create or upgrade the database schema / 创建或升级数据库结构',
    load: async () => (await import('./migrate.ts')).runMigrate,
  },
  {
    name: 'create-admin',
    usage: 'create-admin --username <name> [--password <initial password>] [--kind sysadmin|secadmin|auditadmin] [--display-name <name>]',
    summary: 'create an administrator account (三员); without --password a one-time password is generated / 创建管理员账户',
    load: async () => (await import('./create-admin.ts')).runCreateAdmin,
  },
  {
    name: 'reset-mfa',
    usage: 'reset-mfa --username <name>',
    summary: "remove an account's second factor (e.g. the security administrator's own); audited / 清除账户的动态口令",
    load: async () => (await import('./reset-mfa.ts')).runResetMfa,
  },
  {
    name: 'seed-demo',
    usage: 'seed-demo [--people N] [--with-users] [--password <initial password>]',
    summary: 'demo org tree 示例市公安局 (121 orgs), optionally one 政工 account per branch / 建立示例机构',
    load: async () => (await import('./seed-demo.ts')).runSeedDemo,
  },
  {
    name: 'backup',
    usage: 'backup --to <file> [--passphrase-file <file> | --unencrypted]',
    summary: 'online backup of the database and uploads, sealed with BACKUP_PASSPHRASE / 在线加密备份数据库与上传文件',
    load: async () => (await import('./backup.ts')).runBackup,
  },
  {
    name: 'restore',
    usage: 'restore --from <file> [--passphrase-file <file>] [--allow-broken-audit] [--without-key]',
    summary: 'restore into an EMPTY data directory or database; copy secret.key there first / 恢复备份（仅限空目标）',
    load: async () => (await import('./restore.ts')).runRestore,
  },
  {
    name: 'verify-audit',
    usage: 'verify-audit [--checkpoint FILE]',
    summary: 'check the keyed audit chain (and a signed checkpoint); exit 1 names the first bad row / 校验审计日志链及签名检查点',
    load: async () => (await import('./verify-audit.ts')).runVerifyAudit,
  },
  {
    name: 'rotate-keys',
    usage: 'rotate-keys [--batch N]',
    summary: 're-encrypt every sensitive field and blind index under a new key version; resumable, server stopped / 敏感字段密钥轮换',
    load: async () => (await import('./rotate-keys.ts')).runRotateKeys,
  },
  {
    name: 'setup-db-roles',
    usage: 'setup-db-roles [--owner zhenggong_owner] [--app zhenggong_app]',
    summary: 'PostgreSQL: owner role for migrations, app role that cannot UPDATE/DELETE/TRUNCATE the audit log / 建立属主与应用数据库角色',
    load: async () => (await import('./setup-db-roles.ts')).runSetupDbRoles,
  },
  {
    name: 'province',
    usage:
      'province prepare [--name <省厅>] [--app-role <role>] | add-city --code <c> --name <n> --conninfo <libpq> | remove-city --code <c> | resync-city --code <c> | refresh-city --code <c>',
    summary:
      'province database (INSTANCE_ROLE=province): read-only shape, subscribe, remove or re-copy a city / 省级库：接入、移除、重新同步市级库',
    load: async () => (await import('./province.ts')).runProvince,
  },
  {
    name: 'replication',
    usage: 'replication publish [--max-slot-wal-keep-size 2GB] [--role rep_province] | status [--json] | reconcile --city <c> [--repair]',
    summary: 'city: publish to the province; province: per-city state and lag, reconciliation with repair / 省市复制：发布、状态、核对修复',
    load: async () => (await import('./replication.ts')).runReplication,
  },
  {
    name: 'copy-to-postgres',
    usage: 'copy-to-postgres --to <postgres://…>',
    summary: 'copy this SQLite database into an empty PostgreSQL database, verified table by table with digests / SQLite 迁移到 PostgreSQL',
    load: async () => (await import('./copy-to-postgres.ts')).runCopyToPostgres,
  },
];
