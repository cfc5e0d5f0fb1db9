/* jd-client.c: talks to one Alteryx Server's Web API (V3, OAuth 2).
 *
 * The client checks what a caller asks for (IDs, formats, plain HTTP),
 * builds the request's path and hands it to a JdCall carried by a GTask
 * (jd-client-call.c), with what the call needs in a JdCallContext. The
 * credentials and the token live in a JdTokenSource that the client and
 * its calls share; its one token request is a call like any other,
 * started here (fetch_token), so neither file calls back into the other.
 */
#define G_LOG_DOMAIN "jd-client"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jd-api-enums.h"
#include "jd-client.h"
#include "jd-client-call.h"
#include "jd-client-parsers.h"
#include "jd-token-source.h"
#include "jd-job-summary-private.h"
#include "jd-json-cut-off.h"
#include "jd-json-reader.h"
#include "jd-message-list.h"
#include "jd-object-id.h"
#include "jd-request-path.h"

struct _JdClient
{
  GObject       parent_instance;

  SoupSession  *session;
  char         *base_url;

  /* Credentials, the token, and the calls waiting for one. */
  JdTokenSource *tokens;

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

/* ------------------------------------------------------------------ */
/* Credentials and token                                               */

void
jd_client_set_api_key (JdClient   *self,
                       const char *key,
                       const char *secret)
{
  g_return_if_fail (JD_IS_CLIENT (self));
  g_return_if_fail (key != NULL && secret != NULL);

  jd_token_source_set_api_key (self->tokens, key, secret);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTH_KIND]);
}

void
jd_client_set_access_token (JdClient   *self,
                            const char *token)
{
  g_return_if_fail (JD_IS_CLIENT (self));
  g_return_if_fail (token != NULL);

  jd_token_source_set_access_token (self->tokens, token);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTH_KIND]);
}

void
jd_client_sign_out (JdClient *self)
{
  g_return_if_fail (JD_IS_CLIENT (self));

  jd_token_source_clear (self->tokens);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTH_KIND]);
}

static void start_call (JdClient *self, JdCall *call, GTask *task);

/* The token source's one token request, sent as a call like any other. */
static void
fetch_token (JdTokenSource       *source,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data,
             gpointer             fetch_data)
{
  JdClient *self = fetch_data;
  GTask *task;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fetch_token);
  g_task_set_check_cancellable (task, FALSE);
  start_call (self, jd_call_new (JD_CALL_TOKEN, "POST", "/oauth2/token"), task);
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
  return jd_token_source_get_auth_kind (self->tokens);
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

/* Credentials go over plain http:// to loopback only, unless allowed. */
static gboolean
check_transport (JdClient  *self,
                 GError   **error)
{
  if (g_ascii_strncasecmp (self->base_url, "http://", 7) == 0 &&
      !jd_client_is_loopback_url (self->base_url) &&
      !self->allow_insecure)
    {
      g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_INSECURE,
                           _("This address uses plain HTTP, so your credentials would travel unencrypted. Use an https:// address, or allow unencrypted connections for this server."));
      return FALSE;
    }

  return TRUE;
}

static void
start_call (JdClient *self,
            JdCall   *call,
            GTask    *task)
{
  g_autoptr(GError) error = NULL;
  JdCallContext context = { 0 };

  if (!check_transport (self, &error))
    {
      jd_call_free (call);
      refuse_early (task, error);
      return;
    }

  context.session = self->session;
  context.base_url = self->base_url;
  context.timeout = jd_client_get_timeout (self);
  context.max_response_size = jd_client_get_max_response_size (self);
  context.tokens = self->tokens;
  jd_call_start (call, &context, task);
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

/* A 429 tells how long to wait; the client keeps it for the follower. */
static void
note_failure (GAsyncResult *result,
              const GError *error)
{
  JdClient *self = JD_CLIENT (g_task_get_source_object (G_TASK (result)));

  if (g_error_matches (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_RATE_LIMITED))
    self->retry_after = jd_client_error_get_retry_after (error);
}

static gpointer
finish_pointer (GAsyncResult  *result,
                GError       **error)
{
  g_autoptr(GError) local = NULL;
  gpointer pointer;

  if (caller_cancelled (result, error))
    return NULL;

  pointer = g_task_propagate_pointer (G_TASK (result), &local);
  if (local != NULL)
    {
      note_failure (result, local);
      g_propagate_error (error, g_steal_pointer (&local));
    }
  return pointer;
}

static gboolean
finish_boolean (GAsyncResult  *result,
                GError       **error)
{
  g_autoptr(GError) local = NULL;
  gboolean ok;

  if (caller_cancelled (result, error))
    return FALSE;

  ok = g_task_propagate_boolean (G_TASK (result), &local);
  if (local != NULL)
    {
      note_failure (result, local);
      g_propagate_error (error, g_steal_pointer (&local));
    }
  return ok;
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

  if (jd_client_get_auth_kind (self) == JD_AUTH_API_KEY)
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

  start_call (self, call, task);
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
  jd_call_set_parser (call, jd_client_parse_job, g_ascii_strdown (job_id, -1), g_free);
  if (include_messages)
    jd_call_set_cut_off_parser (call, jd_client_parse_job_cut_off);
  jd_call_set_subject (call, JD_CALL_SUBJECT_JOB, job_id);
  start_call (self, call, task);
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
  jd_call_set_parser (call, jd_client_parse_messages, NULL, NULL);
  jd_call_set_cut_off_parser (call, jd_client_parse_messages_cut_off);
  jd_call_set_subject (call, JD_CALL_SUBJECT_MESSAGES, job_id);
  start_call (self, call, task);
}

GListModel *
jd_client_get_job_messages_finish (JdClient      *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return finish_pointer (result, error);
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
      jd_request_path_append_page_query (path, query->sort_field, query->direction == JD_SORT_ASCENDING,
                                         query->offset, query->limit);
      jd_request_path_append_query (path, "status", query->status);
      jd_request_path_append_query (path, "resultCode", query->result_code);
    }

  call = jd_call_new (JD_CALL_JSON, "GET", path->str);
  jd_call_set_parser (call, jd_client_parse_workflow_jobs,
                      query != NULL ? g_strdup (query->result_code) : NULL, g_free);
  jd_call_set_subject (call, JD_CALL_SUBJECT_WORKFLOW, workflow_id);
  start_call (self, call, task);
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
      jd_request_path_append_page_query (path, query->sort_field, query->direction == JD_SORT_ASCENDING,
                                         query->offset, query->limit);
      jd_request_path_append_query (path, "statuses", query->statuses);
      jd_request_path_append_query (path, "workflowNames", query->workflow_names);
      jd_request_path_append_query (path, "priorities", query->priorities);
      jd_request_path_append_query (path, "users", query->users);
      if (query->all_users)
        jd_request_path_append_query (path, "allUsers", "true");
      jd_request_path_append_date_query (path, "completedAfter", query->completed_after);
      jd_request_path_append_date_query (path, "completedBefore", query->completed_before);
    }

  call = jd_call_new (JD_CALL_JSON, "GET", path->str);
  jd_call_set_parser (call, jd_client_parse_job_page, NULL, NULL);
  jd_call_set_subject (call, JD_CALL_SUBJECT_RECENT_JOBS, NULL);
  start_call (self, call, task);
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
  start_call (self, call, task);
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
  jd_request_path_append_query (path, "name", name);
  jd_request_path_append_query (path, "view", "Default");

  call = jd_call_new (JD_CALL_JSON, "GET", path->str);
  jd_call_set_parser (call, jd_client_parse_workflows, NULL, NULL);
  jd_call_set_subject (call, JD_CALL_SUBJECT_WORKFLOWS, NULL);
  start_call (self, call, task);
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
  jd_call_set_parser (call, jd_client_parse_workflow, g_ascii_strdown (workflow_id, -1), g_free);
  jd_call_set_subject (call, JD_CALL_SUBJECT_WORKFLOW, workflow_id);
  start_call (self, call, task);
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
  jd_call_set_download (call, destination, format, progress, progress_data);
  jd_call_set_subject (call, JD_CALL_SUBJECT_OUTPUT, job_id);
  start_call (self, call, task);
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

  if (self->tokens != NULL)
    jd_token_source_shutdown (self->tokens);

  G_OBJECT_CLASS (jd_client_parent_class)->dispose (object);
}

static void
jd_client_finalize (GObject *object)
{
  JdClient *self = JD_CLIENT (object);

  /* Waiting calls hold a reference on us through their tasks, so none
   * is left in the token source's queue. */
  g_clear_object (&self->tokens);
  g_clear_object (&self->session);
  g_clear_pointer (&self->base_url, g_free);

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
      g_value_set_enum (value, jd_client_get_auth_kind (self));
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
  self->tokens = jd_token_source_new (fetch_token, self);
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
