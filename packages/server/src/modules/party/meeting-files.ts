import fs from 'node:fs';
import path from 'node:path';
import type { MeetingFileView } from '@zhenggong/core';
import type { FastifyRequest } from 'fastify';
import type { Executor } from '../../db/database.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import type { IntakePolicy } from '../../platform/files/intake.ts';
import { receiveFile } from '../../platform/files/upload.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { meetingInScope } from './meeting-service.ts';
import type { PartyMeetingFileTable } from './tables.ts';

/**
 * Minutes attachments (会议记录附件: the signed minutes, slides, photos of the meeting): docx, pdf,
 * JPEG or PNG through the platform intake (type by content, office archives inflated within
 * bounds, markup in images refused, size capped while streaming), stored under server-made names.
 * Scoped like the meeting (its party organisation's unit); every upload, download and removal is audited.
 */
export const MAX_MEETING_FILES = 20;
export const MAX_MEETING_FILE_BYTES = 20 * 1_048_576;
export const meetingFilePolicy: IntakePolicy = {
  accept: ['docx', 'pdf', 'jpeg', 'png'],
  maxBytes: MAX_MEETING_FILE_BYTES,
  maxImage: { width: 8000, height: 8000 },
  maxInflatedBytes: 128 * 1_048_576,
  maxRatio: 100,
};
const fileDir = (ctx: AppContext) => path.join(ctx.config.dataDir, 'uploads', 'party');

const present = (f: PartyMeetingFileTable): MeetingFileView => ({
  id: f.id,
  fileName: f.file_name,
  mime: f.mime,
  size: f.size,
  uploadedAt: f.created_at,
});

const filesOf = (db: Executor, meetingId: string) =>
  db.selectFrom('party_meeting_file').selectAll().where('meeting_id', '=', meetingId).orderBy('created_at').orderBy('id').execute();

export async function listMeetingFiles(ctx: AppContext, scope: ResolvedScope, meetingId: string) {
  await meetingInScope(ctx.db, scope, meetingId);
  return { items: (await filesOf(ctx.db, meetingId)).map(present) };
}

export async function addMeetingFile(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, meetingId: string, request: FastifyRequest) {
  // Scope and room first: nothing is received for a meeting the caller cannot reach.
  const meeting = await meetingInScope(ctx.db, scope, meetingId);
  if (meeting.status === 'cancelled') throw new AppError('PARTY_MEETING_CLOSED');
  if ((await filesOf(ctx.db, meetingId)).length >= MAX_MEETING_FILES) throw new AppError('PARTY_FILES_FULL', { max: MAX_MEETING_FILES });
  const upload = await receiveFile(request, fileDir(ctx), meetingFilePolicy);
  const id = upload.storedName.slice(0, 36);
  const row: PartyMeetingFileTable = {
    id,
    meeting_id: meetingId,
    file_name: upload.fileName,
    stored_name: upload.storedName,
    mime: upload.mime,
    size: upload.size,
    sha256: upload.sha256,
    uploaded_by: actor.userId,
    city_code: ctx.config.cityCode,
    created_at: ctx.clock.now().toISOString(),
  };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('party_meeting_file').values(row).execute();
      await appendAudit(trx, ctx.clock, actor, {
        eventType: 'party.meeting.file.add',
        objectType: 'party_meeting',
        objectId: meetingId,
        detail: { fileId: id, fileName: upload.fileName, bytes: upload.size, type: upload.mime, sha256: upload.sha256 },
      });
    });
  } catch (error) {
    fs.rmSync(upload.path, { force: true });
    throw error;
  }
  return present(row);
}

async function fileInScope(db: Executor, scope: ResolvedScope, meetingId: string, fileId: string) {
  await meetingInScope(db, scope, meetingId);
  const row = await db
    .selectFrom('party_meeting_file')
    .selectAll()
    .where('id', '=', fileId)
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  if (!row) throw new AppError('PARTY_FILE_NOT_FOUND');
  return row;
}

/** The file's bytes; the download is written to the audit trail before a byte leaves. */
export async function readMeetingFile(ctx: AppContext, scope: ResolvedScope, meetingId: string, fileId: string) {
  const row = await fileInScope(ctx.db, scope, meetingId, fileId);
  // The route's auditView writes the download's audit row before the first byte leaves.
  const body = await fs.promises.readFile(path.join(fileDir(ctx), row.stored_name));
  return { type: row.mime, name: row.file_name, body };
}

export async function removeMeetingFile(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, meetingId: string, fileId: string) {
  const row = await fileInScope(ctx.db, scope, meetingId, fileId);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('party_meeting_file').where('id', '=', fileId).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'party.meeting.file.remove',
      objectType: 'party_meeting',
      objectId: meetingId,
      detail: { fileId, fileName: row.file_name },
    });
  });
  fs.rmSync(path.join(fileDir(ctx), row.stored_name), { force: true });
}
