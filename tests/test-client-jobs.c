/* test-client-jobs.c: acting on jobs with JdClient over real HTTP: cancel
 * or remove a job (DELETE /v3/jobs/{id}), list the recent jobs across
 * workflows (GET /v3/jobs) with the Server's filters, count the rows no
 * one could read, look up a job's workflow (GET /v3/workflows/{id}), and
 * keep the Server's own JSON of a job. */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "jd-broken-server.h"
#include "jd-client.h"
#include "jd-demo-data.h"
#include "jd-demo-server.h"
#include "jd-test-util.h"
#include "jd-job-summary.h"

#define WAIT_MS 20000

typedef struct
{
  JdDemoServer *server;
  JdClient     *client;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean viewer = GPOINTER_TO_INT (data);

  fixture->server = jd_demo_server_new ();
  jd_demo_server_start_thread (fixture->server, 0, &error);
  g_assert_no_error (error);

  fixture->client = jd_client_new (NULL, jd_demo_server_get_base_url (fixture->server));
  jd_client_set_timeout (fixture->client, 10);
  if (viewer)
    jd_client_set_api_key (fixture->client, JD_DEMO_VIEWER_API_KEY, JD_DEMO_VIEWER_API_SECRET);
  else
    jd_client_set_api_key (fixture->client, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Let finished tasks drop their references before we check. */
  jd_test_spin_for (20);
  g_assert_finalize_object (fixture->client);
  jd_demo_server_stop (fixture->server);
  g_assert_finalize_object (fixture->server);
}

static gboolean
delete_job (JdClient    *client,
            const char  *id,
            GError     **error)
{
  JdTestAsync async = { 0 };
  gboolean deleted;

  jd_client_delete_job_async (client, id, NULL, jd_test_async_ready_cb, &async);
  deleted = jd_client_delete_job_finish (client, jd_test_wait_result (&async, WAIT_MS), error);
  jd_test_async_clear (&async);
  return deleted;
}

static JdJobPage *
list_jobs (JdClient                 *client,
           const JdRecentJobsQuery  *query,
           GError                  **error)
{
  JdTestAsync async = { 0 };
  JdJobPage *page;

  jd_client_list_jobs_async (client, query, NULL, jd_test_async_ready_cb, &async);
  page = jd_client_list_jobs_finish (client, jd_test_wait_result (&async, WAIT_MS), error);
  jd_test_async_clear (&async);
  return page;
}

/* ------------------------------------------------------------------ */
/* DELETE /v3/jobs/{id}                                                */

static void
test_delete_cancels_running (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;

  g_assert_true (delete_job (fixture->client, JD_DEMO_JOB_RUNNING, &error));
  g_assert_no_error (error);

  job = jd_test_get_job (fixture->client, JD_DEMO_JOB_RUNNING, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jd_job_summary_get_state (JD_JOB_SUMMARY (job)), ==, JD_JOB_STATE_CANCELLED);
  g_assert_cmpint (jd_job_summary_get_disposition_kind (JD_JOB_SUMMARY (job)), ==, JD_DISPOSITION_CANCELLED);
}

static void
test_delete_removes_queued (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;

  g_assert_true (delete_job (fixture->client, JD_DEMO_JOB_QUEUED, &error));
  g_assert_no_error (error);

  /* Out of the queue, the job is gone. */
  job = jd_test_get_job (fixture->client, JD_DEMO_JOB_QUEUED, TRUE, &error);
  g_assert_null (job);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_FOUND);

  /* A second removal finds nothing to remove. */
  g_clear_error (&error);
  g_assert_false (delete_job (fixture->client, JD_DEMO_JOB_QUEUED, &error));
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_FOUND);
}

static void
test_delete_finished_refused (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (delete_job (fixture->client, JD_DEMO_JOB_SUCCESS, &error));
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_REQUEST);
  /* Our sentence, and the Server's reason beside it. */
  g_assert_nonnull (strstr (error->message, "would not cancel this job"));
  g_assert_nonnull (strstr (error->message, "The job has already finished."));
}

static void
test_delete_viewer_forbidden (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;

  g_assert_false (delete_job (fixture->client, JD_DEMO_JOB_RUNNING, &error));
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_FORBIDDEN);
  g_assert_true (g_str_has_prefix (error->message, "You may not cancel this job: only its owner or a Curator can."));
  g_clear_error (&error);

  /* and the job runs on */
  job = jd_test_get_job (fixture->client, JD_DEMO_JOB_RUNNING, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jd_job_summary_get_state (JD_JOB_SUMMARY (job)), ==, JD_JOB_STATE_RUNNING);
}

static void
test_delete_unknown (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (delete_job (fixture->client, JD_DEMO_JOB_UNKNOWN, &error));
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, JD_DEMO_JOB_UNKNOWN));
}

static void
test_delete_invalid_id (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char * const ids[] = { "", "66ebd18d", "66ebd18d3d6200007e000d8c/../x", "../v3/jobs", "zzzzzzzzzzzzzzzzzzzzzzzz" };
  guint before = jd_demo_server_get_request_count (fixture->server);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (delete_job (fixture->client, ids[i], &error));
      g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_INVALID_INPUT);
    }

  /* Refused before anything, even a token, was asked for. */
  g_assert_cmpuint (jd_demo_server_get_request_count (fixture->server), ==, before);
}

/* ------------------------------------------------------------------ */
/* GET /v3/jobs                                                        */

static void
test_list_jobs_pages (Fixture       *fixture,
                      gconstpointer  data)
{
  JdRecentJobsQuery query = { .sort_field = "CreateDate", .direction = JD_SORT_DESCENDING, .limit = 50,
                               .all_users = TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJobPage) first_page = NULL;
  g_autoptr(JdJobPage) last_page = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *first;
  gint64 total = 0;
  GDateTime *previous = NULL;
  guint n;

  first_page = list_jobs (fixture->client, &query, &error);
  g_assert_no_error (error);
  first = jd_job_page_get_jobs (first_page);
  g_assert_cmpuint (g_list_model_get_item_type (first), ==, JD_TYPE_JOB_SUMMARY);
  g_assert_cmpuint (g_list_model_get_n_items (first), ==, 50);
  g_assert_cmpuint (jd_job_page_get_n_unreadable (first_page), ==, 0);
  total = jd_job_page_get_total_items (first_page);
  g_assert_cmpint (total, >, 100);
  g_assert_true (jd_job_page_get_has_next_page (first_page));
  g_assert_false (jd_job_page_get_has_previous_page (first_page));
  g_assert_cmpint (jd_job_page_get_current_page (first_page), ==, 1);
  g_assert_cmpint (jd_job_page_get_page_size (first_page), ==, 50);
  g_assert_cmpint (jd_job_page_get_total_pages (first_page), ==, (total + 49) / 50);

  /* Newest first, each with the name of its workflow. */
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(JdJobSummary) job = g_list_model_get_item (first, i);
      GDateTime *created = jd_job_summary_get_created (job);

      g_assert_nonnull (jd_job_summary_get_workflow_name (job));
      g_assert_nonnull (created);
      if (previous != NULL)
        g_assert_cmpint (g_date_time_compare (previous, created), >=, 0);
      previous = created;
      g_hash_table_add (seen, g_strdup (jd_job_summary_get_id (job)));
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 50);

  /* The last page says there is none after it. */
  query.offset = (guint) (total - 1) / 50 * 50;
  last_page = list_jobs (fixture->client, &query, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (jd_job_page_get_jobs (last_page));
  g_assert_cmpuint (n, ==, total - query.offset);
  g_assert_false (jd_job_page_get_has_next_page (last_page));
  g_assert_true (jd_job_page_get_has_previous_page (last_page));
  g_assert_cmpint (jd_job_page_get_current_page (last_page), ==, jd_job_page_get_total_pages (last_page));
}

static void
test_list_jobs_statuses (Fixture       *fixture,
                         gconstpointer  data)
{
  JdRecentJobsQuery query = { .limit = 50, .statuses = "Running,Queued", .all_users = TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJobPage) page = NULL;
  GListModel *jobs;
  guint n;

  page = list_jobs (fixture->client, &query, &error);
  g_assert_no_error (error);
  jobs = jd_job_page_get_jobs (page);
  n = g_list_model_get_n_items (jobs);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpint (jd_job_page_get_total_items (page), ==, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JdJobSummary) job = g_list_model_get_item (jobs, i);
      JdJobState state = jd_job_summary_get_state (job);

      g_assert_true (state == JD_JOB_STATE_RUNNING || state == JD_JOB_STATE_QUEUED);
    }
}

static void
test_list_jobs_legacy (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJobPage) page = NULL;

  jd_demo_server_set_legacy (fixture->server, TRUE);
  page = list_jobs (fixture->client, NULL, &error);
  g_assert_null (page);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_SUPPORTED);
}

static void
test_list_jobs_viewer_forbidden (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJobPage) page = NULL;

  page = list_jobs (fixture->client, NULL, &error);
  g_assert_null (page);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_FORBIDDEN);
}

/* Every way a Server says "not here" or "not for you". */
static void
test_list_jobs_refusals (void)
{
  static const struct { const char *scenario; JdClientError code; } cases[] = {
    { "status-404", JD_CLIENT_ERROR_NOT_SUPPORTED },
    { "status-405", JD_CLIENT_ERROR_NOT_SUPPORTED },
    { "status-403", JD_CLIENT_ERROR_FORBIDDEN },
    { "status-500", JD_CLIENT_ERROR_SERVER },
  };
  g_autoptr(JdBrokenServer) server = jd_broken_server_new (NULL);
  g_autoptr(JdClient) client = jd_client_new (NULL, jd_broken_server_get_base_url (server));
  g_autofree char *path = NULL;

  jd_client_set_timeout (client, 5);
  jd_client_set_access_token (client, "t0ken");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JdJobPage) page = NULL;

      jd_broken_server_set_scenario (server, cases[i].scenario);
      page = list_jobs (client, NULL, &error);
      g_assert_null (page);
      g_assert_error (error, JD_CLIENT_ERROR, cases[i].code);
    }

  path = jd_broken_server_dup_last_path (server);
  g_assert_true (g_str_has_suffix (path, "/v3/jobs"));
  jd_broken_server_stop (server);
}

static JdJobSummary *
find_row (GListModel *jobs,
          const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (jobs); i++)
    {
      g_autoptr(JdJobSummary) job = g_list_model_get_item (jobs, i);

      if (g_str_equal (jd_job_summary_get_id (job), id))
        return g_steal_pointer (&job);
    }

  return NULL;
}

/* The rows as a Server gives them: the workflow, who submitted the job,
 * and times that tell queueing and running apart. */
static void
test_list_jobs_summary_fields (Fixture       *fixture,
                               gconstpointer  data)
{
  JdRecentJobsQuery query = { .limit = 200, .all_users = TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJobPage) page = NULL;
  g_autoptr(JdJobSummary) success = NULL;
  g_autoptr(JdJobSummary) running = NULL;
  g_autoptr(JdJobSummary) stuck = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GListModel *jobs;

  page = list_jobs (fixture->client, &query, &error);
  g_assert_no_error (error);
  jobs = jd_job_page_get_jobs (page);
  g_assert_cmpuint (g_list_model_get_n_items (jobs), ==, jd_job_page_get_total_items (page));

  /* a finished job: queued, started a little later, ran for a while */
  success = find_row (jobs, JD_DEMO_JOB_SUCCESS);
  g_assert_nonnull (success);
  g_assert_cmpstr (jd_job_summary_get_workflow_name (success), ==, "Weekly Sales Rollup");
  g_assert_cmpstr (jd_job_summary_get_workflow_id (success), ==, JD_DEMO_WORKFLOW_SALES);
  g_assert_cmpstr (jd_job_summary_get_submitted_by (success), ==, JD_DEMO_USER_CURATOR_NAME);
  g_assert_nonnull (jd_job_summary_get_queue_time (success));
  g_assert_cmpint (g_date_time_compare (jd_job_summary_get_start_time (success),
                                        jd_job_summary_get_queue_time (success)), >, 0);
  g_assert_nonnull (jd_job_summary_get_execution_time_text (success));
  g_assert_cmpfloat (jd_job_summary_get_execution_time (success), >, 0);
  g_assert_cmpfloat (jd_job_summary_get_execution_time (success), <, 12.8);
  /* WorkflowJobView and PagedJobSummaryView have no disposition */
  g_assert_null (jd_job_summary_get_disposition (success));

  /* a running job has started, and has not ended */
  running = find_row (jobs, JD_DEMO_JOB_RUNNING);
  g_assert_nonnull (jd_job_summary_get_start_time (running));
  g_assert_cmpint (g_date_time_difference (now, jd_job_summary_get_start_time (running)), <, G_TIME_SPAN_HOUR);
  g_assert_cmpfloat (jd_job_summary_get_execution_time (running), ==, -1);
  g_assert_null (jd_job_summary_get_execution_time_text (running));

  /* the job stuck in the queue since June 2024 never started */
  stuck = find_row (jobs, JD_DEMO_JOB_LONG_QUEUED);
  g_assert_cmpint (jd_job_summary_get_state (stuck), ==, JD_JOB_STATE_QUEUED);
  g_assert_null (jd_job_summary_get_start_time (stuck));
  g_assert_cmpfloat (jd_job_summary_get_execution_time (stuck), ==, -1);
  g_assert_cmpint (g_date_time_get_year (jd_job_summary_get_queue_time (stuck)), ==, 2024);
  g_assert_cmpint (g_date_time_get_month (jd_job_summary_get_queue_time (stuck)), ==, 6);
  g_assert_cmpint (g_date_time_difference (now, jd_job_summary_get_queue_time (stuck)), >, 90 * G_TIME_SPAN_DAY);
}

/* Without users or all_users, the Server lists the caller's own jobs. */
static void
test_list_jobs_own_or_all (Fixture       *fixture,
                           gconstpointer  data)
{
  JdRecentJobsQuery own_query = { .limit = 200 };
  JdRecentJobsQuery all_query = { .limit = 200, .all_users = TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJobPage) own = list_jobs (fixture->client, &own_query, &error);
  g_autoptr(JdJobPage) all = list_jobs (fixture->client, &all_query, &error);
  GHashTable *submitters = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_no_error (error);
  g_assert_cmpint (jd_job_page_get_total_items (own), >, 0);
  g_assert_cmpint (jd_job_page_get_total_items (own), <, jd_job_page_get_total_items (all));
  for (guint i = 0; i < g_list_model_get_n_items (jd_job_page_get_jobs (own)); i++)
    {
      g_autoptr(JdJobSummary) job = g_list_model_get_item (jd_job_page_get_jobs (own), i);

      g_assert_cmpstr (jd_job_summary_get_submitted_by (job), ==, JD_DEMO_USER_CURATOR_NAME);
    }

  for (guint i = 0; i < g_list_model_get_n_items (jd_job_page_get_jobs (all)); i++)
    {
      g_autoptr(JdJobSummary) job = g_list_model_get_item (jd_job_page_get_jobs (all), i);

      g_hash_table_add (submitters, (gpointer) jd_job_summary_get_submitted_by (job));
    }
  g_assert_cmpuint (g_hash_table_size (submitters), ==, 4);
  g_hash_table_unref (submitters);
}

static void
test_list_jobs_users_and_priorities (Fixture       *fixture,
                                     gconstpointer  data)
{
  JdRecentJobsQuery query = { .limit = 200, .users = JD_DEMO_USER_VIEWER_ID, .priorities = "Low,Critical" };
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJobPage) page = list_jobs (fixture->client, &query, &error);
  GListModel *jobs;
  guint n;

  g_assert_no_error (error);
  jobs = jd_job_page_get_jobs (page);
  n = g_list_model_get_n_items (jobs);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpint (jd_job_page_get_total_items (page), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JdJobSummary) job = g_list_model_get_item (jobs, i);
      const char *priority = jd_job_summary_get_priority (job);

      g_assert_cmpstr (jd_job_summary_get_submitted_by (job), ==, JD_DEMO_USER_VIEWER_NAME);
      g_assert_true (g_str_equal (priority, "Low") || g_str_equal (priority, "Critical"));
    }
}

static void
test_list_jobs_completed_between (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GDateTime) after = g_date_time_new_utc (2024, 3, 1, 0, 0, 0);
  g_autoptr(GDateTime) before = g_date_time_new_utc (2024, 4, 1, 0, 0, 0);
  JdRecentJobsQuery query = { .limit = 200, .all_users = TRUE, .completed_after = after, .completed_before = before };
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJobPage) page = list_jobs (fixture->client, &query, &error);
  GListModel *jobs;
  guint n;

  g_assert_no_error (error);
  jobs = jd_job_page_get_jobs (page);
  n = g_list_model_get_n_items (jobs);
  /* about two sales runs a week and one reconciliation every four days */
  g_assert_cmpuint (n, >, 10);
  g_assert_cmpuint (n, <, 30);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JdJobSummary) job = g_list_model_get_item (jobs, i);
      g_autoptr(GDateTime) ended = g_date_time_add_seconds (jd_job_summary_get_start_time (job),
                                                            jd_job_summary_get_execution_time (job));

      g_assert_cmpint (g_date_time_compare (ended, after), >=, 0);
      g_assert_cmpint (g_date_time_compare (ended, before), <, 0);
    }
}

/* A page whose rows cannot be read says how many, instead of being empty. */
static void
on_fixed_request_cb (SoupServer        *server,
                     SoupServerMessage *msg,
                     const char        *path,
                     GHashTable        *query,
                     gpointer           user_data)
{
  const char *body = g_hash_table_lookup (user_data, path);

  if (body == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
}

static void
test_lists_count_unreadable_rows (void)
{
  g_autoptr(GHashTable) answers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JdClient) client = NULL;
  g_autoptr(JdJobPage) page = NULL;
  g_autoptr(JdJobPage) workflow_page = NULL;
  g_autofree char *base_url = NULL;
  JdTestAsync async = { 0 };

  g_hash_table_insert (answers, (gpointer) "/webapi/v3/jobs",
                       (gpointer) "{\"data\": [{\"jobId\": \"" JD_DEMO_JOB_SUCCESS "\", \"status\": \"Completed\"},"
                       " {\"job\": 1}, 7, {\"jobId\": \"no spaces please\"}],"
                       " \"pagination\": {\"currentPage\": 1, \"pageSize\": 4, \"totalItems\": 4, \"totalPages\": 1,"
                       " \"hasNextPage\": false, \"hasPreviousPage\": false}}");
  g_hash_table_insert (answers, (gpointer) "/webapi/v3/workflows/" JD_DEMO_WORKFLOW_SALES "/jobs",
                       (gpointer) "[{\"createDate\": \"2024-09-19T10:02:54Z\"}, null, {\"id\": \"" JD_DEMO_JOB_SUCCESS "\"}]");

  soup_server_add_handler (server, NULL, on_fixed_request_cb, answers, NULL);
  base_url = g_strdup_printf ("http://127.0.0.1:%u/webapi", jd_test_listen_loopback (server));

  client = jd_client_new (NULL, base_url);
  jd_client_set_timeout (client, 10);
  jd_client_set_access_token (client, "t0ken");

  page = list_jobs (client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (jd_job_page_get_jobs (page)), ==, 1);
  g_assert_cmpuint (jd_job_page_get_n_unreadable (page), ==, 3);
  g_assert_cmpint (jd_job_page_get_total_items (page), ==, 4);

  jd_client_list_workflow_jobs_async (client, JD_DEMO_WORKFLOW_SALES, NULL, NULL, jd_test_async_ready_cb, &async);
  workflow_page = jd_client_list_workflow_jobs_finish (client, jd_test_wait_result (&async, WAIT_MS), &error);
  jd_test_async_clear (&async);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (jd_job_page_get_jobs (workflow_page)), ==, 1);
  g_assert_cmpuint (jd_job_page_get_n_unreadable (workflow_page), ==, 2);

  g_clear_object (&client);
  soup_server_disconnect (server);
}

/* ------------------------------------------------------------------ */
/* GET /v3/workflows/{id}                                              */

static JdWorkflow *
get_workflow (JdClient    *client,
              const char  *id,
              GError     **error)
{
  JdTestAsync async = { 0 };
  JdWorkflow *workflow;

  jd_client_get_workflow_async (client, id, NULL, jd_test_async_ready_cb, &async);
  workflow = jd_client_get_workflow_finish (client, jd_test_wait_result (&async, WAIT_MS), error);
  jd_test_async_clear (&async);
  return workflow;
}

static void
test_get_workflow (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdWorkflow) sales = NULL;
  g_autoptr(JdWorkflow) inventory = NULL;
  g_autoptr(JdJob) job = NULL;

  /* a job's app ID is its workflow */
  job = jd_test_get_job (fixture->client, JD_DEMO_JOB_FAILED, TRUE, &error);
  g_assert_no_error (error);
  inventory = get_workflow (fixture->client, jd_job_get_app_id (job), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jd_workflow_get_id (inventory), ==, JD_DEMO_WORKFLOW_INVENTORY);
  g_assert_cmpstr (jd_workflow_get_name (inventory), ==, "Inventory Reconciliation");
  g_assert_cmpint (jd_workflow_get_run_count (inventory), ==, 65);
  g_assert_cmpstr (jd_workflow_get_execution_mode (inventory), ==, "Safe");

  /* an ID in capitals is the same workflow */
  sales = get_workflow (fixture->client, "5F3A0C9E1B2D4E0012345678", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jd_workflow_get_name (sales), ==, "Weekly Sales Rollup");
  g_assert_cmpstr (jd_workflow_get_owner_id (sales), ==, JD_DEMO_USER_CURATOR_ID);
  g_assert_nonnull (jd_workflow_get_created (sales));
  g_assert_nonnull (jd_workflow_get_comments (sales));
  g_assert_cmpint (jd_workflow_get_run_count (sales), ==, 75);
  g_assert_true (jd_demo_data_is_object_id (jd_workflow_get_published_version_id (sales)));
}

static void
test_get_workflow_viewer_forbidden (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdWorkflow) workflow = NULL;
  g_autoptr(JdJob) job = NULL;

  /* the viewer sees the job, but not its workflow: the UI shows the ID */
  job = jd_test_get_job (fixture->client, JD_DEMO_JOB_SUCCESS, TRUE, &error);
  g_assert_no_error (error);
  workflow = get_workflow (fixture->client, jd_job_get_app_id (job), &error);
  g_assert_null (workflow);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "workflow"));
}

static void
test_get_workflow_unknown (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdWorkflow) workflow = get_workflow (fixture->client, "aaaaaaaaaaaaaaaaaaaaaaaa", &error);

  g_assert_null (workflow);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "aaaaaaaaaaaaaaaaaaaaaaaa"));
}

static void
test_get_workflow_invalid_id (Fixture       *fixture,
                              gconstpointer  data)
{
  static const char * const ids[] = { "", "5f3a0c9e", "../v3/jobs", "5f3a0c9e1b2d4e0012345678/jobs" };
  guint before = jd_demo_server_get_request_count (fixture->server);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JdWorkflow) workflow = get_workflow (fixture->client, ids[i], &error);

      g_assert_null (workflow);
      g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, "workflow ID"));
    }

  g_assert_cmpuint (jd_demo_server_get_request_count (fixture->server), ==, before);
}

/* What other Servers answer: refusals, and a workflow that is not the one
 * asked for. DELETE takes a 200 without a body as well as a JobView. */
static void
test_broken_server_answers (void)
{
  static const struct { const char *scenario; JdClientError code; } cases[] = {
    { "status-401", JD_CLIENT_ERROR_UNAUTHORIZED },
    { "status-403", JD_CLIENT_ERROR_FORBIDDEN },
    { "status-404", JD_CLIENT_ERROR_NOT_FOUND },
    { "wrong-job", JD_CLIENT_ERROR_BAD_RESPONSE },
    { "not-a-job", JD_CLIENT_ERROR_BAD_RESPONSE },
  };
  g_autoptr(JdBrokenServer) server = jd_broken_server_new (NULL);
  g_autoptr(JdClient) client = jd_client_new (NULL, jd_broken_server_get_base_url (server));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  jd_client_set_timeout (client, 5);
  jd_client_set_access_token (client, "t0ken");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) workflow_error = NULL;
      g_autoptr(JdWorkflow) workflow = NULL;

      jd_broken_server_set_scenario (server, cases[i].scenario);
      workflow = get_workflow (client, JD_DEMO_WORKFLOW_SALES, &workflow_error);
      g_test_message ("%s: %s", cases[i].scenario, workflow_error != NULL ? workflow_error->message : "-");
      g_assert_null (workflow);
      g_assert_error (workflow_error, JD_CLIENT_ERROR, cases[i].code);
    }

  path = jd_broken_server_dup_last_path (server);
  g_assert_cmpstr (path, ==, "/webapi/v3/workflows/" JD_DEMO_WORKFLOW_SALES);

  jd_broken_server_set_scenario (server, "empty");
  g_assert_true (delete_job (client, JD_DEMO_JOB_RUNNING, &error));
  g_assert_no_error (error);

  jd_broken_server_stop (server);
}

/* ------------------------------------------------------------------ */
/* The Server's own JSON                                               */

/* The job as anyone would get it: a plain request with a fresh token. */
static GBytes *
fetch_job_by_hand (JdDemoServer *server,
                   const char   *id)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *token_url = g_strconcat (jd_demo_server_get_base_url (server), "/oauth2/token", NULL);
  g_autofree char *job_url = g_strdup_printf ("%s/v3/jobs/%s?includeMessages=true", jd_demo_server_get_base_url (server), id);
  g_autoptr(SoupMessage) token_message = soup_message_new ("POST", token_url);
  g_autoptr(SoupMessage) job_message = soup_message_new ("GET", job_url);
  g_autofree char *form = soup_form_encode ("grant_type", "client_credentials",
                                            "client_id", JD_DEMO_API_KEY,
                                            "client_secret", JD_DEMO_API_SECRET, NULL);
  g_autoptr(GBytes) body = g_bytes_new (form, strlen (form));
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *bearer = NULL;
  GBytes *job;

  soup_message_set_request_body_from_bytes (token_message, SOUP_FORM_MIME_TYPE_URLENCODED, body);
  answer = soup_session_send_and_read (session, token_message, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL), g_bytes_get_size (answer), NULL));
  bearer = g_strconcat ("Bearer ",
                        json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "access_token"),
                        NULL);

  soup_message_headers_replace (soup_message_get_request_headers (job_message), "Authorization", bearer);
  soup_message_headers_replace (soup_message_get_request_headers (job_message), "Accept", "application/json");
  job = soup_session_send_and_read (session, job_message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (job_message), ==, 200);
  return job;
}

static void
test_job_keeps_raw_json (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;
  g_autoptr(GBytes) by_hand = NULL;
  GBytes *raw;

  job = jd_test_get_job (fixture->client, JD_DEMO_JOB_SUCCESS, TRUE, &error);
  g_assert_no_error (error);

  raw = jd_job_get_raw_json (job);
  g_assert_nonnull (raw);
  by_hand = fetch_job_by_hand (fixture->server, JD_DEMO_JOB_SUCCESS);
  g_assert_true (g_bytes_equal (raw, by_hand));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/api/client/" path, Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, func, fixture_tear_down)
#define ADD_VIEWER(path, func) \
  g_test_add ("/api/client/" path, Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, func, fixture_tear_down)

  ADD ("delete-job/cancels-running", test_delete_cancels_running);
  ADD ("delete-job/removes-queued", test_delete_removes_queued);
  ADD ("delete-job/finished-refused-with-reason", test_delete_finished_refused);
  ADD_VIEWER ("delete-job/viewer-forbidden", test_delete_viewer_forbidden);
  ADD ("delete-job/unknown", test_delete_unknown);
  ADD ("delete-job/invalid-id-sends-nothing", test_delete_invalid_id);
  ADD ("list-jobs/pages", test_list_jobs_pages);
  ADD ("list-jobs/statuses", test_list_jobs_statuses);
  ADD ("list-jobs/legacy-not-supported", test_list_jobs_legacy);
  ADD_VIEWER ("list-jobs/viewer-forbidden", test_list_jobs_viewer_forbidden);
  g_test_add_func ("/api/client/list-jobs/refusals", test_list_jobs_refusals);
  ADD ("list-jobs/summary-fields-and-honest-times", test_list_jobs_summary_fields);
  ADD ("list-jobs/own-jobs-unless-all-users", test_list_jobs_own_or_all);
  ADD ("list-jobs/users-and-priorities", test_list_jobs_users_and_priorities);
  ADD ("list-jobs/completed-between", test_list_jobs_completed_between);
  g_test_add_func ("/api/client/job-lists/unreadable-rows-counted", test_lists_count_unreadable_rows);
  ADD ("get-workflow/by-app-id", test_get_workflow);
  ADD_VIEWER ("get-workflow/viewer-forbidden", test_get_workflow_viewer_forbidden);
  ADD ("get-workflow/unknown", test_get_workflow_unknown);
  ADD ("get-workflow/invalid-id-sends-nothing", test_get_workflow_invalid_id);
  g_test_add_func ("/api/client/get-workflow/refusals-and-empty-delete", test_broken_server_answers);
  ADD ("get-job/keeps-raw-json", test_job_keeps_raw_json);

#undef ADD
#undef ADD_VIEWER

  return g_test_run ();
}
