/* jd-client-error.h: the one error domain of the API layer.
 *
 * Every failure a user or a server can cause travels as a GError in
 * JD_CLIENT_ERROR, so the UI can turn each code into one sentence.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define JD_CLIENT_ERROR (jd_client_error_quark ())

typedef enum
{
  JD_CLIENT_ERROR_INVALID_INPUT,   /* refused before any request was sent */
  JD_CLIENT_ERROR_NOT_SIGNED_IN,   /* no credentials to send */
  JD_CLIENT_ERROR_UNAUTHORIZED,    /* 401, or the token endpoint refused */
  JD_CLIENT_ERROR_FORBIDDEN,       /* 403 */
  JD_CLIENT_ERROR_NOT_FOUND,       /* 404 */
  JD_CLIENT_ERROR_NOT_SUPPORTED,   /* 405, or an endpoint this Server lacks */
  JD_CLIENT_ERROR_BAD_REQUEST,     /* 400 outside sign-in */
  JD_CLIENT_ERROR_RATE_LIMITED,    /* 429 */
  JD_CLIENT_ERROR_SERVER,          /* 5xx */
  JD_CLIENT_ERROR_BAD_RESPONSE,    /* not the JSON we expect, HTML, truncated, too large */
  JD_CLIENT_ERROR_TIMEOUT,         /* no complete answer in time */
  JD_CLIENT_ERROR_NETWORK,         /* cannot connect, connection lost, DNS */
  JD_CLIENT_ERROR_TLS,             /* certificate not trusted, handshake failed */
  JD_CLIENT_ERROR_INSECURE,        /* credentials would go over plain HTTP */
  JD_CLIENT_ERROR_REDIRECT,        /* redirect loop, or to another host */
  JD_CLIENT_ERROR_CANCELLED,       /* the caller cancelled */
  JD_CLIENT_ERROR_FILE,            /* writing a download failed */
} JdClientError;

GQuark   jd_client_error_quark        (void);
gboolean jd_client_error_is_cancelled (const GError *error);

/* Beside its message, which is always a sentence of our own, an error of
 * this domain may carry what the library or the system said (in English,
 * for a details area or a bug report), and the wait a 429 named. Both
 * survive g_error_copy (). */
GError     *jd_client_error_new_detailed    (JdClientError  code,
                                             const char    *detail,
                                             const char    *format,
                                             ...) G_GNUC_PRINTF (3, 4);
/* NULL when there is none, or for an error of another domain. */
const char *jd_client_error_get_detail      (const GError  *error);
void        jd_client_error_set_detail      (GError        *error,
                                             const char    *detail);
/* Seconds; 0 when the server named none or for other errors. */
guint       jd_client_error_get_retry_after (const GError  *error);
void        jd_client_error_set_retry_after (GError        *error,
                                             guint          seconds);

G_END_DECLS
