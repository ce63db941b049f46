/** Table types of the talent module; see migration 20261129T080000-talent. */
interface Base {
  id: string;
  city_code: string;
  created_at: string;
}

export interface InstructorTable extends Base {
  person_id: string;
  grade: 'junior' | 'intermediate' | 'senior';
  /** JSON array of subject tags (警种/科目). */
  subjects: string;
  appointed_on: string;
  expires_on: string | null;
  status: 'active' | 'suspended' | 'dismissed';
  note: string | null;
  updated_at: string;
}
export interface InstructorLectureTable extends Base {
  instructor_id: string;
  date: string;
  title: string;
  subject: string | null;
  hours: number;
  audience: string | null;
}
export interface LectureReviewTable extends Base {
  lecture_id: string;
  reviewer_kind: 'trainee' | 'supervisor';
  reviewer_name: string | null;
  reviewer_user_id: string | null;
  score: number;
  comment: string | null;
}
export interface TalentCategoryTable extends Base {
  name: string;
  /** JSON array of words matched against majors, award names, competition items and instructor subjects. */
  keywords: string;
  sort_order: number;
  active: number;
  updated_at: string;
}
export interface TalentMemberTable extends Base {
  person_id: string;
  category_id: string;
  grade: 'reserve' | 'backbone' | 'expert';
  status: 'active' | 'removed';
  source: 'suggestion' | 'manual';
  /** JSON array of the records that justified the entry, as seen when it was confirmed. */
  basis: string;
  reason: string | null;
  confirmed_by: string;
  confirmed_at: string;
  removed_by: string | null;
  removed_at: string | null;
  removed_reason: string | null;
}
export interface TalentDismissalTable extends Base {
  person_id: string;
  category_id: string;
  reason: string;
  dismissed_by: string;
}
export interface CoursewareTable extends Base {
  kind: 'courseware' | 'micro_course';
  title: string;
  subject: string | null;
  summary: string | null;
  author_person_id: string;
  status: 'draft' | 'submitted' | 'approved' | 'rejected';
  file_name: string | null;
  file_type: string | null;
  file_size: number | null;
  file_sha256: string | null;
  /** Server-made name under DATA_DIR/uploads/courseware, never the user's. */
  storage_name: string | null;
  decision_note: string | null;
  decided_by: string | null;
  decided_at: string | null;
  submitted_by: string;
  updated_at: string;
}
export interface CoursewareReviewTable extends Base {
  courseware_id: string;
  reviewer_user_id: string;
  reviewer_name: string;
  score: number;
  comment: string | null;
  updated_at: string;
}

export interface TalentTables {
  instructor: InstructorTable;
  instructor_lecture: InstructorLectureTable;
  lecture_review: LectureReviewTable;
  talent_category: TalentCategoryTable;
  talent_member: TalentMemberTable;
  talent_dismissal: TalentDismissalTable;
  courseware: CoursewareTable;
  courseware_review: CoursewareReviewTable;
}
