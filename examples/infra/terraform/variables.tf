variable "region" {
  description = "AWS region to deploy to"
  type        = string
  default     = "us-east-1"
}

variable "webhook_url_auth" {
  description = "Auth type of the webhook function URL (AWS_IAM or NONE)"
  type        = string
  default     = "AWS_IAM"
}
