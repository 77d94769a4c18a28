import type { Detector } from "./types.js";
import { terraformDetector } from "./terraform/index.js";
import { cdkDetector } from "./cdk/index.js";

/**
 * The one list of detectors the engine runs. CloudFormation/SAM and Serverless detectors are added
 * here when their modules exist (src/iac/cloudformation/index.ts, src/iac/serverless/index.ts).
 */
export const DETECTORS: readonly Detector[] = [terraformDetector, cdkDetector];
