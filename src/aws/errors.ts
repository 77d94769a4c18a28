/** AWS SDK errors carry `name` (the AWS error code) and `$metadata.httpStatusCode`. */
export function awsErrorCode(err: unknown): string {
  if (err && typeof err === "object") {
    const e = err as { name?: string; Code?: string; code?: string };
    return e.Code ?? e.name ?? e.code ?? "Error";
  }
  return "Error";
}

/** "AccessDeniedException: User … is not authorized …" — for coverage details; never includes credentials. */
export function describeAwsError(err: unknown): string {
  const code = awsErrorCode(err);
  const msg = err instanceof Error ? err.message : String(err);
  const firstLine = msg.split("\n")[0] ?? "";
  return firstLine && firstLine !== code ? `${code}: ${firstLine}`.slice(0, 500) : code;
}

export function isNotFound(err: unknown): boolean {
  return awsErrorCode(err) === "ResourceNotFoundException";
}

export function isAccessDenied(err: unknown): boolean {
  const code = awsErrorCode(err);
  return (
    code === "AccessDeniedException" ||
    code === "AccessDenied" ||
    code === "UnauthorizedOperation" ||
    code === "UnrecognizedClientException" ||
    code === "InvalidClientTokenId"
  );
}
