/* test-contract.c: the JSON readers and the sample server, both held
 * against one description of the wire format, tests/data/server-schema.json
 * (the Server's own schemas, DESIGN §1).
 *
 * Readers: for each answer a reader takes, a document is generated from
 * the schema with every published field set to a value of its own, and
 * decoys under the names other objects use; the table below says where
 * each field must arrive in the model, and each value is looked for
 * there. A reader that reads another name than the published one, or
 * tries another before it, misses the value.
 *
 * Sample server: every endpoint the app calls is called over real HTTP,
 * and each answer must hold every published field with its type, and no
 * field the schema does not list. A sample server that answers with
 * another name fails.
 *
 * So a reader and the sample server can no longer agree on a name the
 * Server does not use: each is held to the schema, not to the other.
 */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "jd-demo-server.h"
#include "jd-job-message.h"
#include "jd-job-output.h"
#include "jd-job-page.h"
#include "jd-json-reader.h"
#include "jd-test-schema.h"
#include "jd-test-util.h"
#include "jd-job-summary.h"
#include "jd-workflow.h"

static void
test_schema_well_formed (void)
{
  g_autoptr(JdTestSchema) schema = jd_test_schema_load ();

  jd_test_schema_check (schema);
}

/* ------------------------------------------------------------------ */
/* Readers: where each field arrives                                   */

/* What the token reader gives. */
typedef struct
{
  char   *access_token;
  gint64  expires_in;
} TokenRead;

static char *
text_or_null (const char *text)
{
  return g_strdup (text != NULL ? text : "(null)");
}

static char *
date_text (GDateTime *date)
{
  g_autoptr(GDateTime) utc = NULL;

  if (date == NULL)
    return g_strdup ("(null)");

  utc = g_date_time_to_utc (date);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static char *
count_text (GListModel *list)
{
  return g_strdup_printf ("%u item", g_list_model_get_n_items (list));
}

static char *
flag_text (gboolean value)
{
  return g_strdup (value ? "true" : "false");
}

static char *
number_text (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

static char *
formats_text (const char * const *formats)
{
  return formats != NULL ? g_strjoinv (",", (char **) formats) : g_strdup ("(null)");
}

static char *
execution_time_text (JdJobSummary *job)
{
  return g_strdup_printf ("%s = %.0f s", jd_job_summary_get_execution_time_text (job),
                          jd_job_summary_get_execution_time (job));
}

static char *
e2_text (gboolean has,
         gboolean value)
{
  return flag_text (has && value);
}

#define GETTER(name, type, expression) \
  static char * name (gpointer part) { type *self = part; return expression; }

GETTER (job_id, JdJob, text_or_null (jd_job_summary_get_id (JD_JOB_SUMMARY (self))))
GETTER (job_app_id, JdJob, text_or_null (jd_job_get_app_id (self)))
GETTER (job_created, JdJob, date_text (jd_job_summary_get_created (JD_JOB_SUMMARY (self))))
GETTER (job_status, JdJob, text_or_null (jd_job_summary_get_status (JD_JOB_SUMMARY (self))))
GETTER (job_disposition, JdJob, text_or_null (jd_job_summary_get_disposition (JD_JOB_SUMMARY (self))))
GETTER (job_outputs, JdJob, count_text (jd_job_get_outputs (self)))
GETTER (job_messages, JdJob, count_text (jd_job_get_messages (self)))
GETTER (job_priority, JdJob, text_or_null (jd_job_summary_get_priority (JD_JOB_SUMMARY (self))))
GETTER (job_worker_tag, JdJob, text_or_null (jd_job_summary_get_worker_tag (JD_JOB_SUMMARY (self))))
GETTER (job_e2, JdJob, e2_text (jd_job_summary_get_has_run_with_e2 (JD_JOB_SUMMARY (self)), jd_job_summary_get_run_with_e2 (JD_JOB_SUMMARY (self))))
GETTER (output_id, JdJobOutput, text_or_null (jd_job_output_get_id (self)))
GETTER (output_formats, JdJobOutput, formats_text (jd_job_output_get_formats (self)))
GETTER (output_file_name, JdJobOutput, text_or_null (jd_job_output_get_file_name (self)))
GETTER (message_code, JdJobMessage, number_text (jd_job_message_get_code (self)))
GETTER (message_text, JdJobMessage, text_or_null (jd_job_message_get_text (self)))
GETTER (message_tool, JdJobMessage, number_text (jd_job_message_get_tool_id (self)))
GETTER (row_id, JdJobSummary, text_or_null (jd_job_summary_get_id (self)))
GETTER (row_created, JdJobSummary, date_text (jd_job_summary_get_created (self)))
GETTER (row_status, JdJobSummary, text_or_null (jd_job_summary_get_status (self)))
GETTER (row_priority, JdJobSummary, text_or_null (jd_job_summary_get_priority (self)))
GETTER (row_worker_tag, JdJobSummary, text_or_null (jd_job_summary_get_worker_tag (self)))
GETTER (row_e2, JdJobSummary, e2_text (jd_job_summary_get_has_run_with_e2 (self), jd_job_summary_get_run_with_e2 (self)))
GETTER (row_workflow_name, JdJobSummary, text_or_null (jd_job_summary_get_workflow_name (self)))
GETTER (row_workflow_id, JdJobSummary, text_or_null (jd_job_summary_get_workflow_id (self)))
GETTER (row_submitted_by, JdJobSummary, text_or_null (jd_job_summary_get_submitted_by (self)))
GETTER (row_start_time, JdJobSummary, date_text (jd_job_summary_get_start_time (self)))
GETTER (row_queue_time, JdJobSummary, date_text (jd_job_summary_get_queue_time (self)))
GETTER (row_execution_time, JdJobSummary, execution_time_text (self))
GETTER (page_data, JdJobPage, count_text (jd_job_page_get_jobs (self)))
GETTER (page_pagination, JdJobPage, g_strdup (jd_job_page_get_has_pagination (self) ? "object" : "(none)"))
GETTER (page_current, JdJobPage, number_text (jd_job_page_get_current_page (self)))
GETTER (page_size, JdJobPage, number_text (jd_job_page_get_page_size (self)))
GETTER (page_total_items, JdJobPage, number_text (jd_job_page_get_total_items (self)))
GETTER (page_total_pages, JdJobPage, number_text (jd_job_page_get_total_pages (self)))
GETTER (page_has_next, JdJobPage, flag_text (jd_job_page_get_has_next_page (self)))
GETTER (page_has_previous, JdJobPage, flag_text (jd_job_page_get_has_previous_page (self)))
GETTER (workflow_id, JdWorkflow, text_or_null (jd_workflow_get_id (self)))
GETTER (workflow_name, JdWorkflow, text_or_null (jd_workflow_get_name (self)))
GETTER (workflow_owner, JdWorkflow, text_or_null (jd_workflow_get_owner_id (self)))
GETTER (workflow_created, JdWorkflow, date_text (jd_workflow_get_created (self)))
GETTER (workflow_run_count, JdWorkflow, number_text (jd_workflow_get_run_count (self)))
GETTER (workflow_worker_tag, JdWorkflow, text_or_null (jd_workflow_get_worker_tag (self)))
GETTER (workflow_comments, JdWorkflow, text_or_null (jd_workflow_get_comments (self)))
GETTER (workflow_version_id, JdWorkflow, text_or_null (jd_workflow_get_published_version_id (self)))
GETTER (workflow_mode, JdWorkflow, text_or_null (jd_workflow_get_execution_mode (self)))
GETTER (workflow_source, JdWorkflow, text_or_null (jd_workflow_get_source_app_id (self)))
GETTER (workflow_version, JdWorkflow, text_or_null (jd_workflow_get_published_version (self)))
GETTER (token_access, TokenRead, text_or_null (self->access_token))
GETTER (token_expires, TokenRead, number_text (self->expires_in))
GETTER (error_sentence, char, text_or_null (self))

#undef GETTER

/* JdTestSchema field → where it arrives; a field no model holds says why. */
static const struct
{
  const char *object;
  const char *field;
  char     *(*get) (gpointer part);
  const char *not_read;
} field_map[] = {
  { "JobView", "id", job_id, NULL },
  { "JobView", "appId", job_app_id, NULL },
  { "JobView", "createDateTime", job_created, NULL },
  { "JobView", "status", job_status, NULL },
  { "JobView", "disposition", job_disposition, NULL },
  { "JobView", "outputs", job_outputs, NULL },
  { "JobView", "messages", job_messages, NULL },
  { "JobView", "priority", job_priority, NULL },
  { "JobView", "workerTag", job_worker_tag, NULL },
  { "JobView", "runWithE2", job_e2, NULL },
  { "JobOutputView", "id", output_id, NULL },
  { "JobOutputView", "availableFormats", output_formats, NULL },
  { "JobOutputView", "fileName", output_file_name, NULL },
  { "JobMessageView", "status", message_code, NULL },
  { "JobMessageView", "text", message_text, NULL },
  { "JobMessageView", "toolId", message_tool, NULL },
  { "WorkflowJobView", "id", row_id, NULL },
  { "WorkflowJobView", "createDate", row_created, NULL },
  { "WorkflowJobView", "status", row_status, NULL },
  { "WorkflowJobView", "priority", row_priority, NULL },
  { "WorkflowJobView", "workerTag", row_worker_tag, NULL },
  { "WorkflowJobView", "runWithE2", row_e2, NULL },
  { "PagedJobSummaryView", "jobId", row_id, NULL },
  { "PagedJobSummaryView", "status", row_status, NULL },
  { "PagedJobSummaryView", "workflowName", row_workflow_name, NULL },
  { "PagedJobSummaryView", "workflowId", row_workflow_id, NULL },
  { "PagedJobSummaryView", "submittedBy", row_submitted_by, NULL },
  { "PagedJobSummaryView", "startTime", row_start_time, NULL },
  { "PagedJobSummaryView", "queueTime", row_queue_time, NULL },
  { "PagedJobSummaryView", "executionTime", row_execution_time, NULL },
  { "PagedJobSummaryView", "priority", row_priority, NULL },
  { "PagedJobSummaryViewPage", "data", page_data, NULL },
  { "PagedJobSummaryViewPage", "pagination", page_pagination, NULL },
  { "PaginationInfo", "currentPage", page_current, NULL },
  { "PaginationInfo", "pageSize", page_size, NULL },
  { "PaginationInfo", "totalItems", page_total_items, NULL },
  { "PaginationInfo", "totalPages", page_total_pages, NULL },
  { "PaginationInfo", "hasNextPage", page_has_next, NULL },
  { "PaginationInfo", "hasPreviousPage", page_has_previous, NULL },
  { "WorkflowView", "id", workflow_id, NULL },
  { "WorkflowView", "name", workflow_name, NULL },
  { "WorkflowView", "ownerId", workflow_owner, NULL },
  { "WorkflowView", "dateCreated", workflow_created, NULL },
  { "WorkflowView", "runCount", workflow_run_count, NULL },
  { "WorkflowView", "workerTag", workflow_worker_tag, NULL },
  { "WorkflowView", "comments", workflow_comments, NULL },
  { "WorkflowView", "publishedVersionId", workflow_version_id, NULL },
  { "WorkflowView", "versions", NULL, "the app shows no versions" },
  { "WorkflowView", "othersCanViewHistory", NULL, "the app shows no sharing settings" },
  { "WorkflowView", "othersCanExecute", NULL, "the app shows no sharing settings" },
  { "WorkflowView", "executionMode", workflow_mode, NULL },
  { "WorkflowVersionView", "versionId", NULL, "versions are not read" },
  { "WorkflowVersionView", "versionNumber", NULL, "versions are not read" },
  { "WorkflowVersionView", "dateCreated", NULL, "versions are not read" },
  { "WorkflowVersionView", "published", NULL, "versions are not read" },
  { "ReducedWorkflowView", "id", workflow_id, NULL },
  { "ReducedWorkflowView", "sourceAppId", workflow_source, NULL },
  { "ReducedWorkflowView", "name", workflow_name, NULL },
  { "ReducedWorkflowView", "ownerId", workflow_owner, NULL },
  { "ReducedWorkflowView", "dateCreated", workflow_created, NULL },
  { "ReducedWorkflowView", "publishedVersionNumber", workflow_version, NULL },
  { "ReducedWorkflowView", "isAmp", NULL, "the app does not tell AMP workflows apart" },
  { "ReducedWorkflowView", "executionMode", workflow_mode, NULL },
  { "TokenAnswer", "access_token", token_access, NULL },
  { "TokenAnswer", "token_type", NULL, "always bearer; every call sends Authorization: Bearer" },
  { "TokenAnswer", "expires_in", token_expires, NULL },
  { "OAuthError", "error", NULL, "shown only when error_description is missing (test-json-reader)" },
  { "OAuthError", "error_description", error_sentence, NULL },
};

/* Objects that no reader takes, and why. */
static const struct
{
  const char *object;
  const char *why;
} unread_objects[] = {
  { "WorkflowQuestionView", "the app does not ask a workflow's questions" },
};

/* Every JSON reader but those of tokens and refusals takes bytes and
 * answers a new object. */
typedef gpointer (*ObjectReader) (GBytes *bytes, GError **error);

/* What one reader made of a generated answer: the part of it that holds
 * the fields of each object. */
typedef struct
{
  const char *object;     /* the answer's object */
  gboolean    is_array;
  ObjectReader  read_json;  /* a reader that makes an object, or NULL */
  gpointer  (*read) (GBytes *bytes, GDestroyNotify *free_model);
  /* parts it takes out of the model go into keep (GObjects) */
  gpointer  (*part) (gpointer model, const char *object, GPtrArray *keep);
} Reader;

static gpointer
first_item (GListModel *list,
            GPtrArray  *keep)
{
  gpointer item = g_list_model_get_item (list, 0);

  g_assert_nonnull (item);
  g_ptr_array_add (keep, item);
  return item;
}

static gpointer
read_object (ObjectReader   reader,
             GBytes      *bytes)
{
  g_autoptr(GError) error = NULL;
  gpointer model = reader (bytes, &error);

  g_assert_no_error (error);
  g_assert_true (G_IS_OBJECT (model));
  return model;
}

static gpointer
job_part (gpointer    model,
          const char *object,
          GPtrArray  *keep)
{
  if (g_str_equal (object, "JobOutputView"))
    return first_item (jd_job_get_outputs (model), keep);
  if (g_str_equal (object, "JobMessageView"))
    return first_item (jd_job_get_messages (model), keep);
  return model;
}

static gpointer
list_part (gpointer    model,
           const char *object,
           GPtrArray  *keep)
{
  return first_item (model, keep);
}

/* the rows are the jobs of the page; the page holds its pagination */
static gpointer
page_part (gpointer    model,
           const char *object,
           GPtrArray  *keep)
{
  if (g_str_equal (object, "WorkflowJobView") || g_str_equal (object, "PagedJobSummaryView"))
    return first_item (jd_job_page_get_jobs (model), keep);
  return model;
}

static gpointer
same_part (gpointer    model,
           const char *object,
           GPtrArray  *keep)
{
  return model;
}

static void
token_read_free (gpointer data)
{
  TokenRead *token = data;

  g_free (token->access_token);
  g_free (token);
}

static gpointer
read_token (GBytes         *bytes,
            GDestroyNotify *free_model)
{
  g_autoptr(GError) error = NULL;
  TokenRead *token = g_new0 (TokenRead, 1);

  g_assert_true (jd_json_read_token (bytes, &token->access_token, &token->expires_in, &error));
  g_assert_no_error (error);
  *free_model = token_read_free;
  return token;
}

static gpointer
read_error (GBytes         *bytes,
            GDestroyNotify *free_model)
{
  char *sentence = jd_json_read_error_message (bytes);

  *free_model = g_free;
  return sentence;
}

static const Reader readers[] = {
  { "JobView", FALSE, (ObjectReader) jd_json_read_job, NULL, job_part },
  { "JobMessageView", TRUE, (ObjectReader) jd_json_read_messages, NULL, list_part },
  { "WorkflowJobView", TRUE, (ObjectReader) jd_json_read_workflow_jobs, NULL, page_part },
  { "PagedJobSummaryViewPage", FALSE, (ObjectReader) jd_json_read_job_page, NULL, page_part },
  { "ReducedWorkflowView", TRUE, (ObjectReader) jd_json_read_workflows, NULL, list_part },
  { "WorkflowView", FALSE, (ObjectReader) jd_json_read_workflow, NULL, same_part },
  { "TokenAnswer", FALSE, NULL, read_token, same_part },
  { "OAuthError", FALSE, NULL, read_error, same_part },
};

static void
test_readers_take_every_field (void)
{
  g_autoptr(JdTestSchema) schema = jd_test_schema_load ();
  guint n_checked = 0;

  for (guint r = 0; r < G_N_ELEMENTS (readers); r++)
    {
      g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_autoptr(GBytes) bytes = jd_test_schema_generate (schema, readers[r].object, readers[r].is_array, r * 100,
                                                         expected);
      g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);
      GDestroyNotify free_model = g_object_unref;
      gpointer model = readers[r].read_json != NULL
                       ? read_object (readers[r].read_json, bytes)
                       : readers[r].read (bytes, &free_model);

      g_test_message ("%s: %.*s", readers[r].object, (int) g_bytes_get_size (bytes),
                      (const char *) g_bytes_get_data (bytes, NULL));

      for (guint f = 0; f < G_N_ELEMENTS (field_map); f++)
        {
          g_autofree char *key = g_strdup_printf ("%s.%s", field_map[f].object, field_map[f].field);
          const char *sent = g_hash_table_lookup (expected, key);
          g_autofree char *actual = NULL;

          if (sent == NULL || field_map[f].get == NULL)
            continue;

          actual = field_map[f].get (readers[r].part (model, field_map[f].object, keep));
          if (g_strcmp0 (actual, sent) != 0)
            g_error ("%s, read as %s: the model holds \"%s\", the Server sent \"%s\"",
                     key, readers[r].object, actual, sent);
          n_checked++;
        }

      free_model (model);
    }

  g_test_message ("%u published fields arrived where they belong", n_checked);
  g_assert_cmpuint (n_checked, >=, 50);
}

/* Every field of every object has its place in the table, and the table
 * names no field the schema does not. */
static void
test_readers_table_is_whole (void)
{
  g_autoptr(JdTestSchema) schema = jd_test_schema_load ();
  g_autoptr(GList) names = json_object_get_members (schema->objects);
  g_autoptr(GHashTable) mapped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint f = 0; f < G_N_ELEMENTS (field_map); f++)
    {
      g_autofree char *key = g_strdup_printf ("%s.%s", field_map[f].object, field_map[f].field);

      g_test_message ("%s", key);
      g_assert_true (json_object_has_member (jd_test_schema_fields (schema, field_map[f].object), field_map[f].field));
      g_assert_true ((field_map[f].get == NULL) != (field_map[f].not_read == NULL));
      g_assert_true (g_hash_table_add (mapped, g_steal_pointer (&key)));
    }

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *fields = jd_test_schema_fields (schema, l->data);
      g_autoptr(GList) field_names = json_object_get_members (fields);
      gboolean unread = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (unread_objects); i++)
        unread |= g_str_equal (unread_objects[i].object, l->data);
      if (unread)
        continue;

      for (GList *f = field_names; f != NULL; f = f->next)
        {
          g_autofree char *key = g_strdup_printf ("%s.%s", (char *) l->data, (char *) f->data);

          if (!g_hash_table_contains (mapped, key))
            g_error ("%s is published, but the table does not say where a reader puts it", key);
        }
    }
}

/* ------------------------------------------------------------------ */
/* The sample server: every answer against the schema                  */

typedef struct
{
  JdDemoServer *server;
  SoupSession  *session;
  char         *curator;
  char         *viewer;
  JdTestSchema *schema;
  GString      *problems;
  GHashTable   *exercised;   /* endpoint index */
} Harness;

static GBytes *
send_request (Harness    *h,
              const char *method,
              const char *path,
              const char *token,
              const char *form,
              guint      *status)
{
  g_autoptr(JdTestReply) reply = jd_test_send_request (h->session, jd_demo_server_get_base_url (h->server),
                                                       method, path, token, form);

  *status = reply->status;
  return g_bytes_ref (reply->body);
}

static char *
request_token (Harness    *h,
               const char *key,
               const char *secret)
{
  g_autofree char *form = soup_form_encode ("grant_type", "client_credentials",
                                            "client_id", key, "client_secret", secret, NULL);
  g_autoptr(GBytes) body = NULL;
  g_autofree char *token = NULL;
  guint status;

  body = send_request (h, "POST", "/oauth2/token", NULL, form, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_true (jd_json_read_token (body, &token, NULL, NULL));
  return g_steal_pointer (&token);
}

static Harness *
harness_new (void)
{
  Harness *h = g_new0 (Harness, 1);
  g_autoptr(GError) error = NULL;

  h->server = jd_demo_server_new ();
  jd_demo_server_start_thread (h->server, 0, &error);
  g_assert_no_error (error);
  h->session = jd_test_new_session ();
  h->schema = jd_test_schema_load ();
  h->problems = g_string_new (NULL);
  h->exercised = g_hash_table_new (NULL, NULL);
  h->curator = request_token (h, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
  h->viewer = request_token (h, JD_DEMO_VIEWER_API_KEY, JD_DEMO_VIEWER_API_SECRET);

  return h;
}

static void
harness_free (Harness *h)
{
  jd_demo_server_stop (h->server);
  g_assert_finalize_object (h->server);
  g_assert_finalize_object (h->session);
  g_free (h->curator);
  g_free (h->viewer);
  jd_test_schema_free (h->schema);
  g_string_free (h->problems, TRUE);
  g_hash_table_unref (h->exercised);
  g_free (h);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Harness, harness_free)

/* The schema's endpoint for this call: method, path template and status. */
static gint
find_endpoint (Harness    *h,
               const char *method,
               const char *path_template,
               const char *query,
               guint       status)
{
  for (guint i = 0; i < json_array_get_length (h->schema->endpoints); i++)
    {
      JsonObject *endpoint = json_array_get_object_element (h->schema->endpoints, i);
      JsonArray *endpoint_query = jd_test_schema_optional_array (endpoint, "query");
      guint endpoint_status = (guint) json_object_get_int_member_with_default (endpoint, "status", 200);
      gboolean query_matches = TRUE;

      if (!g_str_equal (json_object_get_string_member (endpoint, "method"), method) ||
          !g_str_equal (json_object_get_string_member (endpoint, "path"), path_template) ||
          endpoint_status != status)
        continue;

      /* "includeMessages=false" picks its own entry; names alone do not */
      for (guint k = 0; endpoint_query != NULL && k < json_array_get_length (endpoint_query); k++)
        {
          const char *part = json_array_get_string_element (endpoint_query, k);

          if (strchr (part, '=') != NULL)
            query_matches &= query != NULL && strstr (query, part) != NULL;
        }

      if (query_matches)
        return (gint) i;
    }

  return -1;
}

/* Calls the endpoint and holds its answer against the schema. */
static void
check_call (Harness    *h,
            const char *method,
            const char *path_template,
            const char *id,
            const char *query,
            const char *token,
            const char *form,
            guint       expected_status)
{
  g_autofree char *path = NULL;
  g_autofree char *where = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *endpoint;
  JsonNode *root;
  const char *object;
  gboolean is_array;
  guint status;
  gint index;

  if (id != NULL)
    {
      const char *brace = strchr (path_template, '{');
      const char *end = brace != NULL ? strchr (brace, '}') : NULL;

      g_assert_nonnull (end);
      path = g_strdup_printf ("%.*s%s%s%s", (int) (brace - path_template), path_template, id, end + 1,
                              query != NULL ? query : "");
    }
  else
    {
      path = g_strconcat (path_template, query, NULL);
    }

  where = g_strdup_printf ("%s %s", method, path);
  index = find_endpoint (h, method, path_template, query, expected_status);
  g_assert_cmpint (index, >=, 0);
  endpoint = json_array_get_object_element (h->schema->endpoints, index);
  g_hash_table_add (h->exercised, GINT_TO_POINTER (index));

  body = send_request (h, method, path, token, form, &status);
  if (status != expected_status)
    {
      g_string_append_printf (h->problems, "  %s: status %u, not %u\n", where, status, expected_status);
      return;
    }

  json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), &error);
  if (error != NULL)
    {
      g_string_append_printf (h->problems, "  %s: no JSON: %s\n", where, error->message);
      return;
    }

  root = json_parser_get_root (parser);
  object = jd_test_schema_answer (endpoint, &is_array);
  if (!is_array)
    {
      jd_test_schema_validate (h->schema, root, object, jd_test_schema_optional_array (endpoint, "omits"), where,
                               h->problems);
    }
  else if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_string_append_printf (h->problems, "  %s: not an array of %s\n", where, object);
    }
  else
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *element = g_strdup_printf ("%s [%u]", where, i);

          jd_test_schema_validate (h->schema, json_array_get_element (array, i), object, NULL, element,
                                   h->problems);
        }
    }
}

static void
test_server_answers_match_schema (void)
{
  /* the sparse job is a Server that strays from its schema, on purpose:
   * it is what the readers' tolerance is tested with */
  static const char *const jobs[] = {
    JD_DEMO_JOB_SUCCESS, JD_DEMO_JOB_WARNING, JD_DEMO_JOB_ERROR, JD_DEMO_JOB_FAILED,
    JD_DEMO_JOB_CANCELLED, JD_DEMO_JOB_QUEUED, JD_DEMO_JOB_RUNNING, JD_DEMO_JOB_CREATED,
    JD_DEMO_JOB_INITIALIZING, JD_DEMO_JOB_NO_MESSAGES, JD_DEMO_JOB_MANY_MESSAGES,
    JD_DEMO_JOB_PROGRESSING, JD_DEMO_JOB_LONG_QUEUED,
  };
  static const char *const workflow_jobs_queries[] = {
    "", "?status=Queued", "?status=Complete&resultCode=Error&limit=5",
    "?sortField=priority&direction=asc&offset=3&limit=7",
  };
  static const char *const jobs_queries[] = {
    "", "?allUsers=true&limit=200", "?allUsers=true&statuses=Queued,Running,Initializing,Created",
    "?allUsers=true&priorities=High,Critical&sortField=Priority&direction=asc",
    "?users=" JD_DEMO_USER_CURATOR_ID ",Kenji%20Watanabe&completedAfter=2024-01-01&completedBefore=2025-01-01",
    "?allUsers=true&workflowNames=Weekly%20Sales%20Rollup&sortField=AppName&offset=20&limit=20",
  };
  static const char *const workflows_queries[] = { "?view=Default", "?view=Full", "?name=sales&view=Default" };
  static const char *const workflows[] = { JD_DEMO_WORKFLOW_SALES, JD_DEMO_WORKFLOW_INVENTORY };
  g_autoptr(Harness) h = harness_new ();
  guint n_called = 0;

  check_call (h, "POST", "/oauth2/token", NULL, NULL, NULL,
              "grant_type=client_credentials&client_id=demo&client_secret=demo", 200);
  check_call (h, "POST", "/oauth2/token", NULL, NULL, NULL,
              "grant_type=client_credentials&client_id=demo&client_secret=wrong", 400);
  check_call (h, "POST", "/oauth2/token", NULL, NULL, NULL, "grant_type=password", 400);

  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      check_call (h, "GET", "/v3/jobs/{jobId}", jobs[i], "?includeMessages=true", h->curator, NULL, 200);
      check_call (h, "GET", "/v3/jobs/{jobId}", jobs[i], "?includeMessages=false", h->viewer, NULL, 200);
      check_call (h, "GET", "/v3/jobs/{jobId}/messages", jobs[i], NULL, h->curator, NULL, 200);
    }
  check_call (h, "GET", "/v3/jobs/{jobId}", JD_DEMO_JOB_HUGE, "?includeMessages=false", h->curator, NULL, 200);

  for (guint w = 0; w < G_N_ELEMENTS (workflows); w++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (workflow_jobs_queries); i++)
        check_call (h, "GET", "/v3/workflows/{workflowId}/jobs", workflows[w], workflow_jobs_queries[i],
                    h->curator, NULL, 200);
      check_call (h, "GET", "/v3/workflows/{workflowId}", workflows[w], NULL, h->curator, NULL, 200);
    }

  for (guint i = 0; i < G_N_ELEMENTS (jobs_queries); i++)
    check_call (h, "GET", "/v3/jobs", NULL, jobs_queries[i], h->curator, NULL, 200);

  for (guint i = 0; i < G_N_ELEMENTS (workflows_queries); i++)
    check_call (h, "GET", "/v3/workflows", NULL, workflows_queries[i], h->curator, NULL, 200);

  /* last: these change the jobs */
  check_call (h, "DELETE", "/v3/jobs/{jobId}", JD_DEMO_JOB_RUNNING, NULL, h->curator, NULL, 200);
  check_call (h, "DELETE", "/v3/jobs/{jobId}", JD_DEMO_JOB_QUEUED, NULL, h->curator, NULL, 200);

  if (h->problems->len > 0)
    g_error ("The sample server strays from tests/data/server-schema.json:\n%s", h->problems->str);

  /* every endpoint the app calls was called */
  for (guint i = 0; i < json_array_get_length (h->schema->endpoints); i++)
    {
      JsonObject *endpoint = json_array_get_object_element (h->schema->endpoints, i);

      if (!json_object_get_boolean_member_with_default (endpoint, "called_by_app", TRUE))
        continue;
      if (!g_hash_table_contains (h->exercised, GINT_TO_POINTER (i)))
        g_error ("%s %s was not called", json_object_get_string_member (endpoint, "method"),
                 json_object_get_string_member (endpoint, "path"));
      n_called++;
    }
  g_assert_cmpuint (n_called, ==, 10);
}

/* The validation fails where it should: a sample of each mistake. */
static void
test_server_validation_can_fail (void)
{
  static const struct { const char *object; const char *json; const char *problem; } cases[] = {
    { "WorkflowJobView", "{\"id\":\"66ebd18d3d6200007e000d8c\",\"createDate\":\"2024-09-19T10:02:54Z\",\"status\":\"Queued\","
      "\"priority\":\"Low\",\"workerTag\":\"\",\"runWithE2\":true,\"disposition\":\"None\"}",
      "\"disposition\" is not a field of WorkflowJobView" },
    { "PaginationInfo", "{\"currentPage\":1,\"pageSize\":2,\"totalItems\":\"3\",\"totalPages\":2,\"hasNextPage\":true,"
      "\"hasPreviousPage\":false}", "x.totalItems: not an integer" },
    { "PagedJobSummaryView", "{\"id\":\"66ebd18d3d6200007e000d8c\"}", "x.jobId: missing" },
    { "PagedJobSummaryView", "{\"jobId\":\"66ebd18d3d6200007e000d8c\",\"status\":null}", "x.status: null" },
    { "PagedJobSummaryView", "{\"executionTime\":\"five minutes\"}", "is not a duration" },
    { "JobView", "{\"outputs\":[{\"id\":\"o1\"}]}", "x.outputs[0].id: \"o1\" is not an object ID" },
  };

  g_autoptr(JdTestSchema) schema = jd_test_schema_load ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (cases[i].json, NULL);
      g_autoptr(GString) problems = g_string_new (NULL);

      jd_test_schema_validate (schema, node, cases[i].object, NULL, "x", problems);
      g_test_message ("%s", problems->str);
      g_assert_nonnull (strstr (problems->str, cases[i].problem));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/api/contract/schema/well-formed", test_schema_well_formed);
  g_test_add_func ("/api/contract/readers/take-every-published-field", test_readers_take_every_field);
  g_test_add_func ("/api/contract/readers/table-covers-the-schema", test_readers_table_is_whole);
  g_test_add_func ("/api/contract/server/answers-match-the-schema", test_server_answers_match_schema);
  g_test_add_func ("/api/contract/server/validation-finds-strays", test_server_validation_can_fail);

  return g_test_run ();
}
