/** The SigV4 credential scope of a request: who signed it, for which region and service. No signature check. */
import type { IncomingHttpHeaders } from "node:http";

export interface CredentialScope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Parse `AKID/DATE/REGION/SERVICE/aws4_request` (SigV4) or `AKID/DATE/SERVICE/aws4_request` (SigV4a). */
export function parseCredential(credential: string, regionSet?: string): CredentialScope | undefined {
  const parts = credential.trim().split("/");
  if (parts.at(-1) !== "aws4_request") return undefined;
  if (parts.length === 5) {
    const [accessKeyId, date, region, service] = parts as [string, string, string, string, string];
    if (!accessKeyId || !region || !service) return undefined;
    return { accessKeyId, date, region, service };
  }
  if (parts.length === 4 && regionSet) {
    const [accessKeyId, date, service] = parts as [string, string, string, string];
    const region = regionSet.split(",")[0]?.trim();
    if (!accessKeyId || !service || !region || region === "*") return undefined;
    return { accessKeyId, date, region, service };
  }
  return undefined;
}

/**
 * The credential scope from the `Authorization` header (`AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…,
 * Signature=…`) or a presigned URL's `X-Amz-Credential`; undefined when the request is not SigV4-signed.
 */
export function credentialScope(
  headers: IncomingHttpHeaders,
  query: URLSearchParams,
): CredentialScope | undefined {
  const regionSet = header(headers, "x-amz-region-set") ?? query.get("X-Amz-Region-Set") ?? undefined;
  const auth = header(headers, "authorization");
  if (auth) {
    const m = /^AWS4-(?:HMAC-SHA256|ECDSA-P256-SHA256)\s+.*?Credential=([^,\s]+)/.exec(auth.trim());
    return m?.[1] ? parseCredential(m[1], regionSet) : undefined;
  }
  const presigned = query.get("X-Amz-Credential");
  return presigned ? parseCredential(presigned, regionSet) : undefined;
}
