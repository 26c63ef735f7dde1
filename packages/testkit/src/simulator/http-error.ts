import { reasonPhrase } from '../fixtures/errors';

/** A class-validator error as Cal.com's `ValidationPipe` reports it in `error.details.errors`. */
export interface ValidationIssue {
  property: string;
  value?: unknown;
  constraints?: Record<string, string>;
  children: ValidationIssue[];
}

/** An HTTP exception thrown by a route handler; the simulator turns it into Cal.com's error envelope. */
export class SimulatorHttpError extends Error {
  /** HTTP status. */
  readonly status: number;
  /** Exception class name written to `error.code`. */
  readonly code: string;
  /** `error.details`. */
  readonly details: unknown;

  /**
   * Creates the exception.
   *
   * @param status The HTTP status.
   * @param code The exception class name.
   * @param message The message.
   * @param details The details; defaults to Nest's `{ message, error, statusCode }`.
   */
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'SimulatorHttpError';
    this.status = status;
    this.code = code;
    this.details = details === undefined ? { message, error: reasonPhrase(status), statusCode: status } : details;
  }
}

/**
 * Creates a 400 `BadRequestException`.
 *
 * @param message The message.
 * @returns The exception to throw.
 */
export function badRequestError(message: string): SimulatorHttpError {
  return new SimulatorHttpError(400, 'BadRequestException', message);
}

/**
 * Creates the 400 validation exception with class-validator issues.
 *
 * @param issues The failing properties.
 * @returns The exception to throw.
 */
export function validationError(issues: ValidationIssue[]): SimulatorHttpError {
  return new SimulatorHttpError(400, 'BadRequestException', 'Bad Request Exception', { errors: issues });
}

/**
 * Creates a 401 `UnauthorizedException`.
 *
 * @param message The message.
 * @returns The exception to throw.
 */
export function unauthorizedError(message: string): SimulatorHttpError {
  return new SimulatorHttpError(401, 'UnauthorizedException', message);
}

/**
 * Creates a 403 `ForbiddenException`.
 *
 * @param message The message.
 * @returns The exception to throw.
 */
export function forbiddenError(message: string): SimulatorHttpError {
  return new SimulatorHttpError(403, 'ForbiddenException', message);
}

/**
 * Creates a 404 `NotFoundException`.
 *
 * @param message The message.
 * @returns The exception to throw.
 */
export function notFoundError(message: string): SimulatorHttpError {
  return new SimulatorHttpError(404, 'NotFoundException', message);
}

/**
 * Creates a 409 `ConflictException`.
 *
 * @param message The message.
 * @returns The exception to throw.
 */
export function conflictError(message: string): SimulatorHttpError {
  return new SimulatorHttpError(409, 'ConflictException', message);
}
