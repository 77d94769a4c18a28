/** Amazon EC2, EC2 Query: DescribeRegions. */
import { ec2Error, ec2Result, queryList, queryParams } from "../protocol.js";
import type { EmulatorRequest, ResolvedOperation, ServiceModule } from "../types.js";
import { ServiceError } from "../types.js";
import { OPT_IN_REGIONS } from "./account.js";

const NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";

interface RegionInfo {
  regionName: string;
  regionEndpoint: string;
  optInStatus: string;
}

export const ec2Service: ServiceModule = {
  services: ["ec2"],
  protocol: "ec2-query",
  resolve(req: EmulatorRequest): ResolvedOperation {
    const params = queryParams(req);
    const action = params.get("Action");
    if (action !== "DescribeRegions") {
      throw new ServiceError(
        "InvalidAction",
        `The action ${action ?? "(none)"} is not valid for this web service.`,
        400,
      );
    }
    return {
      name: action,
      bucket: "ec2",
      handle: (ctx) => {
        const all = params.get("AllRegions") === "true";
        const names = queryList(params, "RegionName", "");
        const filters: Array<{ name: string; values: string[] }> = [];
        for (let i = 1; params.has(`Filter.${i}.Name`); i++) {
          filters.push({
            name: params.get(`Filter.${i}.Name`) ?? "",
            values: queryList(params, `Filter.${i}.Value`, ""),
          });
        }
        const infos: RegionInfo[] = [];
        const seen = new Set<string>();
        for (const r of ctx.state.regions) {
          if (seen.has(r) || ctx.state.disabledRegions.includes(r)) continue;
          seen.add(r);
          infos.push({
            regionName: r,
            regionEndpoint: `ec2.${r}.amazonaws.com`,
            optInStatus: OPT_IN_REGIONS.has(r) ? "opted-in" : "opt-in-not-required",
          });
        }
        if (all || names.length > 0) {
          for (const r of ctx.state.disabledRegions) {
            if (seen.has(r)) continue;
            seen.add(r);
            infos.push({
              regionName: r,
              regionEndpoint: `ec2.${r}.amazonaws.com`,
              optInStatus: "not-opted-in",
            });
          }
        }
        for (const n of names) {
          if (!seen.has(n)) throw new ServiceError("InvalidParameterValue", `Invalid region: ${n}`, 400);
        }
        const selected = infos
          .filter((i) => names.length === 0 || names.includes(i.regionName))
          .filter((i) =>
            filters.every((f) => {
              if (f.name === "region-name") return f.values.includes(i.regionName);
              if (f.name === "opt-in-status") return f.values.includes(i.optInStatus);
              if (f.name === "endpoint") return f.values.includes(i.regionEndpoint);
              throw new ServiceError("InvalidParameterValue", `The filter '${f.name}' is invalid`, 400);
            }),
          )
          .sort((a, b) => a.regionName.localeCompare(b.regionName));
        return ec2Result(action, { regionInfo: selected }, NAMESPACE, req);
      },
    };
  },
  renderError: (err, req) => ec2Error(err, req),
};
