import { formatMessage, pickLocale, platformErrors, type PlatformErrorCode } from '@zhenggong/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './app-error.ts';

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: PlatformErrorCode,
  details?: Record<string, unknown> | unknown[],
): FastifyReply {
  const entry = platformErrors[code];
  const locale = pickLocale(request.headers['accept-language']);
  const message = formatMessage(entry[locale], Array.isArray(details) ? undefined : details);
  return reply.status(entry.status).send({ error: { code, message, ...(details === undefined ? {} : { details }) } });
}

const fastifyCodes: Record<string, PlatformErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
};

/** Every failure leaves as `{ error: { code, message, details } }`, localised by Accept-Language. */
export function errorHandler(error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof AppError) return sendError(request, reply, error.code, error.details);
  if (error.validation) {
    const details = error.validation.map((v) => ({
      path: `${error.validationContext ?? ''}${v.instancePath}`,
      rule: v.keyword,
      params: v.params,
    }));
    return sendError(request, reply, 'VALIDATION_FAILED', details);
  }
  const mapped = error.code ? fastifyCodes[error.code] : undefined;
  if (mapped) return sendError(request, reply, mapped);
  if (error.statusCode === 429) return sendError(request, reply, 'RATE_LIMITED');
  if (error instanceof SyntaxError || error.statusCode === 400) return sendError(request, reply, 'INVALID_JSON');
  request.log.error({ err: error }, 'unhandled error');
  return sendError(request, reply, 'INTERNAL');
}
