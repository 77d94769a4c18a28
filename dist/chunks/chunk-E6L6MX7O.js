import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);

// src/aws/errors.ts
function awsErrorCode(err) {
  if (err && typeof err === "object") {
    const e = err;
    return e.Code ?? e.name ?? e.code ?? "Error";
  }
  return "Error";
}
function describeAwsError(err) {
  const code = awsErrorCode(err);
  const msg = err instanceof Error ? err.message : String(err);
  const firstLine = msg.split("\n")[0] ?? "";
  return firstLine && firstLine !== code ? `${code}: ${firstLine}`.slice(0, 500) : code;
}
function isNotFound(err) {
  return awsErrorCode(err) === "ResourceNotFoundException";
}
function isFunctionGone(err) {
  return isNotFound(err) && err instanceof Error && /^Function not found/i.test(err.message);
}
function isRegionRefusal(err) {
  const code = awsErrorCode(err);
  return code === "UnrecognizedClientException" || code === "InvalidClientTokenId" || code === "AuthFailure";
}
function regionNotEnabled(region, err) {
  return `region ${region} is not enabled for this account (it refused credentials that work elsewhere: ${awsErrorCode(err)}) \u2014 enable it (Account settings \u2192 Regions) or leave it out of --regions / the config's regions`;
}
function isAccessDenied(err) {
  const code = awsErrorCode(err);
  return code === "AccessDeniedException" || code === "AccessDenied" || code === "UnauthorizedOperation" || code === "UnrecognizedClientException" || code === "InvalidClientTokenId";
}

export {
  awsErrorCode,
  describeAwsError,
  isNotFound,
  isFunctionGone,
  isRegionRefusal,
  regionNotEnabled,
  isAccessDenied
};
