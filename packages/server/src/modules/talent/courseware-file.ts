import fs from 'node:fs';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import type { IntakePolicy } from '../../platform/files/intake.ts';
import { receiveFile, type StoredUpload } from '../../platform/files/upload.ts';

/**
 * Courseware files (课件/微课): stored under DATA_DIR/uploads/courseware with a server-made name
 * (never the user's, never under the web root), judged by the platform intake — by their bytes,
 * with office files inflated within bounds — and capped in size while they stream in.
 */
export const COURSEWARE_MAX_BYTES = 200 * 1_048_576;

export const coursewarePolicy: IntakePolicy = {
  accept: ['pdf', 'pptx', 'docx', 'mp4'],
  maxBytes: COURSEWARE_MAX_BYTES,
  // Slides carry their pictures and videos already compressed: they inflate little.
  maxInflatedBytes: 512 * 1_048_576,
  maxRatio: 100,
};

export const coursewareDir = (ctx: AppContext) => {
  const dir = path.join(ctx.config.dataDir, 'uploads', 'courseware');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
};

export const receiveCourseware = (request: FastifyRequest, dir: string): Promise<StoredUpload> =>
  receiveFile(request, dir, coursewarePolicy, 'id');
