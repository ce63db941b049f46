import { orgInScope, type ResolvedScope } from '../../../platform/access/data-scope.ts';
import type { Principal } from '../../../platform/access/principal.ts';
import { auditAlone, type AuditActor } from '../../../platform/audit/audit-service.ts';
import type { AppContext } from '../../../platform/context.ts';
import { readPhoto } from '../person-photo.ts';
import { appointmentDocx } from './appointment-docx.ts';
import { loadPersonForms, type AppointmentExtras, type LoadedPerson } from './appointment-form.ts';
import { toLrmx } from './lrmx.ts';
import { printHtml } from './print-html.ts';
import type { Watermark } from './watermark.ts';

/** One person's document, asked for by one caller. */
export interface DocumentRequest {
  readonly principal: Principal;
  readonly actor: AuditActor;
  /** Scope of `personnel:export`; a person outside it is "not found", as for every read. */
  readonly scope: ResolvedScope;
  readonly revealScope: () => Promise<ResolvedScope>;
  readonly personId: string;
  readonly extras: AppointmentExtras;
  readonly mark: Watermark;
}

export interface ExportedFile<T> {
  readonly body: T;
  /** Download name without the extension. */
  readonly name: string;
}

type DocumentKind = 'appointment-form.docx' | 'appointment-form.lrmx' | 'print';

/** The document is built first and audited before it leaves; if the audit cannot be written, nothing is sent. */
async function audited<T>(
  ctx: AppContext,
  req: DocumentRequest,
  kind: DocumentKind,
  build: (p: LoadedPerson) => Promise<{ body: T; revealed: string[] }>,
) {
  const person = await loadPersonForms(ctx, req.scope, req.personId, req.extras);
  const { body, revealed } = await build(person);
  await auditAlone(ctx.db, ctx.clock, req.actor, {
    eventType: 'person.export',
    objectType: 'person',
    objectId: req.personId,
    detail: {
      kind,
      count: 1,
      revealed,
      filledIn: Object.keys(req.extras).filter((k) => req.extras[k as keyof AppointmentExtras] !== undefined),
    },
  });
  return { body, name: person.row.name };
}

export function appointmentFormDocx(ctx: AppContext, req: DocumentRequest): Promise<ExportedFile<Buffer>> {
  return audited(ctx, req, 'appointment-form.docx', async (p) => {
    const photo = p.row.photo ? await readPhoto(ctx, req.scope, req.personId) : undefined;
    return { body: await appointmentDocx(p.form, req.mark, photo), revealed: [] };
  });
}

/**
 * The .lrmx carries the ID number (<ShenFenZheng>) because the receiving software keys people by
 * it; in full only for a caller holding `personnel:reveal` over this person, masked otherwise.
 */
export function appointmentFormLrmx(ctx: AppContext, req: DocumentRequest): Promise<ExportedFile<string>> {
  return audited(ctx, req, 'appointment-form.lrmx', async (p) => {
    const reveal = req.principal.permissions.has('personnel:reveal') && (await orgInScope(ctx.db, await req.revealScope(), p.row.org_id));
    const idNumber = reveal ? ctx.fieldCrypto.decrypt(p.row.id_number_enc) : p.row.id_number_masked;
    const photo = p.row.photo ? await readPhoto(ctx, req.scope, req.personId) : undefined;
    return { body: toLrmx(p.form, idNumber, req.mark, photo?.body), revealed: reveal ? ['idNumber'] : [] };
  });
}

export function printPage(ctx: AppContext, req: DocumentRequest): Promise<ExportedFile<string>> {
  return audited(ctx, req, 'print', async (p) => ({ body: printHtml(p, req.mark), revealed: [] }));
}
