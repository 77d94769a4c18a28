// Pure policy analysis: parse IAM documents, evaluate requests against them, and answer the two questions the
// rules ask (is a function URL public? may a principal call lambda:ListTags?).

export {
  PolicyParseError,
  parsePolicy,
  statementLabel,
  type ConditionBlock,
  type Effect,
  type PolicyDocument,
  type PrincipalSpec,
  type Statement,
} from "./document.js";
export {
  parseConditionOperator,
  type BaseOperator,
  type OperatorFamily,
  type ParsedOperator,
} from "./operators.js";
export {
  actionMatches,
  arnMatches,
  resourceMatches,
  splitArn,
  statementCoversAction,
  wildcardMatch,
} from "./match.js";
export {
  RequestContext,
  absentKey,
  chosenKey,
  toRequestContext,
  unknownKey,
  type AbsentEntry,
  type ChosenDomain,
  type ChosenEntry,
  type ContextEntry,
  type ContextValues,
  type KeyState,
  type KnownValue,
  type UnknownEntry,
} from "./context.js";
export { isNonPublicRange, parseCidr, parseIp, type IpRange } from "./ip.js";
export {
  andOutcomes,
  describeCondition,
  evaluateCondition,
  evaluateConditionBlock,
  type ConditionOptions,
  type ConditionOutcome,
} from "./conditions.js";
export {
  assessStatements,
  decide,
  evaluate,
  principalMatches,
  statementApplies,
  statementAppliesToPrincipal,
  type Decision,
  type DecisionKind,
  type EvalRequest,
  type LabelledPolicy,
  type RequestPrincipal,
  type StatementAssessment,
  type StatementRef,
} from "./evaluate.js";
export {
  evaluateIdentity,
  findGrantingStatements,
  identityContext,
  type GrantingStatement,
  type IdentityDecision,
  type IdentityInput,
  type IdentityReason,
} from "./identity.js";
export {
  analyzeDirectInvoke,
  analyzeFunctionUrl,
  analyzeIamUrl,
  anonymousContext,
  exposureOf,
  functionArn,
  strangerContext,
  type DirectInvokeScope,
  type Exposure,
  type ExposureVerdict,
  type FunctionUrlAnalysis,
  type UrlTarget,
} from "./function-url.js";
