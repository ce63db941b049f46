import { Type, type Static } from '@sinclair/typebox';
import { Id, PageQuery, Strict } from '../schemas/common.ts';

/** Request shapes of the talent module: instructors (教官库), talent pool (警务人才库), courseware (课件/微课). */
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10 });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 30 }), { maxItems: 20, uniqueItems: true });

export const InstructorGrade = Type.Union([Type.Literal('junior'), Type.Literal('intermediate'), Type.Literal('senior')]);
export type InstructorGrade = Static<typeof InstructorGrade>;
export const InstructorStatus = Type.Union([Type.Literal('active'), Type.Literal('suspended'), Type.Literal('dismissed')]);

export const CreateInstructorBody = Strict({
  personId: Id,
  grade: InstructorGrade,
  subjects: Tags,
  appointedOn: Day,
  expiresOn: Type.Optional(Type.Union([Day, Type.Null()])),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
export type CreateInstructorBody = Static<typeof CreateInstructorBody>;

export const UpdateInstructorBody = Strict({
  grade: Type.Optional(InstructorGrade),
  subjects: Type.Optional(Tags),
  appointedOn: Type.Optional(Day),
  expiresOn: Type.Optional(Type.Union([Day, Type.Null()])),
  status: Type.Optional(InstructorStatus),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
export type UpdateInstructorBody = Static<typeof UpdateInstructorBody>;

export const InstructorQuery = Strict({
  ...PageQuery,
  q: Type.Optional(Type.String({ maxLength: 50 })),
  grade: Type.Optional(InstructorGrade),
  status: Type.Optional(Type.Union([InstructorStatus, Type.Literal('expired')])),
  subject: Type.Optional(Type.String({ maxLength: 30 })),
  orgId: Type.Optional(Id),
});
export type InstructorQuery = Static<typeof InstructorQuery>;

export const CreateLectureBody = Strict({
  date: Day,
  title: Text(200),
  subject: Type.Optional(Type.String({ maxLength: 30 })),
  hours: Type.Number({ exclusiveMinimum: 0, maximum: 24 }),
  audience: Type.Optional(Type.String({ maxLength: 200 })),
});
export type CreateLectureBody = Static<typeof CreateLectureBody>;

export const LectureReviewBody = Strict({
  reviewerKind: Type.Union([Type.Literal('trainee'), Type.Literal('supervisor')]),
  reviewerName: Type.Optional(Type.String({ maxLength: 50 })),
  score: Type.Integer({ minimum: 0, maximum: 100 }),
  comment: Type.Optional(Type.String({ maxLength: 500 })),
});
export type LectureReviewBody = Static<typeof LectureReviewBody>;

export const TalentGrade = Type.Union([Type.Literal('reserve'), Type.Literal('backbone'), Type.Literal('expert')]);
export type TalentGrade = Static<typeof TalentGrade>;

export const CategoryBody = Strict({
  name: Text(50),
  keywords: Tags,
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 9999 })),
  active: Type.Optional(Type.Boolean()),
});
export type CategoryBody = Static<typeof CategoryBody>;
export const UpdateCategoryBody = Type.Partial(CategoryBody, { additionalProperties: false });
export type UpdateCategoryBody = Static<typeof UpdateCategoryBody>;

export const MemberQuery = Strict({
  ...PageQuery,
  categoryId: Type.Optional(Id),
  grade: Type.Optional(TalentGrade),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('removed')])),
  q: Type.Optional(Type.String({ maxLength: 50 })),
});
export type MemberQuery = Static<typeof MemberQuery>;

export const AddMemberBody = Strict({ personId: Id, categoryId: Id, grade: TalentGrade, reason: Text(500) });
export type AddMemberBody = Static<typeof AddMemberBody>;
export const ConfirmSuggestionBody = Strict({
  personId: Id,
  categoryId: Id,
  grade: TalentGrade,
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
export type ConfirmSuggestionBody = Static<typeof ConfirmSuggestionBody>;
export const DismissSuggestionBody = Strict({ personId: Id, categoryId: Id, reason: Text(500) });
export type DismissSuggestionBody = Static<typeof DismissSuggestionBody>;
export const RemoveMemberBody = Strict({ reason: Text(500) });
export const UpdateMemberGradeBody = Strict({ grade: TalentGrade, reason: Text(500) });

export const SuggestionQuery = Strict({ categoryId: Type.Optional(Id) });

export const CoursewareKind = Type.Union([Type.Literal('courseware'), Type.Literal('micro_course')]);
export const CoursewareBody = Strict({
  kind: CoursewareKind,
  title: Text(200),
  subject: Type.Optional(Type.String({ maxLength: 30 })),
  authorPersonId: Id,
  summary: Type.Optional(Type.String({ maxLength: 1000 })),
});
export type CoursewareBody = Static<typeof CoursewareBody>;
export const CoursewareQuery = Strict({
  ...PageQuery,
  kind: Type.Optional(CoursewareKind),
  status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('submitted'), Type.Literal('approved'), Type.Literal('rejected')])),
});
export type CoursewareQuery = Static<typeof CoursewareQuery>;
export const CoursewareReviewBody = Strict({
  score: Type.Integer({ minimum: 0, maximum: 100 }),
  comment: Type.Optional(Type.String({ maxLength: 500 })),
});
export type CoursewareReviewBody = Static<typeof CoursewareReviewBody>;
export const CoursewareDecisionBody = Strict({
  decision: Type.Union([Type.Literal('approved'), Type.Literal('rejected')]),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
export type CoursewareDecisionBody = Static<typeof CoursewareDecisionBody>;

export const PersonIdParams = Strict({ personId: Id });
export const LectureParams = Strict({ id: Id, lectureId: Id });
