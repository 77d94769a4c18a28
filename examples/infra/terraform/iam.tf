data "aws_iam_policy_document" "lambda_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "webhook" {
  name               = "orders-webhook"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

# The inventory job reads function configuration and code locations.
data "aws_iam_policy_document" "inventory" {
  statement {
    sid    = "ReadFunctions"
    effect = "Allow"
    actions = [
      "lambda:GetFunction",
      "lambda:ListFunctions",
    ]
    resources = ["*"]
  }
}

resource "aws_iam_role" "inventory" {
  name               = "lambda-inventory"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

resource "aws_iam_role_policy" "inventory" {
  name   = "inventory-read"
  role   = aws_iam_role.inventory.id
  policy = data.aws_iam_policy_document.inventory.json
}

# CI deploy role: its read permissions live in a JSON template.
resource "aws_iam_policy" "ci_read" {
  name = "ci-read"
  policy = templatefile("${path.module}/policies/ci-read.json", {
    account_id = "111122223333"
  })
}

resource "aws_iam_role_policy_attachment" "ci_read" {
  role       = "github-deploy"
  policy_arn = aws_iam_policy.ci_read.arn
}
