/* jd-client.c: talks to one Alteryx Server's Web API (V3, OAuth 2).
 *
 * Every call is a JdCall carried by a GTask: get a token if needed, send
 * the request, follow same-host redirects, read the body up to a limit,
 * parse it on a worker thread, and return the model. A 401 renews the token
 * once; a newer token request is shared by every call that waits for it.
 */
#define G_LOG_DOMAIN "jd-client"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jd-api-enums.h"
#include "jd-client.h"
#include "jd-client-call.h"
#include "jd-job-summary-private.h"
#include "jd-json-reader.h"
#include "jd-object-id.h"

struct _JdClient
{
  GObject       parent_instance;

  SoupSession  *session;
  char         *base_url;

  JdAuthKind    auth_kind;
  char         *api_key;
  char         *api_secret;
  char         *token;
  gint64        token_renew_at;     /* monotonic µs; G_MAXINT64 for a pasted token */

  /* The one token request in flight, and the calls that wait for it. */
  GCancellable *token_cancellable;
  GPtrArray    *token_waiters;      /* GTask */
  guint         credentials_serial;

  guint         timeout;
  gsize         max_response_size;
  gboolean      allow_insecure;
  guint         retry_after;
};

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_SESSION,
  PROP_AUTH_KIND,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (JdClient, jd_client, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ */
/* Session and addresses                                               */

SoupSession *
jd_client_session_new (void)
{
  return soup_session_new_with_options ("user-agent", "JobDesk/" PACKAGE_VERSION " ",
                                        "timeout", 30,
                                        "idle-timeout", 60,
                                        "max-conns-per-host", 6,
                                        NULL);
}

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

/* ------------------------------------------------------------------ */
/* Credentials and token                                               */

static void
clear_secret (char **secret)
{
  if (*secret != NULL)
    {
      memset (*secret, 0, strlen (*secret));
      g_clear_pointer (secret, g_free);
    }
}

static void
fail_token_waiters (JdClient     *self,
                    const GError *error)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->token_waiters);

  self->token_waiters = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < waiters->len; i++)
    jd_call_token_failed (g_ptr_array_index (waiters, i), error);
}

static void
credentials_changed (JdClient *self)
{
  self->credentials_serial++;
  clear_secret (&self->token);
  self->token_renew_at = 0;

  if (self->token_cancellable != NULL)
    {
      g_cancellable_cancel (self->token_cancellable);
      g_clear_object (&self->token_cancellable);
    }

  if (self->token_waiters != NULL && self->token_waiters->len > 0)
    {
      g_autoptr(GError) error = g_error_new_literal (JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_SIGNED_IN,
                                                     _("The sign-in changed while this request waited; try again."));
      fail_token_waiters (self, error);
    }
}

void
jd_client_set_api_key (JdClient   *self,
                       const char *key,
                       const char *secret)
{
  g_return_if_fail (JD_IS_CLIENT (self));
  g_return_if_fail (key != NULL && secret != NULL);

  credentials_changed (self);
  clear_secret (&self->api_key);
  clear_secret (&self->api_secret);
  self->api_key = g_strstrip (g_strdup (key));
  self->api_secret = g_strstrip (g_strdup (secret));
  self->auth_kind = JD_AUTH_API_KEY;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTH_KIND]);
}

void
jd_client_set_access_token (JdClient   *self,
                            const char *token)
{
  g_autofree char *clean = NULL;

  g_return_if_fail (JD_IS_CLIENT (self));
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

  self->token_renew_at = G_MAXINT64;
  self->auth_kind = JD_AUTH_ACCESS_TOKEN;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTH_KIND]);
}

void
jd_client_sign_out (JdClient *self)
{
  g_return_if_fail (JD_IS_CLIENT (self));

  credentials_changed (self);
  clear_secret (&self->api_key);
  clear_secret (&self->api_secret);
  self->auth_kind = JD_AUTH_NONE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTH_KIND]);
}

/* The shared token request ended: hand its token, or its error, to every
 * call that waits for it. */
static void
on_token_call_done (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  JdClient *self = JD_CLIENT (source);
  guint serial = GPOINTER_TO_UINT (user_data);
  g_autoptr(JdTokenAnswer) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) waiters = NULL;
  gint64 margin;

  answer = g_task_propagate_pointer (G_TASK (result), &error);

  /* Credentials changed in between: that answer no longer matters. */
  if (serial != self->credentials_serial)
    return;

  g_clear_object (&self->token_cancellable);

  if (answer == NULL)
    {
      g_debug ("Token request failed: %s", error->message);
      fail_token_waiters (self, error);
      return;
    }

  clear_secret (&self->token);
  self->token = g_strdup (answer->access_token);
  /* Renew a minute early, or a quarter of a short lifetime early. */
  margin = MIN (60, answer->expires_in / 4);
  self->token_renew_at = g_get_monotonic_time () + (answer->expires_in - margin) * G_USEC_PER_SEC;
  g_debug ("Token received, valid for %" G_GINT64_FORMAT " s", answer->expires_in);

  waiters = g_steal_pointer (&self->token_waiters);
  self->token_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiters->len; i++)
    jd_call_token_ready (g_ptr_array_index (waiters, i), self->token);
}

/* Called by a call that needs a token. Returns TRUE with *token set when
 * one is ready now; otherwise the call waits and is resumed through
 * jd_call_token_ready () or jd_call_token_failed (). */
gboolean
jd_client_acquire_token (JdClient  *self,
                         GTask     *task,
                         gboolean   force_new,
                         char     **token)
{
  *token = NULL;

  switch (self->auth_kind)
    {
    case JD_AUTH_NONE:
      {
        g_autoptr(GError) error = g_error_new_literal (JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_SIGNED_IN,
                                                       _("You are not signed in to this server."));
        jd_call_token_failed (task, error);
        return FALSE;
      }

    case JD_AUTH_ACCESS_TOKEN:
      *token = g_strdup (self->token);
      return TRUE;

    case JD_AUTH_API_KEY:
      if (!force_new && self->token != NULL && g_get_monotonic_time () < self->token_renew_at)
        {
          *token = g_strdup (self->token);
          return TRUE;
        }
      break;

    default:
      g_assert_not_reached ();
    }

  if (force_new && self->token_cancellable == NULL)
    {
      clear_secret (&self->token);
      self->token_renew_at = 0;
    }

  g_ptr_array_add (self->token_waiters, g_object_ref (task));

  if (self->token_cancellable == NULL)
    {
      GTask *token_task;

      self->token_cancellable = g_cancellable_new ();
      token_task = g_task_new (self, self->token_cancellable, on_token_call_done,
                               GUINT_TO_POINTER (self->credentials_serial));
      g_task_set_source_tag (token_task, jd_client_acquire_token);
      g_task_set_check_cancellable (token_task, FALSE);
      jd_call_start (jd_call_new (JD_CALL_TOKEN, "POST", "/oauth2/token"), token_task);
    }

  return FALSE;
}

/* A call that no longer waits (it was cancelled) leaves the queue. */
void
jd_client_forget_waiter (JdClient *self,
                         GTask    *task)
{
  g_ptr_array_remove (self->token_waiters, task);
}

void
jd_client_get_key_pair (JdClient    *self,
                        const char **key,
                        const char **secret)
{
  *key = self->api_key;
  *secret = self->api_secret;
}

/* A call's 401 says the token it sent is dead; forget it unless a newer
 * one has replaced it meanwhile. */
void
jd_client_token_rejected (JdClient   *self,
                          const char *token)
{
  if (self->auth_kind == JD_AUTH_API_KEY && g_strcmp0 (self->token, token) == 0)
    {
      clear_secret (&self->token);
      self->token_renew_at = 0;
    }
}

/* ------------------------------------------------------------------ */
/* Accessors                                                           */

SoupSession *
jd_client_get_session (JdClient *self)
{
  g_return_val_if_fail (JD_IS_CLIENT (self), NULL);
  return self->session;
}

const char *
jd_client_get_base_url (JdClient *self)
{
  g_return_val_if_fail (JD_IS_CLIENT (self), NULL);
  return self->base_url;
}

JdAuthKind
jd_client_get_auth_kind (JdClient *self)
{
  g_return_val_if_fail (JD_IS_CLIENT (self), JD_AUTH_NONE);
  return self->auth_kind;
}

void
jd_client_set_timeout (JdClient *self,
                       guint     seconds)
{
  g_return_if_fail (JD_IS_CLIENT (self));
  self->timeout = seconds;
}

guint
jd_client_get_timeout (JdClient *self)
{
  g_return_val_if_fail (JD_IS_CLIENT (self), 0);
  return self->timeout != 0 ? self->timeout : JD_CLIENT_DEFAULT_TIMEOUT;
}

void
jd_client_set_max_response_size (JdClient *self,
                                 gsize     bytes)
{
  g_return_if_fail (JD_IS_CLIENT (self));
  self->max_response_size = bytes;
}

gsize
jd_client_get_max_response_size (JdClient *self)
{
  g_return_val_if_fail (JD_IS_CLIENT (self), 0);
  return self->max_response_size != 0 ? self->max_response_size : JD_CLIENT_MAX_RESPONSE_SIZE;
}

void
jd_client_set_allow_insecure (JdClient *self,
                              gboolean  allow)
{
  g_return_if_fail (JD_IS_CLIENT (self));
  self->allow_insecure = !!allow;
}

gboolean
jd_client_get_allow_insecure (JdClient *self)
{
  g_return_val_if_fail (JD_IS_CLIENT (self), FALSE);
  return self->allow_insecure;
}

guint
jd_client_get_retry_after (JdClient *self)
{
  g_return_val_if_fail (JD_IS_CLIENT (self), 0);
  return self->retry_after;
}

void
jd_client_set_retry_after (JdClient *self,
                           guint     seconds)
{
  self->retry_after = seconds;
}

/* ------------------------------------------------------------------ */
/* Calls                                                               */

static gboolean
check_id (const char      *id,
          JdObjectIdKind   kind,
          GError         **error)
{
  if (jd_object_id_is_valid (id))
    return TRUE;

  if (kind == JD_OBJECT_ID_JOB)
    g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_INVALID_INPUT,
                         _("This is not a job ID: a job ID has 24 letters and digits (0–9, a–f)."));
  else
    g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_INVALID_INPUT,
                         _("This is not a workflow ID: a workflow ID has 24 letters and digits (0–9, a–f)."));
  return FALSE;
}

static GTask *
new_task (JdClient            *self,
          gpointer             source_tag,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  /* We report cancellation ourselves, as JD_CLIENT_ERROR_CANCELLED. */
  g_task_set_check_cancellable (task, FALSE);
  return task;
}

static gboolean
refuse_early (GTask         *task,
              const GError  *error)
{
  g_task_return_error (task, g_error_copy (error));
  g_object_unref (task);
  return TRUE;
}

/* prefix, the ID escaped into its path segment, suffix; or NULL when id is
 * no such ID, and the task has been answered with that. */
static char *
id_path (GTask          *task,
         const char     *id,
         JdObjectIdKind  kind,
         const char     *prefix,
         const char     *suffix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;

  if (!check_id (id, kind, &error))
    {
      refuse_early (task, error);
      return NULL;
    }

  escaped = g_uri_escape_string (id, NULL, FALSE);
  return g_strconcat (prefix, escaped, suffix, NULL);
}

static gpointer
parse_job (GBytes   *bytes,
           gpointer  data,
           GError  **error)
{
  g_autoptr(JdJob) job = jd_json_read_job (bytes, error);
  const char *wanted = data;

  if (job == NULL)
    return NULL;

  /* The answer must be the job we asked for; a proxy cache that mixes
   * answers up must not show the wrong job under this ID. */
  if (g_ascii_strcasecmp (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), wanted) != 0)
    {
      g_set_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                   _("The server answered with a different job (%s)."), jd_job_summary_get_id (JD_JOB_SUMMARY (job)));
      return NULL;
    }

  /* "Copy as JSON" gives the Server's own words; a reference, not a copy. */
  jd_job_set_raw_json (job, bytes);

  return g_steal_pointer (&job);
}

static gpointer
parse_messages (GBytes   *bytes,
                gpointer  data,
                GError  **error)
{
  return jd_json_read_messages (bytes, error);
}

static gpointer
parse_workflow_jobs (GBytes   *bytes,
                     gpointer  data,
                     GError  **error)
{
  return jd_json_read_workflow_jobs (bytes, error);
}

static gpointer
parse_job_page (GBytes   *bytes,
                gpointer  data,
                GError  **error)
{
  return jd_json_read_job_page (bytes, error);
}

static gpointer
parse_workflows (GBytes   *bytes,
                 gpointer  data,
                 GError  **error)
{
  return jd_json_read_workflows (bytes, error);
}

static gpointer
parse_workflow (GBytes   *bytes,
                gpointer  data,
                GError  **error)
{
  g_autoptr(JdWorkflow) workflow = jd_json_read_workflow (bytes, error);
  const char *wanted = data;

  if (workflow == NULL)
    return NULL;

  /* As with jobs: never show another workflow under this ID. */
  if (g_ascii_strcasecmp (jd_workflow_get_id (workflow), wanted) != 0)
    {
      g_set_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                   _("The server answered with a different workflow (%s)."), jd_workflow_get_id (workflow));
      return NULL;
    }

  return g_steal_pointer (&workflow);
}

/* The result may have been returned just before the caller cancelled;
 * GTask delivers it later. A cancelled call never delivers data, so the
 * finish functions check once more. An unpropagated result is freed by the
 * task itself. */
static gboolean
caller_cancelled (GAsyncResult  *result,
                  GError       **error)
{
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));

  if (cancellable == NULL || !g_cancellable_is_cancelled (cancellable))
    return FALSE;

  g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_CANCELLED,
                       _("The request was cancelled."));
  return TRUE;
}

static gpointer
finish_pointer (GAsyncResult  *result,
                GError       **error)
{
  if (caller_cancelled (result, error))
    return NULL;

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
finish_boolean (GAsyncResult  *result,
                GError       **error)
{
  if (caller_cancelled (result, error))
    return FALSE;

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
jd_client_sign_in_async (JdClient            *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;
  JdCall *call;

  g_return_if_fail (JD_IS_CLIENT (self));

  task = new_task (self, jd_client_sign_in_async, cancellable, callback, user_data);

  if (self->auth_kind == JD_AUTH_API_KEY)
    {
      call = jd_call_new (JD_CALL_SIGN_IN_KEY, "POST", NULL);
    }
  else
    {
      /* A harmless authorised call: an ID no job has. 404 means the token
       * was accepted; 401 means it was not. */
      call = jd_call_new (JD_CALL_SIGN_IN_TOKEN, "GET",
                          "/v3/jobs/000000000000000000000000?includeMessages=false");
    }

  jd_call_start (call, task);
}

gboolean
jd_client_sign_in_finish (JdClient      *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return finish_boolean (result, error);
}

void
jd_client_get_job_async (JdClient            *self,
                         const char          *job_id,
                         gboolean             include_messages,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autofree char *path = NULL;
  GTask *task;
  JdCall *call;

  g_return_if_fail (JD_IS_CLIENT (self));

  task = new_task (self, jd_client_get_job_async, cancellable, callback, user_data);
  path = id_path (task, job_id, JD_OBJECT_ID_JOB, "/v3/jobs/",
                  include_messages ? "?includeMessages=true" : "?includeMessages=false");
  if (path == NULL)
    return;
  call = jd_call_new (JD_CALL_JSON, "GET", path);
  jd_call_set_parser (call, parse_job, g_ascii_strdown (job_id, -1), g_free);
  jd_call_set_subject (call, JD_CALL_SUBJECT_JOB, job_id);
  jd_call_start (call, task);
}

JdJob *
jd_client_get_job_finish (JdClient      *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return finish_pointer (result, error);
}

void
jd_client_get_job_messages_async (JdClient            *self,
                                  const char          *job_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autofree char *path = NULL;
  GTask *task;
  JdCall *call;

  g_return_if_fail (JD_IS_CLIENT (self));

  task = new_task (self, jd_client_get_job_messages_async, cancellable, callback, user_data);
  path = id_path (task, job_id, JD_OBJECT_ID_JOB, "/v3/jobs/", "/messages");
  if (path == NULL)
    return;
  call = jd_call_new (JD_CALL_JSON, "GET", path);
  jd_call_set_parser (call, parse_messages, NULL, NULL);
  jd_call_set_subject (call, JD_CALL_SUBJECT_MESSAGES, job_id);
  jd_call_start (call, task);
}

GListModel *
jd_client_get_job_messages_finish (JdClient      *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return finish_pointer (result, error);
}

static void
append_query (GString    *path,
              const char *name,
              const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL || *value == '\0')
    return;

  escaped = g_uri_escape_string (value, NULL, FALSE);
  g_string_append_c (path, strchr (path->str, '?') != NULL ? '&' : '?');
  g_string_append_printf (path, "%s=%s", name, escaped);
}

/* A day as the Server takes it: yyyy-MM-dd, in the date's own zone. */
static void
append_date_query (GString    *path,
                   const char *name,
                   GDateTime  *date)
{
  g_autofree char *day = NULL;

  if (date == NULL)
    return;

  day = g_date_time_format (date, "%Y-%m-%d");
  append_query (path, name, day);
}

/* Sorting and paging, which both lists of jobs take alike. */
static void
append_page_query (GString         *path,
                   const char      *sort_field,
                   JdSortDirection  direction,
                   guint            offset,
                   guint            limit)
{
  char number[32];

  append_query (path, "sortField", sort_field);
  if (sort_field != NULL)
    append_query (path, "direction", direction == JD_SORT_ASCENDING ? "asc" : "desc");
  if (offset > 0)
    {
      g_snprintf (number, sizeof number, "%u", offset);
      append_query (path, "offset", number);
    }
  if (limit > 0)
    {
      g_snprintf (number, sizeof number, "%u", limit);
      append_query (path, "limit", number);
    }
}

void
jd_client_list_workflow_jobs_async (JdClient            *self,
                                    const char          *workflow_id,
                                    const JdJobQuery    *query,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GString) path = NULL;
  g_autofree char *segment = NULL;
  GTask *task;
  JdCall *call;

  g_return_if_fail (JD_IS_CLIENT (self));

  task = new_task (self, jd_client_list_workflow_jobs_async, cancellable, callback, user_data);
  segment = id_path (task, workflow_id, JD_OBJECT_ID_WORKFLOW, "/v3/workflows/", "/jobs");
  if (segment == NULL)
    return;
  path = g_string_new (segment);

  if (query != NULL)
    {
      append_page_query (path, query->sort_field, query->direction, query->offset, query->limit);
      append_query (path, "status", query->status);
      append_query (path, "resultCode", query->result_code);
    }

  call = jd_call_new (JD_CALL_JSON, "GET", path->str);
  jd_call_set_parser (call, parse_workflow_jobs, NULL, NULL);
  jd_call_set_subject (call, JD_CALL_SUBJECT_WORKFLOW, workflow_id);
  jd_call_start (call, task);
}

JdJobPage *
jd_client_list_workflow_jobs_finish (JdClient      *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return finish_pointer (result, error);
}

void
jd_client_list_jobs_async (JdClient                *self,
                           const JdRecentJobsQuery *query,
                           GCancellable            *cancellable,
                           GAsyncReadyCallback      callback,
                           gpointer                 user_data)
{
  g_autoptr(GString) path = NULL;
  GTask *task;
  JdCall *call;

  g_return_if_fail (JD_IS_CLIENT (self));

  task = new_task (self, jd_client_list_jobs_async, cancellable, callback, user_data);
  path = g_string_new ("/v3/jobs");

  if (query != NULL)
    {
      append_page_query (path, query->sort_field, query->direction, query->offset, query->limit);
      append_query (path, "statuses", query->statuses);
      append_query (path, "workflowNames", query->workflow_names);
      append_query (path, "priorities", query->priorities);
      append_query (path, "users", query->users);
      if (query->all_users)
        append_query (path, "allUsers", "true");
      append_date_query (path, "completedAfter", query->completed_after);
      append_date_query (path, "completedBefore", query->completed_before);
    }

  call = jd_call_new (JD_CALL_JSON, "GET", path->str);
  jd_call_set_parser (call, parse_job_page, NULL, NULL);
  jd_call_set_subject (call, JD_CALL_SUBJECT_RECENT_JOBS, NULL);
  jd_call_start (call, task);
}

JdJobPage *
jd_client_list_jobs_finish (JdClient      *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return finish_pointer (result, error);
}

void
jd_client_delete_job_async (JdClient            *self,
                            const char          *job_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autofree char *path = NULL;
  GTask *task;
  JdCall *call;

  g_return_if_fail (JD_IS_CLIENT (self));

  task = new_task (self, jd_client_delete_job_async, cancellable, callback, user_data);
  path = id_path (task, job_id, JD_OBJECT_ID_JOB, "/v3/jobs/", "");
  if (path == NULL)
    return;
  call = jd_call_new (JD_CALL_NO_BODY, "DELETE", path);
  jd_call_set_subject (call, JD_CALL_SUBJECT_CANCEL_JOB, job_id);
  jd_call_start (call, task);
}

gboolean
jd_client_delete_job_finish (JdClient      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return finish_boolean (result, error);
}

void
jd_client_list_workflows_async (JdClient            *self,
                                const char          *name,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GString) path = NULL;
  GTask *task;
  JdCall *call;

  g_return_if_fail (JD_IS_CLIENT (self));

  task = new_task (self, jd_client_list_workflows_async, cancellable, callback, user_data);
  path = g_string_new ("/v3/workflows");
  append_query (path, "name", name);
  append_query (path, "view", "Default");

  call = jd_call_new (JD_CALL_JSON, "GET", path->str);
  jd_call_set_parser (call, parse_workflows, NULL, NULL);
  jd_call_set_subject (call, JD_CALL_SUBJECT_WORKFLOWS, NULL);
  jd_call_start (call, task);
}

GListModel *
jd_client_list_workflows_finish (JdClient      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return finish_pointer (result, error);
}

void
jd_client_get_workflow_async (JdClient            *self,
                              const char          *workflow_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autofree char *path = NULL;
  GTask *task;
  JdCall *call;

  g_return_if_fail (JD_IS_CLIENT (self));

  task = new_task (self, jd_client_get_workflow_async, cancellable, callback, user_data);
  path = id_path (task, workflow_id, JD_OBJECT_ID_WORKFLOW, "/v3/workflows/", "");
  if (path == NULL)
    return;
  call = jd_call_new (JD_CALL_JSON, "GET", path);
  jd_call_set_parser (call, parse_workflow, g_ascii_strdown (workflow_id, -1), g_free);
  jd_call_set_subject (call, JD_CALL_SUBJECT_WORKFLOW, workflow_id);
  jd_call_start (call, task);
}

JdWorkflow *
jd_client_get_workflow_finish (JdClient      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return finish_pointer (result, error);
}

static gboolean
is_format_name (const char *format)
{
  if (format == NULL || *format == '\0' || strlen (format) > 16)
    return FALSE;

  for (const char *p = format; *p; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;

  return TRUE;
}

void
jd_client_download_output_async (JdClient              *self,
                                 const char            *job_id,
                                 const char            *output_id,
                                 const char            *format,
                                 GFile                 *destination,
                                 GFileProgressCallback  progress,
                                 gpointer               progress_data,
                                 GCancellable          *cancellable,
                                 GAsyncReadyCallback    callback,
                                 gpointer               user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *job_path = NULL;
  g_autofree char *escaped_output = NULL;
  g_autofree char *path = NULL;
  GTask *task;
  JdCall *call;

  g_return_if_fail (JD_IS_CLIENT (self));
  g_return_if_fail (G_IS_FILE (destination));

  task = new_task (self, jd_client_download_output_async, cancellable, callback, user_data);
  job_path = id_path (task, job_id, JD_OBJECT_ID_JOB, "/v1/jobs/", "/output/");
  if (job_path == NULL)
    return;

  /* Escaping keeps every other ID in its segment, but "." and ".." are
   * dot segments that URI parsing resolves away. */
  if (output_id == NULL || *output_id == '\0' || strlen (output_id) > 256 ||
      g_str_equal (output_id, ".") || g_str_equal (output_id, "..") ||
      !is_format_name (format))
    {
      error = g_error_new_literal (JD_CLIENT_ERROR, JD_CLIENT_ERROR_INVALID_INPUT,
                                   _("This output or format cannot be downloaded."));
      refuse_early (task, error);
      return;
    }

  escaped_output = g_uri_escape_string (output_id, NULL, FALSE);
  path = g_strconcat (job_path, escaped_output, "?format=", format, NULL);
  call = jd_call_new (JD_CALL_DOWNLOAD, "GET", path);
  jd_call_set_download (call, destination, progress, progress_data);
  jd_call_set_subject (call, JD_CALL_SUBJECT_OUTPUT, job_id);
  jd_call_start (call, task);
}

gboolean
jd_client_download_output_finish (JdClient      *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return finish_boolean (result, error);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
jd_client_dispose (GObject *object)
{
  JdClient *self = JD_CLIENT (object);

  if (self->token_cancellable != NULL)
    g_cancellable_cancel (self->token_cancellable);
  g_clear_object (&self->token_cancellable);

  G_OBJECT_CLASS (jd_client_parent_class)->dispose (object);
}

static void
jd_client_finalize (GObject *object)
{
  JdClient *self = JD_CLIENT (object);

  /* Waiters hold a reference on us through their tasks, so none is left. */
  g_assert (self->token_waiters->len == 0);
  g_clear_pointer (&self->token_waiters, g_ptr_array_unref);
  g_clear_object (&self->session);
  g_clear_pointer (&self->base_url, g_free);
  clear_secret (&self->api_key);
  clear_secret (&self->api_secret);
  clear_secret (&self->token);

  G_OBJECT_CLASS (jd_client_parent_class)->finalize (object);
}

static void
jd_client_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  JdClient *self = JD_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_AUTH_KIND:
      g_value_set_enum (value, self->auth_kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_client_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  JdClient *self = JD_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      self->base_url = g_value_dup_string (value);
      break;

    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_client_constructed (GObject *object)
{
  JdClient *self = JD_CLIENT (object);

  G_OBJECT_CLASS (jd_client_parent_class)->constructed (object);

  if (self->session == NULL)
    self->session = jd_client_session_new ();

  g_assert (self->base_url != NULL);
}

static void
jd_client_class_init (JdClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = jd_client_constructed;
  object_class->dispose = jd_client_dispose;
  object_class->finalize = jd_client_finalize;
  object_class->get_property = jd_client_get_property;
  object_class->set_property = jd_client_set_property;

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         SOUP_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_AUTH_KIND] =
    g_param_spec_enum ("auth-kind", NULL, NULL,
                       JD_TYPE_AUTH_KIND, JD_AUTH_NONE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jd_client_init (JdClient *self)
{
  self->token_waiters = g_ptr_array_new_with_free_func (g_object_unref);
}

JdClient *
jd_client_new (SoupSession *session,
               const char  *base_url)
{
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (session == NULL || SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (base_url != NULL, NULL);

  normalized = jd_client_normalize_base_url (base_url, NULL, NULL);
  g_return_val_if_fail (normalized != NULL, NULL);

  return g_object_new (JD_TYPE_CLIENT,
                       "session", session,
                       "base-url", normalized,
                       NULL);
}
