import { EMULATOR_STATE_SCHEMA_ID, EmulatorStateSchema, type EmulatorState } from "../state.js";
import { demoCallers } from "./callers.js";
import { DEMO_ACCOUNT_ID, DEMO_REGIONS, demoFunctionArns, demoFunctions } from "./functions.js";

/** The bundled sample account `lambda-guard demo` scans. */
/** CloudTrail events are dated relative to `now`, so they stay inside LookupEvents' 90-day window. */
export function demoAccount(now: Date = new Date()): EmulatorState {
  const callers = demoCallers(DEMO_ACCOUNT_ID, demoFunctionArns(), now);
  return EmulatorStateSchema.parse({
    schema: EMULATOR_STATE_SCHEMA_ID,
    accountId: DEMO_ACCOUNT_ID,
    regions: DEMO_REGIONS,
    disabledRegions: ["me-south-1"],
    callerArn: `arn:aws:sts::${DEMO_ACCOUNT_ID}:assumed-role/lambda-guard-scan/demo`,
    functions: demoFunctions(),
    cloudtrail: callers.cloudtrail,
    iam: callers.iam,
    simulations: callers.simulations,
  });
}
