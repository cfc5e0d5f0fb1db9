/* jd-json-reader.c: pure functions from a Server's JSON to our models.
 *
 * Everything here runs on worker threads: no global state. The readers
 * follow DESIGN §1: they read the names the Server's Swagger publishes
 * first and other spellings only as fallbacks (tests/data/server-schema.json
 * lists the published ones, and tests/test-contract.c holds the readers to
 * it), and they are tolerant and honest: a member that is missing or of
 * the wrong type is "not given", and an element of a list that cannot be
 * read is counted, never dropped silently. jd-json-document.c does the
 * parsing and the typed reads of members, jd-json-values.c the dates and
 * durations.
 */
#define G_LOG_DOMAIN "jd-json-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "jd-client-error.h"
#include "jd-job-output.h"
#include "jd-job-page.h"
#include "jd-job-summary-private.h"
#include "jd-json-document.h"
#include "jd-json-reader.h"
#include "jd-message-list.h"
#include "jd-job-summary.h"
#include "jd-workflow.h"

/* A token is sent in a header of every request. */
#define MAX_TOKEN_LENGTH (64 * 1024)
/* The most of a Server's sentence we show. */
#define MAX_ERROR_MESSAGE_CHARS 300
/* When the token endpoint does not say how long a token lives. */
#define DEFAULT_EXPIRES_IN 3600

/* Jobs */

static char **
read_formats (JsonObject *object)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = jd_json_lookup_member (object, "availableFormats");

  if (jd_json_value_type (node) == G_TYPE_STRING)
    {
      /* a Server may give "Raw, Csv" instead of ["Raw", "Csv"] */
      g_auto(GStrv) parts = g_strsplit (json_node_get_string (node), ",", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_autofree char *part = jd_json_dup_valid_utf8 (g_strstrip (parts[i]));

          if (part != NULL && part[0] != '\0')
            g_strv_builder_add (builder, part);
        }
    }
  else if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint length = json_array_get_length (array);

      for (guint i = 0; i < length; i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          g_autofree char *format = NULL;

          if (jd_json_value_type (element) != G_TYPE_STRING)
            continue;

          format = jd_json_dup_valid_utf8 (json_node_get_string (element));
          if (format != NULL && format[0] != '\0')
            g_strv_builder_add (builder, format);
        }
    }

  return g_strv_builder_end (builder);
}

/* The outputs of the array; elements that are not objects, or have
 * neither an ID nor a file name, are counted in *n_unreadable. */
static GListModel *
read_outputs (JsonArray *array,
              guint     *n_unreadable)
{
  GListStore *store = g_list_store_new (JD_TYPE_JOB_OUTPUT);
  guint length = json_array_get_length (array);

  *n_unreadable = 0;

  for (guint i = 0; i < length; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(JdJobOutput) output = NULL;
      g_autofree char *file_name = NULL;
      g_auto(GStrv) formats = NULL;
      JsonObject *object;
      const char *id;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          (*n_unreadable)++;
          continue;
        }

      object = json_node_get_object (node);
      id = jd_json_get_id (object, "id");
      file_name = jd_json_dup_text (object, "fileName");
      if (id == NULL && file_name == NULL)
        {
          (*n_unreadable)++;
          continue;
        }

      formats = read_formats (object);
      /* without an ID it cannot be downloaded, but its name is still news */
      output = jd_job_output_new (id, file_name, (const char * const *)formats);
      g_list_store_append (store, output);
    }

  return G_LIST_MODEL (store);
}

static JdJob *
read_job (JdJsonDocument  *doc,
          JsonObject      *object,
          GError         **error)
{
  g_autoptr(JdJob) job = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *status = NULL;
  g_autofree char *disposition = NULL;
  g_autofree char *priority = NULL;
  g_autofree char *worker_tag = NULL;
  const char *id = jd_json_get_id (object, "id");
  JsonArray *outputs;
  JsonArray *messages;
  gboolean run_with_e2;

  if (id == NULL)
    {
      g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                           _("The server’s answer does not say which job it is."));
      return NULL;
    }

  job = jd_job_new (id);

  jd_job_set_app_id (job, jd_json_get_id (object, "appId"));

  created = jd_json_get_date (object, "createDateTime");
  if (created == NULL)
    created = jd_json_get_date (object, "createDate");
  jd_job_summary_set_created (JD_JOB_SUMMARY (job), created);

  status = jd_json_dup_text (object, "status");
  jd_job_summary_set_status (JD_JOB_SUMMARY (job), status);
  disposition = jd_json_dup_text (object, "disposition");
  jd_job_summary_set_disposition (JD_JOB_SUMMARY (job), disposition);
  priority = jd_json_dup_text (object, "priority");
  jd_job_summary_set_priority (JD_JOB_SUMMARY (job), priority);
  worker_tag = jd_json_dup_text (object, "workerTag");
  jd_job_summary_set_worker_tag (JD_JOB_SUMMARY (job), worker_tag);

  if (jd_json_get_boolean (object, "runWithE2", &run_with_e2))
    jd_job_summary_set_run_with_e2 (JD_JOB_SUMMARY (job), run_with_e2);

  outputs = jd_json_get_array (object, "outputs");
  if (outputs != NULL)
    {
      guint n_unreadable;
      g_autoptr(GListModel) model = read_outputs (outputs, &n_unreadable);

      jd_job_set_outputs (job, model);
      jd_job_set_n_unreadable_outputs (job, n_unreadable);
    }

  /* "messages": null, as with includeMessages=false, is not included */
  messages = jd_json_get_array (object, JD_JSON_MESSAGES_MEMBER);
  if (messages != NULL)
    {
      g_autoptr(JdMessageList) list = jd_json_document_messages (doc, messages);

      jd_job_set_messages (job, G_LIST_MODEL (list));
    }

  return g_steal_pointer (&job);
}

/**
 * jd_json_read_job:
 * @bytes: the answer of GET /v3/jobs/{id}
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the job, or %NULL with
 *   %JD_CLIENT_ERROR_BAD_RESPONSE
 */
JdJob *
jd_json_read_job (GBytes  *bytes,
                  GError **error)
{
  g_autoptr(JdJsonDocument) doc = NULL;
  JsonObject *object;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = jd_json_document_parse (bytes, TRUE, FALSE, error);
  if (doc == NULL)
    return NULL;

  object = jd_json_document_get_root_object (doc);
  if (object == NULL)
    {
      g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                           _("The server’s answer is not a job."));
      return NULL;
    }

  return read_job (doc, object, error);
}

static gboolean
looks_like_message (JsonObject *object)
{
  return jd_json_lookup_member (object, "status") != NULL ||
         jd_json_lookup_member (object, "text") != NULL ||
         jd_json_lookup_member (object, "toolId") != NULL;
}

/**
 * jd_json_read_messages:
 * @bytes: the answer of GET /v3/jobs/{id}/messages
 * @error: return location for a #GError
 *
 * Takes an array of messages, an object holding "messages", or a single
 * message object.
 *
 * Returns: (transfer full): a #JdMessageList, or %NULL with
 *   %JD_CLIENT_ERROR_BAD_RESPONSE
 */
GListModel *
jd_json_read_messages (GBytes  *bytes,
                       GError **error)
{
  g_autoptr(JdJsonDocument) doc = NULL;
  JsonNode *root;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = jd_json_document_parse (bytes, TRUE, TRUE, error);
  if (doc == NULL)
    return NULL;

  root = jd_json_document_get_root (doc);

  if (JSON_NODE_HOLDS_ARRAY (root))
    return G_LIST_MODEL (jd_json_document_messages (doc, json_node_get_array (root)));

  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      JsonNode *messages = jd_json_lookup_member (object, JD_JSON_MESSAGES_MEMBER);

      if (messages != NULL && JSON_NODE_HOLDS_ARRAY (messages))
        return G_LIST_MODEL (jd_json_document_messages (doc, json_node_get_array (messages)));

      if (messages != NULL && JSON_NODE_HOLDS_NULL (messages))
        return G_LIST_MODEL (jd_message_list_new ());

      if (messages == NULL && looks_like_message (object))
        {
          JdMessageList *list = jd_message_list_new ();

          jd_json_read_message_into (object, list);
          return G_LIST_MODEL (list);
        }
    }

  g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                       _("The server’s answer is not a list of messages."));
  return NULL;
}


/* Rows of the job lists */

typedef gpointer (*MemberReader) (JsonObject *object,
                                  const char *name);

/* What read makes of the first of the named members it can read: the
 * published name comes first, the spellings other Servers use after it. */
static gpointer
read_first (JsonObject         *object,
            const char * const *names,
            MemberReader        read)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      gpointer value = read (object, names[i]);

      if (value != NULL)
        return value;
    }

  return NULL;
}

typedef enum
{
  ROW_WORKFLOW_JOB,  /* WorkflowJobView: "id" */
  ROW_JOB_SUMMARY,   /* PagedJobSummaryView: "jobId" */
} RowKind;

/* One row of either list. Each view's own names are read first; a field
 * the other view has is read too, as some Servers mix them. NULL for a
 * row without a usable ID, which could not be opened. */
static JdJobSummary *
read_job_row (JsonObject *object,
              RowKind     kind)
{
  static const char * const workflow_job_ids[] = { "id", "jobId", NULL };
  static const char * const summary_ids[] = { "jobId", "id", NULL };
  static const char * const created_names[] = { "createDate", "createDateTime", NULL };
  static const char * const workflow_names[] = { "workflowName", "appName", "name", NULL };
  static const char * const workflow_ids[] = { "workflowId", "appId", NULL };
  g_autoptr(JdJobSummary) job = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) queued = NULL;
  g_autoptr(GDateTime) started = NULL;
  g_autofree char *status = NULL;
  g_autofree char *disposition = NULL;
  g_autofree char *priority = NULL;
  g_autofree char *worker_tag = NULL;
  g_autofree char *workflow_name = NULL;
  g_autofree char *submitted_by = NULL;
  g_autofree char *execution_time = NULL;
  const char *id;
  gboolean run_with_e2;
  double seconds = -1;

  id = read_first (object, kind == ROW_JOB_SUMMARY ? summary_ids : workflow_job_ids,
                   (MemberReader) jd_json_get_id);
  if (id == NULL)
    return NULL;

  job = jd_job_summary_new (id);

  status = jd_json_dup_text (object, "status");
  jd_job_summary_set_status (job, status);
  priority = jd_json_dup_text (object, "priority");
  jd_job_summary_set_priority (job, priority);
  worker_tag = jd_json_dup_text (object, "workerTag");
  jd_job_summary_set_worker_tag (job, worker_tag);
  if (jd_json_get_boolean (object, "runWithE2", &run_with_e2))
    jd_job_summary_set_run_with_e2 (job, run_with_e2);

  /* Neither view has one; some Servers add it. */
  disposition = jd_json_dup_text (object, "disposition");
  jd_job_summary_set_disposition (job, disposition);

  workflow_name = read_first (object, workflow_names, (MemberReader) jd_json_dup_text);
  jd_job_summary_set_workflow_name (job, workflow_name);
  jd_job_summary_set_workflow_id (job, read_first (object, workflow_ids, (MemberReader) jd_json_get_id));
  submitted_by = jd_json_dup_text (object, "submittedBy");
  jd_job_summary_set_submitted_by (job, submitted_by);

  queued = jd_json_get_date (object, "queueTime");
  jd_job_summary_set_queue_time (job, queued);
  started = jd_json_get_date (object, "startTime");
  jd_job_summary_set_start_time (job, started);
  execution_time = jd_json_dup_text (object, "executionTime");
  if (execution_time != NULL && !jd_json_parse_duration (execution_time, &seconds))
    seconds = -1;
  jd_job_summary_set_execution_time (job, execution_time, seconds);

  /* A PagedJobSummaryView has no created time. A job is created when it is
   * queued, so its queue time stands in: the list still sorts and reads. */
  created = read_first (object, created_names, (MemberReader) jd_json_get_date);
  jd_job_summary_set_created (job, created != NULL ? created : queued);

  return g_steal_pointer (&job);
}

/* The rows of the array; elements that are not objects, or rows without a
 * usable ID, are counted in *n_unreadable. */
static GListModel *
read_job_rows (JsonArray *array,
               RowKind    kind,
               guint     *n_unreadable)
{
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *store = g_list_store_new (JD_TYPE_JOB_SUMMARY);
  guint length = json_array_get_length (array);

  *n_unreadable = 0;

  for (guint i = 0; i < length; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JdJobSummary *job = NULL;

      if (JSON_NODE_HOLDS_OBJECT (node))
        job = read_job_row (json_node_get_object (node), kind);

      if (job != NULL)
        g_ptr_array_add (jobs, job);
      else
        (*n_unreadable)++;
    }

  if (*n_unreadable > 0)
    g_debug ("%u of %u rows of a job list could not be read", *n_unreadable, length);

  g_list_store_splice (store, 0, 0, jobs->pdata, jobs->len);

  return G_LIST_MODEL (store);
}

/* The array at the root, or in the first of the named members that holds one. */
static JsonArray *
find_list (JdJsonDocument     *doc,
           const char * const *members)
{
  JsonNode *root = jd_json_document_get_root (doc);
  JsonObject *object;

  if (JSON_NODE_HOLDS_ARRAY (root))
    return json_node_get_array (root);

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  object = json_node_get_object (root);
  for (guint i = 0; members[i] != NULL; i++)
    {
      JsonArray *array = jd_json_get_array (object, members[i]);

      if (array != NULL)
        return array;
    }

  return NULL;
}

/* A whole number that is not negative, or -1. */
static gint64
get_count (JsonObject *object,
           const char *name)
{
  gint64 value;

  if (!jd_json_get_integer (object, name, &value) || value < 0)
    return -1;

  return value;
}

static gboolean
get_flag (JsonObject *object,
          const char *name)
{
  gboolean value;

  return jd_json_get_boolean (object, name, &value) && value;
}

/* The rows of a job list and, where the root object holds one, its
 * PaginationInfo. */
static JdJobPage *
read_job_list (GBytes              *bytes,
               const char * const  *members,
               RowKind              kind,
               GError             **error)
{
  g_autoptr(JdJsonDocument) doc = NULL;
  g_autoptr(GListModel) jobs = NULL;
  JsonObject *root_object;
  JsonObject *pagination = NULL;
  JsonArray *array;
  guint n_unreadable;

  doc = jd_json_document_parse (bytes, FALSE, FALSE, error);
  if (doc == NULL)
    return NULL;

  array = find_list (doc, members);
  if (array == NULL)
    {
      g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                           _("The server’s answer is not a list of jobs."));
      return NULL;
    }

  jobs = read_job_rows (array, kind, &n_unreadable);

  root_object = jd_json_document_get_root_object (doc);
  if (root_object != NULL)
    pagination = jd_json_get_object (root_object, "pagination");

  if (pagination == NULL)
    return jd_job_page_new (jobs, n_unreadable);

  return g_object_new (JD_TYPE_JOB_PAGE,
                       "jobs", jobs,
                       "n-unreadable", n_unreadable,
                       "has-pagination", TRUE,
                       "current-page", get_count (pagination, "currentPage"),
                       "page-size", get_count (pagination, "pageSize"),
                       "total-items", get_count (pagination, "totalItems"),
                       "total-pages", get_count (pagination, "totalPages"),
                       "has-next-page", get_flag (pagination, "hasNextPage"),
                       "has-previous-page", get_flag (pagination, "hasPreviousPage"),
                       NULL);
}

/**
 * jd_json_read_workflow_jobs:
 * @bytes: the answer of GET /v3/workflows/{id}/jobs
 * @error: return location for a #GError
 *
 * Takes an array of WorkflowJobView, or an object holding "jobs" or
 * "data". Rows that are not objects or have no usable ID are counted as
 * unreadable.
 *
 * Returns: (transfer full): the page, or %NULL with
 *   %JD_CLIENT_ERROR_BAD_RESPONSE
 */
JdJobPage *
jd_json_read_workflow_jobs (GBytes  *bytes,
                            GError **error)
{
  static const char * const members[] = { "jobs", "data", NULL };

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_job_list (bytes, members, ROW_WORKFLOW_JOB, error);
}

/**
 * jd_json_read_job_page:
 * @bytes: the answer of GET /v3/jobs
 * @error: return location for a #GError
 *
 * Takes {data: [PagedJobSummaryView], pagination: PaginationInfo}, and
 * also a bare array (a page with no pagination). Rows that are not
 * objects or have no usable job ID are counted as unreadable.
 *
 * Returns: (transfer full): the page, or %NULL with
 *   %JD_CLIENT_ERROR_BAD_RESPONSE
 */
JdJobPage *
jd_json_read_job_page (GBytes  *bytes,
                       GError **error)
{
  static const char * const members[] = { "data", "jobs", NULL };

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_job_list (bytes, members, ROW_JOB_SUMMARY, error);
}


/* Workflows */

/* A ReducedWorkflowView or a WorkflowView; NULL without a usable ID. */
static JdWorkflow *
read_workflow (JsonObject *object)
{
  static const char * const created_names[] = { "dateCreated", "createDate", NULL };
  g_autoptr(JdWorkflow) workflow = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *name = NULL;
  g_autofree char *version = NULL;
  g_autofree char *comments = NULL;
  g_autofree char *worker_tag = NULL;
  g_autofree char *execution_mode = NULL;
  const char *id = jd_json_get_id (object, "id");
  gint64 run_count;

  if (id == NULL)
    return NULL;

  name = jd_json_dup_text (object, "name");
  workflow = jd_workflow_new (id, name);

  jd_workflow_set_owner_id (workflow, jd_json_get_id (object, "ownerId"));
  created = read_first (object, created_names, (MemberReader) jd_json_get_date);
  jd_workflow_set_created (workflow, created);

  /* a number in the Swagger, a string on some Servers */
  version = jd_json_dup_text (object, "publishedVersionNumber");
  jd_workflow_set_published_version (workflow, version);
  jd_workflow_set_published_version_id (workflow, jd_json_get_id (object, "publishedVersionId"));
  jd_workflow_set_source_app_id (workflow, jd_json_get_id (object, "sourceAppId"));

  comments = jd_json_dup_text (object, "comments");
  jd_workflow_set_comments (workflow, comments);
  worker_tag = jd_json_dup_text (object, "workerTag");
  jd_workflow_set_worker_tag (workflow, worker_tag);
  execution_mode = jd_json_dup_text (object, "executionMode");
  jd_workflow_set_execution_mode (workflow, execution_mode);

  if (jd_json_get_integer (object, "runCount", &run_count))
    jd_workflow_set_run_count (workflow, run_count);

  return g_steal_pointer (&workflow);
}

/**
 * jd_json_read_workflows:
 * @bytes: the answer of GET /v3/workflows
 * @error: return location for a #GError
 *
 * Takes an array of ReducedWorkflowView, or an object holding "data" or
 * "workflows". Workflows without a usable ID are left out: a search shows
 * what it found, and one it could not open is no help.
 *
 * Returns: (transfer full): a #GListModel of #JdWorkflow, or %NULL with
 *   %JD_CLIENT_ERROR_BAD_RESPONSE
 */
GListModel *
jd_json_read_workflows (GBytes  *bytes,
                        GError **error)
{
  static const char * const members[] = { "data", "workflows", NULL };
  g_autoptr(JdJsonDocument) doc = NULL;
  g_autoptr(GPtrArray) workflows = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *store;
  JsonArray *array;
  guint length;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = jd_json_document_parse (bytes, FALSE, FALSE, error);
  if (doc == NULL)
    return NULL;

  array = find_list (doc, members);
  if (array == NULL)
    {
      g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                           _("The server’s answer is not a list of workflows."));
      return NULL;
    }

  length = json_array_get_length (array);
  for (guint i = 0; i < length; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JdWorkflow *workflow = NULL;

      if (JSON_NODE_HOLDS_OBJECT (node))
        workflow = read_workflow (json_node_get_object (node));

      if (workflow != NULL)
        g_ptr_array_add (workflows, workflow);
      else
        g_debug ("Skipped workflow %u of a list: it has no usable ID", i);
    }

  store = g_list_store_new (JD_TYPE_WORKFLOW);
  g_list_store_splice (store, 0, 0, workflows->pdata, workflows->len);

  return G_LIST_MODEL (store);
}

/**
 * jd_json_read_workflow:
 * @bytes: the answer of GET /v3/workflows/{id}
 * @error: return location for a #GError
 *
 * Takes a WorkflowView.
 *
 * Returns: (transfer full): the workflow, or %NULL with
 *   %JD_CLIENT_ERROR_BAD_RESPONSE
 */
JdWorkflow *
jd_json_read_workflow (GBytes  *bytes,
                       GError **error)
{
  g_autoptr(JdJsonDocument) doc = NULL;
  JsonObject *object;
  JdWorkflow *workflow = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = jd_json_document_parse (bytes, FALSE, FALSE, error);
  if (doc == NULL)
    return NULL;

  object = jd_json_document_get_root_object (doc);
  if (object != NULL)
    workflow = read_workflow (object);

  if (workflow == NULL)
    g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                         _("The server’s answer is not a workflow."));

  return workflow;
}


/* Tokens and refusals */

/* A token goes into a header: printable ASCII only. */
static gboolean
is_usable_token (const char *token)
{
  gsize i;

  if (token == NULL)
    return FALSE;

  for (i = 0; token[i] != '\0'; i++)
    {
      guchar c = token[i];

      if (i >= MAX_TOKEN_LENGTH || c <= ' ' || c >= 0x7f)
        return FALSE;
    }

  return i > 0;
}

/**
 * jd_json_read_token:
 * @bytes: the answer of POST /oauth2/token
 * @access_token: (out) (optional): the token
 * @expires_in: (out) (optional): seconds it lives; 3600 when the Server
 *   leaves it out or names no positive number
 * @error: return location for a #GError
 *
 * Returns: whether the answer held a usable token; %FALSE with
 *   %JD_CLIENT_ERROR_BAD_RESPONSE otherwise
 */
gboolean
jd_json_read_token (GBytes  *bytes,
                    char   **access_token,
                    gint64  *expires_in,
                    GError **error)
{
  g_autoptr(JdJsonDocument) doc = NULL;
  JsonObject *object;
  const char *token;
  gint64 lifetime;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  doc = jd_json_document_parse (bytes, FALSE, FALSE, error);
  if (doc == NULL)
    return FALSE;

  object = jd_json_document_get_root_object (doc);
  token = object != NULL ? jd_json_get_string (object, "access_token") : NULL;

  if (!is_usable_token (token))
    {
      g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                           _("The server’s answer holds no access token."));
      return FALSE;
    }

  if (!jd_json_get_integer (object, "expires_in", &lifetime) || lifetime <= 0)
    lifetime = DEFAULT_EXPIRES_IN;

  /* so that now + lifetime, in microseconds, cannot overflow */
  lifetime = MIN (lifetime, G_MAXINT32);

  if (access_token != NULL)
    *access_token = g_strdup (token);
  if (expires_in != NULL)
    *expires_in = lifetime;

  return TRUE;
}

/* One line of at most MAX_ERROR_MESSAGE_CHARS characters, or NULL when
 * nothing but white space is left. */
static char *
tidy_error_message (const char *text)
{
  g_autofree char *valid = jd_json_dup_valid_utf8 (text);
  g_autoptr(GString) line = NULL;
  guint n_chars = 0;

  if (valid == NULL)
    return NULL;

  g_strstrip (valid);

  line = g_string_new (NULL);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n_chars == MAX_ERROR_MESSAGE_CHARS)
        {
          /* cut at a character and say so */
          const char *end = g_utf8_offset_to_pointer (line->str, MAX_ERROR_MESSAGE_CHARS - 1);

          g_string_truncate (line, end - line->str);
          g_string_append (line, "…");
          break;
        }

      /* no new lines or control characters in a sentence we show */
      if (g_unichar_iscntrl (c) || g_unichar_isspace (c))
        {
          if (line->len > 0 && line->str[line->len - 1] != ' ')
            {
              g_string_append_c (line, ' ');
              n_chars++;
            }
          continue;
        }

      g_string_append_unichar (line, c);
      n_chars++;
    }

  g_strchomp (line->str);
  if (line->str[0] == '\0')
    return NULL;

  return g_strdup (line->str);
}

static char *
read_error_object (JsonObject *object,
                   guint       depth)
{
  static const char * const members[] = { "message", "error_description", "error", NULL };

  for (guint i = 0; members[i] != NULL; i++)
    {
      JsonNode *node = jd_json_lookup_member (object, members[i]);
      char *message = NULL;

      if (jd_json_value_type (node) == G_TYPE_STRING)
        message = tidy_error_message (json_node_get_string (node));
      else if (node != NULL && JSON_NODE_HOLDS_OBJECT (node) && depth == 0)
        /* {"error": {"message": "..."}} */
        message = read_error_object (json_node_get_object (node), depth + 1);

      if (message != NULL)
        return message;
    }

  return NULL;
}

/**
 * jd_json_read_error_message:
 * @bytes: (nullable): the body of a refusal
 *
 * Finds the sentence a refusal carries: a "message" member (in any case),
 * else OAuth 2's "error_description", else "error". It comes back on one
 * line and at most 300 characters long.
 *
 * Returns: (transfer full) (nullable): the sentence, or %NULL for bodies
 *   that are empty, HTML, not JSON, or carry none
 */
char *
jd_json_read_error_message (GBytes *bytes)
{
  g_autoptr(JdJsonDocument) doc = NULL;
  JsonNode *root;

  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    return NULL;

  doc = jd_json_document_parse (bytes, FALSE, FALSE, NULL);
  if (doc == NULL)
    return NULL;

  root = jd_json_document_get_root (doc);

  /* "Authorization has been denied for this request." as a bare string */
  if (jd_json_value_type (root) == G_TYPE_STRING)
    return tidy_error_message (json_node_get_string (root));

  if (JSON_NODE_HOLDS_OBJECT (root))
    return read_error_object (json_node_get_object (root), 0);

  return NULL;
}
