/* jd-client-error.c: the JD_CLIENT_ERROR domain.
 *
 * An extended error domain (GLib 2.68): each error carries, out of its
 * message, the library's own words and the wait a 429 named, so that our
 * sentences never have to quote a library.
 */
#include "config.h"

#include <gio/gio.h>

#include "jd-client-error.h"

typedef struct
{
  char  *detail;
  guint  retry_after;
} JdClientErrorPrivate;

static void
jd_client_error_private_init (JdClientErrorPrivate *priv)
{
  priv->detail = NULL;
  priv->retry_after = 0;
}

static void
jd_client_error_private_copy (const JdClientErrorPrivate *src,
                              JdClientErrorPrivate       *dest)
{
  dest->detail = g_strdup (src->detail);
  dest->retry_after = src->retry_after;
}

static void
jd_client_error_private_clear (JdClientErrorPrivate *priv)
{
  g_clear_pointer (&priv->detail, g_free);
}

G_DEFINE_EXTENDED_ERROR (JdClientError, jd_client_error)

/* A caller that cancelled must stay quiet whichever layer noticed first. */
gboolean
jd_client_error_is_cancelled (const GError *error)
{
  return g_error_matches (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_CANCELLED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

GError *
jd_client_error_new_detailed (JdClientError  code,
                              const char    *detail,
                              const char    *format,
                              ...)
{
  GError *error;
  va_list args;

  va_start (args, format);
  error = g_error_new_valist (JD_CLIENT_ERROR, code, format, args);
  va_end (args);

  jd_client_error_set_detail (error, detail);
  return error;
}

const char *
jd_client_error_get_detail (const GError *error)
{
  if (error == NULL || error->domain != JD_CLIENT_ERROR)
    return NULL;

  return jd_client_error_get_private (error)->detail;
}

void
jd_client_error_set_detail (GError     *error,
                            const char *detail)
{
  JdClientErrorPrivate *priv;

  g_return_if_fail (error != NULL && error->domain == JD_CLIENT_ERROR);

  priv = jd_client_error_get_private (error);
  g_free (priv->detail);
  priv->detail = detail != NULL && *detail != '\0' ? g_strdup (detail) : NULL;
}

guint
jd_client_error_get_retry_after (const GError *error)
{
  if (error == NULL || error->domain != JD_CLIENT_ERROR)
    return 0;

  return jd_client_error_get_private (error)->retry_after;
}

void
jd_client_error_set_retry_after (GError *error,
                                 guint   seconds)
{
  g_return_if_fail (error != NULL && error->domain == JD_CLIENT_ERROR);

  jd_client_error_get_private (error)->retry_after = seconds;
}
