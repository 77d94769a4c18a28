import { ListRegionsCommand } from "@aws-sdk/client-account";
import { DescribeRegionsCommand } from "@aws-sdk/client-ec2";
import type { AwsClients } from "./clients.js";
import { describeAwsError } from "./errors.js";
import { pageGuard } from "./pages.js";

export interface RegionList {
  regions: string[];
  /** Set when the account's regions could not be listed and the scan fell back. */
  problem?: string;
}

/**
 * The account's enabled regions: Account ListRegions first (it knows opt-in status), EC2 DescribeRegions
 * when that is denied (older scan roles often allow only ec2:DescribeRegions), else the home region.
 */
export async function listEnabledRegions(clients: AwsClients): Promise<RegionList> {
  const errors: string[] = [];
  try {
    const regions: string[] = [];
    let token: string | undefined;
    const next = pageGuard("account:ListRegions", 20);
    do {
      const out = await clients.account().send(
        new ListRegionsCommand({
          RegionOptStatusContains: ["ENABLED", "ENABLED_BY_DEFAULT"],
          NextToken: token,
          MaxResults: 50,
        }),
      );
      for (const r of out.Regions ?? []) if (r.RegionName) regions.push(r.RegionName);
      token = next(out.NextToken);
    } while (token);
    return { regions: regions.sort() };
  } catch (err) {
    errors.push(`account:ListRegions: ${describeAwsError(err)}`);
  }
  try {
    const out = await clients.ec2(clients.homeRegion).send(new DescribeRegionsCommand({}));
    const regions = (out.Regions ?? []).map((r) => r.RegionName).filter((r): r is string => !!r);
    return { regions: regions.sort() };
  } catch (err) {
    errors.push(`ec2:DescribeRegions: ${describeAwsError(err)}`);
  }
  return {
    regions: [clients.homeRegion],
    problem: `could not list the account's regions (${errors.join("; ")}); scanned only ${clients.homeRegion}. Allow account:ListRegions or pass --regions.`,
  };
}
