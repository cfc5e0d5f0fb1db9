/* fuzz-json-reader.c: libFuzzer target for the JSON readers.
 *
 * The first byte picks the reader (JdFuzzReader), the rest is the server's
 * answer. Besides crashes and sanitizer reports, it checks what the
 * readers promise the UI: a result or a BAD_RESPONSE error, never both or
 * neither; every string valid UTF-8 and of bounded length; every ID plain
 * printable ASCII. json-glib criticals and warnings abort, so they count
 * as crashes too.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "jd-client-error.h"
#include "jd-fuzz.h"
#include "jd-job-message.h"
#include "jd-job-output.h"
#include "jd-job-page.h"
#include "jd-json-reader.h"
#include "jd-job-summary.h"
#include "jd-workflow.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* The readers' own limit on text; repairing invalid UTF-8 may triple it. */
#define MAX_TEXT (3 * 64 * 1024)

static void
check_text (const char *text)
{
  if (text == NULL)
    return;

  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpuint (strlen (text), <=, MAX_TEXT);
}

static void
check_id (const char *id)
{
  if (id == NULL)
    return;

  g_assert_cmpuint (strlen (id), >, 0);
  g_assert_cmpuint (strlen (id), <=, 256);
  for (const char *p = id; *p != '\0'; p++)
    g_assert_true (*p > ' ' && *p < 0x7f);
}

static void
check_error (gpointer      result,
             const GError *error)
{
  if (result == NULL)
    {
      g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE);
      check_text (error->message);
    }
  else
    g_assert_no_error (error);
}

static void
check_messages (GListModel *messages)
{
  guint n = g_list_model_get_n_items (messages);

  g_assert_true (g_list_model_get_item_type (messages) == JD_TYPE_JOB_MESSAGE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JdJobMessage) message = g_list_model_get_item (messages, i);

      g_assert_nonnull (message);
      check_text (jd_job_message_get_text (message));
      (void) jd_job_message_get_severity (message);
      (void) jd_job_message_get_transient (message);
      (void) jd_job_message_get_tool_id (message);
    }
  g_assert_null (g_list_model_get_item (messages, n));
}

static void
check_job (JdJob *job)
{
  GListModel *outputs = jd_job_get_outputs (job);

  check_id (jd_job_summary_get_id (JD_JOB_SUMMARY (job)));
  g_assert_nonnull (jd_job_summary_get_id (JD_JOB_SUMMARY (job)));
  check_id (jd_job_get_app_id (job));
  check_text (jd_job_summary_get_status (JD_JOB_SUMMARY (job)));
  check_text (jd_job_summary_get_disposition (JD_JOB_SUMMARY (job)));
  check_text (jd_job_summary_get_priority (JD_JOB_SUMMARY (job)));
  check_text (jd_job_summary_get_worker_tag (JD_JOB_SUMMARY (job)));
  (void) jd_job_summary_get_state (JD_JOB_SUMMARY (job));
  (void) jd_job_summary_get_disposition_kind (JD_JOB_SUMMARY (job));
  (void) jd_job_summary_is_finished (JD_JOB_SUMMARY (job));

  for (guint i = 0; i < g_list_model_get_n_items (outputs); i++)
    {
      g_autoptr(JdJobOutput) output = g_list_model_get_item (outputs, i);
      const char * const *formats = jd_job_output_get_formats (output);

      check_id (jd_job_output_get_id (output));
      check_text (jd_job_output_get_file_name (output));
      for (guint f = 0; formats != NULL && formats[f] != NULL; f++)
        check_text (formats[f]);
    }

  check_messages (jd_job_get_messages (job));
}

static void
check_workflow_jobs (JdJobPage *page)
{
  GListModel *jobs = jd_job_page_get_jobs (page);

  g_assert_cmpint (jd_job_page_get_total_items (page), >=, -1);
  g_assert_cmpint (jd_job_page_get_current_page (page), >=, -1);
  g_assert_true (g_list_model_get_item_type (jobs) == JD_TYPE_JOB_SUMMARY);
  for (guint i = 0; i < g_list_model_get_n_items (jobs); i++)
    {
      g_autoptr(JdJobSummary) job = g_list_model_get_item (jobs, i);

      check_id (jd_job_summary_get_id (job));
      g_assert_nonnull (jd_job_summary_get_id (job));
      check_text (jd_job_summary_get_status (job));
      check_text (jd_job_summary_get_disposition (job));
      check_text (jd_job_summary_get_priority (job));
      check_text (jd_job_summary_get_worker_tag (job));
      check_text (jd_job_summary_get_workflow_name (job));
      check_id (jd_job_summary_get_workflow_id (job));
      check_text (jd_job_summary_get_submitted_by (job));
      check_text (jd_job_summary_get_execution_time_text (job));
      g_assert_true (jd_job_summary_get_execution_time (job) == -1 || jd_job_summary_get_execution_time (job) >= 0);
      (void) jd_job_summary_get_state (job);
      (void) jd_job_summary_get_created (job);
      (void) jd_job_summary_get_queue_time (job);
      (void) jd_job_summary_get_start_time (job);
    }
}

static void
check_workflow (JdWorkflow *workflow)
{
  check_id (jd_workflow_get_id (workflow));
  g_assert_nonnull (jd_workflow_get_id (workflow));
  check_id (jd_workflow_get_owner_id (workflow));
  check_id (jd_workflow_get_source_app_id (workflow));
  check_id (jd_workflow_get_published_version_id (workflow));
  check_text (jd_workflow_get_name (workflow));
  check_text (jd_workflow_get_published_version (workflow));
  check_text (jd_workflow_get_comments (workflow));
  check_text (jd_workflow_get_worker_tag (workflow));
  check_text (jd_workflow_get_execution_mode (workflow));
  g_assert_cmpint (jd_workflow_get_run_count (workflow), >=, -1);
}

static void
check_workflows (GListModel *workflows)
{
  g_assert_true (g_list_model_get_item_type (workflows) == JD_TYPE_WORKFLOW);
  for (guint i = 0; i < g_list_model_get_n_items (workflows); i++)
    {
      g_autoptr(JdWorkflow) workflow = g_list_model_get_item (workflows, i);

      check_workflow (workflow);
    }
}

static void
read_one (JdFuzzReader  reader,
          GBytes       *bytes)
{
  g_autoptr(GError) error = NULL;

  switch (reader)
    {
    case JD_FUZZ_JOB:
      {
        g_autoptr(JdJob) job = jd_json_read_job (bytes, &error);

        check_error (job, error);
        if (job != NULL)
          check_job (job);
      }
      break;

    case JD_FUZZ_MESSAGES:
      {
        g_autoptr(GListModel) messages = jd_json_read_messages (bytes, &error);

        check_error (messages, error);
        if (messages != NULL)
          check_messages (messages);
      }
      break;

    case JD_FUZZ_WORKFLOW_JOBS:
      {
        g_autoptr(JdJobPage) jobs = jd_json_read_workflow_jobs (bytes, &error);

        check_error (jobs, error);
        if (jobs != NULL)
          check_workflow_jobs (jobs);
      }
      break;

    case JD_FUZZ_JOB_PAGE:
      {
        g_autoptr(JdJobPage) jobs = jd_json_read_job_page (bytes, &error);

        check_error (jobs, error);
        if (jobs != NULL)
          check_workflow_jobs (jobs);
      }
      break;

    case JD_FUZZ_WORKFLOWS:
      {
        g_autoptr(GListModel) workflows = jd_json_read_workflows (bytes, &error);

        check_error (workflows, error);
        if (workflows != NULL)
          check_workflows (workflows);
      }
      break;

    case JD_FUZZ_TOKEN:
      {
        g_autofree char *token = NULL;
        gint64 expires_in = 0;
        gboolean ok = jd_json_read_token (bytes, &token, &expires_in, &error);

        check_error (ok ? GINT_TO_POINTER (1) : NULL, error);
        if (ok)
          {
            /* it goes into a header: printable ASCII, no space */
            check_id (token != NULL && strlen (token) <= 256 ? token : NULL);
            g_assert_nonnull (token);
            g_assert_cmpint (expires_in, >, 0);
            g_assert_cmpint (expires_in, <=, G_MAXINT32);
          }
      }
      break;

    case JD_FUZZ_ERROR_MESSAGE:
      {
        g_autofree char *message = jd_json_read_error_message (bytes);

        check_text (message);
        if (message != NULL)
          {
            g_assert_cmpuint (g_utf8_strlen (message, -1), <=, 300);
            g_assert_null (strchr (message, '\n'));
          }
      }
      break;

    case JD_FUZZ_DATE:
      {
        gsize size = 0;
        const char *data = g_bytes_get_data (bytes, &size);
        /* the readers pass strings json-glib made: NUL-terminated */
        g_autofree char *text = g_strndup (data, size);
        g_autoptr(GDateTime) date = jd_json_parse_date (text);

        if (date != NULL)
          g_assert_cmpint (g_date_time_get_year (date), >, 1);
      }
      break;

    case JD_FUZZ_WORKFLOW:
      {
        g_autoptr(JdWorkflow) workflow = jd_json_read_workflow (bytes, &error);

        check_error (workflow, error);
        if (workflow != NULL)
          check_workflow (workflow);
      }
      break;

    case JD_FUZZ_DURATION:
      {
        gsize size = 0;
        const char *data = g_bytes_get_data (bytes, &size);
        g_autofree char *text = g_strndup (data, size);
        double seconds = -1;

        if (jd_json_parse_duration (text, &seconds))
          g_assert_true (seconds >= 0 && seconds < 1e15);
      }
      break;

    case JD_FUZZ_N_READERS:
    default:
      g_assert_not_reached ();
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  static const char sample[] = "{\"id\": \"66ebd18d3d6200007e000d8c\", \"messages\": [{\"status\": 1}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (sample, sizeof sample - 1);

  /* A critical from json-glib or GLib is a bug: make it a crash. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  /* Register the types and quarks once, outside any input, so that the
   * leak checker does not count them against the first one. */
  for (guint r = 0; r < JD_FUZZ_N_READERS; r++)
    read_one (r, bytes);

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;

  if (size < 1)
    return 0;

  /* The bytes stay where libFuzzer put them, so that reading past the
   * end is caught. */
  bytes = g_bytes_new_static (data + 1, size - 1);
  read_one (data[0] % JD_FUZZ_N_READERS, bytes);

  return 0;
}
