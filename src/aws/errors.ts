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

/** Lambda's "the function itself is gone" (vs. "this function has no policy / no such URL"): AWS says
 * `Function not found: arn:…` for the former and "The resource you requested does not exist." otherwise. */
export function isFunctionGone(err: unknown): boolean {
  return isNotFound(err) && err instanceof Error && /^Function not found/i.test(err.message);
}

/** Credentials that work elsewhere refused by one region: the region is not enabled (an opt-in region). */
export function isRegionRefusal(err: unknown): boolean {
  const code = awsErrorCode(err);
  return code === "UnrecognizedClientException" || code === "InvalidClientTokenId" || code === "AuthFailure";
}

/** Coverage detail for a region that refused the scan's (otherwise valid) credentials. */
export function regionNotEnabled(region: string, err: unknown): string {
  return `region ${region} is not enabled for this account (it refused credentials that work elsewhere: ${awsErrorCode(err)}) — enable it (Account settings → Regions) or leave it out of --regions / the config's regions`;
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
