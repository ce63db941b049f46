import { Type, type Static } from '@sinclair/typebox';
import { IsoTime, PageQuery, Strict } from './common.ts';

export const AuditOutcome = Type.Union([Type.Literal('success'), Type.Literal('failure')]);

/** Filters shared by the search and the export. `from` is inclusive, `to` exclusive (a half-open interval). */
const auditFilters = {
  actor: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'part of the actor username' })),
  eventType: Type.Optional(
    Type.String({
      pattern: '^[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)*(\\.\\*)?$',
      maxLength: 64,
      description: 'exact, or a prefix ending in ".*" (auth.*)',
    }),
  ),
  outcome: Type.Optional(AuditOutcome),
  from: Type.Optional(IsoTime),
  to: Type.Optional(IsoTime),
  objectId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
};

export const AuditExportQuery = Strict(auditFilters);
export type AuditExportQuery = Static<typeof AuditExportQuery>;

export const AuditQuery = Strict({
  page: PageQuery.page,
  pageSize: PageQuery.pageSize,
  // The log is read newest first; oldest first helps when following one incident forward.
  sort: Type.Optional(Type.Union([Type.Literal('-seq'), Type.Literal('seq')])),
  ...auditFilters,
});
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditEntry = Type.Object({
  id: Type.String(),
  seq: Type.Integer(),
  ts: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  actorRole: Type.Union([Type.String(), Type.Null()]),
  srcIp: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
  eventType: Type.String(),
  objectType: Type.Union([Type.String(), Type.Null()]),
  objectId: Type.Union([Type.String(), Type.Null()]),
  outcome: AuditOutcome,
  detail: Type.Unknown(),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditPage = Type.Object({ items: Type.Array(AuditEntry), total: Type.Integer() });
export type AuditPage = Static<typeof AuditPage>;

export const AuditVerifyResult = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  brokenAt: Type.Optional(Type.Integer()),
  reason: Type.Optional(Type.String()),
});
export type AuditVerifyResult = Static<typeof AuditVerifyResult>;

/**
 * A signed checkpoint of the audit chain head (ADR 006): the audit administrator downloads it and
 * keeps it off the server; `verify-audit --checkpoint FILE` later proves the chain still passes
 * through `hash` at `seq`. SM2 signature (GB/T 32918.2, SM3, user ID 1234567812345678) over
 * `checkpointMessage()` of the other fields.
 */
export const AuditCheckpoint = Type.Object({
  format: Type.Literal('zhenggong-audit-checkpoint'),
  version: Type.Literal(1),
  cityCode: Type.String({ pattern: '^\\d{6}$' }),
  seq: Type.Integer({ minimum: 0 }),
  hash: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  createdAt: Type.String({ maxLength: 40 }),
  createdBy: Type.String({ maxLength: 64 }),
  /** Uncompressed SM2 public key (04‖x‖y); its SM3 fingerprint is what the administrator records. */
  publicKey: Type.String({ pattern: '^04[0-9a-f]{128}$' }),
  signature: Type.String({ pattern: '^[0-9a-f]{128}$' }),
});
export type AuditCheckpoint = Static<typeof AuditCheckpoint>;

/** The exact bytes signed: one field a line, in a fixed order. */
export const checkpointMessage = (c: Omit<AuditCheckpoint, 'signature'>): string =>
  [c.format, c.version, c.cityCode, c.seq, c.hash, c.createdAt, c.createdBy, c.publicKey].join('\n');
