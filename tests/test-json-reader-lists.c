/* test-json-reader-lists.c: the readers of lists: the messages endpoint,
 * a workflow's jobs, pages of jobs (with their durations) and
 * workflows. */
#include "config.h"

#include <string.h>

#include "jd-client-error.h"
#include "jd-job-message.h"
#include "jd-job-output.h"
#include "jd-job-page.h"
#include "jd-json-reader.h"
#include "jd-message-list.h"
#include "jd-test-util.h"
#include "jd-job-summary.h"
#include "jd-workflow.h"
#include "jd-test-reader.h"

/* The messages endpoint */

static JdMessageList *
read_messages_file (const char *name)
{
  g_autoptr(GBytes) bytes = jd_test_load_data (name);
  g_autoptr(GError) error = NULL;
  GListModel *list = jd_json_read_messages (bytes, &error);

  g_assert_no_error (error);
  g_assert_true (JD_IS_MESSAGE_LIST (list));
  return JD_MESSAGE_LIST (list);
}

static void
test_messages_array (void)
{
  JdMessageList *list = read_messages_file ("messages-array.json");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  jd_test_assert_message (list, 0, 3, JD_MESSAGE_SEVERITY_ERROR, "Tool failed: file not found", 12);
  jd_test_assert_message (list, 1, 0x40000002, JD_MESSAGE_SEVERITY_WARNING, "A transient warning", 3);
  jd_test_assert_message (list, 2, 1, JD_MESSAGE_SEVERITY_INFO, "Engine message", -1);
  g_assert_finalize_object (list);
}

static void
test_messages_object (void)
{
  JdMessageList *list = read_messages_file ("messages-object.json");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  jd_test_assert_message (list, 0, 21, JD_MESSAGE_SEVERITY_ERROR,
                  "Safe mode: the Run Command tool is not allowed", 5);
  jd_test_assert_message (list, 1, 9, JD_MESSAGE_SEVERITY_FILE, "C:\\out\\result.csv (10 records)", 8);
  g_assert_finalize_object (list);
}

static void
test_messages_single (void)
{
  JdMessageList *list = read_messages_file ("messages-single.json");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  jd_test_assert_message (list, 0, 20, JD_MESSAGE_SEVERITY_WARNING,
                  "Low disk space on the temporary drive", -1);
  g_assert_finalize_object (list);
}

static void
test_messages_empty_and_null (void)
{
  static const char * const texts[] = { "[]", "{\"messages\": []}", "{\"messages\": null}" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GBytes) bytes = jd_test_bytes_from_string (texts[i]);
      g_autoptr(GError) error = NULL;
      GListModel *list = jd_json_read_messages (bytes, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
      g_assert_finalize_object (list);
    }
}

static void
test_messages_not_a_list (void)
{
  static const char * const texts[] = {
    "{\"foo\": 1}", "{}", "{\"messages\": \"none\"}", "42", "\"text\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GBytes) bytes = jd_test_bytes_from_string (texts[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) list = jd_json_read_messages (bytes, &error);

      g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE);
      g_assert_cmpstr (error->message, ==, "The server’s answer is not a list of messages.");
      g_assert_null (list);
    }
}

static void
test_messages_many (void)
{
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  JdMessageList *list;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (json, "%s{\"status\": %u, \"text\": \"m%u\", \"toolId\": %u}",
                            i > 0 ? "," : "", i % 4 == 0 ? 3 : 1, i, i);
  g_string_append_c (json, ']');
  bytes = g_string_free_to_bytes (g_steal_pointer (&json));

  list = JD_MESSAGE_LIST (jd_json_read_messages (bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 100000);
  g_assert_cmpuint (jd_message_list_count_severity (list, JD_MESSAGE_SEVERITY_ERROR), ==, 25000);
  jd_test_assert_message (list, 99999, 1, JD_MESSAGE_SEVERITY_INFO, "m99999", 99999);
  g_assert_finalize_object (list);
}


/* Jobs of a workflow, and pages of jobs */

static JdJobPage *
read_workflow_jobs_file (const char *name)
{
  g_autoptr(GBytes) bytes = jd_test_load_data (name);
  g_autoptr(GError) error = NULL;
  JdJobPage *page = jd_json_read_workflow_jobs (bytes, &error);

  g_assert_no_error (error);
  g_assert_true (JD_IS_JOB_PAGE (page));
  g_assert_true (g_list_model_get_item_type (jd_job_page_get_jobs (page)) == JD_TYPE_JOB_SUMMARY);
  /* a bare array says nothing about other pages */
  g_assert_false (jd_job_page_get_has_pagination (page));
  g_assert_cmpint (jd_job_page_get_total_items (page), ==, -1);
  return page;
}

static void
test_workflow_jobs_array (void)
{
  JdJobPage *page = read_workflow_jobs_file ("workflow-jobs-array.json");
  GListModel *list = jd_job_page_get_jobs (page);
  g_autoptr(JdJobSummary) first = NULL;
  g_autoptr(JdJobSummary) second = NULL;

  /* the third row has no ID, so it could not be opened: counted, not shown */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_cmpuint (jd_job_page_get_n_unreadable (page), ==, 1);

  first = g_list_model_get_item (list, 0);
  g_assert_cmpstr (jd_job_summary_get_id (first), ==, JD_TEST_JOB_ID);
  jd_test_assert_date (jd_job_summary_get_created (first), "2024-09-19T10:02:54.589000Z");
  g_assert_cmpint (jd_job_summary_get_state (first), ==, JD_JOB_STATE_COMPLETED);
  g_assert_null (jd_job_summary_get_disposition (first));
  g_assert_cmpint (jd_job_summary_get_disposition_kind (first), ==, JD_DISPOSITION_UNKNOWN);
  g_assert_cmpstr (jd_job_summary_get_priority (first), ==, "Default");
  g_assert_cmpstr (jd_job_summary_get_worker_tag (first), ==, "");
  g_assert_true (jd_job_summary_get_has_run_with_e2 (first));
  g_assert_true (jd_job_summary_get_run_with_e2 (first));
  g_assert_null (jd_job_summary_get_workflow_name (first));
  g_assert_null (jd_job_summary_get_queue_time (first));
  g_assert_null (jd_job_summary_get_start_time (first));
  g_assert_cmpfloat (jd_job_summary_get_execution_time (first), ==, -1);

  second = g_list_model_get_item (list, 1);
  g_assert_cmpint (jd_job_summary_get_state (second), ==, JD_JOB_STATE_ERROR);
  g_assert_cmpstr (jd_job_summary_get_worker_tag (second), ==, "gpu");
  g_assert_false (jd_job_summary_get_run_with_e2 (second));

  g_clear_object (&first);
  g_clear_object (&second);
  g_assert_finalize_object (page);
}

static void
test_workflow_jobs_object_jobs (void)
{
  JdJobPage *page = read_workflow_jobs_file ("workflow-jobs-jobs.json");
  GListModel *list = jd_job_page_get_jobs (page);
  g_autoptr(JdJobSummary) job = g_list_model_get_item (list, 0);

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_cmpint (jd_job_summary_get_state (job), ==, JD_JOB_STATE_QUEUED);
  g_clear_object (&job);
  g_assert_finalize_object (page);
}

static void
test_workflow_jobs_object_data (void)
{
  JdJobPage *page = read_workflow_jobs_file ("workflow-jobs-data.json");
  GListModel *list = jd_job_page_get_jobs (page);
  g_autoptr(JdJobSummary) job = g_list_model_get_item (list, 0);
  g_autoptr(JdJobSummary) second = g_list_model_get_item (list, 1);

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_cmpuint (jd_job_page_get_n_unreadable (page), ==, 0);
  /* createDateTime where WorkflowJobView says createDate */
  jd_test_assert_date (jd_job_summary_get_created (job), "2024-09-19T10:02:54.000000Z");
  g_assert_cmpint (jd_job_summary_get_state (job), ==, JD_JOB_STATE_RUNNING);
  g_assert_null (jd_job_summary_get_created (second));
  g_clear_object (&job);
  g_clear_object (&second);
  g_assert_finalize_object (page);
}

static void
test_workflow_jobs_wrong_types (void)
{
  g_autoptr(GBytes) bytes = jd_test_bytes_from_string ("[1, \"x\", null, [], {\"id\": 5}, {\"id\": \"" JD_TEST_JOB_ID "\","
                                               " \"createDate\": 5, \"status\": {}, \"priority\": [],"
                                               " \"workerTag\": false, \"runWithE2\": \"no\"}]");
  g_autoptr(GError) error = NULL;
  JdJobPage *page = jd_json_read_workflow_jobs (bytes, &error);
  GListModel *list;
  g_autoptr(JdJobSummary) job = NULL;

  g_assert_no_error (error);
  list = jd_job_page_get_jobs (page);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  /* 1, "x", null, [] and the row whose ID is a number */
  g_assert_cmpuint (jd_job_page_get_n_unreadable (page), ==, 5);
  job = g_list_model_get_item (list, 0);
  g_assert_null (jd_job_summary_get_created (job));
  g_assert_null (jd_job_summary_get_status (job));
  g_assert_null (jd_job_summary_get_priority (job));
  g_assert_null (jd_job_summary_get_worker_tag (job));
  g_assert_false (jd_job_summary_get_has_run_with_e2 (job));
  g_clear_object (&job);
  g_assert_finalize_object (page);
}

static void
test_workflow_jobs_not_a_list (void)
{
  g_autoptr(GBytes) bytes = jd_test_bytes_from_string ("{\"id\": \"" JD_TEST_JOB_ID "\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJobPage) page = jd_json_read_workflow_jobs (bytes, &error);

  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE);
  g_assert_cmpstr (error->message, ==, "The server’s answer is not a list of jobs.");
  g_assert_null (page);
}

/* The one row of a list that must read. */
static JdJobSummary *
read_only_row (JdJobPage *(*reader) (GBytes *, GError **),
               const char *json)
{
  g_autoptr(GBytes) bytes = jd_test_bytes_from_string (json);
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJobPage) page = reader (bytes, &error);
  GListModel *list;

  g_assert_no_error (error);
  list = jd_job_page_get_jobs (page);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_cmpuint (jd_job_page_get_n_unreadable (page), ==, 0);
  return g_list_model_get_item (list, 0);
}

static void
test_workflow_jobs_job_id_fallback (void)
{
  /* WorkflowJobView's "id" first; "jobId" where a Server writes that */
  g_autoptr(JdJobSummary) by_id = read_only_row (jd_json_read_workflow_jobs,
                                                  "[{\"id\": \"" JD_TEST_JOB_ID "\", \"jobId\": \"66ebd18d3d6200007e000d8d\"}]");
  g_autoptr(JdJobSummary) by_job_id = read_only_row (jd_json_read_workflow_jobs,
                                                      "[{\"jobId\": \"" JD_TEST_JOB_ID "\"}]");

  g_assert_cmpstr (jd_job_summary_get_id (by_id), ==, JD_TEST_JOB_ID);
  g_assert_cmpstr (jd_job_summary_get_id (by_job_id), ==, JD_TEST_JOB_ID);
}

static void
test_job_page (void)
{
  g_autoptr(GBytes) bytes = jd_test_load_data ("job-page.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJobSummary) first = NULL;
  g_autoptr(JdJobSummary) queued = NULL;
  JdJobPage *page;
  GListModel *list;

  page = jd_json_read_job_page (bytes, &error);
  g_assert_no_error (error);
  g_assert_true (jd_job_page_get_has_pagination (page));
  g_assert_cmpint (jd_job_page_get_current_page (page), ==, 2);
  g_assert_cmpint (jd_job_page_get_page_size (page), ==, 5);
  g_assert_cmpint (jd_job_page_get_total_items (page), ==, 61);
  g_assert_cmpint (jd_job_page_get_total_pages (page), ==, 13);
  g_assert_true (jd_job_page_get_has_next_page (page));
  g_assert_true (jd_job_page_get_has_previous_page (page));

  /* the row with "id" is read through the fallback; a string and a row
   * without any ID are counted */
  list = jd_job_page_get_jobs (page);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  g_assert_cmpuint (jd_job_page_get_n_unreadable (page), ==, 2);

  first = g_list_model_get_item (list, 0);
  g_assert_cmpstr (jd_job_summary_get_id (first), ==, JD_TEST_JOB_ID);
  g_assert_cmpint (jd_job_summary_get_state (first), ==, JD_JOB_STATE_COMPLETED);
  g_assert_cmpstr (jd_job_summary_get_workflow_name (first), ==, "Sales report");
  g_assert_cmpstr (jd_job_summary_get_workflow_id (first), ==, "5f3a0c9e1b2d4e0012345678");
  g_assert_cmpstr (jd_job_summary_get_submitted_by (first), ==, "Dana Whitfield");
  jd_test_assert_date (jd_job_summary_get_queue_time (first), "2024-09-19T10:02:54.589000Z");
  jd_test_assert_date (jd_job_summary_get_start_time (first), "2024-09-19T10:03:01.250000Z");
  g_assert_cmpstr (jd_job_summary_get_execution_time_text (first), ==, "00:05:12.4810000");
  g_assert_cmpfloat_with_epsilon (jd_job_summary_get_execution_time (first), 312.481, 1e-6);
  g_assert_cmpstr (jd_job_summary_get_priority (first), ==, "Default");
  /* PagedJobSummaryView has neither; the queue time stands in for created */
  g_assert_null (jd_job_summary_get_disposition (first));
  jd_test_assert_date (jd_job_summary_get_created (first), "2024-09-19T10:02:54.589000Z");

  queued = g_list_model_get_item (list, 1);
  g_assert_cmpint (jd_job_summary_get_state (queued), ==, JD_JOB_STATE_QUEUED);
  jd_test_assert_date (jd_job_summary_get_queue_time (queued), "2024-06-02T08:00:00.000000Z");
  g_assert_null (jd_job_summary_get_start_time (queued));
  g_assert_null (jd_job_summary_get_execution_time_text (queued));
  g_assert_cmpfloat (jd_job_summary_get_execution_time (queued), ==, -1);

  g_clear_object (&first);
  g_clear_object (&queued);
  g_assert_finalize_object (page);
}

static void
test_job_page_fallbacks (void)
{
  g_autoptr(GBytes) bytes = jd_test_load_data ("job-page-fallbacks.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJobSummary) first = NULL;
  g_autoptr(JdJobSummary) second = NULL;
  JdJobPage *page;
  GListModel *list;

  /* "id", "createDateTime"/"createDate", "appName" and a disposition, as
   * some Servers write a page */
  page = jd_json_read_job_page (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jd_job_page_get_total_items (page), ==, 61);
  g_assert_true (jd_job_page_get_has_next_page (page));
  list = jd_job_page_get_jobs (page);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_cmpuint (jd_job_page_get_n_unreadable (page), ==, 0);

  first = g_list_model_get_item (list, 0);
  g_assert_cmpstr (jd_job_summary_get_id (first), ==, JD_TEST_JOB_ID);
  g_assert_cmpstr (jd_job_summary_get_workflow_name (first), ==, "Sales report");
  g_assert_cmpint (jd_job_summary_get_disposition_kind (first), ==, JD_DISPOSITION_SUCCESS);
  jd_test_assert_date (jd_job_summary_get_created (first), "2024-09-19T10:02:54.589000Z");
  second = g_list_model_get_item (list, 1);
  g_assert_cmpstr (jd_job_summary_get_workflow_name (second), ==, "Inventory");
  jd_test_assert_date (jd_job_summary_get_created (second), "2024-09-19T09:00:00.000000Z");

  g_clear_object (&first);
  g_clear_object (&second);
  g_assert_finalize_object (page);
}

static void
test_job_page_unreadable (void)
{
  /* a Server whose rows we cannot read at all: none shown, all counted,
   * so the page can say so instead of "no jobs" */
  g_autoptr(GBytes) bytes = jd_test_bytes_from_string ("{\"data\": [{\"job\": \"" JD_TEST_JOB_ID "\"}, {\"jobId\": 7},"
                                               " {\"jobId\": \"has space\"}, 3],"
                                               " \"pagination\": {\"totalItems\": 4}}");
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJobPage) page = jd_json_read_job_page (bytes, &error);
  g_autoptr(GBytes) empty_bytes = jd_test_bytes_from_string ("{\"data\": [], \"pagination\": {\"totalItems\": 0}}");
  g_autoptr(JdJobPage) empty = jd_json_read_job_page (empty_bytes, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (jd_job_page_get_jobs (page)), ==, 0);
  g_assert_cmpuint (jd_job_page_get_n_unreadable (page), ==, 4);
  g_assert_cmpint (jd_job_page_get_total_items (page), ==, 4);

  /* while a page that is empty is just that */
  g_assert_cmpuint (g_list_model_get_n_items (jd_job_page_get_jobs (empty)), ==, 0);
  g_assert_cmpuint (jd_job_page_get_n_unreadable (empty), ==, 0);
}

static void
test_job_page_pagination_variants (void)
{
  static const struct {
    const char *json;
    gboolean    has_pagination;
    gint64      total;
    gboolean    has_next;
    gint64      current_page;
    gboolean    has_previous;
  } cases[] = {
    { "{\"data\": []}", FALSE, -1, FALSE, -1, FALSE },
    { "{\"data\": [], \"pagination\": null}", FALSE, -1, FALSE, -1, FALSE },
    { "{\"data\": [], \"pagination\": {\"totalItems\": \"61\", \"hasNextPage\": \"true\","
      " \"currentPage\": 3.0, \"hasPreviousPage\": 1}}", TRUE, 61, TRUE, 3, TRUE },
    { "{\"data\": [], \"pagination\": {\"totalItems\": -4, \"hasNextPage\": false, \"currentPage\": -1}}",
      TRUE, -1, FALSE, -1, FALSE },
    { "{\"data\": [], \"pagination\": {\"totalItems\": \"many\", \"hasNextPage\": 7,"
      " \"hasPreviousPage\": \"yes\"}}", TRUE, -1, FALSE, -1, FALSE },
    { "{\"data\": [], \"Pagination\": {\"TotalItems\": 8}}", TRUE, 8, FALSE, -1, FALSE },
    { "[]", FALSE, -1, FALSE, -1, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = jd_test_bytes_from_string (cases[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(JdJobPage) page = NULL;

      page = jd_json_read_job_page (bytes, &error);
      g_assert_no_error (error);
      g_assert_nonnull (page);
      g_assert_cmpint (jd_job_page_get_has_pagination (page), ==, cases[i].has_pagination);
      g_assert_cmpint (jd_job_page_get_total_items (page), ==, cases[i].total);
      g_assert_cmpint (jd_job_page_get_has_next_page (page), ==, cases[i].has_next);
      g_assert_cmpint (jd_job_page_get_current_page (page), ==, cases[i].current_page);
      g_assert_cmpint (jd_job_page_get_has_previous_page (page), ==, cases[i].has_previous);
      g_assert_cmpint (jd_job_page_get_page_size (page), ==, -1);
      g_assert_cmpint (jd_job_page_get_total_pages (page), ==, -1);
    }
}

static void
test_job_page_not_a_page (void)
{
  g_autoptr(GBytes) bytes = jd_test_bytes_from_string ("{\"pagination\": {\"totalItems\": 3}}");
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJobPage) page = jd_json_read_job_page (bytes, &error);

  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE);
  g_assert_null (page);
}

static void
test_job_page_execution_time (void)
{
  static const struct { const char *value; const char *text; double seconds; } cases[] = {
    { "\"PT5M12S\"", "PT5M12S", 312 },
    { "\"1.02:03:04.5000000\"", "1.02:03:04.5000000", 93784.5 },
    /* kept as given, though it cannot be read */
    { "\"about five minutes\"", "about five minutes", -1 },
    { "312", "312", -1 },
    { "null", NULL, -1 },
    { "{}", NULL, -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"data\": [{\"jobId\": \"" JD_TEST_JOB_ID "\", \"executionTime\": %s}]}",
                                               cases[i].value);
      g_autoptr(JdJobSummary) job = read_only_row (jd_json_read_job_page, json);

      g_assert_cmpstr (jd_job_summary_get_execution_time_text (job), ==, cases[i].text);
      g_assert_cmpfloat_with_epsilon (jd_job_summary_get_execution_time (job), cases[i].seconds, 1e-6);
    }
}


/* Workflows */

static void
test_workflows (void)
{
  g_autoptr(GBytes) bytes = jd_test_load_data ("workflows.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(JdWorkflow) first = NULL;
  g_autoptr(JdWorkflow) second = NULL;
  GListModel *list;

  list = jd_json_read_workflows (bytes, &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (list) == JD_TYPE_WORKFLOW);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  first = g_list_model_get_item (list, 0);
  g_assert_cmpstr (jd_workflow_get_id (first), ==, "5f3a0c9e1b2d4e0012345678");
  g_assert_cmpstr (jd_workflow_get_name (first), ==, "Sales report");
  g_assert_cmpstr (jd_workflow_get_owner_id (first), ==, "5e1a0c9e1b2d4e0012340000");
  jd_test_assert_date (jd_workflow_get_created (first), "2023-02-01T12:00:00.000000Z");
  g_assert_cmpstr (jd_workflow_get_published_version (first), ==, "7");
  g_assert_cmpstr (jd_workflow_get_source_app_id (first), ==, "5f3a0c9e1b2d4e0012345600");
  g_assert_cmpstr (jd_workflow_get_execution_mode (first), ==, "Safe");
  /* not in a ReducedWorkflowView */
  g_assert_cmpint (jd_workflow_get_run_count (first), ==, -1);
  g_assert_null (jd_workflow_get_comments (first));

  second = g_list_model_get_item (list, 1);
  jd_test_assert_date (jd_workflow_get_created (second), "2023-03-01T11:00:00.500000Z");
  g_assert_cmpstr (jd_workflow_get_published_version (second), ==, "3");
  g_assert_null (jd_workflow_get_source_app_id (second));

  g_clear_object (&first);
  g_clear_object (&second);
  g_assert_finalize_object (list);
}

static void
test_workflows_tolerant (void)
{
  g_autoptr(GBytes) bytes = jd_test_bytes_from_string ("{\"data\": [{\"name\": \"no id\"}, 3,"
                                               " {\"id\": \"w1\", \"name\": null, \"ownerId\": 4,"
                                               " \"dateCreated\": \"soon\", \"publishedVersionNumber\": null}]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(JdWorkflow) workflow = NULL;
  GListModel *list;

  list = jd_json_read_workflows (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  workflow = g_list_model_get_item (list, 0);
  g_assert_cmpstr (jd_workflow_get_id (workflow), ==, "w1");
  g_assert_null (jd_workflow_get_name (workflow));
  g_assert_null (jd_workflow_get_owner_id (workflow));
  g_assert_null (jd_workflow_get_created (workflow));
  g_assert_null (jd_workflow_get_published_version (workflow));

  g_clear_object (&workflow);
  g_assert_finalize_object (list);
}

static void
test_workflow (void)
{
  g_autoptr(GBytes) bytes = jd_test_load_data ("workflow.json");
  g_autoptr(GError) error = NULL;
  JdWorkflow *workflow = jd_json_read_workflow (bytes, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (jd_workflow_get_id (workflow), ==, "5f3a0c9e1b2d4e0012345678");
  g_assert_cmpstr (jd_workflow_get_name (workflow), ==, "Sales report");
  g_assert_cmpstr (jd_workflow_get_owner_id (workflow), ==, "5e1a0c9e1b2d4e0012340000");
  jd_test_assert_date (jd_workflow_get_created (workflow), "2023-02-01T12:00:00.000000Z");
  g_assert_cmpint (jd_workflow_get_run_count (workflow), ==, 142);
  g_assert_cmpstr (jd_workflow_get_worker_tag (workflow), ==, "finance-east");
  g_assert_cmpstr (jd_workflow_get_comments (workflow), ==, "Rolls up the week's sales.");
  g_assert_cmpstr (jd_workflow_get_published_version_id (workflow), ==, "65f0a1b2c3d4e5f60718293a");
  g_assert_cmpstr (jd_workflow_get_execution_mode (workflow), ==, "Standard");
  /* not in a WorkflowView */
  g_assert_null (jd_workflow_get_published_version (workflow));
  g_assert_finalize_object (workflow);
}

static void
test_workflow_refused (void)
{
  static const char * const answers[] = {
    "[{\"id\": \"5f3a0c9e1b2d4e0012345678\"}]",
    "{\"name\": \"no ID\"}",
    "{\"id\": 12}",
    "\"Sales report\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autoptr(GBytes) bytes = jd_test_bytes_from_string (answers[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(JdWorkflow) workflow = jd_json_read_workflow (bytes, &error);

      g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE);
      g_assert_cmpstr (error->message, ==, "The server’s answer is not a workflow.");
      g_assert_null (workflow);
    }
}

/* Durations */

static void
assert_duration (const char *text,
                 double      expected)
{
  double seconds = -7;

  g_assert_true (jd_json_parse_duration (text, &seconds));
  g_assert_cmpfloat_with_epsilon (seconds, expected, 1e-6);
}

static void
assert_duration_refused (const char *text)
{
  double seconds = -7;

  g_assert_false (jd_json_parse_duration (text, &seconds));
  g_assert_cmpfloat (seconds, ==, -7);
}

static void
test_duration_timespan (void)
{
  assert_duration ("00:05:12", 312);
  assert_duration ("00:00:00", 0);
  assert_duration ("00:05:12.4810000", 312.481);
  assert_duration ("1.02:03:04.5000000", 93784.5);
  assert_duration ("1.02:03:04", 93784);
  assert_duration ("1:02:03:04.5", 93784.5);
  assert_duration ("02:03", 7380);
  assert_duration (" 26:00:00 ", 93600);
  assert_duration ("10.00:00:00", 864000);
  assert_duration ("00:00:00.0000001", 0.0000001);
}

static void
test_duration_iso (void)
{
  assert_duration ("PT5M12S", 312);
  assert_duration ("PT0S", 0);
  assert_duration ("PT0.5S", 0.5);
  assert_duration ("PT1H", 3600);
  assert_duration ("P1DT2H3M4.5S", 93784.5);
  assert_duration ("P2D", 172800);
  assert_duration ("P1W", 604800);
  assert_duration ("pt5m12s", 312);
  assert_duration ("PT1,5S", 1.5);
}

static void
test_duration_garbage (void)
{
  assert_duration_refused (NULL);
  assert_duration_refused ("");
  assert_duration_refused ("   ");
  assert_duration_refused ("312");
  assert_duration_refused ("-00:05:12");
  assert_duration_refused ("00:60:00");
  assert_duration_refused ("00:05:60");
  assert_duration_refused ("1.24:00:00");
  assert_duration_refused ("1.02:03:04:05");
  assert_duration_refused ("00:05:12.");
  assert_duration_refused ("00:05.5");
  assert_duration_refused ("00:05:12 and a bit");
  assert_duration_refused ("P");
  assert_duration_refused ("PT");
  assert_duration_refused ("P1M");
  assert_duration_refused ("P1Y");
  assert_duration_refused ("PT5S5M");
  assert_duration_refused ("PT5M5M");
  assert_duration_refused ("P5H");
  assert_duration_refused ("PT-5S");
  assert_duration_refused ("five minutes");
  assert_duration_refused ("99999999999:00:00");
  assert_duration_refused ("00:00:00.0000000000000000000000000000000000000000000000000000000000001");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/api/json-reader/messages/array", test_messages_array);
  g_test_add_func ("/api/json-reader/messages/object", test_messages_object);
  g_test_add_func ("/api/json-reader/messages/single", test_messages_single);
  g_test_add_func ("/api/json-reader/messages/empty-and-null", test_messages_empty_and_null);
  g_test_add_func ("/api/json-reader/messages/not-a-list", test_messages_not_a_list);
  g_test_add_func ("/api/json-reader/messages/100000-in-an-array", test_messages_many);
  g_test_add_func ("/api/json-reader/workflow-jobs/array", test_workflow_jobs_array);
  g_test_add_func ("/api/json-reader/workflow-jobs/object-with-jobs", test_workflow_jobs_object_jobs);
  g_test_add_func ("/api/json-reader/workflow-jobs/object-with-data", test_workflow_jobs_object_data);
  g_test_add_func ("/api/json-reader/workflow-jobs/wrong-types", test_workflow_jobs_wrong_types);
  g_test_add_func ("/api/json-reader/workflow-jobs/not-a-list", test_workflow_jobs_not_a_list);
  g_test_add_func ("/api/json-reader/workflow-jobs/job-id-fallback", test_workflow_jobs_job_id_fallback);
  g_test_add_func ("/api/json-reader/job-page/published-names", test_job_page);
  g_test_add_func ("/api/json-reader/job-page/fallback-names", test_job_page_fallbacks);
  g_test_add_func ("/api/json-reader/job-page/unreadable-rows-counted", test_job_page_unreadable);
  g_test_add_func ("/api/json-reader/job-page/pagination-forms", test_job_page_pagination_variants);
  g_test_add_func ("/api/json-reader/job-page/not-a-page", test_job_page_not_a_page);
  g_test_add_func ("/api/json-reader/job-page/execution-time-kept-as-given", test_job_page_execution_time);
  g_test_add_func ("/api/json-reader/workflows/array", test_workflows);
  g_test_add_func ("/api/json-reader/workflows/tolerant", test_workflows_tolerant);
  g_test_add_func ("/api/json-reader/workflow/workflow-view", test_workflow);
  g_test_add_func ("/api/json-reader/workflow/refused", test_workflow_refused);
  g_test_add_func ("/api/json-reader/duration/timespan-forms", test_duration_timespan);
  g_test_add_func ("/api/json-reader/duration/iso-8601-forms", test_duration_iso);
  g_test_add_func ("/api/json-reader/duration/garbage-refused", test_duration_garbage);

  return g_test_run ();
}
