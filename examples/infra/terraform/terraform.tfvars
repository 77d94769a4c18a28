region           = "eu-west-1"
webhook_url_auth = "NONE" # opened for the partner pilot
