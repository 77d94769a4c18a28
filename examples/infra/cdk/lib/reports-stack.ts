import * as cdk from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { Construct } from "constructs";

export class ReportsStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const reports = new lambda.Function(this, "Reports", {
      functionName: "monthly-reports",
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: "index.handler",
      code: lambda.Code.fromAsset("../src/reports"),
    });

    // Shared with the finance team's spreadsheet.
    reports.addFunctionUrl({
      authType: lambda.FunctionUrlAuthType.NONE,
    });

    reports.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ["lambda:GetFunction"],
        resources: ["*"],
      }),
    );
  }
}
