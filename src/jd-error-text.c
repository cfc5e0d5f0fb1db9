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

const char *
jd_error_details (const GError *error)
{
  return jd_client_error_get_detail (error);
}

GtkWidget *
jd_error_details_new (const GError *error)
{
  const char *details = jd_error_details (error);
  GtkWidget *expander;
  GtkWidget *label;

  if (details == NULL)
    return NULL;

  label = gtk_label_new (details);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* A library's words may be long; they must not widen the window. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "monospace");

  expander = gtk_expander_new (_("Details"));
  gtk_expander_set_child (GTK_EXPANDER (expander), label);
  return expander;
}
