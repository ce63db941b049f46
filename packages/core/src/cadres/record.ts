/**
 * What promotion rules read of a person: current values and the dated record lines that
 * personnel keeps (grade and rank history, appraisal, discipline, awards, training).
 */
export interface GradeLine {
  readonly sequence: string;
  readonly level: string;
  readonly startDate: string;
  readonly endDate: string | null;
}
export interface RankLine {
  readonly rank: string;
  readonly startDate: string;
}
export interface AppraisalRecord {
  readonly year: number;
  readonly grade: string;
}
export interface DisciplineRecord {
  readonly date: string;
  readonly kind: string;
  readonly endDate: string | null;
}
export interface AwardRecord {
  readonly date: string;
  readonly level: string | null;
  readonly name: string;
}
export interface TrainingRecordLite {
  readonly date: string;
  readonly course: string;
}

export interface CadreSubject {
  readonly id: string;
  readonly officerLevel: string | null;
  readonly techLevel: string | null;
  /** 职级任职时间: when the current grade started (authoritative over the history line). */
  readonly levelDate: string | null;
  readonly rank: string | null;
  readonly rankDate: string | null;
  readonly workStartDate: string | null;
  readonly policeStartDate: string | null;
  readonly levels: readonly GradeLine[];
  readonly ranks: readonly RankLine[];
  readonly appraisals: readonly AppraisalRecord[];
  readonly disciplines: readonly DisciplineRecord[];
  readonly awards: readonly AwardRecord[];
  readonly trainings: readonly TrainingRecordLite[];
}
