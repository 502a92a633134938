import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyBaseLogger, FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import {
  DomainError,
  RetryLaterError,
  StaleWriteError,
  type DomainErrorKind,
  type ErrorDetail,
} from '@kotei/domain';
import type { ErrorBody } from '@kotei/contracts';
import { conflictOf } from '../db/database.js';

const STATUS: Record<DomainErrorKind, number> = {
  invalid_input: 400,
  unprocessable: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_many_requests: 429,
  unavailable: 503,
};

/** Turn `/sheets/0/title` into `sheets[0].title`, the way paths read in our messages. */
export function toFieldPath(context: string | undefined, instancePath: string): string {
  const path = instancePath
    .split('/')
    .filter((part) => part !== '')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce(
      (acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc === '' ? part : `${acc}.${part}`),
      '',
    );
  const prefix =
    context === 'body' || context === undefined ? '' : context === 'querystring' ? 'query' : context;
  if (prefix === '') return path === '' ? '(body)' : path;
  return path === '' ? prefix : `${prefix}.${path}`;
}

function body(code: string, message: string, details: readonly ErrorDetail[], requestId: string): ErrorBody {
  return { error: { code, message, details: [...details], requestId } };
}

/**
 * The one error handler: deliberate errors keep their code; validation errors list each field; anything
 * unexpected is a 500 whose body says nothing of the internals (the log has it, under the request id).
 */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const deliberate = error instanceof DomainError ? error : conflictOf(error);
  if (deliberate !== null) {
    if (deliberate instanceof RetryLaterError) {
      void reply.header('retry-after', String(deliberate.retryAfterSeconds));
    }
    const sent = body(deliberate.code, deliberate.message, deliberate.details, request.id);
    // A stale write answers with what now stands, so the writer can merge instead of losing their text.
    return reply
      .status(STATUS[deliberate.kind])
      .send(deliberate instanceof StaleWriteError ? { ...sent, current: deliberate.current } : sent);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    // The library types each issue loosely; these two fields are always present.
    const issues = error.validation as unknown as readonly { instancePath: string; message: string }[];
    const details = issues.map((issue) => ({
      path: toFieldPath(error.validationContext, issue.instancePath),
      message: issue.message,
    }));
    const where = details.map((d) => d.path).join(', ');
    return reply
      .status(400)
      .send(body('invalid_input', `The request is not valid: ${where}`, details, request.id));
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    // Fastify's own client errors: malformed JSON, wrong content type, body too large …
    const code =
      status === 415 ? 'unsupported_media_type' : status === 413 ? 'payload_too_large' : 'bad_request';
    return reply.status(status).send(body(code, error.message, [], request.id));
  }
  request.log.error({ err: error }, 'unexpected error');
  return reply
    .status(500)
    .send(
      body(
        'internal_error',
        `Something went wrong on our side; quote request id ${request.id}`,
        [],
        request.id,
      ),
    );
}

/**
 * Fastify's errors before routing (a URL that does not decode): the same shape as every other error, instead
 * of Fastify's own body.
 */
export function handleFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const code = error.code === 'FST_ERR_BAD_URL' ? 'bad_url' : 'bad_request';
  const message = code === 'bad_url' ? 'The URL is not valid percent-encoded UTF-8' : error.message;
  void reply.status(error.statusCode ?? 400).send(body(code, message, [], request.id));
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (an oversized header, a malformed request
 * line): answered on the socket in the error shape, with a request id the log also has.
 */
export function makeClientErrorHandler(
  log: () => FastifyBaseLogger | null,
): (error: Error & { code?: string }, socket: Socket) => void {
  return (error, socket) => {
    // A reset connection has nobody left to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const [status, code, message] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'header_too_large', 'The request headers are too large']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'request_timeout', 'The request took too long to arrive']
          : [400, 'bad_request', 'The request could not be read as HTTP'];
    const requestId = randomUUID();
    log()?.info({ err: error, requestId }, 'client error');
    if (socket.writable) {
      const json = JSON.stringify(body(code, message, [], requestId));
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\n` +
          `Content-Length: ${Buffer.byteLength(json)}\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${json}`,
      );
    }
    socket.destroy(error);
  };
}
