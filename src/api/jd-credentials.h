/* jd-credentials.h: credentials in the Secret Service (libsecret).
 *
 * One keyring item per server address and sign-in kind. The API key is an
 * attribute (it names the account); the API secret or the access token is
 * the secret. Nothing here touches GSettings or files.
 */
#pragma once

#include <gio/gio.h>

#include "jd-client.h"

G_BEGIN_DECLS

typedef struct
{
  char       *server;
  JdAuthKind  kind;
  char       *key;      /* NULL for an access token */
  char       *secret;   /* the API secret, or the access token */
} JdCredentials;

JdCredentials *jd_credentials_new          (const char     *server,
                                            JdAuthKind      kind,
                                            const char     *key,
                                            const char     *secret);
JdCredentials *jd_credentials_copy         (const JdCredentials *credentials);
void           jd_credentials_free         (JdCredentials  *credentials);
/* Gives the credentials to a client (set_api_key or set_access_token). */
void           jd_credentials_apply        (const JdCredentials *credentials,
                                            JdClient       *client);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdCredentials, jd_credentials_free)

/* Fails with G_IO_ERROR_NOT_SUPPORTED (or a libsecret/D-Bus error) when no
 * Secret Service runs; callers keep the credentials in memory then. */
void           jd_credentials_store_async  (const JdCredentials *credentials,
                                            GCancellable   *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer        user_data);
gboolean       jd_credentials_store_finish (GAsyncResult   *result,
                                            GError        **error);

/* Returns NULL without error when nothing is stored. */
void           jd_credentials_lookup_async  (const char    *server,
                                             JdAuthKind     kind,
                                             GCancellable  *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer       user_data);
JdCredentials *jd_credentials_lookup_finish (GAsyncResult  *result,
                                             GError       **error);

void           jd_credentials_forget_async  (const char    *server,
                                             JdAuthKind     kind,
                                             GCancellable  *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer       user_data);
gboolean       jd_credentials_forget_finish (GAsyncResult  *result,
                                             GError       **error);

G_END_DECLS
