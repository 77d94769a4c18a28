export function partitionOf(arn: string): string {
  return arn.split(":")[1] || "aws";
}

export function functionArn(partition: string, region: string, accountId: string, name: string): string {
  return `arn:${partition}:lambda:${region}:${accountId}:function:${name}`;
}

/** Splits `arn:…:function:name[:qualifier]` into its unqualified ARN and qualifier. */
export function splitFunctionArn(arn: string): { arn: string; name: string; qualifier: string | null } {
  const parts = arn.split(":");
  const name = parts[6] ?? "";
  const qualifier = parts[7] ?? null;
  return { arn: parts.slice(0, 7).join(":"), name, qualifier: qualifier === "$LATEST" ? null : qualifier };
}
