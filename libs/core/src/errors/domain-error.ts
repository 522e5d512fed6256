// Domain errors are values with a stable code; only the HTTP filter knows
// which status a kind maps to.
export enum ErrorKind {
  INVALID = 'INVALID', // 400
  UNAUTHENTICATED = 'UNAUTHENTICATED', // 401
  FORBIDDEN = 'FORBIDDEN', // 403
  NOT_FOUND = 'NOT_FOUND', // 404
  CONFLICT = 'CONFLICT', // 409
  TOO_LARGE = 'TOO_LARGE', // 413
  RULE = 'RULE', // 422
  THROTTLED = 'THROTTLED', // 429
  UNAVAILABLE = 'UNAVAILABLE', // 503
}

export interface FieldError {
  field: string;
  message: string;
  row?: number;
  /** an imported file's column letter (field is then its header text) */
  column?: string;
  /** the API field an imported column fills */
  apiField?: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly detail: string,
    readonly kind: ErrorKind = ErrorKind.RULE,
    readonly errors: FieldError[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(`${code}: ${detail}`);
    this.name = 'DomainError';
  }

  static notFound(entity: string, id?: string): DomainError {
    return new DomainError('NOT_FOUND', id ? `${entity} ${id} was not found` : `${entity} was not found`, ErrorKind.NOT_FOUND);
  }

  static invalid(detail: string, errors: FieldError[] = [], code = 'VALIDATION_FAILED'): DomainError {
    return new DomainError(code, detail, ErrorKind.INVALID, errors);
  }

  static forbidden(detail: string, code = 'FORBIDDEN'): DomainError {
    return new DomainError(code, detail, ErrorKind.FORBIDDEN);
  }

  static conflict(code: string, detail: string): DomainError {
    return new DomainError(code, detail, ErrorKind.CONFLICT);
  }

  static rule(code: string, detail: string, errors: FieldError[] = []): DomainError {
    return new DomainError(code, detail, ErrorKind.RULE, errors);
  }

  static invalidTransition(entity: string, from: string, action: string): DomainError {
    return new DomainError('INVALID_STATE_TRANSITION', `${entity} in state ${from} cannot be ${action}`, ErrorKind.CONFLICT);
  }

  static sameMakerAndApprover(entity: string): DomainError {
    return new DomainError('SAME_MAKER_AND_APPROVER', `the maker of this ${entity} may not approve it (four-eyes rule)`, ErrorKind.FORBIDDEN);
  }
}

export function assertUnreachable(x: never): never {
  throw new Error(`unreachable: ${String(x)}`);
}

export function statusOf(kind: ErrorKind): number {
  switch (kind) {
    case ErrorKind.INVALID: return 400;
    case ErrorKind.UNAUTHENTICATED: return 401;
    case ErrorKind.FORBIDDEN: return 403;
    case ErrorKind.NOT_FOUND: return 404;
    case ErrorKind.CONFLICT: return 409;
    case ErrorKind.TOO_LARGE: return 413;
    case ErrorKind.RULE: return 422;
    case ErrorKind.THROTTLED: return 429;
    case ErrorKind.UNAVAILABLE: return 503;
    default: return assertUnreachable(kind);
  }
}
