// The one decision for LG001–LG003: facts of a function in, exposures out. Built on src/policy; used by the
// live scan (src/aws) and every IaC flavour (src/iac), which only gather facts and place the results.
export type {
  AuthFact,
  FunctionFacts,
  PolicyFailure,
  Provenance,
  StatementFact,
  Toolchain,
  UrlFact,
} from "./facts.js";
export {
  decideExposure,
  type Exposure,
  type ExposureKind,
  type ExposureResult,
  type FixIntent,
} from "./decide.js";
export { publicUrlStatements, TOOLCHAINS, type ToolchainEntry } from "./toolchains.js";
