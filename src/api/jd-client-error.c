/* jd-client-error.c: the JD_CLIENT_ERROR domain. */
#include "config.h"

#include <gio/gio.h>

#include "jd-client-error.h"

G_DEFINE_QUARK (jd-client-error-quark, jd_client_error)

/* A caller that cancelled must stay quiet whichever layer noticed first. */
gboolean
jd_client_error_is_cancelled (const GError *error)
{
  return g_error_matches (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_CANCELLED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}
