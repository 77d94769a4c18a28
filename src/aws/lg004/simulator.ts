/**
 * `--confirm-with-simulator`: asks `iam:SimulatePrincipalPolicy` about each flagged principal (its answer
 * includes the Organizations/SCP part of the decision), paced gently on its own bucket. Disagreements with the
 * scan's own evaluation are reported, not hidden.
 */
import { SimulatePrincipalPolicyCommand, type EvaluationResult } from "@aws-sdk/client-iam";
import type { AwsClients } from "../clients.js";
import { describeAwsError } from "../errors.js";
import { pageGuard } from "../pages.js";

export interface SimulatedDecision {
  decision: "allowed" | "explicitDeny" | "implicitDeny";
  allowedByOrganizations?: boolean;
  missingContextValues: string[];
}

export interface SimulatorResult {
  decisions: Map<string, SimulatedDecision>;
  error?: string;
}

/** ResourceArns per call: keeps each request small. */
const CHUNK = 50;

export async function simulateListTags(
  clients: AwsClients,
  principalArn: string,
  resources: readonly string[],
  opts: { action?: string } = {},
): Promise<SimulatorResult> {
  const iam = clients.iam();
  const decisions = new Map<string, SimulatedDecision>();
  const action = opts.action ?? "lambda:ListTags";
  for (let i = 0; i < resources.length; i += CHUNK) {
    const chunk = resources.slice(i, i + CHUNK);
    let marker: string | undefined;
    const next = pageGuard("iam:SimulatePrincipalPolicy", 100);
    for (;;) {
      // Paced and retried by the client (clients.ts).
      let out;
      try {
        out = await iam.send(
          new SimulatePrincipalPolicyCommand({
            PolicySourceArn: principalArn,
            ActionNames: [action],
            ResourceArns: chunk,
            ...(marker ? { Marker: marker } : {}),
          }),
        );
      } catch (err) {
        return { decisions, error: describeAwsError(err) };
      }
      for (const r of out.EvaluationResults ?? []) record(decisions, r);
      if (!out.IsTruncated || !out.Marker) break;
      try {
        marker = next(out.Marker);
      } catch (err) {
        return { decisions, error: describeAwsError(err) };
      }
    }
  }
  return { decisions };
}

function record(decisions: Map<string, SimulatedDecision>, r: EvaluationResult): void {
  const decision = r.EvalDecision as SimulatedDecision["decision"] | undefined;
  if (!decision) return;
  const entry: SimulatedDecision = {
    decision,
    missingContextValues: r.MissingContextValues ?? [],
    ...(r.OrganizationsDecisionDetail?.AllowedByOrganizations !== undefined
      ? { allowedByOrganizations: r.OrganizationsDecisionDetail.AllowedByOrganizations }
      : {}),
  };
  if (r.EvalResourceName) decisions.set(r.EvalResourceName, entry);
  for (const s of r.ResourceSpecificResults ?? []) {
    if (!s.EvalResourceName || !s.EvalResourceDecision) continue;
    decisions.set(s.EvalResourceName, {
      ...entry,
      decision: s.EvalResourceDecision as SimulatedDecision["decision"],
    });
  }
}
