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

G_END_DECLS
