/** Every emulated service. To add one, implement ServiceModule (../types.ts) and list it here. */
import type { ServiceModule } from "../types.js";
import { accountService } from "./account.js";
import { cloudtrailService } from "./cloudtrail.js";
import { ec2Service } from "./ec2.js";
import { iamService } from "./iam.js";
import { lambdaService } from "./lambda.js";
import { securityHubService } from "./securityhub.js";
import { organizationsService } from "./organizations.js";
import { stsService } from "./sts.js";

export const SERVICES: ServiceModule[] = [
  lambdaService,
  stsService,
  accountService,
  ec2Service,
  cloudtrailService,
  iamService,
  securityHubService,
  organizationsService,
];
