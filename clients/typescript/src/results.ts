// Turning openapi-fetch's `{ data, error, response }` into a value or an exception, keeping the generated types.

/** A call that did not succeed: its HTTP status and the problem+json body the service answered. */
export class ApiError extends Error {
  constructor(
    readonly what: string,
    readonly status: number,
    readonly problem: unknown,
  ) {
    super(`${what}: HTTP ${status}${describeProblem(problem)}`);
    this.name = "ApiError";
  }
}

/** What every openapi-fetch call answers (FetchResponse), seen from the caller's side. */
export interface CallResult<T> {
  readonly data?: T;
  readonly error?: unknown;
  readonly response: Response;
}

/** The body of a successful answer, typed as the contract declares it; throws ApiError otherwise. */
export function ok<T>(what: string, result: CallResult<T>): T {
  if (result.error !== undefined || !result.response.ok) {
    throw new ApiError(what, result.response.status, result.error);
  }
  if (result.data === undefined) {
    throw new ApiError(what, result.response.status, "the answer has no body");
  }
  return result.data;
}

/** For answers without a body (204): throws ApiError unless the call succeeded. */
export function succeeded(what: string, result: CallResult<unknown>): void {
  if (result.error !== undefined || !result.response.ok) {
    throw new ApiError(what, result.response.status, result.error);
  }
}

/** The strong ETag of a resource, to send back in If-Match with the next change. */
export function etagOf(what: string, response: Response): string {
  const etag = response.headers.get("ETag");
  if (etag === null || etag === "") {
    throw new ApiError(what, response.status, "the answer has no ETag header");
  }
  return etag;
}

function describeProblem(problem: unknown): string {
  if (typeof problem === "string") {
    return `: ${problem}`;
  }
  if (typeof problem !== "object" || problem === null) {
    return "";
  }
  const parts: string[] = [];
  if ("title" in problem && typeof problem.title === "string") {
    parts.push(problem.title);
  }
  if ("detail" in problem && typeof problem.detail === "string") {
    parts.push(problem.detail);
  }
  if ("violations" in problem && Array.isArray(problem.violations)) {
    parts.push(JSON.stringify(problem.violations));
  }
  return parts.length === 0 ? "" : `: ${parts.join(" — ")}`;
}
