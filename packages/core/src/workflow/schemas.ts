import { Type, type Static } from '@sinclair/typebox';
import { Id, IsoTime, PageQuery, Strict } from '../schemas/common.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

/**
 * Where a step's approvers sit, relative to the case's subject: the subject's own establishment
 * unit (所在单位), the branch above it (分局, the root's child), or the city bureau (the root).
 */
export const OrgLevel = Type.Union([Type.Literal('subject_unit'), Type.Literal('subject_branch'), Type.Literal('city')]);
export type OrgLevel = Static<typeof OrgLevel>;

/** One step of a definition: approval by role and org level (or a registered resolver), or a public notice (公示). */
export const StepDef = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  type: Type.Union([Type.Literal('approval'), Type.Literal('notice')]),
  /** The permission approvers must hold, with the subject inside their scope for it. */
  permission: Type.String({ minLength: 1, maxLength: 60 }),
  orgLevel: Type.Optional(OrgLevel),
  /** A resolver registered by a module (e.g. the award authority matrix); replaces orgLevel. */
  resolver: Type.Optional(Type.String({ maxLength: 60 })),
  /** any: the first approval decides; all: every approver must approve (会签). */
  mode: Type.Union([Type.Literal('any'), Type.Literal('all')]),
  deadlineWorkingDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
  noticeWorkingDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
});
export type StepDef = Static<typeof StepDef>;

export const CaseStatus = Type.Union([
  Type.Literal('in_progress'),
  Type.Literal('returned'),
  Type.Literal('approved'),
  Type.Literal('rejected'),
  Type.Literal('withdrawn'),
]);
export type CaseStatus = Static<typeof CaseStatus>;

export const CaseActionKind = Type.Union(
  [
    'submit',
    'approve',
    'reject',
    'return',
    'resubmit',
    'withdraw',
    'comment',
    'notice_start',
    'notice_end',
    'object',
    'resolve_objection',
    'remind',
  ].map((a) => Type.Literal(a)),
);

const CurrentStep = Type.Object({
  index: Type.Integer(),
  name: Type.String(),
  type: Type.Union([Type.Literal('approval'), Type.Literal('notice')]),
});

/** One row of the to-do centre, the same for every module. */
export const TodoItem = Type.Object({
  caseId: Id,
  module: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  subject: Type.Object({ personId: Nullable(Type.String()), name: Type.String(), orgId: Type.String(), orgName: Type.String() }),
  currentStep: Nullable(CurrentStep),
  status: CaseStatus,
  deadline: Nullable(Type.String()),
  /** A web path that shows the case in its module, or the to-do centre's drawer. */
  link: Type.String(),
  submittedBy: Type.String(),
  submittedAt: IsoTime,
  updatedAt: IsoTime,
  /** Set when the item is in my 待办 because someone delegated it to me. */
  onBehalfOf: Type.Optional(Nullable(Type.String())),
});
export type TodoItem = Static<typeof TodoItem>;

export const TodoBox = Type.Union([Type.Literal('pending'), Type.Literal('done'), Type.Literal('mine')]);
export type TodoBox = Static<typeof TodoBox>;
export const TodoQuery = Strict({
  box: Type.Optional(TodoBox),
  module: Type.Optional(Type.String({ maxLength: 40 })),
  keyword: Type.Optional(Type.String({ maxLength: 50 })),
  status: Type.Optional(CaseStatus),
  page: PageQuery.page,
  pageSize: PageQuery.pageSize,
});
export type TodoQuery = Static<typeof TodoQuery>;
export const TodoPage = Type.Object({ items: Type.Array(TodoItem), total: Type.Integer() });
export type TodoPage = Static<typeof TodoPage>;
export const TodoCounts = Type.Object({
  pending: Type.Integer(),
  overdue: Type.Integer(),
  mine: Type.Integer(),
  unreadNotifications: Type.Integer(),
});
export type TodoCounts = Static<typeof TodoCounts>;

export const CaseHistoryEntry = Type.Object({
  id: Type.String(),
  step: Nullable(Type.Integer()),
  stepName: Nullable(Type.String()),
  action: Type.String(),
  actorName: Nullable(Type.String()),
  onBehalfOfName: Nullable(Type.String()),
  note: Nullable(Type.String()),
  at: IsoTime,
});
export const Objection = Type.Object({
  id: Type.String(),
  text: Type.String(),
  raisedByName: Type.String(),
  raisedAt: IsoTime,
  status: Type.Union([Type.Literal('open'), Type.Literal('resolved')]),
  resolution: Nullable(Type.String()),
  resolvedAt: Nullable(Type.String()),
});
// Spelled out literal by literal (not mapped from a string array) so the Static type is the
// union of action names the web switches on, not plain `string`; the JSON Schema is the same.
export const CaseAction = Type.Union([
  Type.Literal('approve'),
  Type.Literal('reject'),
  Type.Literal('return'),
  Type.Literal('resubmit'),
  Type.Literal('withdraw'),
  Type.Literal('comment'),
  Type.Literal('object'),
  Type.Literal('resolve_objection'),
]);
export type CaseAction = Static<typeof CaseAction>;
export const CaseDetail = Type.Composite([
  TodoItem,
  Type.Object({
    steps: Type.Array(Type.Object({ name: Type.String(), type: Type.String(), mode: Type.String() })),
    noticeEndsOn: Nullable(Type.String()),
    history: Type.Array(CaseHistoryEntry),
    objections: Type.Array(Objection),
    /** What the caller may do now, so the web shows only those buttons. */
    actions: Type.Array(CaseAction),
  }),
]);
export type CaseDetail = Static<typeof CaseDetail>;

export const CommentBody = Strict({ comment: Type.Optional(Type.String({ maxLength: 1000 })) });
export const ReasonBody = Strict({ reason: Type.String({ minLength: 1, maxLength: 1000 }) });
export const ReturnBody = Strict({
  to: Type.Union([Type.Literal('previous'), Type.Literal('submitter')]),
  reason: Type.String({ minLength: 1, maxLength: 1000 }),
});
export const TextBody = Strict({ text: Type.String({ minLength: 1, maxLength: 1000 }) });
export const ResolutionBody = Strict({
  resolution: Type.String({ minLength: 1, maxLength: 1000 }),
  /** true: the objection stands and the case is rejected. */
  uphold: Type.Optional(Type.Boolean()),
});
export const ObjectionParams = Strict({ id: Id, objectionId: Id });

export const DelegationBody = Strict({
  toUserId: Id,
  startsOn: DateStr,
  endsOn: DateStr,
  reason: Type.Optional(Type.String({ maxLength: 200 })),
});
export type DelegationBody = Static<typeof DelegationBody>;
export const Delegation = Type.Object({
  id: Type.String(),
  fromUserId: Type.String(),
  fromName: Type.String(),
  toUserId: Type.String(),
  toName: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  reason: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
});
export const DelegationList = Type.Array(Delegation);

export const Notification = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  link: Nullable(Type.String()),
  caseId: Nullable(Type.String()),
  readAt: Nullable(Type.String()),
  createdAt: IsoTime,
});
export type Notification = Static<typeof Notification>;
export const NotificationQuery = Strict({ unread: Type.Optional(Type.Boolean()), page: PageQuery.page, pageSize: PageQuery.pageSize });
export const NotificationIdsBody = Strict({ ids: Type.Array(Id, { minItems: 1, maxItems: 200, uniqueItems: true }) });
export const NotificationPage = Type.Object({ items: Type.Array(Notification), total: Type.Integer(), unread: Type.Integer() });
export type NotificationPage = Static<typeof NotificationPage>;

export const YearParams = Strict({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) });
export const CalendarBody = Strict({
  holidays: Type.Array(DateStr, { maxItems: 120, uniqueItems: true }),
  workdays: Type.Array(DateStr, { maxItems: 30, uniqueItems: true }),
  note: Type.Optional(Type.String({ maxLength: 200 })),
});
export type CalendarBody = Static<typeof CalendarBody>;
export const CalendarYear = Type.Object({
  year: Type.Integer(),
  version: Type.Integer(),
  holidays: Type.Array(Type.String()),
  workdays: Type.Array(Type.String()),
  source: Type.String(),
  note: Nullable(Type.String()),
  updatedAt: Nullable(Type.String()),
});
export type CalendarYear = Static<typeof CalendarYear>;
export const Ok = Type.Object({ ok: Type.Literal(true) });

/** The most cases one batch decides: each is its own transaction, so a batch stays a few seconds' work. */
export const BATCH_DECISION_MAX = 100;
/**
 * One decision for several to-dos (批量审批): approve with an optional comment, or return to the
 * submitter with a reason. The server decides each case on its own, as if one by one.
 */
export const BatchDecisionBody = Strict({
  caseIds: Type.Array(Id, { minItems: 1, maxItems: BATCH_DECISION_MAX, uniqueItems: true }),
  action: Type.Union([Type.Literal('approve'), Type.Literal('return')]),
  /** The comment of an approval; the reason of a return (required there). */
  comment: Type.Optional(Type.String({ maxLength: 1000 })),
});
export type BatchDecisionBody = Static<typeof BatchDecisionBody>;
export const BatchDecisionOutcome = Type.Object({
  caseId: Type.String(),
  outcome: Type.Union([Type.Literal('approved'), Type.Literal('returned'), Type.Literal('refused')]),
  /** Why a case was refused, localised like any error (the case's title is not repeated: the caller has it). */
  error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
});
export type BatchDecisionOutcome = Static<typeof BatchDecisionOutcome>;
export const BatchDecisionResult = Type.Object({
  decided: Type.Integer(),
  refused: Type.Integer(),
  results: Type.Array(BatchDecisionOutcome),
});
export type BatchDecisionResult = Static<typeof BatchDecisionResult>;
