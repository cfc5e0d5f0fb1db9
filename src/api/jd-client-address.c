/* jd-client-address.c: the Server's Web API address, as a user types it.
 *
 * Turns what was typed or pasted into the base URL a client works with
 * (a scheme, a host, a path without a trailing slash; no user name,
 * query or fragment), and suggests the usual /webapi ending.
 */
#define G_LOG_DOMAIN "jd-client"

#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "jd-client-address.h"
#include "jd-client-error.h"

gboolean
jd_client_is_loopback_url (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GInetAddress) address = NULL;
  const char *host;

  if (url == NULL)
    return FALSE;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || (host = g_uri_get_host (uri)) == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static gboolean
is_host_name (const char *host)
{
  if (host == NULL || *host == '\0')
    return FALSE;

  /* Names, IPv4, and IPv6 literals; nothing else belongs in a host. */
  for (const char *p = host; *p; p++)
    if (!g_ascii_isalnum (*p) && strchr ("-._:[]%", *p) == NULL)
      return FALSE;

  return TRUE;
}

char *
jd_client_normalize_base_url (const char  *address,
                              char       **suggestion,
                              GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *with_scheme = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GUri) clean = NULL;
  g_autofree char *result = NULL;
  const char *scheme;
  gsize len;

  if (suggestion != NULL)
    *suggestion = NULL;

  text = g_strstrip (g_strdup (address != NULL ? address : ""));
  if (*text == '\0')
    {
      g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_INVALID_INPUT,
                           _("Enter the server’s Web API address, for example https://server.example.com/webapi."));
      return NULL;
    }

  if (strstr (text, "://") == NULL)
    with_scheme = g_strconcat ("https://", text, NULL);
  else
    with_scheme = g_strdup (text);

  uri = g_uri_parse (with_scheme, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || !is_host_name (g_uri_get_host (uri)))
    {
      g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_INVALID_INPUT,
                           _("This is not a web address. Enter an address such as https://server.example.com/webapi."));
      return NULL;
    }

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0)
    {
      g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_INVALID_INPUT,
                           _("The address must start with https:// (or http://)."));
      return NULL;
    }

  if (g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_INVALID_INPUT,
                           _("Leave user names and passwords out of the address; enter them below."));
      return NULL;
    }

  /* Query and fragment belong to a page, not to the API's base. */
  path = g_strdup (g_uri_get_path (uri));
  len = strlen (path);
  while (len > 0 && path[len - 1] == '/')
    path[--len] = '\0';

  clean = g_uri_build (G_URI_FLAGS_NONE,
                       g_ascii_strcasecmp (scheme, "https") == 0 ? "https" : "http",
                       NULL,
                       g_uri_get_host (uri),
                       g_uri_get_port (uri),
                       path,
                       NULL, NULL);
  result = g_uri_to_string (clean);

  if (suggestion != NULL)
    {
      const char *gallery = strstr (path, "/gallery");

      if (*path == '\0')
        *suggestion = g_strconcat (result, "/webapi", NULL);
      else if (gallery != NULL && !g_str_has_suffix (path, "/webapi"))
        {
          g_autofree char *prefix = g_strndup (path, gallery - path);
          g_autoptr(GUri) fixed = NULL;
          g_autofree char *fixed_path = g_strconcat (prefix, "/webapi", NULL);

          fixed = g_uri_build (G_URI_FLAGS_NONE, g_uri_get_scheme (clean), NULL,
                               g_uri_get_host (clean), g_uri_get_port (clean),
                               fixed_path, NULL, NULL);
          *suggestion = g_uri_to_string (fixed);
        }
    }

  return g_steal_pointer (&result);
}

static int
effective_port (GUri *uri)
{
  int port = g_uri_get_port (uri);

  if (port != -1)
    return port;

  return g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 ? 443 : 80;
}

/* Same scheme, same server, same port. A target without a server name
 * ("http:/webapi/…") is never the same origin: there is nowhere to go. */
gboolean
jd_client_address_same_origin (GUri *base,
                               GUri *target)
{
  const char *base_host = g_uri_get_host (base);
  const char *target_host = g_uri_get_host (target);

  if (base_host == NULL || *base_host == '\0' || target_host == NULL || *target_host == '\0')
    return FALSE;

  return g_ascii_strcasecmp (g_uri_get_scheme (base), g_uri_get_scheme (target)) == 0 &&
         g_ascii_strcasecmp (base_host, target_host) == 0 &&
         effective_port (base) == effective_port (target);
}
