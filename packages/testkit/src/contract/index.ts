export { bundledSpecPath } from './bundled-spec';
export {
  type ContractValidationResult,
  type ContractValidator,
  type ContractValidatorOptions,
  createContractValidator,
} from './contract-validator';
export { BARE_INTERNAL_SERVER_ERROR_SCHEMA, ERROR_ENVELOPE_SCHEMA } from './error-envelope';
export type { ResolvedOperation } from './find-operation';
export { CAL_COM_OPENAPI_PATH_VARIABLE, type LoadCalComSpecOptions, loadCalComSpec } from './load-spec';
export type {
  OpenApiContent,
  OpenApiDocument,
  OpenApiOperation,
  OpenApiParameter,
  OpenApiSchema,
} from './openapi-document';
export type { HeadersInput, QueryInput } from './parameter-values';
export { CALCOM_SPEC_EXCEPTIONS } from './spec-exceptions';
export type { SpecException } from './spec-patch';
export {
  type CalComSpecProvenance,
  type CalComSpecSource,
  calComSpecProvenance,
  UNKNOWN_PROVENANCE_VALUE,
} from './spec-provenance';
export type { RequestToValidate } from './validate-request';
export type { ResponseToValidate } from './validate-response';
