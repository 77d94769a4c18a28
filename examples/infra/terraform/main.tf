terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
  }
}

provider "aws" {
  region = var.region
}

# ---------------------------------------------------------------------------
# Webhook receiver: the URL's auth type comes from terraform.tfvars
# ---------------------------------------------------------------------------
resource "aws_lambda_function" "webhook" {
  function_name = "orders-webhook"
  role          = aws_iam_role.webhook.arn
  handler       = "index.handler"
  runtime       = "nodejs22.x"
  filename      = "${path.module}/build/webhook.zip"
}

resource "aws_lambda_function_url" "webhook" {
  function_name      = aws_lambda_function.webhook.function_name
  authorization_type = var.webhook_url_auth

  cors {
    allow_origins = ["https://shop.example.com"]
    allow_methods = ["POST"]
  }
}

# Stripe calls this endpoint; every request carries a signature the handler verifies.
# lambda-guard:allow LG001 Stripe signs every request (Stripe-Signature header checked in handler)
resource "aws_lambda_function_url" "stripe" {
  function_name      = "stripe-events"
  authorization_type = "NONE"
}

# ---------------------------------------------------------------------------
# Status page, built with the community module
# ---------------------------------------------------------------------------
module "status" {
  source  = "terraform-aws-modules/lambda/aws"
  version = "~> 7.0"

  function_name              = "status-page"
  handler                    = "app.handler"
  runtime                    = "python3.12"
  source_path                = "${path.module}/../src/status"
  create_lambda_function_url = true
}
