/**
 * Every GitHub API call the Action and the app make gets a deadline: Octokit's fetch has none of its own, so a
 * connection GitHub (or a proxy) accepts and never answers would hold a check run or a fix pull request
 * forever. The retries stay Octokit's (the app's retry and throttling plugins); this bounds each request.
 * Shared here because the hand-off's two sides (src/action, src/app) both talk to GitHub.
 */
export const GITHUB_REQUEST_TIMEOUT_MS = 30_000;

/** `base` (default: the global fetch, looked up per call) with a deadline on every request. */
export function fetchWithDeadline(base?: typeof fetch, ms = GITHUB_REQUEST_TIMEOUT_MS): typeof fetch {
  return (input, init) => {
    const deadline = AbortSignal.timeout(ms);
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    return (base ?? globalThis.fetch)(input, { ...init, signal });
  };
}
