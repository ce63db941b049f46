export type TrainingKind = 'rotation' | 'spring' | 'specialty' | 'new_recruit' | 'other';
export const trainingKinds: TrainingKind[] = ['rotation', 'spring', 'specialty', 'new_recruit', 'other'];

export interface Target {
  orgIds: string[];
  ranks: string[];
  levels: string[];
  posts: string[];
  personIds: string[];
}

export interface ClassListItem {
  id: string;
  title: string;
  kind: TrainingKind;
  orgId: string;
  orgName: string;
  startDate: string;
  endDate: string;
  place: string | null;
  plannedHours: number;
  capacity: number | null;
  description: string | null;
  threshold: number;
  target: Target;
  enrolled: number;
  completed: number;
}
export interface ClassDetail extends ClassListItem {
  sessions: { id: string; date: string; title: string; hours: number; signInOpenUntil: string | null }[];
}
export interface ClassInput {
  title: string;
  kind: TrainingKind;
  orgId: string;
  startDate: string;
  endDate: string;
  place?: string;
  plannedHours: number;
  capacity?: number | null;
  description?: string;
  threshold?: number;
  target: Partial<Target>;
}
export interface RosterPerson {
  personId: string;
  name: string;
  orgName: string;
  post: string | null;
  status: 'enrolled' | 'completed';
  attendance: Record<string, { present: boolean; method: 'staff' | 'code' }>;
  attended: number;
  sessions: number;
  rate: number;
  hours: number;
  meetsThreshold: boolean;
  hoursEarned: number | null;
  completedAt: string | null;
  overrideReason: string | null;
}
export interface Roster {
  threshold: number;
  sessions: { id: string; date: string; title: string; hours: number }[];
  people: RosterPerson[];
}
export interface EvaluationSummary {
  count: number;
  content: number | null;
  teaching: number | null;
  organisation: number | null;
  comments: string[];
}
export type CoverageRule = { kind: 'classes'; classKinds: TrainingKind[]; minClasses: number } | { kind: 'hours'; minHours: number };
export interface CoverageRequirement {
  id: string;
  title: string;
  orgId: string;
  orgName: string;
  periodStart: string;
  periodEnd: string;
  target: Target;
  rule: CoverageRule;
}
export interface CoverageInput {
  title: string;
  orgId: string;
  periodStart: string;
  periodEnd: string;
  target: Partial<Target>;
  rule: CoverageRule;
}
export interface CoverageStatus {
  requirement: CoverageRequirement;
  total: number;
  covered: number;
  branches: { branchId: string; branchName: string; total: number; covered: number; missing: number; rate: number }[];
  people: {
    personId: string;
    name: string;
    orgName: string;
    post: string | null;
    branchId: string;
    branchName: string;
    covered: boolean;
    done: number;
    required: number;
  }[];
}
export interface MyClass {
  id: string;
  title: string;
  kind: TrainingKind;
  orgName: string;
  startDate: string;
  endDate: string;
  place: string | null;
  plannedHours: number;
  status: 'enrolled' | 'completed';
  hoursEarned: number | null;
  evaluated: boolean;
  attended: number;
  sessionCount: number;
  rate: number;
  hours: number;
  meetsThreshold: boolean;
  sessions: { id: string; date: string; title: string; hours: number; present: boolean; signInOpen: boolean }[];
}
export interface MyTraining {
  name: string;
  classes: MyClass[];
  trainingRecords: { date: string; course: string; hours: number; organizer: string | null }[];
}
export interface MyStudy {
  year: number;
  approvedHours: number;
  pending: number;
  records: {
    id: string;
    date: string;
    hours: number;
    title: string;
    source: 'self' | 'material';
    status: 'pending' | 'approved' | 'rejected';
    decisionNote: string | null;
  }[];
  campaigns: {
    id: string;
    title: string;
    startDate: string;
    endDate: string;
    requiredHours: number;
    myHours: number;
    completed: boolean;
  }[];
  materials: {
    id: string;
    title: string;
    kind: 'document' | 'link';
    url: string | null;
    fileName: string | null;
    hours: number;
    minReadMinutes: number;
    orgName: string;
    openedAt: string | null;
    acknowledgedAt: string | null;
  }[];
}
