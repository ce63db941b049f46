import type { StepDef } from '@zhenggong/core';
import type { Executor, Trx } from '../../db/database.ts';
import type { AuditActor } from '../audit/audit-service.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../http/app-error.ts';
import type { WfCaseTable } from './tables.ts';

export type CaseOutcome = 'approved' | 'rejected' | 'withdrawn';

/** What a module hands the workflow when its case closes; it applies the result in the same transaction. */
export interface DecidedHook {
  readonly trx: Trx;
  readonly ctx: AppContext;
  readonly actor: AuditActor;
  readonly caseRow: WfCaseTable;
  readonly outcome: CaseOutcome;
  readonly note: string | null;
}

/**
 * A kind of case a module runs through the workflow. The platform knows kinds only through
 * this registration, so it never imports a business module.
 */
export interface CaseKind {
  readonly kind: string;
  readonly module: string;
  /** Version 1 of the definition, stored on first start; later versions are data. */
  readonly defaultSteps: readonly StepDef[];
  onDecided(hook: DecidedHook): Promise<void>;
}

/**
 * Picks approvers for a step from the case (the awards authority matrix of Order 135, leave by
 * the applicant's post level …). Returns user ids; the engine still checks permission, scope
 * and self-involvement for each.
 */
export type ApproverResolver = (db: Executor, c: WfCaseTable, step: StepDef) => Promise<string[]>;

const kinds = new Map<string, CaseKind>();
const resolvers = new Map<string, ApproverResolver>();

export function registerCaseKind(kind: CaseKind): void {
  kinds.set(kind.kind, kind);
}
export function registerApproverResolver(name: string, resolver: ApproverResolver): void {
  resolvers.set(name, resolver);
}
export const registeredKinds = (): CaseKind[] => [...kinds.values()];

export function caseKind(kind: string): CaseKind {
  const k = kinds.get(kind);
  if (!k) throw new AppError('WF_KIND_UNKNOWN', { kind });
  return k;
}
export function approverResolver(name: string): ApproverResolver {
  const r = resolvers.get(name);
  if (!r) throw new AppError('WF_KIND_UNKNOWN', { kind: name });
  return r;
}
