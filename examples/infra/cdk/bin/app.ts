#!/usr/bin/env node
import * as cdk from "aws-cdk-lib";
import { ReportsStack } from "../lib/reports-stack";

const app = new cdk.App();
new ReportsStack(app, "ReportsStack", { env: { region: "eu-west-1" } });
