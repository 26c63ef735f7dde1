import { createOperationFinder, type ResolvedOperation } from './find-operation';
import type { OpenApiDocument } from './openapi-document';
import { createSchemaCheck } from './schema-check';
import { applySpecExceptions, CALCOM_SPEC_EXCEPTIONS } from './spec-exceptions';
import type { SpecException } from './spec-patch';
import { type RequestToValidate, requestErrors } from './validate-request';
import { type ResponseToValidate, responseErrors } from './validate-response';

/** The OpenAPI versions whose schema dialect the validator translates. */
const SUPPORTED_OPENAPI_VERSION = /^3\.0\.\d+$/;

/** The result of one validation. */
export interface ContractValidationResult {
  /** Whether the message matches the contract. */
  readonly valid: boolean;
  /** The matched operation's `operationId`; `undefined` when no operation matches the method and path. */
  readonly operationId: string | undefined;
  /** What is wrong, one line each (never the value of the `Authorization` header). Empty when valid. */
  readonly errors: string[];
}

/** Options of {@link createContractValidator}. */
export interface ContractValidatorOptions {
  /**
   * Whether to apply {@link CALCOM_SPEC_EXCEPTIONS} (default `true`). `false` validates against the document exactly
   * as published, which is how the exceptions' own tests show what each one changes.
   */
  readonly applyExceptions?: boolean;
}

/** Checks requests and responses against Cal.com's OpenAPI document. */
export interface ContractValidator {
  /**
   * Checks a response: a documented status (200/201/204) against the operation's response schema, an error status
   * (400 and above) against Cal.com's error envelope (the document has none, see `error-envelope.ts`).
   *
   * @param response The method, path, status and body.
   * @returns The result.
   */
  validateResponse(response: ResponseToValidate): ContractValidationResult;
  /**
   * Checks a request: required headers (and the `cal-api-version` value the operation needs), the `Authorization`
   * scheme, path and query parameters (types, enums, comma lists, no undeclared names) and the JSON body.
   *
   * @param request The method, path, query, headers and body.
   * @returns The result.
   */
  validateRequest(request: RequestToValidate): ContractValidationResult;
  /**
   * Finds the operation a method and path resolve to.
   *
   * @param method The method, any case.
   * @param path The path or full URL.
   * @returns The operation, or `undefined` when none matches.
   */
  findOperation(method: string, path: string): ResolvedOperation | undefined;
  /** The spec exceptions in force (empty with `applyExceptions: false`). */
  readonly exceptions: readonly SpecException[];
}

/**
 * Creates a validator for Cal.com's OpenAPI document. Schemas are translated from OpenAPI 3.0 to JSON Schema once,
 * compiled with ajv on first use and cached per operation and status, so validating many messages is fast.
 *
 * @param spec The document, e.g. from `loadCalComSpec()`.
 * @param options Whether to apply the spec exceptions.
 * @returns The validator.
 * @throws An `Error` when the document is not OpenAPI 3.0.
 */
export function createContractValidator(
  spec: OpenApiDocument,
  options: ContractValidatorOptions = {},
): ContractValidator {
  if (!SUPPORTED_OPENAPI_VERSION.test(spec.openapi)) {
    throw new Error(
      `Unsupported OpenAPI version "${spec.openapi}": the contract validator translates OpenAPI 3.0.x documents ` +
        "(Cal.com's v2.openapi.json is 3.0.0). Pass the official Cal.com API v2 document.",
    );
  }
  const applyExceptions = options.applyExceptions ?? true;
  const document = applyExceptions ? applySpecExceptions(spec) : spec;
  const check = createSchemaCheck(document);
  const findOperation = createOperationFinder(document);

  return {
    exceptions: applyExceptions ? CALCOM_SPEC_EXCEPTIONS : [],

    findOperation(method, path) {
      const resolution = findOperation(method, path);
      return resolution.found ? resolution.resolved : undefined;
    },

    validateResponse(response) {
      const resolution = findOperation(response.method, response.path);
      if (!resolution.found) {
        return { valid: false, operationId: undefined, errors: [resolution.error] };
      }
      const errors = responseErrors(resolution, response, check);
      return { valid: errors.length === 0, operationId: resolution.resolved.operationId, errors };
    },

    validateRequest(request) {
      const resolution = findOperation(request.method, request.path);
      if (!resolution.found) {
        return { valid: false, operationId: undefined, errors: [resolution.error] };
      }
      const errors = requestErrors(resolution, request, check);
      return { valid: errors.length === 0, operationId: resolution.resolved.operationId, errors };
    },
  };
}
