/* jd-error-text.c: the words the UI puts on a JD_CLIENT_ERROR. */
#include "config.h"

#include <glib/gi18n.h>

#include "jd-client-error.h"
#include "jd-error-text.h"

const char *
jd_error_title (const GError *error)
{
  if (error == NULL || error->domain != JD_CLIENT_ERROR)
    return _("Something Went Wrong");

  switch ((JdClientError) error->code)
    {
    case JD_CLIENT_ERROR_INVALID_INPUT:  return _("Not a Job ID");
    case JD_CLIENT_ERROR_NOT_SIGNED_IN:  return _("Not Signed In");
    case JD_CLIENT_ERROR_UNAUTHORIZED:   return _("Sign-In No Longer Valid");
    case JD_CLIENT_ERROR_FORBIDDEN:      return _("Access Denied");
    case JD_CLIENT_ERROR_NOT_FOUND:      return _("Not Found");
    case JD_CLIENT_ERROR_NOT_SUPPORTED:  return _("Not Supported by This Server");
    case JD_CLIENT_ERROR_BAD_REQUEST:    return _("Request Refused");
    case JD_CLIENT_ERROR_RATE_LIMITED:   return _("Too Many Requests");
    case JD_CLIENT_ERROR_SERVER:         return _("Server Error");
    case JD_CLIENT_ERROR_BAD_RESPONSE:   return _("Unexpected Answer");
    case JD_CLIENT_ERROR_TIMEOUT:        return _("No Answer in Time");
    case JD_CLIENT_ERROR_NETWORK:        return _("Cannot Reach the Server");
    case JD_CLIENT_ERROR_TLS:            return _("Connection Not Secure");
    case JD_CLIENT_ERROR_INSECURE:       return _("Unencrypted Connection");
    case JD_CLIENT_ERROR_REDIRECT:       return _("Sent Elsewhere");
    case JD_CLIENT_ERROR_CANCELLED:      return _("Cancelled");
    case JD_CLIENT_ERROR_FILE:           return _("Cannot Save the File");
    default:                             return _("Something Went Wrong");
    }
}

const char *
jd_error_icon_name (const GError *error)
{
  if (error == NULL || error->domain != JD_CLIENT_ERROR)
    return "dialog-error-symbolic";

  switch ((JdClientError) error->code)
    {
    case JD_CLIENT_ERROR_NETWORK:
    case JD_CLIENT_ERROR_TIMEOUT:
      return "network-offline-symbolic";
    case JD_CLIENT_ERROR_TLS:
    case JD_CLIENT_ERROR_INSECURE:
    case JD_CLIENT_ERROR_REDIRECT:
      return "channel-insecure-symbolic";
    case JD_CLIENT_ERROR_UNAUTHORIZED:
    case JD_CLIENT_ERROR_FORBIDDEN:
    case JD_CLIENT_ERROR_NOT_SIGNED_IN:
      return "dialog-password-symbolic";
    case JD_CLIENT_ERROR_NOT_FOUND:
    case JD_CLIENT_ERROR_INVALID_INPUT:
      return "edit-find-symbolic";
    case JD_CLIENT_ERROR_NOT_SUPPORTED:
    case JD_CLIENT_ERROR_BAD_REQUEST:
    case JD_CLIENT_ERROR_RATE_LIMITED:
    case JD_CLIENT_ERROR_SERVER:
    case JD_CLIENT_ERROR_BAD_RESPONSE:
    case JD_CLIENT_ERROR_CANCELLED:
    case JD_CLIENT_ERROR_FILE:
    default:
      return "dialog-warning-symbolic";
    }
}
