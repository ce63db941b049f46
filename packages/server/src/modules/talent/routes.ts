import fs from 'node:fs';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AddMemberBody,
  CategoryBody,
  ConfirmSuggestionBody,
  CoursewareBody,
  CoursewareQuery,
  CoursewareReviewBody,
  CreateInstructorBody,
  CreateLectureBody,
  DismissSuggestionBody,
  IdParams,
  InstructorQuery,
  LectureParams,
  LectureReviewBody,
  MemberQuery,
  RemoveMemberBody,
  SuggestionQuery,
  UpdateCategoryBody,
  UpdateInstructorBody,
  UpdateMemberGradeBody,
} from '@zhenggong/core';
import type { FastifyInstance } from 'fastify';
import { actorOf, principalOf, scopeOf } from '../../platform/http/request-context.ts';
import { attachment, XLSX_MIME } from '../../platform/files/attachment.ts';
import { COURSEWARE_MAX_BYTES, coursewareDir, receiveCourseware } from './courseware-file.ts';
import {
  attachFile,
  coursewareOr404,
  createCourseware,
  getCourseware,
  listCourseware,
  openFile,
  reviewCourseware,
} from './courseware-service.ts';
import './courseware-workflow.ts';
import { exportInstructors } from './instructor-export.ts';
import { addLecture, addLectureReview, createInstructor, getInstructor, listInstructors, updateInstructor } from './instructor-service.ts';
import {
  addDefaultCategories,
  addMember,
  confirmSuggestion,
  createCategory,
  dismissSuggestion,
  listCategories,
  listMembers,
  listSuggestions,
  regradeMember,
  removeMember,
  updateCategory,
} from './pool-service.ts';

const read = { permission: 'talent:read' };
const write = { permission: 'talent:write' };

/** Instructors (教官库), the talent pool (警务人才库) and courseware (课件/微课), mounted at /api/v1/talent. */
export async function talentRoutes(app: FastifyInstance): Promise<void> {
  // Scoped to this plugin: only the courseware upload takes a multipart body.
  await app.register(multipart, { limits: { fileSize: COURSEWARE_MAX_BYTES, files: 1, fields: 0, parts: 1 } });
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['talent'];
  const ctx = app.ctx;
  const created = <T>(reply: { status(n: number): { send(v: T): unknown } }, v: T) => reply.status(201).send(v);

  r.get('/instructors', {
    schema: { tags, querystring: InstructorQuery },
    config: read,
    handler: async (req) => listInstructors(ctx, await scopeOf(req), req.query),
  });
  r.get('/instructors/export.xlsx', {
    schema: { tags, querystring: InstructorQuery, produces: [XLSX_MIME] },
    config: { ...read, sensitive: true },
    handler: async (req, reply) => {
      const file = await exportInstructors(ctx, await scopeOf(req), actorOf(req), req.query);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment('instructors.xlsx', '教官库.xlsx'))
        .header('cache-control', 'no-store')
        .send(file);
    },
  });
  r.post('/instructors', {
    schema: { tags, body: CreateInstructorBody },
    config: write,
    handler: async (req, reply) => created(reply, await createInstructor(ctx, await scopeOf(req), actorOf(req), req.body)),
  });
  r.get('/instructors/:id', {
    schema: { tags, params: IdParams },
    config: read,
    handler: async (req) => getInstructor(ctx, await scopeOf(req), req.params.id),
  });
  r.patch('/instructors/:id', {
    schema: { tags, params: IdParams, body: UpdateInstructorBody },
    config: write,
    handler: async (req) => updateInstructor(ctx, await scopeOf(req), actorOf(req), req.params.id, req.body),
  });
  r.post('/instructors/:id/lectures', {
    schema: { tags, params: IdParams, body: CreateLectureBody },
    config: write,
    handler: async (req, reply) => created(reply, await addLecture(ctx, await scopeOf(req), actorOf(req), req.params.id, req.body)),
  });
  r.post('/instructors/:id/lectures/:lectureId/reviews', {
    schema: { tags, params: LectureParams, body: LectureReviewBody },
    config: write,
    handler: async (req, reply) =>
      created(reply, await addLectureReview(ctx, await scopeOf(req), actorOf(req), req.params.id, req.params.lectureId, req.body)),
  });

  r.get('/categories', { schema: { tags }, config: read, handler: async () => listCategories(ctx) });
  r.post('/categories', {
    schema: { tags, body: CategoryBody },
    config: write,
    handler: async (req, reply) => created(reply, await createCategory(ctx, await scopeOf(req), actorOf(req), req.body)),
  });
  r.post('/categories/defaults', {
    schema: { tags },
    config: write,
    handler: async (req) => addDefaultCategories(ctx, await scopeOf(req), actorOf(req)),
  });
  r.patch('/categories/:id', {
    schema: { tags, params: IdParams, body: UpdateCategoryBody },
    config: write,
    handler: async (req) => updateCategory(ctx, await scopeOf(req), actorOf(req), req.params.id, req.body),
  });

  r.get('/suggestions', {
    schema: { tags, querystring: SuggestionQuery },
    config: write,
    handler: async (req) => listSuggestions(ctx, await scopeOf(req), req.query.categoryId),
  });
  r.post('/suggestions/confirm', {
    schema: { tags, body: ConfirmSuggestionBody },
    config: write,
    handler: async (req, reply) => created(reply, await confirmSuggestion(ctx, await scopeOf(req), actorOf(req), req.body)),
  });
  r.post('/suggestions/dismiss', {
    schema: { tags, body: DismissSuggestionBody },
    config: write,
    handler: async (req, reply) => {
      await dismissSuggestion(ctx, await scopeOf(req), actorOf(req), req.body);
      return reply.status(204).send();
    },
  });
  r.get('/members', {
    schema: { tags, querystring: MemberQuery },
    config: read,
    handler: async (req) => listMembers(ctx, await scopeOf(req), req.query),
  });
  r.post('/members', {
    schema: { tags, body: AddMemberBody },
    config: write,
    handler: async (req, reply) => created(reply, await addMember(ctx, await scopeOf(req), actorOf(req), req.body)),
  });
  r.post('/members/:id/remove', {
    schema: { tags, params: IdParams, body: RemoveMemberBody },
    config: write,
    handler: async (req, reply) => {
      await removeMember(ctx, await scopeOf(req), actorOf(req), req.params.id, req.body.reason);
      return reply.status(204).send();
    },
  });
  r.post('/members/:id/grade', {
    schema: { tags, params: IdParams, body: UpdateMemberGradeBody },
    config: write,
    handler: async (req, reply) => {
      await regradeMember(ctx, await scopeOf(req), actorOf(req), req.params.id, req.body.grade, req.body.reason);
      return reply.status(204).send();
    },
  });

  r.get('/courseware', {
    schema: { tags, querystring: CoursewareQuery },
    config: read,
    handler: async (req) => listCourseware(ctx, await scopeOf(req), req.query),
  });
  r.post('/courseware', {
    schema: { tags, body: CoursewareBody },
    config: write,
    handler: async (req, reply) => created(reply, await createCourseware(ctx, await scopeOf(req), actorOf(req), req.body)),
  });
  r.get('/courseware/:id', {
    schema: { tags, params: IdParams },
    config: read,
    handler: async (req) => getCourseware(ctx, await scopeOf(req), req.params.id),
  });
  r.post('/courseware/:id/file', {
    schema: { tags, params: IdParams, consumes: ['multipart/form-data'] },
    config: write,
    handler: async (req) => {
      const scope = await scopeOf(req);
      // Checked before the upload is read: out of scope answers 404 whatever was sent.
      await coursewareOr404(ctx.db, scope, req.params.id);
      const upload = await receiveCourseware(req, coursewareDir(ctx));
      return attachFile(ctx, scope, actorOf(req), req.params.id, upload);
    },
  });
  r.get('/courseware/:id/file', {
    schema: { tags, params: IdParams },
    config: { ...read, auditView: { eventType: 'courseware.download', objectType: 'courseware' } },
    handler: async (req, reply) => {
      const f = await openFile(ctx, await scopeOf(req), req.params.id);
      return reply
        .type(f.mime)
        .header(
          'content-disposition',
          attachment(`courseware${f.fileName.slice(f.fileName.lastIndexOf('.'))}`.replace(/[^\w.-]/g, ''), f.fileName),
        )
        .header('cache-control', 'private, no-store')
        .send(fs.createReadStream(f.path));
    },
  });
  r.post('/courseware/:id/reviews', {
    schema: { tags, params: IdParams, body: CoursewareReviewBody },
    config: write,
    handler: async (req) => reviewCourseware(ctx, await scopeOf(req), actorOf(req), principalOf(req).displayName, req.params.id, req.body),
  });
  // Accept or reject is a workflow action on the submission's case (/api/v1/workflow/cases/:caseId/…); see courseware-workflow.ts.
}
