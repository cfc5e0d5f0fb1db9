/* test-demo-server-jobs.c: what JdDemoServer answers about jobs, over
 * real HTTP: one job in every state, its messages, a workflow's jobs, and
 * DELETE. */
#include "config.h"

#include <string.h>
#include <signal.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "jd-demo-data.h"
#include "jd-demo-server.h"
#include "jd-json-reader.h"
#include "jd-test-demo.h"
#include "jd-test-util.h"

/* One job                                                             */

static void
test_job_fields (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(JsonNode) root = harness_get_json (h, "/v3/jobs/" JD_DEMO_JOB_SUCCESS);
  JsonObject *job = node_object (root);
  JsonArray *outputs;
  JsonArray *messages;
  gboolean long_name = FALSE, german = FALSE, japanese = FALSE, unc = FALSE, local = FALSE;

  g_assert_cmpstr (json_object_get_string_member (job, "id"), ==, JD_DEMO_JOB_SUCCESS);
  g_assert_cmpstr (json_object_get_string_member (job, "appId"), ==, JD_DEMO_WORKFLOW_SALES);
  g_assert_cmpstr (json_object_get_string_member (job, "createDateTime"), ==, "2024-09-19T10:02:54.589Z");
  g_assert_cmpstr (json_object_get_string_member (job, "status"), ==, "Completed");
  g_assert_cmpstr (json_object_get_string_member (job, "disposition"), ==, "Success");
  g_assert_cmpstr (json_object_get_string_member (job, "priority"), ==, "Default");
  g_assert_cmpstr (json_object_get_string_member (job, "workerTag"), ==, "");
  g_assert_true (json_object_get_boolean_member (job, "runWithE2"));

  outputs = json_object_get_array_member (job, "outputs");
  g_assert_cmpuint (json_array_get_length (outputs), ==, 3);
  for (guint i = 0; i < json_array_get_length (outputs); i++)
    {
      JsonObject *output = json_array_get_object_element (outputs, i);
      const char *file_name = json_object_get_string_member (output, "fileName");

      g_assert_true (jd_demo_data_is_object_id (json_object_get_string_member (output, "id")));
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (output, "availableFormats")), >=, 2);
      g_assert_true (g_utf8_validate (file_name, -1, NULL));
      long_name |= strlen (file_name) > 120;
      german |= strstr (file_name, "Übersicht") != NULL;
      japanese |= strstr (file_name, "販売レポート") != NULL;
      unc |= g_str_has_prefix (file_name, "\\\\fileserver\\share\\finance\\");
      local |= g_str_has_prefix (file_name, "C:\\ProgramData\\");
    }
  g_assert_true (long_name && german && japanese && unc && local);

  messages = json_object_get_array_member (job, "messages");
  g_assert_cmpuint (json_array_get_length (messages), ==, 12);
  for (guint i = 0; i < json_array_get_length (messages); i++)
    {
      JsonObject *message = json_array_get_object_element (messages, i);

      g_assert_cmpint (json_node_get_value_type (json_object_get_member (message, "status")), ==, G_TYPE_INT64);
      g_assert_cmpint (json_node_get_value_type (json_object_get_member (message, "toolId")), ==, G_TYPE_INT64);
      g_assert_cmpstr (json_object_get_string_member (message, "text"), !=, "");
    }
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (messages, 0), "toolId"), ==, -1);
}

static void
test_job_without_messages (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(JsonNode) without = harness_get_json (h, "/v3/jobs/" JD_DEMO_JOB_SUCCESS "?includeMessages=false");
  g_autoptr(JsonNode) with = harness_get_json (h, "/v3/jobs/" JD_DEMO_JOB_SUCCESS "?includeMessages=true");
  g_autoptr(JsonNode) empty = harness_get_json (h, "/v3/jobs/" JD_DEMO_JOB_NO_MESSAGES);
  g_autoptr(Reply) bad = harness_get (h, "/v3/jobs/" JD_DEMO_JOB_SUCCESS "?includeMessages=sometimes", h->token);

  g_assert_false (json_object_has_member (node_object (without), "messages"));
  g_assert_true (json_object_has_member (node_object (without), "outputs"));
  g_assert_true (json_object_has_member (node_object (with), "messages"));

  /* A job that said nothing has an empty array, not a missing member. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (node_object (empty), "messages")), ==, 0);
  reply_assert_has_message (bad, 400);
}

static void
test_job_unknown (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(Reply) unknown = harness_get (h, "/v3/jobs/" JD_DEMO_JOB_UNKNOWN, h->token);
  g_autoptr(Reply) malformed = harness_get (h, "/v3/jobs/not-a-job-id", h->token);

  reply_assert_has_message (unknown, 404);
  reply_assert_message (malformed, 400, "The job ID is not valid.");
}

static void
test_job_sparse (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(JsonNode) root = harness_get_json (h, "/v3/jobs/" JD_DEMO_JOB_SPARSE);
  JsonObject *job = node_object (root);

  g_assert_cmpstr (json_object_get_string_member (job, "status"), ==, "Complete");
  g_assert_cmpstr (json_object_get_string_member (job, "priority"), ==, "Urgent");
  g_assert_false (json_object_has_member (job, "appId"));
  g_assert_false (json_object_has_member (job, "createDateTime"));
  g_assert_false (json_object_has_member (job, "disposition"));
  g_assert_false (json_object_has_member (job, "outputs"));
  g_assert_false (json_object_has_member (job, "messages"));
  g_assert_true (json_object_has_member (job, "executionNode"));
}

static void
test_job_every_state (void)
{
  static const struct { const char *id; const char *status; const char *disposition; } jobs[] = {
    { JD_DEMO_JOB_SUCCESS, "Completed", "Success" },
    { JD_DEMO_JOB_WARNING, "Completed", "Warning" },
    { JD_DEMO_JOB_ERROR, "Completed", "Error" },
    { JD_DEMO_JOB_FAILED, "Error", "Error" },
    { JD_DEMO_JOB_CANCELLED, "Cancelled", "Cancelled" },
    { JD_DEMO_JOB_QUEUED, "Queued", "None" },
    { JD_DEMO_JOB_RUNNING, "Running", "None" },
    { JD_DEMO_JOB_CREATED, "Created", "None" },
    { JD_DEMO_JOB_INITIALIZING, "Initializing", "None" },
    { JD_DEMO_JOB_NO_MESSAGES, "Completed", "Success" },
  };
  g_autoptr(Harness) h = harness_new ();

  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      g_autofree char *path = g_strconcat ("/v3/jobs/", jobs[i].id, NULL);
      g_autoptr(JsonNode) root = harness_get_json (h, path);
      JsonObject *job = node_object (root);

      g_assert_cmpstr (json_object_get_string_member (job, "status"), ==, jobs[i].status);
      g_assert_cmpstr (json_object_get_string_member (job, "disposition"), ==, jobs[i].disposition);
      /* Only a completed job lists outputs. */
      if (!g_str_equal (jobs[i].status, "Completed"))
        g_assert_cmpuint (json_array_get_length (json_object_get_array_member (job, "outputs")), ==, 0);
    }
}

static void
test_job_many_messages (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(JsonNode) root = harness_get_json (h, "/v3/jobs/" JD_DEMO_JOB_MANY_MESSAGES);
  JsonArray *messages = json_object_get_array_member (node_object (root), "messages");
  static const gint64 codes[] = { 1, 2, 3, 4, 5, 6, 8, 9, 20, 21 };
  gboolean seen[G_N_ELEMENTS (codes)] = { FALSE };
  guint transient = 0;
  guint engine = 0;

  g_assert_cmpuint (json_array_get_length (messages), ==, 5000);
  for (guint i = 0; i < json_array_get_length (messages); i++)
    {
      JsonObject *message = json_array_get_object_element (messages, i);
      gint64 code = json_object_get_int_member (message, "status");

      if (code & 0x40000000)
        transient++;
      if (json_object_get_int_member (message, "toolId") == -1)
        engine++;
      for (guint k = 0; k < G_N_ELEMENTS (codes); k++)
        seen[k] |= (code & ~0x40000000) == codes[k];
    }

  for (guint k = 0; k < G_N_ELEMENTS (codes); k++)
    g_assert_true (seen[k]);
  g_assert_cmpuint (transient, >, 0);
  g_assert_cmpuint (engine, >, 0);
}

static void
test_job_huge (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(Reply) reply = harness_get (h, "/v3/jobs/" JD_DEMO_JOB_HUGE, h->token);
  g_autoptr(Reply) again = harness_get (h, "/v3/jobs/" JD_DEMO_JOB_HUGE, h->token);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *messages;

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpuint (g_bytes_get_size (reply->body), >, 10 * 1000 * 1000);
  g_assert_cmpuint (g_bytes_get_size (reply->body), <, 13 * 1000 * 1000);
  g_assert_cmpint (soup_message_headers_get_content_length (reply->headers), ==, g_bytes_get_size (reply->body));

  root = reply_json (reply);
  messages = json_object_get_array_member (node_object (root), "messages");
  g_assert_cmpuint (json_array_get_length (messages), ==, 100000);
  g_assert_cmpstr (json_object_get_string_member (node_object (root), "disposition"), ==, "Warning");

  /* From the cache, the same bytes. */
  g_assert_true (g_bytes_equal (reply->body, again->body));
}

static void
test_job_progressing (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonNode) last = NULL;
  gint64 deadline;
  JsonObject *job;

  /* Each stage lasts a step: long enough that a poll (an HTTP request
   * and its JSON) never skips Running, even under valgrind or on a
   * loaded machine, where a 100 ms step could pass between two polls. */
  jd_demo_server_set_progress_step (h->server, 300 * jd_test_slowdown ());

  deadline = g_get_monotonic_time () + (gint64) 5 * G_USEC_PER_SEC * jd_test_slowdown ();
  while (g_get_monotonic_time () < deadline)
    {
      const char *status;

      g_clear_pointer (&last, json_node_unref);
      last = harness_get_json (h, "/v3/jobs/" JD_DEMO_JOB_PROGRESSING);
      job = node_object (last);
      status = json_object_get_string_member (job, "status");

      if (seen->len == 0 || !g_str_equal (g_ptr_array_index (seen, seen->len - 1), status))
        {
          g_ptr_array_add (seen, g_strdup (status));
          if (g_str_equal (status, "Queued") || g_str_equal (status, "Running"))
            {
              g_assert_cmpstr (json_object_get_string_member (job, "disposition"), ==, "None");
              g_assert_cmpuint (json_array_get_length (json_object_get_array_member (job, "outputs")), ==, 0);
            }
        }

      if (g_str_equal (status, "Completed"))
        break;
      g_usleep (5 * 1000);
    }

  g_assert_cmpuint (seen->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "Queued");
  g_assert_cmpstr (g_ptr_array_index (seen, 1), ==, "Running");
  g_assert_cmpstr (g_ptr_array_index (seen, 2), ==, "Completed");

  job = node_object (last);
  g_assert_cmpstr (json_object_get_string_member (job, "disposition"), ==, "Success");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (job, "outputs")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (job, "messages")), >, 4);
}

/* ------------------------------------------------------------------ */
/* Messages endpoint                                                   */

static void
test_messages_curator (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(JsonNode) messages = harness_get_json (h, "/v3/jobs/" JD_DEMO_JOB_WARNING "/messages");
  g_autoptr(JsonNode) queued = harness_get_json (h, "/v3/jobs/" JD_DEMO_JOB_QUEUED "/messages");
  g_autoptr(Reply) unknown = harness_get (h, "/v3/jobs/" JD_DEMO_JOB_UNKNOWN "/messages", h->token);

  g_assert_cmpuint (json_array_get_length (node_array (messages)), ==, 12);
  g_assert_cmpuint (json_array_get_length (node_array (queued)), ==, 0);
  reply_assert_has_message (unknown, 404);
}

static void
test_messages_viewer_forbidden (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autofree char *viewer = harness_request_token (h, JD_DEMO_VIEWER_API_KEY, JD_DEMO_VIEWER_API_SECRET);
  g_autoptr(Reply) messages = harness_get (h, "/v3/jobs/" JD_DEMO_JOB_SUCCESS "/messages", viewer);
  g_autoptr(Reply) job = harness_get (h, "/v3/jobs/" JD_DEMO_JOB_SUCCESS, viewer);

  reply_assert_message (messages, 403, DENIED);
  /* A viewer still sees the job itself, messages included. */
  g_assert_cmpuint (job->status, ==, 200);
}

/* ------------------------------------------------------------------ */
/* Jobs of a workflow                                                  */

static JsonArray *
workflow_jobs (Harness    *h,
               JsonNode  **keep,
               const char *workflow_id,
               const char *query)
{
  g_autofree char *path = g_strdup_printf ("/v3/workflows/%s/jobs%s", workflow_id, query);

  *keep = harness_get_json (h, path);
  return node_array (*keep);
}

static void
test_workflow_jobs_paging (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(JsonNode) all_node = NULL;
  g_autoptr(JsonNode) page_node = NULL;
  g_autoptr(JsonNode) asc_node = NULL;
  g_autoptr(JsonNode) inventory_node = NULL;
  JsonArray *all = workflow_jobs (h, &all_node, JD_DEMO_WORKFLOW_SALES, "");
  JsonArray *page = workflow_jobs (h, &page_node, JD_DEMO_WORKFLOW_SALES, "?offset=10&limit=20");
  JsonArray *asc = workflow_jobs (h, &asc_node, JD_DEMO_WORKFLOW_SALES, "?sortField=createDate&direction=asc");
  JsonArray *inventory = workflow_jobs (h, &inventory_node, JD_DEMO_WORKFLOW_INVENTORY, "");
  guint n = json_array_get_length (all);

  g_assert_cmpuint (n, ==, 75);
  g_assert_cmpuint (json_array_get_length (inventory), ==, 65);
  g_assert_cmpuint (json_array_get_length (page), ==, 20);
  g_assert_cmpuint (json_array_get_length (asc), ==, n);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *job = json_array_get_object_element (all, i);
      const char *id = json_object_get_string_member (job, "id");

      /* WorkflowJobView: createDate, no disposition, no outputs; the
       * contract test checks every field. */
      g_assert_true (json_object_has_member (job, "createDate"));
      g_assert_true (json_object_has_member (job, "priority"));
      g_assert_true (json_object_has_member (job, "workerTag"));
      g_assert_true (json_object_has_member (job, "runWithE2"));
      g_assert_false (json_object_has_member (job, "disposition"));
      g_assert_false (json_object_has_member (job, "outputs"));

      /* Newest first by default. */
      if (i > 0)
        g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (all, i - 1), "createDate"),
                         >, json_object_get_string_member (job, "createDate"));
      if (i >= 10 && i < 30)
        g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (page, i - 10), "id"), ==, id);
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (asc, n - 1 - i), "id"), ==, id);
    }
}

static void
test_workflow_jobs_filters (void)
{
  static const struct { const char *query; const char *status; } filters[] = {
    { "?status=Complete", "Completed" },
    { "?status=Error", "Error" },
    { "?status=Running", "Running" },
    { "?status=queued", "Queued" },
  };
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(JsonNode) warnings_node = NULL;
  JsonArray *warnings;

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      g_autoptr(JsonNode) node = NULL;
      JsonArray *jobs = workflow_jobs (h, &node, JD_DEMO_WORKFLOW_SALES, filters[i].query);

      g_assert_cmpuint (json_array_get_length (jobs), >, 0);
      for (guint k = 0; k < json_array_get_length (jobs); k++)
        g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (jobs, k), "status"),
                         ==, filters[i].status);
    }

  warnings = workflow_jobs (h, &warnings_node, JD_DEMO_WORKFLOW_INVENTORY, "?resultCode=Warning&limit=5");
  g_assert_cmpuint (json_array_get_length (warnings), ==, 5);
  for (guint k = 0; k < json_array_get_length (warnings); k++)
    {
      const char *id = json_object_get_string_member (json_array_get_object_element (warnings, k), "id");
      g_autofree char *path = g_strconcat ("/v3/jobs/", id, "?includeMessages=false", NULL);
      g_autoptr(JsonNode) job = harness_get_json (h, path);

      g_assert_cmpstr (json_object_get_string_member (node_object (job), "disposition"), ==, "Warning");
    }
}

static void
test_workflow_jobs_bad_requests (void)
{
  static const char *const bad[] = {
    "?offset=-1", "?offset=abc", "?limit=-5", "?limit=ten", "?direction=sideways",
    "?sortField=colour", "?status=Sleeping", "?resultCode=Maybe",
  };
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(Reply) unknown = harness_get (h, "/v3/workflows/" JD_DEMO_JOB_UNKNOWN "/jobs", h->token);
  g_autoptr(Reply) no_token = harness_get (h, "/v3/workflows/" JD_DEMO_WORKFLOW_SALES "/jobs", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = g_strconcat ("/v3/workflows/" JD_DEMO_WORKFLOW_SALES "/jobs", bad[i], NULL);
      g_autoptr(Reply) reply = harness_get (h, path, h->token);

      reply_assert_has_message (reply, 400);
    }

  reply_assert_has_message (unknown, 404);
  reply_assert_message (no_token, 401, DENIED);
}

/* Every job in a list answers GET /v3/jobs/{id}, and names its workflow. */
static void
test_workflow_jobs_all_answer (void)
{
  static const char *const workflows[] = { JD_DEMO_WORKFLOW_SALES, JD_DEMO_WORKFLOW_INVENTORY };
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint w = 0; w < G_N_ELEMENTS (workflows); w++)
    {
      g_autoptr(JsonNode) node = NULL;
      JsonArray *jobs = workflow_jobs (h, &node, workflows[w], "");

      for (guint i = 0; i < json_array_get_length (jobs); i++)
        {
          JsonObject *summary = json_array_get_object_element (jobs, i);
          const char *id = json_object_get_string_member (summary, "id");
          g_autofree char *path = g_strconcat ("/v3/jobs/", id, "?includeMessages=false", NULL);
          g_autoptr(JsonNode) job = harness_get_json (h, path);
          const char *created = json_object_get_string_member (node_object (job), "createDateTime");

          g_assert_true (jd_demo_data_is_object_id (id));
          g_assert_true (g_hash_table_add (ids, g_strdup (id)));
          g_assert_cmpstr (json_object_get_string_member (node_object (job), "appId"), ==, workflows[w]);
          g_assert_cmpstr (json_object_get_string_member (summary, "createDate"), ==, created);
          g_assert_true (g_str_has_prefix (created, "2024-") || g_str_has_prefix (created, "2025-") ||
                         g_str_has_prefix (created, "2026-"));
          g_assert_true (g_str_has_suffix (created, "Z") && strlen (created) == 24);
        }
    }

  g_assert_cmpuint (g_hash_table_size (ids), ==, 75 + 65);
}

/* DELETE                                                              */

static void
test_delete_running_job (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(Reply) cancel = harness_send (h, "DELETE", "/v3/jobs/" JD_DEMO_JOB_RUNNING, h->token, NULL);
  g_autoptr(Reply) again = harness_send (h, "DELETE", "/v3/jobs/" JD_DEMO_JOB_RUNNING, h->token, NULL);
  g_autoptr(JsonNode) root = harness_get_json (h, "/v3/jobs/" JD_DEMO_JOB_RUNNING);
  g_autoptr(JsonNode) list = NULL;
  JsonArray *jobs;
  JsonArray *messages;
  gboolean listed = FALSE;

  /* The JobView of the job as it now stands */
  g_assert_cmpuint (cancel->status, ==, 200);
  {
    g_autoptr(JsonNode) answer = reply_json (cancel);

    g_assert_cmpstr (json_object_get_string_member (node_object (answer), "id"), ==, JD_DEMO_JOB_RUNNING);
    g_assert_cmpstr (json_object_get_string_member (node_object (answer), "status"), ==, "Cancelled");
  }

  g_assert_cmpstr (json_object_get_string_member (node_object (root), "status"), ==, "Cancelled");
  g_assert_cmpstr (json_object_get_string_member (node_object (root), "disposition"), ==, "Cancelled");
  messages = json_object_get_array_member (node_object (root), "messages");
  g_assert_nonnull (strstr (json_object_get_string_member (json_array_get_object_element (messages, json_array_get_length (messages) - 1), "text"),
                            "cancelled"));

  reply_assert_message (again, 400, "The job has already finished.");

  jobs = workflow_jobs (h, &list, JD_DEMO_WORKFLOW_SALES, "?status=Cancelled");
  for (guint i = 0; i < json_array_get_length (jobs); i++)
    listed |= g_str_equal (json_object_get_string_member (json_array_get_object_element (jobs, i), "id"), JD_DEMO_JOB_RUNNING);
  g_assert_true (listed);
}

static void
test_delete_queued_job (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(Reply) remove = harness_send (h, "DELETE", "/v3/jobs/" JD_DEMO_JOB_QUEUED, h->token, NULL);
  g_autoptr(Reply) gone = harness_get (h, "/v3/jobs/" JD_DEMO_JOB_QUEUED, h->token);
  g_autoptr(Reply) created = harness_send (h, "DELETE", "/v3/jobs/" JD_DEMO_JOB_CREATED, h->token, NULL);
  g_autoptr(JsonNode) list = NULL;
  JsonArray *jobs;

  g_assert_cmpuint (remove->status, ==, 200);
  {
    g_autoptr(JsonNode) answer = reply_json (remove);

    g_assert_cmpstr (json_object_get_string_member (node_object (answer), "status"), ==, "Cancelled");
    g_assert_cmpstr (json_object_get_string_member (node_object (answer), "disposition"), ==, "Cancelled");
  }
  reply_assert_has_message (gone, 404);
  g_assert_cmpuint (created->status, ==, 200);

  jobs = workflow_jobs (h, &list, JD_DEMO_WORKFLOW_SALES, "");
  g_assert_cmpuint (json_array_get_length (jobs), ==, 74);

  /* State belongs to one server: a new one has the job again. */
  {
    g_autoptr(Harness) other = harness_new ();
    g_autoptr(Reply) back = harness_get (other, "/v3/jobs/" JD_DEMO_JOB_QUEUED, other->token);

    g_assert_cmpuint (back->status, ==, 200);
  }
}

static void
test_delete_refusals (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autofree char *viewer = harness_request_token (h, JD_DEMO_VIEWER_API_KEY, JD_DEMO_VIEWER_API_SECRET);
  g_autoptr(Reply) finished = harness_send (h, "DELETE", "/v3/jobs/" JD_DEMO_JOB_SUCCESS, h->token, NULL);
  g_autoptr(Reply) failed = harness_send (h, "DELETE", "/v3/jobs/" JD_DEMO_JOB_FAILED, h->token, NULL);
  g_autoptr(Reply) by_viewer = harness_send (h, "DELETE", "/v3/jobs/" JD_DEMO_JOB_RUNNING, viewer, NULL);
  g_autoptr(Reply) unknown = harness_send (h, "DELETE", "/v3/jobs/" JD_DEMO_JOB_UNKNOWN, h->token, NULL);
  g_autoptr(Reply) no_token = harness_send (h, "DELETE", "/v3/jobs/" JD_DEMO_JOB_RUNNING, NULL, NULL);
  g_autoptr(JsonNode) still = harness_get_json (h, "/v3/jobs/" JD_DEMO_JOB_RUNNING);

  reply_assert_message (finished, 400, "The job has already finished.");
  reply_assert_message (failed, 400, "The job has already finished.");
  reply_assert_message (by_viewer, 403, DENIED);
  reply_assert_has_message (unknown, 404);
  reply_assert_message (no_token, 401, DENIED);
  g_assert_cmpstr (json_object_get_string_member (node_object (still), "status"), ==, "Running");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/api/demo-server/job/fields", test_job_fields);
  g_test_add_func ("/api/demo-server/job/without-messages", test_job_without_messages);
  g_test_add_func ("/api/demo-server/job/unknown", test_job_unknown);
  g_test_add_func ("/api/demo-server/job/sparse", test_job_sparse);
  g_test_add_func ("/api/demo-server/job/every-state", test_job_every_state);
  g_test_add_func ("/api/demo-server/job/many-messages", test_job_many_messages);
  g_test_add_func ("/api/demo-server/job/huge", test_job_huge);
  g_test_add_func ("/api/demo-server/job/progressing", test_job_progressing);
  g_test_add_func ("/api/demo-server/messages/curator", test_messages_curator);
  g_test_add_func ("/api/demo-server/messages/viewer-forbidden", test_messages_viewer_forbidden);
  g_test_add_func ("/api/demo-server/workflow-jobs/paging", test_workflow_jobs_paging);
  g_test_add_func ("/api/demo-server/workflow-jobs/filters", test_workflow_jobs_filters);
  g_test_add_func ("/api/demo-server/workflow-jobs/bad-requests", test_workflow_jobs_bad_requests);
  g_test_add_func ("/api/demo-server/workflow-jobs/every-job-answers", test_workflow_jobs_all_answer);
  g_test_add_func ("/api/demo-server/delete/running-job-is-cancelled", test_delete_running_job);
  g_test_add_func ("/api/demo-server/delete/queued-job-is-removed", test_delete_queued_job);
  g_test_add_func ("/api/demo-server/delete/refusals", test_delete_refusals);

  return g_test_run ();
}
