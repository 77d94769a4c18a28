import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  defaultProvider
} from "./chunk-2JWLIWBS.js";
import {
  AwsJson1_1Protocol,
  AwsSdkSigV4Signer,
  NODE_AUTH_SCHEME_PREFERENCE_OPTIONS,
  resolveAwsSdkSigV4Config
} from "./chunk-JOPDVS7U.js";
import {
  Sha256Node
} from "./chunk-T5AN75SP.js";
import {
  DEFAULT_RETRY_MODE,
  DefaultIdentityProviderConfig,
  NODE_APP_ID_CONFIG_OPTIONS,
  NODE_MAX_ATTEMPT_CONFIG_OPTIONS,
  NODE_RETRY_MODE_CONFIG_OPTIONS,
  awsEndpointFunctions,
  createDefaultUserAgentProvider,
  emitWarningIfUnsupportedVersion,
  getAwsRegionExtensionConfiguration,
  getDefaultSocketTimeout,
  getHostHeaderPlugin,
  getHttpAuthSchemeEndpointRuleSetPlugin,
  getHttpSigningPlugin,
  getLoggerPlugin,
  getRecursionDetectionPlugin,
  getRetryPlugin,
  getUserAgentPlugin,
  resolveAwsRegionExtensionConfiguration,
  resolveHostHeaderConfig,
  resolveRetryConfig,
  resolveUserAgentConfig
} from "./chunk-WF2JIZYK.js";
import {
  BinaryDecisionDiagram,
  Client,
  EndpointCache,
  NoOpLogger,
  ServiceException,
  customEndpointFunctions,
  decideEndpoint,
  emitWarningIfUnsupportedVersion as emitWarningIfUnsupportedVersion2,
  getDefaultExtensionConfiguration,
  loadConfigsForDefaultMode,
  resolveDefaultRuntimeConfig,
  resolveEndpointConfig
} from "./chunk-AHIWXY2A.js";
import {
  NODE_REGION_CONFIG_FILE_OPTIONS,
  NODE_REGION_CONFIG_OPTIONS,
  NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS,
  NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS,
  loadConfig,
  resolveDefaultsModeConfig,
  resolveRegionConfig
} from "./chunk-ZOSEZ4WG.js";
import {
  NodeHttpHandler
} from "./chunk-PLX4MXHT.js";
import {
  getContentLengthPlugin,
  getHttpHandlerExtensionConfiguration,
  resolveHttpHandlerRuntimeConfig
} from "./chunk-W2GYLCDX.js";
import {
  calculateBodyLength,
  fromBase64,
  fromUtf8,
  streamCollector,
  toBase64,
  toUtf8
} from "./chunk-U6AM3KXG.js";
import {
  TypeRegistry,
  getSchemaSerdePlugin,
  getSmithyContext,
  normalizeProvider,
  parseUrl
} from "./chunk-RJK6TATR.js";

// node_modules/@aws-sdk/client-organizations/dist-es/auth/httpAuthSchemeProvider.js
var defaultOrganizationsHttpAuthSchemeParametersProvider = async (config, context, input) => {
  return {
    operation: getSmithyContext(context).operation,
    region: await normalizeProvider(config.region)() || (() => {
      throw new Error("expected `region` to be configured for `aws.auth#sigv4`");
    })()
  };
};
function createAwsAuthSigv4HttpAuthOption(authParameters) {
  return {
    schemeId: "aws.auth#sigv4",
    signingProperties: {
      name: "organizations",
      region: authParameters.region
    },
    propertiesExtractor: (config, context) => ({
      signingProperties: {
        config,
        context
      }
    })
  };
}
var defaultOrganizationsHttpAuthSchemeProvider = (authParameters) => {
  const options = [];
  switch (authParameters.operation) {
    default: {
      options.push(createAwsAuthSigv4HttpAuthOption(authParameters));
    }
  }
  return options;
};
var resolveHttpAuthSchemeConfig = (config) => {
  const config_0 = resolveAwsSdkSigV4Config(config);
  return Object.assign(config_0, {
    authSchemePreference: normalizeProvider(config.authSchemePreference ?? [])
  });
};

// node_modules/@aws-sdk/client-organizations/dist-es/endpoint/EndpointParameters.js
var resolveClientEndpointParameters = (options) => {
  return Object.assign(options, {
    useDualstackEndpoint: options.useDualstackEndpoint ?? false,
    useFipsEndpoint: options.useFipsEndpoint ?? false,
    defaultSigningName: "organizations"
  });
};
var commonParams = {
  UseFIPS: { type: "builtInParams", name: "useFipsEndpoint" },
  Endpoint: { type: "builtInParams", name: "endpoint" },
  Region: { type: "builtInParams", name: "region" },
  UseDualStack: { type: "builtInParams", name: "useDualstackEndpoint" }
};

// node_modules/@aws-sdk/client-organizations/package.json
var package_default = {
  name: "@aws-sdk/client-organizations",
  version: "3.1169.0",
  description: "AWS SDK for JavaScript Organizations Client for Node.js, Browser and React Native",
  homepage: "https://github.com/aws/aws-sdk-js-v3/tree/main/clients/client-organizations",
  license: "Apache-2.0",
  author: {
    name: "AWS SDK for JavaScript Team",
    url: "https://aws.amazon.com/sdk-for-javascript/"
  },
  repository: {
    type: "git",
    url: "https://github.com/aws/aws-sdk-js-v3.git",
    directory: "clients/client-organizations"
  },
  files: [
    "dist-*/**"
  ],
  sideEffects: false,
  main: "./dist-cjs/index.js",
  module: "./dist-es/index.js",
  browser: {
    "./dist-es/runtimeConfig": "./dist-es/runtimeConfig.browser"
  },
  types: "./dist-types/index.d.ts",
  typesVersions: {
    "<4.5": {
      "dist-types/*": [
        "dist-types/ts3.4/*"
      ]
    }
  },
  "react-native": {
    "./dist-es/runtimeConfig": "./dist-es/runtimeConfig.native"
  },
  scripts: {
    build: "concurrently 'yarn:build:types' 'yarn:build:es' && yarn build:cjs",
    "build:cjs": "node ../../scripts/compilation/inline",
    "build:es": "premove dist-es && tsc -p tsconfig.es.json",
    "build:include:deps": 'yarn g:turbo run build -F="$npm_package_name"',
    "build:types": "premove dist-types && tsc -p tsconfig.types.json",
    "build:types:downlevel": "downlevel-dts dist-types dist-types/ts3.4",
    clean: "premove dist-cjs dist-es dist-types",
    "extract:docs": "api-extractor run --local",
    "generate:client": "node ../../scripts/generate-clients/single-service",
    "test:index": "tsc -p tsconfig.test.json && node ./test/index-objects.spec.mjs"
  },
  dependencies: {
    "@aws-sdk/core": "^3.981.0",
    "@aws-sdk/credential-provider-node": "^3.972.97",
    "@aws-sdk/types": "^3.975.1",
    "@smithy/core": "^3.40.0",
    "@smithy/fetch-http-handler": "^5.8.1",
    "@smithy/node-http-handler": "^4.14.2",
    "@smithy/types": "^4.20.0",
    tslib: "^2.6.2"
  },
  devDependencies: {
    "@tsconfig/node20": "20.1.8",
    "@types/node": "^20.14.8",
    concurrently: "7.0.0",
    "downlevel-dts": "0.10.1",
    premove: "4.0.0",
    typescript: "~7.0.2"
  },
  engines: {
    node: ">=20.0.0"
  }
};

// node_modules/@aws-sdk/client-organizations/dist-es/endpoint/bdd.js
var l = "ref";
var m = "authSchemes";
var n = "signingRegion";
var a = -1;
var b = true;
var c = "isSet";
var d = "PartitionResult";
var e = "booleanEquals";
var f = "getAttr";
var g = { [l]: "Endpoint" };
var h = { [l]: d };
var i = { [m]: [{ "name": "sigv4", [n]: "us-gov-west-1" }] };
var j = { [m]: [{ "name": "sigv4", [n]: "{PartitionResult#implicitGlobalRegion}" }] };
var k = [{ [l]: "Region" }];
var _data = {
  conditions: [
    [c, [g]],
    [c, k],
    ["aws.partition", k, d],
    [e, [{ [l]: "UseFIPS" }, b]],
    [e, [{ [l]: "UseDualStack" }, b]],
    ["stringEquals", [{ fn: f, argv: [h, "name"] }, "aws-us-gov"]],
    [e, [{ fn: f, argv: [h, "supportsFIPS"] }, b]],
    [e, [{ fn: f, argv: [h, "supportsDualStack"] }, b]]
  ],
  results: [
    [a],
    [a, "Invalid Configuration: FIPS and custom endpoint are not supported"],
    [a, "Invalid Configuration: Dualstack and custom endpoint are not supported"],
    [g, {}],
    ["https://organizations.us-gov-west-1.amazonaws.com", i],
    ["https://organizations.us-gov-west-1.api.aws", i],
    ["https://organizations-fips.{PartitionResult#implicitGlobalRegion}.{PartitionResult#dualStackDnsSuffix}", j],
    [a, "FIPS and DualStack are enabled, but this partition does not support one or both"],
    ["https://organizations-fips.{PartitionResult#implicitGlobalRegion}.{PartitionResult#dnsSuffix}", j],
    [a, "FIPS is enabled but this partition does not support FIPS"],
    ["https://organizations.{PartitionResult#implicitGlobalRegion}.{PartitionResult#dualStackDnsSuffix}", j],
    [a, "DualStack is enabled but this partition does not support DualStack"],
    ["https://organizations.{PartitionResult#implicitGlobalRegion}.{PartitionResult#dnsSuffix}", j],
    [a, "Invalid Configuration: Missing Region"]
  ]
};
var root = 2;
var r = 1e8;
var nodes = new Int32Array([
  -1,
  1,
  -1,
  0,
  14,
  3,
  1,
  4,
  r + 13,
  2,
  5,
  r + 13,
  3,
  8,
  6,
  4,
  7,
  r + 12,
  7,
  r + 10,
  r + 11,
  4,
  11,
  9,
  5,
  r + 4,
  10,
  6,
  r + 8,
  r + 9,
  5,
  r + 5,
  12,
  6,
  13,
  r + 7,
  7,
  r + 6,
  r + 7,
  3,
  r + 1,
  15,
  4,
  r + 2,
  r + 3
]);
var bdd = BinaryDecisionDiagram.from(nodes, root, _data.conditions, _data.results);

// node_modules/@aws-sdk/client-organizations/dist-es/endpoint/endpointResolver.js
var cache = new EndpointCache({
  size: 50,
  params: ["Endpoint", "Region", "UseDualStack", "UseFIPS"]
});
var defaultEndpointResolver = (endpointParams, context = {}) => {
  return cache.get(endpointParams, () => decideEndpoint(bdd, {
    endpointParams,
    logger: context.logger
  }));
};
customEndpointFunctions.aws = awsEndpointFunctions;

// node_modules/@aws-sdk/client-organizations/dist-es/models/OrganizationsServiceException.js
var OrganizationsServiceException = class _OrganizationsServiceException extends ServiceException {
  static shapeId = "smithy.ts.sdk.synthetic.com.amazonaws.organizations#OrganizationsServiceException";
  constructor(options) {
    super(options);
    Object.setPrototypeOf(this, _OrganizationsServiceException.prototype);
  }
};

// node_modules/@aws-sdk/client-organizations/dist-es/models/errors.js
var AccessDeniedException = class _AccessDeniedException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#AccessDeniedException";
  name = "AccessDeniedException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "AccessDeniedException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _AccessDeniedException.prototype);
    this.Message = opts.Message;
  }
};
var AccessDeniedForDependencyException = class _AccessDeniedForDependencyException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#AccessDeniedForDependencyException";
  name = "AccessDeniedForDependencyException";
  $fault = "client";
  Message;
  Reason;
  constructor(opts) {
    super({
      name: "AccessDeniedForDependencyException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _AccessDeniedForDependencyException.prototype);
    this.Message = opts.Message;
    this.Reason = opts.Reason;
  }
};
var AWSOrganizationsNotInUseException = class _AWSOrganizationsNotInUseException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#AWSOrganizationsNotInUseException";
  name = "AWSOrganizationsNotInUseException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "AWSOrganizationsNotInUseException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _AWSOrganizationsNotInUseException.prototype);
    this.Message = opts.Message;
  }
};
var ConcurrentModificationException = class _ConcurrentModificationException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#ConcurrentModificationException";
  name = "ConcurrentModificationException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "ConcurrentModificationException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _ConcurrentModificationException.prototype);
    this.Message = opts.Message;
  }
};
var ConstraintViolationException = class _ConstraintViolationException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#ConstraintViolationException";
  name = "ConstraintViolationException";
  $fault = "client";
  Message;
  Reason;
  constructor(opts) {
    super({
      name: "ConstraintViolationException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _ConstraintViolationException.prototype);
    this.Message = opts.Message;
    this.Reason = opts.Reason;
  }
};
var HandshakeAlreadyInStateException = class _HandshakeAlreadyInStateException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#HandshakeAlreadyInStateException";
  name = "HandshakeAlreadyInStateException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "HandshakeAlreadyInStateException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _HandshakeAlreadyInStateException.prototype);
    this.Message = opts.Message;
  }
};
var HandshakeConstraintViolationException = class _HandshakeConstraintViolationException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#HandshakeConstraintViolationException";
  name = "HandshakeConstraintViolationException";
  $fault = "client";
  Message;
  Reason;
  constructor(opts) {
    super({
      name: "HandshakeConstraintViolationException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _HandshakeConstraintViolationException.prototype);
    this.Message = opts.Message;
    this.Reason = opts.Reason;
  }
};
var HandshakeNotFoundException = class _HandshakeNotFoundException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#HandshakeNotFoundException";
  name = "HandshakeNotFoundException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "HandshakeNotFoundException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _HandshakeNotFoundException.prototype);
    this.Message = opts.Message;
  }
};
var InvalidHandshakeTransitionException = class _InvalidHandshakeTransitionException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#InvalidHandshakeTransitionException";
  name = "InvalidHandshakeTransitionException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "InvalidHandshakeTransitionException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _InvalidHandshakeTransitionException.prototype);
    this.Message = opts.Message;
  }
};
var InvalidInputException = class _InvalidInputException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#InvalidInputException";
  name = "InvalidInputException";
  $fault = "client";
  Message;
  Reason;
  constructor(opts) {
    super({
      name: "InvalidInputException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _InvalidInputException.prototype);
    this.Message = opts.Message;
    this.Reason = opts.Reason;
  }
};
var MasterCannotLeaveOrganizationException = class _MasterCannotLeaveOrganizationException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#MasterCannotLeaveOrganizationException";
  name = "MasterCannotLeaveOrganizationException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "MasterCannotLeaveOrganizationException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _MasterCannotLeaveOrganizationException.prototype);
    this.Message = opts.Message;
  }
};
var ServiceException2 = class _ServiceException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#ServiceException";
  name = "ServiceException";
  $fault = "server";
  Message;
  constructor(opts) {
    super({
      name: "ServiceException",
      $fault: "server",
      ...opts
    });
    Object.setPrototypeOf(this, _ServiceException.prototype);
    this.Message = opts.Message;
  }
};
var TooManyRequestsException = class _TooManyRequestsException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#TooManyRequestsException";
  name = "TooManyRequestsException";
  $fault = "client";
  Type;
  Message;
  constructor(opts) {
    super({
      name: "TooManyRequestsException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _TooManyRequestsException.prototype);
    this.Type = opts.Type;
    this.Message = opts.Message;
  }
};
var AccountAlreadyClosedException = class _AccountAlreadyClosedException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#AccountAlreadyClosedException";
  name = "AccountAlreadyClosedException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "AccountAlreadyClosedException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _AccountAlreadyClosedException.prototype);
    this.Message = opts.Message;
  }
};
var AccountAlreadyRegisteredException = class _AccountAlreadyRegisteredException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#AccountAlreadyRegisteredException";
  name = "AccountAlreadyRegisteredException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "AccountAlreadyRegisteredException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _AccountAlreadyRegisteredException.prototype);
    this.Message = opts.Message;
  }
};
var AccountNotFoundException = class _AccountNotFoundException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#AccountNotFoundException";
  name = "AccountNotFoundException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "AccountNotFoundException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _AccountNotFoundException.prototype);
    this.Message = opts.Message;
  }
};
var AccountNotRegisteredException = class _AccountNotRegisteredException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#AccountNotRegisteredException";
  name = "AccountNotRegisteredException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "AccountNotRegisteredException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _AccountNotRegisteredException.prototype);
    this.Message = opts.Message;
  }
};
var AccountOwnerNotVerifiedException = class _AccountOwnerNotVerifiedException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#AccountOwnerNotVerifiedException";
  name = "AccountOwnerNotVerifiedException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "AccountOwnerNotVerifiedException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _AccountOwnerNotVerifiedException.prototype);
    this.Message = opts.Message;
  }
};
var AlreadyInOrganizationException = class _AlreadyInOrganizationException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#AlreadyInOrganizationException";
  name = "AlreadyInOrganizationException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "AlreadyInOrganizationException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _AlreadyInOrganizationException.prototype);
    this.Message = opts.Message;
  }
};
var DuplicatePolicyAttachmentException = class _DuplicatePolicyAttachmentException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#DuplicatePolicyAttachmentException";
  name = "DuplicatePolicyAttachmentException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "DuplicatePolicyAttachmentException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _DuplicatePolicyAttachmentException.prototype);
    this.Message = opts.Message;
  }
};
var PolicyChangesInProgressException = class _PolicyChangesInProgressException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#PolicyChangesInProgressException";
  name = "PolicyChangesInProgressException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "PolicyChangesInProgressException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _PolicyChangesInProgressException.prototype);
    this.Message = opts.Message;
  }
};
var PolicyNotFoundException = class _PolicyNotFoundException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#PolicyNotFoundException";
  name = "PolicyNotFoundException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "PolicyNotFoundException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _PolicyNotFoundException.prototype);
    this.Message = opts.Message;
  }
};
var PolicyTypeNotEnabledException = class _PolicyTypeNotEnabledException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#PolicyTypeNotEnabledException";
  name = "PolicyTypeNotEnabledException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "PolicyTypeNotEnabledException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _PolicyTypeNotEnabledException.prototype);
    this.Message = opts.Message;
  }
};
var TargetNotFoundException = class _TargetNotFoundException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#TargetNotFoundException";
  name = "TargetNotFoundException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "TargetNotFoundException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _TargetNotFoundException.prototype);
    this.Message = opts.Message;
  }
};
var UnsupportedAPIEndpointException = class _UnsupportedAPIEndpointException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#UnsupportedAPIEndpointException";
  name = "UnsupportedAPIEndpointException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "UnsupportedAPIEndpointException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _UnsupportedAPIEndpointException.prototype);
    this.Message = opts.Message;
  }
};
var ConflictException = class _ConflictException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#ConflictException";
  name = "ConflictException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "ConflictException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _ConflictException.prototype);
    this.Message = opts.Message;
  }
};
var FinalizingOrganizationException = class _FinalizingOrganizationException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#FinalizingOrganizationException";
  name = "FinalizingOrganizationException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "FinalizingOrganizationException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _FinalizingOrganizationException.prototype);
    this.Message = opts.Message;
  }
};
var DuplicateOrganizationalUnitException = class _DuplicateOrganizationalUnitException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#DuplicateOrganizationalUnitException";
  name = "DuplicateOrganizationalUnitException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "DuplicateOrganizationalUnitException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _DuplicateOrganizationalUnitException.prototype);
    this.Message = opts.Message;
  }
};
var ParentNotFoundException = class _ParentNotFoundException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#ParentNotFoundException";
  name = "ParentNotFoundException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "ParentNotFoundException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _ParentNotFoundException.prototype);
    this.Message = opts.Message;
  }
};
var DuplicatePolicyException = class _DuplicatePolicyException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#DuplicatePolicyException";
  name = "DuplicatePolicyException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "DuplicatePolicyException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _DuplicatePolicyException.prototype);
    this.Message = opts.Message;
  }
};
var MalformedPolicyDocumentException = class _MalformedPolicyDocumentException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#MalformedPolicyDocumentException";
  name = "MalformedPolicyDocumentException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "MalformedPolicyDocumentException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _MalformedPolicyDocumentException.prototype);
    this.Message = opts.Message;
  }
};
var PolicyTypeNotAvailableForOrganizationException = class _PolicyTypeNotAvailableForOrganizationException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#PolicyTypeNotAvailableForOrganizationException";
  name = "PolicyTypeNotAvailableForOrganizationException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "PolicyTypeNotAvailableForOrganizationException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _PolicyTypeNotAvailableForOrganizationException.prototype);
    this.Message = opts.Message;
  }
};
var OrganizationNotEmptyException = class _OrganizationNotEmptyException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#OrganizationNotEmptyException";
  name = "OrganizationNotEmptyException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "OrganizationNotEmptyException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _OrganizationNotEmptyException.prototype);
    this.Message = opts.Message;
  }
};
var OrganizationalUnitNotEmptyException = class _OrganizationalUnitNotEmptyException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#OrganizationalUnitNotEmptyException";
  name = "OrganizationalUnitNotEmptyException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "OrganizationalUnitNotEmptyException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _OrganizationalUnitNotEmptyException.prototype);
    this.Message = opts.Message;
  }
};
var OrganizationalUnitNotFoundException = class _OrganizationalUnitNotFoundException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#OrganizationalUnitNotFoundException";
  name = "OrganizationalUnitNotFoundException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "OrganizationalUnitNotFoundException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _OrganizationalUnitNotFoundException.prototype);
    this.Message = opts.Message;
  }
};
var PolicyInUseException = class _PolicyInUseException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#PolicyInUseException";
  name = "PolicyInUseException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "PolicyInUseException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _PolicyInUseException.prototype);
    this.Message = opts.Message;
  }
};
var ResourcePolicyNotFoundException = class _ResourcePolicyNotFoundException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#ResourcePolicyNotFoundException";
  name = "ResourcePolicyNotFoundException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "ResourcePolicyNotFoundException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _ResourcePolicyNotFoundException.prototype);
    this.Message = opts.Message;
  }
};
var CreateAccountStatusNotFoundException = class _CreateAccountStatusNotFoundException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#CreateAccountStatusNotFoundException";
  name = "CreateAccountStatusNotFoundException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "CreateAccountStatusNotFoundException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _CreateAccountStatusNotFoundException.prototype);
    this.Message = opts.Message;
  }
};
var EffectivePolicyNotFoundException = class _EffectivePolicyNotFoundException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#EffectivePolicyNotFoundException";
  name = "EffectivePolicyNotFoundException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "EffectivePolicyNotFoundException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _EffectivePolicyNotFoundException.prototype);
    this.Message = opts.Message;
  }
};
var ResponsibilityTransferNotFoundException = class _ResponsibilityTransferNotFoundException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#ResponsibilityTransferNotFoundException";
  name = "ResponsibilityTransferNotFoundException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "ResponsibilityTransferNotFoundException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _ResponsibilityTransferNotFoundException.prototype);
    this.Message = opts.Message;
  }
};
var PolicyNotAttachedException = class _PolicyNotAttachedException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#PolicyNotAttachedException";
  name = "PolicyNotAttachedException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "PolicyNotAttachedException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _PolicyNotAttachedException.prototype);
    this.Message = opts.Message;
  }
};
var RootNotFoundException = class _RootNotFoundException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#RootNotFoundException";
  name = "RootNotFoundException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "RootNotFoundException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _RootNotFoundException.prototype);
    this.Message = opts.Message;
  }
};
var PolicyTypeAlreadyEnabledException = class _PolicyTypeAlreadyEnabledException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#PolicyTypeAlreadyEnabledException";
  name = "PolicyTypeAlreadyEnabledException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "PolicyTypeAlreadyEnabledException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _PolicyTypeAlreadyEnabledException.prototype);
    this.Message = opts.Message;
  }
};
var DuplicateHandshakeException = class _DuplicateHandshakeException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#DuplicateHandshakeException";
  name = "DuplicateHandshakeException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "DuplicateHandshakeException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _DuplicateHandshakeException.prototype);
    this.Message = opts.Message;
  }
};
var ChildNotFoundException = class _ChildNotFoundException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#ChildNotFoundException";
  name = "ChildNotFoundException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "ChildNotFoundException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _ChildNotFoundException.prototype);
    this.Message = opts.Message;
  }
};
var DestinationParentNotFoundException = class _DestinationParentNotFoundException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#DestinationParentNotFoundException";
  name = "DestinationParentNotFoundException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "DestinationParentNotFoundException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _DestinationParentNotFoundException.prototype);
    this.Message = opts.Message;
  }
};
var DuplicateAccountException = class _DuplicateAccountException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#DuplicateAccountException";
  name = "DuplicateAccountException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "DuplicateAccountException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _DuplicateAccountException.prototype);
    this.Message = opts.Message;
  }
};
var SourceParentNotFoundException = class _SourceParentNotFoundException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#SourceParentNotFoundException";
  name = "SourceParentNotFoundException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "SourceParentNotFoundException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _SourceParentNotFoundException.prototype);
    this.Message = opts.Message;
  }
};
var InvalidResponsibilityTransferTransitionException = class _InvalidResponsibilityTransferTransitionException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#InvalidResponsibilityTransferTransitionException";
  name = "InvalidResponsibilityTransferTransitionException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "InvalidResponsibilityTransferTransitionException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _InvalidResponsibilityTransferTransitionException.prototype);
    this.Message = opts.Message;
  }
};
var ResponsibilityTransferAlreadyInStatusException = class _ResponsibilityTransferAlreadyInStatusException extends OrganizationsServiceException {
  static shapeId = "com.amazonaws.organizations#ResponsibilityTransferAlreadyInStatusException";
  name = "ResponsibilityTransferAlreadyInStatusException";
  $fault = "client";
  Message;
  constructor(opts) {
    super({
      name: "ResponsibilityTransferAlreadyInStatusException",
      $fault: "client",
      ...opts
    });
    Object.setPrototypeOf(this, _ResponsibilityTransferAlreadyInStatusException.prototype);
    this.Message = opts.Message;
  }
};

// node_modules/@aws-sdk/client-organizations/dist-es/schemas/schemas_0.js
var _A = "Account";
var _AACE = "AccountAlreadyClosedException";
var _AARE = "AccountAlreadyRegisteredException";
var _ADE = "AccessDeniedException";
var _ADFDE = "AccessDeniedForDependencyException";
var _AIOE = "AlreadyInOrganizationException";
var _AN = "AccountName";
var _ANFE = "AccountNotFoundException";
var _ANRE = "AccountNotRegisteredException";
var _AONVE = "AccountOwnerNotVerifiedException";
var _APT = "AvailablePolicyTypes";
var _AWSONIUE = "AWSOrganizationsNotInUseException";
var _Acc = "Accounts";
var _Ar = "Arn";
var _CASNFE = "CreateAccountStatusNotFoundException";
var _CE = "ConflictException";
var _CME = "ConcurrentModificationException";
var _CNFE = "ChildNotFoundException";
var _CP = "ContributingPolicies";
var _CVE = "ConstraintViolationException";
var _DAE = "DuplicateAccountException";
var _DHE = "DuplicateHandshakeException";
var _DOR = "DescribeOrganizationResponse";
var _DOUE = "DuplicateOrganizationalUnitException";
var _DOe = "DescribeOrganization";
var _DPAE = "DuplicatePolicyAttachmentException";
var _DPE = "DuplicatePolicyException";
var _DPNFE = "DestinationParentNotFoundException";
var _E = "Email";
var _EC = "ErrorCode";
var _EM = "ErrorMessage";
var _EPNFE = "EffectivePolicyNotFoundException";
var _EPVE = "EffectivePolicyValidationError";
var _FOE = "FinalizingOrganizationException";
var _FS = "FeatureSet";
var _HAISE = "HandshakeAlreadyInStateException";
var _HCVE = "HandshakeConstraintViolationException";
var _HNFE = "HandshakeNotFoundException";
var _I = "Id";
var _IHTE = "InvalidHandshakeTransitionException";
var _IIE = "InvalidInputException";
var _IRTTE = "InvalidResponsibilityTransferTransitionException";
var _JM = "JoinedMethod";
var _JT = "JoinedTimestamp";
var _LA = "ListAccounts";
var _LAR = "ListAccountsRequest";
var _LARi = "ListAccountsResponse";
var _LCASR = "ListCreateAccountStatusRequest";
var _M = "Message";
var _MAA = "MasterAccountArn";
var _MAE = "MasterAccountEmail";
var _MAI = "MasterAccountId";
var _MCLOE = "MasterCannotLeaveOrganizationException";
var _MPDE = "MalformedPolicyDocumentException";
var _MR = "MaxResults";
var _N = "Name";
var _NT = "NextToken";
var _O = "Organization";
var _ONEE = "OrganizationNotEmptyException";
var _OUNEE = "OrganizationalUnitNotEmptyException";
var _OUNFE = "OrganizationalUnitNotFoundException";
var _P = "Paths";
var _PCIPE = "PolicyChangesInProgressException";
var _PIUE = "PolicyInUseException";
var _PNAE = "PolicyNotAttachedException";
var _PNFE = "ParentNotFoundException";
var _PNFEo = "PolicyNotFoundException";
var _PTAEE = "PolicyTypeAlreadyEnabledException";
var _PTE = "PathToError";
var _PTNAFOE = "PolicyTypeNotAvailableForOrganizationException";
var _PTNEE = "PolicyTypeNotEnabledException";
var _PTSo = "PolicyTypeSummary";
var _PTo = "PolicyTypes";
var _R = "Reason";
var _RIe = "ResourceId";
var _RNFE = "RootNotFoundException";
var _RPNFE = "ResourcePolicyNotFoundException";
var _RTAISE = "ResponsibilityTransferAlreadyInStatusException";
var _RTNFE = "ResponsibilityTransferNotFoundException";
var _S = "Status";
var _SE = "ServiceException";
var _SPNFE = "SourceParentNotFoundException";
var _St = "State";
var _Sta = "States";
var _T = "Type";
var _TK = "TagKeys";
var _TMRE = "TooManyRequestsException";
var _TNFE = "TargetNotFoundException";
var _UAPIEE = "UnsupportedAPIEndpointException";
var _URR = "UntagResourceRequest";
var _c = "client";
var _e = "error";
var _hE = "httpError";
var _s = "smithy.ts.sdk.synthetic.com.amazonaws.organizations";
var _se = "server";
var n0 = "com.amazonaws.organizations";
var _s_registry = new TypeRegistry(_s);
var OrganizationsServiceException$ = [-3, _s, "OrganizationsServiceException", 0, [], []];
_s_registry.registerError(OrganizationsServiceException$, OrganizationsServiceException);
var n0_registry = new TypeRegistry(n0);
var AccessDeniedException$ = [
  -3,
  n0,
  _ADE,
  { [_e]: _c, [_hE]: 403 },
  [_M],
  [0]
];
n0_registry.registerError(AccessDeniedException$, AccessDeniedException);
var AccessDeniedForDependencyException$ = [
  -3,
  n0,
  _ADFDE,
  { [_e]: _c, [_hE]: 403 },
  [_M, _R],
  [0, 0]
];
n0_registry.registerError(AccessDeniedForDependencyException$, AccessDeniedForDependencyException);
var AccountAlreadyClosedException$ = [
  -3,
  n0,
  _AACE,
  { [_e]: _c, [_hE]: 409 },
  [_M],
  [0]
];
n0_registry.registerError(AccountAlreadyClosedException$, AccountAlreadyClosedException);
var AccountAlreadyRegisteredException$ = [
  -3,
  n0,
  _AARE,
  { [_e]: _c, [_hE]: 409 },
  [_M],
  [0]
];
n0_registry.registerError(AccountAlreadyRegisteredException$, AccountAlreadyRegisteredException);
var AccountNotFoundException$ = [
  -3,
  n0,
  _ANFE,
  { [_e]: _c, [_hE]: 404 },
  [_M],
  [0]
];
n0_registry.registerError(AccountNotFoundException$, AccountNotFoundException);
var AccountNotRegisteredException$ = [
  -3,
  n0,
  _ANRE,
  { [_e]: _c, [_hE]: 409 },
  [_M],
  [0]
];
n0_registry.registerError(AccountNotRegisteredException$, AccountNotRegisteredException);
var AccountOwnerNotVerifiedException$ = [
  -3,
  n0,
  _AONVE,
  { [_e]: _c, [_hE]: 403 },
  [_M],
  [0]
];
n0_registry.registerError(AccountOwnerNotVerifiedException$, AccountOwnerNotVerifiedException);
var AlreadyInOrganizationException$ = [
  -3,
  n0,
  _AIOE,
  { [_e]: _c, [_hE]: 409 },
  [_M],
  [0]
];
n0_registry.registerError(AlreadyInOrganizationException$, AlreadyInOrganizationException);
var AWSOrganizationsNotInUseException$ = [
  -3,
  n0,
  _AWSONIUE,
  { [_e]: _c, [_hE]: 404 },
  [_M],
  [0]
];
n0_registry.registerError(AWSOrganizationsNotInUseException$, AWSOrganizationsNotInUseException);
var ChildNotFoundException$ = [
  -3,
  n0,
  _CNFE,
  { [_e]: _c, [_hE]: 404 },
  [_M],
  [0]
];
n0_registry.registerError(ChildNotFoundException$, ChildNotFoundException);
var ConcurrentModificationException$ = [
  -3,
  n0,
  _CME,
  { [_e]: _c, [_hE]: 409 },
  [_M],
  [0]
];
n0_registry.registerError(ConcurrentModificationException$, ConcurrentModificationException);
var ConflictException$ = [
  -3,
  n0,
  _CE,
  { [_e]: _c, [_hE]: 409 },
  [_M],
  [0]
];
n0_registry.registerError(ConflictException$, ConflictException);
var ConstraintViolationException$ = [
  -3,
  n0,
  _CVE,
  { [_e]: _c, [_hE]: 409 },
  [_M, _R],
  [0, 0]
];
n0_registry.registerError(ConstraintViolationException$, ConstraintViolationException);
var CreateAccountStatusNotFoundException$ = [
  -3,
  n0,
  _CASNFE,
  { [_e]: _c, [_hE]: 404 },
  [_M],
  [0]
];
n0_registry.registerError(CreateAccountStatusNotFoundException$, CreateAccountStatusNotFoundException);
var DestinationParentNotFoundException$ = [
  -3,
  n0,
  _DPNFE,
  { [_e]: _c, [_hE]: 404 },
  [_M],
  [0]
];
n0_registry.registerError(DestinationParentNotFoundException$, DestinationParentNotFoundException);
var DuplicateAccountException$ = [
  -3,
  n0,
  _DAE,
  { [_e]: _c, [_hE]: 409 },
  [_M],
  [0]
];
n0_registry.registerError(DuplicateAccountException$, DuplicateAccountException);
var DuplicateHandshakeException$ = [
  -3,
  n0,
  _DHE,
  { [_e]: _c, [_hE]: 409 },
  [_M],
  [0]
];
n0_registry.registerError(DuplicateHandshakeException$, DuplicateHandshakeException);
var DuplicateOrganizationalUnitException$ = [
  -3,
  n0,
  _DOUE,
  { [_e]: _c, [_hE]: 409 },
  [_M],
  [0]
];
n0_registry.registerError(DuplicateOrganizationalUnitException$, DuplicateOrganizationalUnitException);
var DuplicatePolicyAttachmentException$ = [
  -3,
  n0,
  _DPAE,
  { [_e]: _c, [_hE]: 409 },
  [_M],
  [0]
];
n0_registry.registerError(DuplicatePolicyAttachmentException$, DuplicatePolicyAttachmentException);
var DuplicatePolicyException$ = [
  -3,
  n0,
  _DPE,
  { [_e]: _c, [_hE]: 409 },
  [_M],
  [0]
];
n0_registry.registerError(DuplicatePolicyException$, DuplicatePolicyException);
var EffectivePolicyNotFoundException$ = [
  -3,
  n0,
  _EPNFE,
  { [_e]: _c },
  [_M],
  [0]
];
n0_registry.registerError(EffectivePolicyNotFoundException$, EffectivePolicyNotFoundException);
var FinalizingOrganizationException$ = [
  -3,
  n0,
  _FOE,
  { [_e]: _c, [_hE]: 409 },
  [_M],
  [0]
];
n0_registry.registerError(FinalizingOrganizationException$, FinalizingOrganizationException);
var HandshakeAlreadyInStateException$ = [
  -3,
  n0,
  _HAISE,
  { [_e]: _c, [_hE]: 409 },
  [_M],
  [0]
];
n0_registry.registerError(HandshakeAlreadyInStateException$, HandshakeAlreadyInStateException);
var HandshakeConstraintViolationException$ = [
  -3,
  n0,
  _HCVE,
  { [_e]: _c, [_hE]: 409 },
  [_M, _R],
  [0, 0]
];
n0_registry.registerError(HandshakeConstraintViolationException$, HandshakeConstraintViolationException);
var HandshakeNotFoundException$ = [
  -3,
  n0,
  _HNFE,
  { [_e]: _c, [_hE]: 404 },
  [_M],
  [0]
];
n0_registry.registerError(HandshakeNotFoundException$, HandshakeNotFoundException);
var InvalidHandshakeTransitionException$ = [
  -3,
  n0,
  _IHTE,
  { [_e]: _c, [_hE]: 409 },
  [_M],
  [0]
];
n0_registry.registerError(InvalidHandshakeTransitionException$, InvalidHandshakeTransitionException);
var InvalidInputException$ = [
  -3,
  n0,
  _IIE,
  { [_e]: _c, [_hE]: 400 },
  [_M, _R],
  [0, 0]
];
n0_registry.registerError(InvalidInputException$, InvalidInputException);
var InvalidResponsibilityTransferTransitionException$ = [
  -3,
  n0,
  _IRTTE,
  { [_e]: _c, [_hE]: 409 },
  [_M],
  [0]
];
n0_registry.registerError(InvalidResponsibilityTransferTransitionException$, InvalidResponsibilityTransferTransitionException);
var MalformedPolicyDocumentException$ = [
  -3,
  n0,
  _MPDE,
  { [_e]: _c, [_hE]: 400 },
  [_M],
  [0]
];
n0_registry.registerError(MalformedPolicyDocumentException$, MalformedPolicyDocumentException);
var MasterCannotLeaveOrganizationException$ = [
  -3,
  n0,
  _MCLOE,
  { [_e]: _c, [_hE]: 409 },
  [_M],
  [0]
];
n0_registry.registerError(MasterCannotLeaveOrganizationException$, MasterCannotLeaveOrganizationException);
var OrganizationalUnitNotEmptyException$ = [
  -3,
  n0,
  _OUNEE,
  { [_e]: _c, [_hE]: 409 },
  [_M],
  [0]
];
n0_registry.registerError(OrganizationalUnitNotEmptyException$, OrganizationalUnitNotEmptyException);
var OrganizationalUnitNotFoundException$ = [
  -3,
  n0,
  _OUNFE,
  { [_e]: _c, [_hE]: 404 },
  [_M],
  [0]
];
n0_registry.registerError(OrganizationalUnitNotFoundException$, OrganizationalUnitNotFoundException);
var OrganizationNotEmptyException$ = [
  -3,
  n0,
  _ONEE,
  { [_e]: _c, [_hE]: 409 },
  [_M],
  [0]
];
n0_registry.registerError(OrganizationNotEmptyException$, OrganizationNotEmptyException);
var ParentNotFoundException$ = [
  -3,
  n0,
  _PNFE,
  { [_e]: _c, [_hE]: 404 },
  [_M],
  [0]
];
n0_registry.registerError(ParentNotFoundException$, ParentNotFoundException);
var PolicyChangesInProgressException$ = [
  -3,
  n0,
  _PCIPE,
  { [_e]: _c },
  [_M],
  [0]
];
n0_registry.registerError(PolicyChangesInProgressException$, PolicyChangesInProgressException);
var PolicyInUseException$ = [
  -3,
  n0,
  _PIUE,
  { [_e]: _c, [_hE]: 409 },
  [_M],
  [0]
];
n0_registry.registerError(PolicyInUseException$, PolicyInUseException);
var PolicyNotAttachedException$ = [
  -3,
  n0,
  _PNAE,
  { [_e]: _c, [_hE]: 409 },
  [_M],
  [0]
];
n0_registry.registerError(PolicyNotAttachedException$, PolicyNotAttachedException);
var PolicyNotFoundException$ = [
  -3,
  n0,
  _PNFEo,
  { [_e]: _c, [_hE]: 404 },
  [_M],
  [0]
];
n0_registry.registerError(PolicyNotFoundException$, PolicyNotFoundException);
var PolicyTypeAlreadyEnabledException$ = [
  -3,
  n0,
  _PTAEE,
  { [_e]: _c, [_hE]: 409 },
  [_M],
  [0]
];
n0_registry.registerError(PolicyTypeAlreadyEnabledException$, PolicyTypeAlreadyEnabledException);
var PolicyTypeNotAvailableForOrganizationException$ = [
  -3,
  n0,
  _PTNAFOE,
  { [_e]: _c, [_hE]: 409 },
  [_M],
  [0]
];
n0_registry.registerError(PolicyTypeNotAvailableForOrganizationException$, PolicyTypeNotAvailableForOrganizationException);
var PolicyTypeNotEnabledException$ = [
  -3,
  n0,
  _PTNEE,
  { [_e]: _c, [_hE]: 409 },
  [_M],
  [0]
];
n0_registry.registerError(PolicyTypeNotEnabledException$, PolicyTypeNotEnabledException);
var ResourcePolicyNotFoundException$ = [
  -3,
  n0,
  _RPNFE,
  { [_e]: _c, [_hE]: 404 },
  [_M],
  [0]
];
n0_registry.registerError(ResourcePolicyNotFoundException$, ResourcePolicyNotFoundException);
var ResponsibilityTransferAlreadyInStatusException$ = [
  -3,
  n0,
  _RTAISE,
  { [_e]: _c, [_hE]: 409 },
  [_M],
  [0]
];
n0_registry.registerError(ResponsibilityTransferAlreadyInStatusException$, ResponsibilityTransferAlreadyInStatusException);
var ResponsibilityTransferNotFoundException$ = [
  -3,
  n0,
  _RTNFE,
  { [_e]: _c, [_hE]: 404 },
  [_M],
  [0]
];
n0_registry.registerError(ResponsibilityTransferNotFoundException$, ResponsibilityTransferNotFoundException);
var RootNotFoundException$ = [
  -3,
  n0,
  _RNFE,
  { [_e]: _c, [_hE]: 404 },
  [_M],
  [0]
];
n0_registry.registerError(RootNotFoundException$, RootNotFoundException);
var ServiceException$ = [
  -3,
  n0,
  _SE,
  { [_e]: _se, [_hE]: 500 },
  [_M],
  [0]
];
n0_registry.registerError(ServiceException$, ServiceException2);
var SourceParentNotFoundException$ = [
  -3,
  n0,
  _SPNFE,
  { [_e]: _c, [_hE]: 404 },
  [_M],
  [0]
];
n0_registry.registerError(SourceParentNotFoundException$, SourceParentNotFoundException);
var TargetNotFoundException$ = [
  -3,
  n0,
  _TNFE,
  { [_e]: _c, [_hE]: 404 },
  [_M],
  [0]
];
n0_registry.registerError(TargetNotFoundException$, TargetNotFoundException);
var TooManyRequestsException$ = [
  -3,
  n0,
  _TMRE,
  { [_e]: _c, [_hE]: 429 },
  [_T, _M],
  [0, 0]
];
n0_registry.registerError(TooManyRequestsException$, TooManyRequestsException);
var UnsupportedAPIEndpointException$ = [
  -3,
  n0,
  _UAPIEE,
  { [_e]: _c, [_hE]: 403 },
  [_M],
  [0]
];
n0_registry.registerError(UnsupportedAPIEndpointException$, UnsupportedAPIEndpointException);
var errorTypeRegistries = [
  _s_registry,
  n0_registry
];
var AccountName = [0, n0, _AN, 8, 0];
var Email = [0, n0, _E, 8, 0];
var Account$ = [
  3,
  n0,
  _A,
  0,
  [_I, _Ar, _E, _N, _S, _St, _P, _JM, _JT],
  [0, 0, [() => Email, 0], [() => AccountName, 0], 0, 0, 64 | 0, 0, 4]
];
var DescribeOrganizationResponse$ = [
  3,
  n0,
  _DOR,
  0,
  [_O],
  [[() => Organization$, 0]]
];
var EffectivePolicyValidationError$ = [
  3,
  n0,
  _EPVE,
  0,
  [_EC, _EM, _PTE, _CP],
  [0, 0, 0, 64 | 0]
];
var ListAccountsRequest$ = [
  3,
  n0,
  _LAR,
  0,
  [_NT, _MR],
  [0, 1]
];
var ListAccountsResponse$ = [
  3,
  n0,
  _LARi,
  0,
  [_Acc, _NT],
  [[() => Accounts, 0], 0]
];
var ListCreateAccountStatusRequest$ = [
  3,
  n0,
  _LCASR,
  0,
  [_Sta, _NT, _MR],
  [64 | 0, 0, 1]
];
var Organization$ = [
  3,
  n0,
  _O,
  0,
  [_I, _Ar, _FS, _MAA, _MAI, _MAE, _APT],
  [0, 0, 0, 0, 0, [() => Email, 0], () => PolicyTypes]
];
var PolicyTypeSummary$ = [
  3,
  n0,
  _PTSo,
  0,
  [_T, _S],
  [0, 0]
];
var UntagResourceRequest$ = [
  3,
  n0,
  _URR,
  0,
  [_RIe, _TK],
  [0, 64 | 0],
  2
];
var __Unit = "unit";
var Accounts = [
  1,
  n0,
  _Acc,
  0,
  [
    () => Account$,
    0
  ]
];
var CreateAccountStates = 64 | 0;
var Paths = 64 | 0;
var PolicyIds = 64 | 0;
var PolicyTypes = [
  1,
  n0,
  _PTo,
  0,
  () => PolicyTypeSummary$
];
var TagKeys = 64 | 0;
var DescribeOrganization$ = [
  9,
  n0,
  _DOe,
  0,
  () => __Unit,
  () => DescribeOrganizationResponse$
];
var ListAccounts$ = [
  9,
  n0,
  _LA,
  0,
  () => ListAccountsRequest$,
  () => ListAccountsResponse$
];

// node_modules/@aws-sdk/client-organizations/dist-es/runtimeConfig.shared.js
var getRuntimeConfig = (config) => {
  return {
    apiVersion: "2016-11-28",
    base64Decoder: config?.base64Decoder ?? fromBase64,
    base64Encoder: config?.base64Encoder ?? toBase64,
    disableHostPrefix: config?.disableHostPrefix ?? false,
    endpointProvider: config?.endpointProvider ?? defaultEndpointResolver,
    extensions: config?.extensions ?? [],
    httpAuthSchemeProvider: config?.httpAuthSchemeProvider ?? defaultOrganizationsHttpAuthSchemeProvider,
    httpAuthSchemes: config?.httpAuthSchemes ?? [
      {
        schemeId: "aws.auth#sigv4",
        identityProvider: (ipc) => ipc.getIdentityProvider("aws.auth#sigv4"),
        signer: new AwsSdkSigV4Signer()
      }
    ],
    logger: config?.logger ?? new NoOpLogger(),
    protocol: config?.protocol ?? AwsJson1_1Protocol,
    protocolSettings: config?.protocolSettings ?? {
      defaultNamespace: "com.amazonaws.organizations",
      errorTypeRegistries,
      xmlNamespace: "http://organizations.amazonaws.com/doc/2016-11-28/",
      version: "2016-11-28",
      serviceTarget: "AWSOrganizationsV20161128"
    },
    serviceId: config?.serviceId ?? "Organizations",
    sha256: config?.sha256 ?? Sha256Node,
    urlParser: config?.urlParser ?? parseUrl,
    utf8Decoder: config?.utf8Decoder ?? fromUtf8,
    utf8Encoder: config?.utf8Encoder ?? toUtf8
  };
};

// node_modules/@aws-sdk/client-organizations/dist-es/runtimeConfig.js
var getRuntimeConfig2 = (config) => {
  emitWarningIfUnsupportedVersion2(process.version);
  const defaultsMode = resolveDefaultsModeConfig(config);
  const defaultConfigProvider = () => defaultsMode().then(loadConfigsForDefaultMode);
  const clientSharedValues = getRuntimeConfig(config);
  emitWarningIfUnsupportedVersion(process.version);
  const loaderConfig = {
    profile: config?.profile,
    logger: clientSharedValues.logger
  };
  return {
    ...clientSharedValues,
    ...config,
    runtime: "node",
    defaultsMode,
    authSchemePreference: config?.authSchemePreference ?? loadConfig(NODE_AUTH_SCHEME_PREFERENCE_OPTIONS, loaderConfig),
    bodyLengthChecker: config?.bodyLengthChecker ?? calculateBodyLength,
    credentialDefaultProvider: config?.credentialDefaultProvider ?? defaultProvider,
    defaultSocketTimeout: getDefaultSocketTimeout(config?.requestHandler, 3e5),
    defaultUserAgentProvider: config?.defaultUserAgentProvider ?? createDefaultUserAgentProvider({ serviceId: clientSharedValues.serviceId, clientVersion: package_default.version }),
    maxAttempts: config?.maxAttempts ?? loadConfig(NODE_MAX_ATTEMPT_CONFIG_OPTIONS, config),
    region: config?.region ?? loadConfig(NODE_REGION_CONFIG_OPTIONS, { ...NODE_REGION_CONFIG_FILE_OPTIONS, ...loaderConfig }),
    requestHandler: NodeHttpHandler.create(config?.requestHandler ?? defaultConfigProvider),
    retryMode: config?.retryMode ?? loadConfig({
      ...NODE_RETRY_MODE_CONFIG_OPTIONS,
      default: async () => (await defaultConfigProvider()).retryMode || DEFAULT_RETRY_MODE
    }, config),
    streamCollector: config?.streamCollector ?? streamCollector,
    useDualstackEndpoint: config?.useDualstackEndpoint ?? loadConfig(NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
    useFipsEndpoint: config?.useFipsEndpoint ?? loadConfig(NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
    userAgentAppId: config?.userAgentAppId ?? loadConfig(NODE_APP_ID_CONFIG_OPTIONS, loaderConfig)
  };
};

// node_modules/@aws-sdk/client-organizations/dist-es/auth/httpAuthExtensionConfiguration.js
var getHttpAuthExtensionConfiguration = (runtimeConfig) => {
  const _httpAuthSchemes = runtimeConfig.httpAuthSchemes;
  let _httpAuthSchemeProvider = runtimeConfig.httpAuthSchemeProvider;
  let _credentials = runtimeConfig.credentials;
  return {
    setHttpAuthScheme(httpAuthScheme) {
      const index = _httpAuthSchemes.findIndex((scheme) => scheme.schemeId === httpAuthScheme.schemeId);
      if (index === -1) {
        _httpAuthSchemes.push(httpAuthScheme);
      } else {
        _httpAuthSchemes.splice(index, 1, httpAuthScheme);
      }
    },
    httpAuthSchemes() {
      return _httpAuthSchemes;
    },
    setHttpAuthSchemeProvider(httpAuthSchemeProvider) {
      _httpAuthSchemeProvider = httpAuthSchemeProvider;
    },
    httpAuthSchemeProvider() {
      return _httpAuthSchemeProvider;
    },
    setCredentials(credentials) {
      _credentials = credentials;
    },
    credentials() {
      return _credentials;
    }
  };
};
var resolveHttpAuthRuntimeConfig = (config) => {
  return {
    httpAuthSchemes: config.httpAuthSchemes(),
    httpAuthSchemeProvider: config.httpAuthSchemeProvider(),
    credentials: config.credentials()
  };
};

// node_modules/@aws-sdk/client-organizations/dist-es/runtimeExtensions.js
var resolveRuntimeExtensions = (runtimeConfig, extensions) => {
  const extensionConfiguration = Object.assign(getAwsRegionExtensionConfiguration(runtimeConfig), getDefaultExtensionConfiguration(runtimeConfig), getHttpHandlerExtensionConfiguration(runtimeConfig), getHttpAuthExtensionConfiguration(runtimeConfig));
  extensions.forEach((extension) => extension.configure(extensionConfiguration));
  return Object.assign(runtimeConfig, resolveAwsRegionExtensionConfiguration(extensionConfiguration), resolveDefaultRuntimeConfig(extensionConfiguration), resolveHttpHandlerRuntimeConfig(extensionConfiguration), resolveHttpAuthRuntimeConfig(extensionConfiguration));
};

// node_modules/@aws-sdk/client-organizations/dist-es/OrganizationsClient.js
var OrganizationsClient = class extends Client {
  config;
  constructor(...[configuration]) {
    const _config_0 = getRuntimeConfig2(configuration || {});
    super(_config_0);
    this.initConfig = _config_0;
    const _config_1 = resolveClientEndpointParameters(_config_0);
    const _config_2 = resolveUserAgentConfig(_config_1);
    const _config_3 = resolveRetryConfig(_config_2);
    const _config_4 = resolveRegionConfig(_config_3);
    const _config_5 = resolveHostHeaderConfig(_config_4);
    const _config_6 = resolveEndpointConfig(_config_5);
    const _config_7 = resolveHttpAuthSchemeConfig(_config_6);
    const _config_8 = resolveRuntimeExtensions(_config_7, configuration?.extensions || []);
    this.config = _config_8;
    this.middlewareStack.use(getSchemaSerdePlugin(this.config));
    this.middlewareStack.use(getUserAgentPlugin(this.config));
    this.middlewareStack.use(getRetryPlugin(this.config));
    this.middlewareStack.use(getContentLengthPlugin(this.config));
    this.middlewareStack.use(getHostHeaderPlugin(this.config));
    this.middlewareStack.use(getLoggerPlugin(this.config));
    this.middlewareStack.use(getRecursionDetectionPlugin(this.config));
    this.middlewareStack.use(getHttpAuthSchemeEndpointRuleSetPlugin(this.config, {
      httpAuthSchemeParametersProvider: defaultOrganizationsHttpAuthSchemeParametersProvider,
      identityProviderConfigProvider: async (config) => new DefaultIdentityProviderConfig({
        "aws.auth#sigv4": config.credentials
      })
    }));
    this.middlewareStack.use(getHttpSigningPlugin(this.config));
  }
  destroy() {
    super.destroy();
  }
};

export {
  commonParams,
  DescribeOrganization$,
  ListAccounts$,
  OrganizationsClient
};
