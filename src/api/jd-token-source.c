/* jd-token-source.c: the credentials of one client, and its access token.
 *
 * The token lives here and nowhere else: calls ask for it, wait in one
 * queue while a single token request is in flight, and report a token the
 * Server refused. A change of credentials ends the request in flight (its
 * answer no longer matters) and tells every waiting call.
 */
#define G_LOG_DOMAIN "jd-client"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "jd-client-error.h"
#include "jd-token-source.h"

typedef struct
{
  guint            id;
  JdTokenReadyFunc ready;
  gpointer         user_data;
} Waiter;

struct _JdTokenSource
{
  GObject           parent_instance;

  JdTokenFetchFunc  fetch;
  gpointer          fetch_data;

  JdAuthKind        auth_kind;
  char             *api_key;
  char             *api_secret;
  char             *token;
  gint64            renew_at;      /* monotonic µs; G_MAXINT64 for a pasted token */

  /* The one token request in flight, and the calls that wait for it. */
  GCancellable     *cancellable;
  GArray           *waiters;       /* Waiter */
  guint             next_wait_id;
  guint             serial;        /* changes with the credentials */
};

G_DEFINE_FINAL_TYPE (JdTokenSource, jd_token_source, G_TYPE_OBJECT)

void
jd_token_answer_free (JdTokenAnswer *answer)
{
  if (answer == NULL)
    return;

  if (answer->access_token != NULL)
    memset (answer->access_token, 0, strlen (answer->access_token));
  g_free (answer->access_token);
  g_free (answer);
}

static void
clear_secret (char **secret)
{
  if (*secret != NULL)
    {
      memset (*secret, 0, strlen (*secret));
      g_clear_pointer (secret, g_free);
    }
}

/* Hands the token, or the error, to every waiter. The queue is emptied
 * first: a waiter may ask again at once and must then wait anew. */
static void
wake_waiters (JdTokenSource *self,
              const char    *token,
              const GError  *error)
{
  g_autoptr(GArray) waiters = g_steal_pointer (&self->waiters);
  g_autofree char *copy = g_strdup (token);

  self->waiters = g_array_new (FALSE, FALSE, sizeof (Waiter));

  for (guint i = 0; i < waiters->len; i++)
    {
      const Waiter *waiter = &g_array_index (waiters, Waiter, i);

      waiter->ready (copy, error, waiter->user_data);
    }

  if (copy != NULL)
    memset (copy, 0, strlen (copy));
}

static void
credentials_changed (JdTokenSource *self)
{
  self->serial++;
  clear_secret (&self->token);
  self->renew_at = 0;

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }

  if (self->waiters->len > 0)
    {
      g_autoptr(GError) error = g_error_new_literal (JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_SIGNED_IN,
                                                     _("The sign-in changed while this request waited; try again."));
      wake_waiters (self, NULL, error);
    }
}

JdAuthKind
jd_token_source_get_auth_kind (JdTokenSource *self)
{
  g_return_val_if_fail (JD_IS_TOKEN_SOURCE (self), JD_AUTH_NONE);
  return self->auth_kind;
}

void
jd_token_source_set_api_key (JdTokenSource *self,
                             const char    *key,
                             const char    *secret)
{
  g_return_if_fail (JD_IS_TOKEN_SOURCE (self));
  g_return_if_fail (key != NULL && secret != NULL);

  credentials_changed (self);
  clear_secret (&self->api_key);
  clear_secret (&self->api_secret);
  self->api_key = g_strstrip (g_strdup (key));
  self->api_secret = g_strstrip (g_strdup (secret));
  self->auth_kind = JD_AUTH_API_KEY;
}

void
jd_token_source_set_access_token (JdTokenSource *self,
                                  const char    *token)
{
  g_autofree char *clean = NULL;

  g_return_if_fail (JD_IS_TOKEN_SOURCE (self));
  g_return_if_fail (token != NULL);

  credentials_changed (self);
  clear_secret (&self->api_key);
  clear_secret (&self->api_secret);

  /* People paste "Bearer abc…" from Postman as often as the bare token. */
  clean = g_strstrip (g_strdup (token));
  if (g_ascii_strncasecmp (clean, "Bearer ", 7) == 0)
    self->token = g_strstrip (g_strdup (clean + 7));
  else
    self->token = g_steal_pointer (&clean);
  if (clean != NULL)
    memset (clean, 0, strlen (clean));

  self->renew_at = G_MAXINT64;
  self->auth_kind = JD_AUTH_ACCESS_TOKEN;
}

void
jd_token_source_clear (JdTokenSource *self)
{
  g_return_if_fail (JD_IS_TOKEN_SOURCE (self));

  credentials_changed (self);
  clear_secret (&self->api_key);
  clear_secret (&self->api_secret);
  self->auth_kind = JD_AUTH_NONE;
}

void
jd_token_source_get_key_pair (JdTokenSource  *self,
                              const char    **key,
                              const char    **secret)
{
  g_return_if_fail (JD_IS_TOKEN_SOURCE (self));

  *key = self->api_key != NULL ? self->api_key : "";
  *secret = self->api_secret != NULL ? self->api_secret : "";
}

GBytes *
jd_token_source_dup_request_form (JdTokenSource *self,
                                  gboolean       with_key)
{
  const char *key, *secret;
  g_autofree char *form = NULL;
  GBytes *bytes;

  g_return_val_if_fail (JD_IS_TOKEN_SOURCE (self), NULL);

  jd_token_source_get_key_pair (self, &key, &secret);
  if (with_key)
    form = soup_form_encode ("grant_type", "client_credentials",
                             "client_id", key,
                             "client_secret", secret,
                             NULL);
  else
    form = soup_form_encode ("grant_type", "client_credentials", NULL);

  /* The copy in the bytes is the only one left. */
  bytes = g_bytes_new (form, strlen (form));
  memset (form, 0, strlen (form));
  return bytes;
}

char *
jd_token_source_dup_basic_header (JdTokenSource *self)
{
  const char *key, *secret;
  g_autofree char *pair = NULL;
  g_autofree char *encoded = NULL;
  char *header;

  g_return_val_if_fail (JD_IS_TOKEN_SOURCE (self), NULL);

  jd_token_source_get_key_pair (self, &key, &secret);
  pair = g_strconcat (key, ":", secret, NULL);
  encoded = g_base64_encode ((const guchar *) pair, strlen (pair));
  header = g_strconcat ("Basic ", encoded, NULL);
  memset (pair, 0, strlen (pair));
  memset (encoded, 0, strlen (encoded));

  return header;
}

typedef struct
{
  JdTokenSource *self;     /* a reference */
  guint          serial;   /* the credentials it was sent for */
} Fetch;

/* The shared token request ended: hand its token, or its error, to every
 * call that waits for it. */
static void
on_fetched_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Fetch *fetch = user_data;
  g_autoptr(JdTokenSource) self = fetch->self;
  guint serial = fetch->serial;
  g_autoptr(JdTokenAnswer) answer = NULL;
  g_autoptr(GError) error = NULL;
  gint64 margin;

  g_free (fetch);
  answer = g_task_propagate_pointer (G_TASK (result), &error);

  /* Credentials changed in between: that answer no longer matters. */
  if (serial != self->serial)
    return;

  g_clear_object (&self->cancellable);

  if (answer == NULL)
    {
      g_debug ("Token request failed: %s", error->message);
      wake_waiters (self, NULL, error);
      return;
    }

  clear_secret (&self->token);
  self->token = g_strdup (answer->access_token);
  /* Renew a minute early, or a quarter of a short lifetime early. */
  margin = MIN (60, answer->expires_in / 4);
  self->renew_at = g_get_monotonic_time () + (answer->expires_in - margin) * G_USEC_PER_SEC;
  g_debug ("Token received, valid for %" G_GINT64_FORMAT " s", answer->expires_in);

  wake_waiters (self, self->token, NULL);
}

gboolean
jd_token_source_acquire (JdTokenSource     *self,
                         gboolean           force_new,
                         char             **token,
                         JdTokenReadyFunc   ready,
                         gpointer           user_data,
                         guint             *wait_id,
                         GError           **error)
{
  Waiter waiter;

  g_return_val_if_fail (JD_IS_TOKEN_SOURCE (self), FALSE);

  *token = NULL;
  *wait_id = 0;

  switch (self->auth_kind)
    {
    case JD_AUTH_NONE:
      g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_SIGNED_IN,
                           _("You are not signed in to this server."));
      return FALSE;

    case JD_AUTH_ACCESS_TOKEN:
      *token = g_strdup (self->token);
      return TRUE;

    case JD_AUTH_API_KEY:
      if (!force_new && self->token != NULL && g_get_monotonic_time () < self->renew_at)
        {
          *token = g_strdup (self->token);
          return TRUE;
        }
      break;

    default:
      g_assert_not_reached ();
    }

  if (force_new && self->cancellable == NULL)
    {
      clear_secret (&self->token);
      self->renew_at = 0;
    }

  waiter.id = ++self->next_wait_id;
  if (waiter.id == 0)
    waiter.id = ++self->next_wait_id;
  waiter.ready = ready;
  waiter.user_data = user_data;
  g_array_append_val (self->waiters, waiter);
  *wait_id = waiter.id;

  if (self->cancellable == NULL)
    {
      Fetch *fetch = g_new (Fetch, 1);

      fetch->self = g_object_ref (self);
      fetch->serial = self->serial;
      self->cancellable = g_cancellable_new ();
      self->fetch (self, self->cancellable, on_fetched_cb, fetch, self->fetch_data);
    }

  return FALSE;
}

void
jd_token_source_cancel_wait (JdTokenSource *self,
                             guint          wait_id)
{
  g_return_if_fail (JD_IS_TOKEN_SOURCE (self));

  for (guint i = 0; i < self->waiters->len; i++)
    if (g_array_index (self->waiters, Waiter, i).id == wait_id)
      {
        g_array_remove_index (self->waiters, i);
        return;
      }
}

void
jd_token_source_reject (JdTokenSource *self,
                        const char    *token)
{
  g_return_if_fail (JD_IS_TOKEN_SOURCE (self));

  if (self->auth_kind == JD_AUTH_API_KEY && g_strcmp0 (self->token, token) == 0)
    {
      clear_secret (&self->token);
      self->renew_at = 0;
    }
}

void
jd_token_source_shutdown (JdTokenSource *self)
{
  g_return_if_fail (JD_IS_TOKEN_SOURCE (self));

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
}

static void
jd_token_source_finalize (GObject *object)
{
  JdTokenSource *self = JD_TOKEN_SOURCE (object);

  /* Each waiting call holds its client, and the client holds us. */
  g_assert (self->waiters->len == 0);
  g_clear_pointer (&self->waiters, g_array_unref);
  g_clear_object (&self->cancellable);
  clear_secret (&self->api_key);
  clear_secret (&self->api_secret);
  clear_secret (&self->token);

  G_OBJECT_CLASS (jd_token_source_parent_class)->finalize (object);
}

static void
jd_token_source_class_init (JdTokenSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jd_token_source_finalize;
}

static void
jd_token_source_init (JdTokenSource *self)
{
  self->waiters = g_array_new (FALSE, FALSE, sizeof (Waiter));
}

JdTokenSource *
jd_token_source_new (JdTokenFetchFunc fetch,
                     gpointer         fetch_data)
{
  JdTokenSource *self;

  g_return_val_if_fail (fetch != NULL, NULL);

  self = g_object_new (JD_TYPE_TOKEN_SOURCE, NULL);
  self->fetch = fetch;
  self->fetch_data = fetch_data;
  return self;
}
