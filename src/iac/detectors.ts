import type { Detector } from "./types.js";
import { terraformDetector } from "./terraform/index.js";
import { cdkDetector } from "./cdk/index.js";
import { cloudformationDetector } from "./cloudformation/index.js";
import { serverlessDetector } from "./serverless/index.js";

/** The one list of detectors the engine runs, in report order. */
export const DETECTORS: readonly Detector[] = [
  terraformDetector,
  cloudformationDetector,
  serverlessDetector,
  cdkDetector,
];
