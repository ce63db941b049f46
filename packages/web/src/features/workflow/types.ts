/** Shapes of /api/v1/workflow (core `workflow/schemas.ts`: TodoItem, CaseDetail, Notification, CalendarYear). */
export type CaseStatus = 'in_progress' | 'returned' | 'approved' | 'rejected' | 'withdrawn';
export type TodoBox = 'pending' | 'done' | 'mine';
export type CaseAction = 'approve' | 'reject' | 'return' | 'resubmit' | 'withdraw' | 'comment' | 'object' | 'resolve_objection';

export interface TodoItem {
  caseId: string;
  module: string;
  kind: string;
  title: string;
  subject: { personId: string | null; name: string; orgId: string; orgName: string };
  currentStep: { index: number; name: string; type: 'approval' | 'notice' } | null;
  status: CaseStatus;
  deadline: string | null;
  link: string;
  submittedBy: string;
  submittedAt: string;
  updatedAt: string;
}

export interface CaseDetail extends TodoItem {
  steps: { name: string; type: string; mode: string }[];
  noticeEndsOn: string | null;
  history: {
    id: string;
    step: number | null;
    stepName: string | null;
    action: string;
    actorName: string | null;
    onBehalfOfName: string | null;
    note: string | null;
    at: string;
  }[];
  objections: {
    id: string;
    text: string;
    raisedByName: string;
    raisedAt: string;
    status: 'open' | 'resolved';
    resolution: string | null;
    resolvedAt: string | null;
  }[];
  actions: CaseAction[];
}

export interface TodoCounts {
  pending: number;
  overdue: number;
  mine: number;
  unreadNotifications: number;
}

export interface Notification {
  id: string;
  kind: string;
  title: string;
  link: string | null;
  caseId: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface CalendarYear {
  year: number;
  version: number;
  holidays: string[];
  workdays: string[];
  source: string;
  note: string | null;
  updatedAt: string | null;
}
