/* test-json-reader.c: the JSON readers, with good, odd and broken answers. */
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

#define JOB_ID "66ebd18d3d6200007e000d8c"

static GBytes *
bytes_from_string (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static JdJob *
read_job_string (const char  *json,
                 GError     **error)
{
  g_autoptr(GBytes) bytes = bytes_from_string (json);

  return jd_json_read_job (bytes, error);
}

static JdJob *
read_job_ok (const char *json)
{
  g_autoptr(GError) error = NULL;
  JdJob *job = read_job_string (json, &error);

  g_assert_no_error (error);
  g_assert_true (JD_IS_JOB (job));
  return job;
}

static JdJob *
read_job_file (const char *name)
{
  g_autoptr(GBytes) bytes = jd_test_load_data (name);
  g_autoptr(GError) error = NULL;
  JdJob *job = jd_json_read_job (bytes, &error);

  g_assert_no_error (error);
  g_assert_true (JD_IS_JOB (job));
  return job;
}

static void
assert_job_refused (const char *json,
                    const char *expected_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = read_job_string (json, &error);

  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE);
  g_assert_null (job);
  if (expected_message != NULL)
    g_assert_cmpstr (error->message, ==, expected_message);
}

/* Every reader refuses these bytes with BAD_RESPONSE, and never crashes. */
static void
assert_all_readers_refuse (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;
  g_autoptr(GListModel) messages = NULL;
  g_autoptr(JdJobPage) workflow_jobs = NULL;
  g_autoptr(JdJobPage) page = NULL;
  g_autoptr(GListModel) workflows = NULL;
  g_autoptr(JdWorkflow) workflow = NULL;
  g_autofree char *token = NULL;
  g_autofree char *message = NULL;
  gint64 expires_in = 0;

  job = jd_json_read_job (bytes, &error);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE);
  g_assert_null (job);
  g_clear_error (&error);

  messages = jd_json_read_messages (bytes, &error);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE);
  g_assert_null (messages);
  g_clear_error (&error);

  workflow_jobs = jd_json_read_workflow_jobs (bytes, &error);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE);
  g_assert_null (workflow_jobs);
  g_clear_error (&error);

  page = jd_json_read_job_page (bytes, &error);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE);
  g_assert_null (page);
  g_clear_error (&error);

  workflows = jd_json_read_workflows (bytes, &error);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE);
  g_assert_null (workflows);
  g_clear_error (&error);

  workflow = jd_json_read_workflow (bytes, &error);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE);
  g_assert_null (workflow);
  g_clear_error (&error);

  g_assert_false (jd_json_read_token (bytes, &token, &expires_in, &error));
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE);
  g_assert_null (token);
  g_clear_error (&error);

  message = jd_json_read_error_message (bytes);
  g_assert_null (message);
}

static void
assert_all_readers_refuse_string (const char *text)
{
  g_autoptr(GBytes) bytes = bytes_from_string (text);

  assert_all_readers_refuse (bytes);
}

static void
assert_message (JdMessageList     *list,
                guint              position,
                guint              code,
                JdMessageSeverity  severity,
                const char        *text,
                gint32             tool_id)
{
  g_autoptr(JdJobMessage) message = g_list_model_get_item (G_LIST_MODEL (list), position);

  g_assert_nonnull (message);
  g_assert_cmpuint (jd_job_message_get_code (message), ==, code);
  g_assert_cmpint (jd_job_message_get_severity (message), ==, severity);
  g_assert_cmpstr (jd_job_message_get_text (message), ==, text);
  g_assert_cmpint (jd_job_message_get_tool_id (message), ==, tool_id);
}

static void
assert_date (GDateTime  *date,
             const char *expected_utc)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *text = NULL;

  g_assert_nonnull (date);
  utc = g_date_time_to_utc (date);
  text = g_date_time_format (utc, "%FT%T.%fZ");
  g_assert_cmpstr (text, ==, expected_utc);
}

/* A job as GET /v3/jobs/{id} answers it, with n_messages messages of
 * about 111 bytes each: 100,000 make some 11 MB. */
static GBytes *
make_job_with_messages (guint n_messages)
{
  static const guint codes[] = { 1, 2, 3, 4, 5, 8, 9, 20, 21, 0x40000004 };
  GString *json = g_string_sized_new (n_messages * 112 + 1024);

  g_string_append (json,
                   "{\"id\":\"" JOB_ID "\",\"appId\":\"5f3a0c9e1b2d4e0012345678\","
                   "\"createDateTime\":\"2024-09-19T10:02:54.589Z\",\"status\":\"Completed\","
                   "\"disposition\":\"Warning\",\"outputs\":[{\"id\":\"o1\",\"availableFormats\":[\"Raw\"],"
                   "\"fileName\":\"out.csv\"}],\"messages\":[");

  for (guint i = 0; i < n_messages; i++)
    g_string_append_printf (json,
                            "%s{\"status\":%u,\"text\":\"Tool %u: record batch %06u of C:\\\\data\\\\sales_%04u.yxdb was read in full\",\"toolId\":%d}",
                            i > 0 ? "," : "",
                            codes[i % G_N_ELEMENTS (codes)],
                            i % 300, i, i % 1000, (int)(i % 300) - 1);

  g_string_append (json, "],\"priority\":\"Default\",\"workerTag\":\"\",\"runWithE2\":true}");

  return g_string_free_to_bytes (json);
}


/* Jobs */

static void
test_job_valid (void)
{
  JdJob *job = read_job_file ("job-success.json");
  GListModel *outputs = jd_job_get_outputs (job);
  JdMessageList *messages = JD_MESSAGE_LIST (jd_job_get_messages (job));
  g_autoptr(JdJobOutput) output = NULL;
  const char * const formats[] = { "Raw", "Csv", NULL };

  g_assert_cmpstr (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), ==, JOB_ID);
  g_assert_cmpstr (jd_job_get_app_id (job), ==, "5f3a0c9e1b2d4e0012345678");
  assert_date (jd_job_summary_get_created (JD_JOB_SUMMARY (job)), "2024-09-19T10:02:54.589000Z");
  g_assert_cmpstr (jd_job_summary_get_status (JD_JOB_SUMMARY (job)), ==, "Completed");
  g_assert_cmpint (jd_job_summary_get_state (JD_JOB_SUMMARY (job)), ==, JD_JOB_STATE_COMPLETED);
  g_assert_cmpstr (jd_job_summary_get_disposition (JD_JOB_SUMMARY (job)), ==, "Success");
  g_assert_cmpint (jd_job_summary_get_disposition_kind (JD_JOB_SUMMARY (job)), ==, JD_DISPOSITION_SUCCESS);
  g_assert_cmpstr (jd_job_summary_get_priority (JD_JOB_SUMMARY (job)), ==, "Default");
  g_assert_cmpstr (jd_job_summary_get_worker_tag (JD_JOB_SUMMARY (job)), ==, "");
  g_assert_true (jd_job_summary_get_has_run_with_e2 (JD_JOB_SUMMARY (job)));
  g_assert_true (jd_job_summary_get_run_with_e2 (JD_JOB_SUMMARY (job)));
  g_assert_true (jd_job_summary_is_finished (JD_JOB_SUMMARY (job)));

  g_assert_cmpuint (g_list_model_get_n_items (outputs), ==, 2);
  output = g_list_model_get_item (outputs, 0);
  g_assert_cmpstr (jd_job_output_get_id (output), ==, "66ebd19a3d6200007e000d9a");
  g_assert_cmpstr (jd_job_output_get_file_name (output), ==, "\\\\fileserver\\reports\\sales_2024-09.csv");
  g_assert_cmpstrv (jd_job_output_get_formats (output), formats);

  g_assert_true (jd_job_get_messages_included (job));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (messages)), ==, 6);
  assert_message (messages, 0, 1, JD_MESSAGE_SEVERITY_INFO, "Alteryx Engine 2024.1.1.93 started", -1);
  assert_message (messages, 1, 8, JD_MESSAGE_SEVERITY_FILE, "\\\\fileserver\\data\\sales.yxdb (12,031 records)", 1);
  assert_message (messages, 2, 2, JD_MESSAGE_SEVERITY_WARNING, "Field \"Amount\" has 3 null values", 4);
  assert_message (messages, 3, 0x40000004, JD_MESSAGE_SEVERITY_INFO, "4 records were processed", 4);
  g_assert_cmpuint (jd_message_list_count_severity (messages, JD_MESSAGE_SEVERITY_FILE), ==, 2);
  g_assert_cmpuint (jd_message_list_count_severity (messages, JD_MESSAGE_SEVERITY_WARNING), ==, 1);
  g_assert_cmpuint (jd_message_list_count_severity (messages, JD_MESSAGE_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (jd_message_list_count_severity (messages, JD_MESSAGE_SEVERITY_INFO), ==, 3);

  g_clear_object (&output);
  g_assert_finalize_object (job);
}

static void
test_job_missing_fields (void)
{
  JdJob *job = read_job_file ("job-sparse.json");

  g_assert_cmpstr (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), ==, "66ebd18d3d6200007e000d99");
  g_assert_null (jd_job_get_app_id (job));
  g_assert_null (jd_job_summary_get_created (JD_JOB_SUMMARY (job)));
  g_assert_cmpint (jd_job_summary_get_state (JD_JOB_SUMMARY (job)), ==, JD_JOB_STATE_COMPLETED);
  g_assert_null (jd_job_summary_get_disposition (JD_JOB_SUMMARY (job)));
  g_assert_cmpint (jd_job_summary_get_disposition_kind (JD_JOB_SUMMARY (job)), ==, JD_DISPOSITION_UNKNOWN);
  g_assert_cmpstr (jd_job_summary_get_priority (JD_JOB_SUMMARY (job)), ==, "Urgent");
  g_assert_null (jd_job_summary_get_worker_tag (JD_JOB_SUMMARY (job)));
  g_assert_false (jd_job_summary_get_has_run_with_e2 (JD_JOB_SUMMARY (job)));
  g_assert_nonnull (jd_job_get_outputs (job));
  g_assert_cmpuint (g_list_model_get_n_items (jd_job_get_outputs (job)), ==, 0);
  g_assert_nonnull (jd_job_get_messages (job));
  g_assert_cmpuint (g_list_model_get_n_items (jd_job_get_messages (job)), ==, 0);
  g_assert_false (jd_job_get_messages_included (job));

  g_assert_finalize_object (job);
}

static void
test_job_wrong_types (void)
{
  JdJob *job = read_job_file ("job-wrong-types.json");

  g_assert_cmpstr (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), ==, JOB_ID);
  g_assert_null (jd_job_get_app_id (job));
  g_assert_null (jd_job_summary_get_created (JD_JOB_SUMMARY (job)));
  g_assert_null (jd_job_summary_get_status (JD_JOB_SUMMARY (job)));
  g_assert_cmpint (jd_job_summary_get_state (JD_JOB_SUMMARY (job)), ==, JD_JOB_STATE_UNKNOWN);
  g_assert_null (jd_job_summary_get_disposition (JD_JOB_SUMMARY (job)));
  g_assert_null (jd_job_summary_get_priority (JD_JOB_SUMMARY (job)));
  g_assert_null (jd_job_summary_get_worker_tag (JD_JOB_SUMMARY (job)));
  g_assert_false (jd_job_summary_get_has_run_with_e2 (JD_JOB_SUMMARY (job)));
  g_assert_cmpuint (g_list_model_get_n_items (jd_job_get_outputs (job)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (jd_job_get_messages (job)), ==, 0);
  g_assert_false (jd_job_get_messages_included (job));

  g_assert_finalize_object (job);
}

static void
test_job_wrong_types_everywhere (void)
{
  /* each field in turn given as each JSON type: never a critical */
  static const char * const fields[] = {
    "appId", "createDateTime", "createDate", "status", "disposition", "outputs",
    "messages", "priority", "workerTag", "runWithE2",
  };
  static const char * const values[] = {
    "null", "true", "false", "0", "-1", "1.5", "1e999", "99999999999999999999",
    "\"\"", "\"x\"", "[]", "[null]", "[1, \"a\", [], {}]", "{}", "{\"a\": [1]}",
  };

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    for (guint v = 0; v < G_N_ELEMENTS (values); v++)
      {
        g_autofree char *json = g_strdup_printf ("{\"id\": \"%s\", \"%s\": %s}",
                                                 JOB_ID, fields[f], values[v]);
        JdJob *job = read_job_ok (json);

        g_assert_cmpstr (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), ==, JOB_ID);
        g_assert_nonnull (jd_job_get_outputs (job));
        g_assert_nonnull (jd_job_get_messages (job));
        g_assert_finalize_object (job);
      }
}

static void
test_job_message_fields_wrong_types (void)
{
  static const char * const values[] = {
    "null", "true", "0", "-1", "1.5", "3.0", "4294967296", "-2147483649", "\"\"",
    "\"3\"", "\" 12 \"", "\"x\"", "[]", "{}",
  };

  for (guint v = 0; v < G_N_ELEMENTS (values); v++)
    {
      g_autofree char *json = g_strdup_printf ("{\"id\": \"%s\", \"messages\": ["
                                               "{\"status\": %s, \"text\": %s, \"toolId\": %s}, %s]}",
                                               JOB_ID, values[v], values[v], values[v], values[v]);
      JdJob *job = read_job_ok (json);
      GListModel *messages = jd_job_get_messages (job);
      g_autoptr(JdJobMessage) message = NULL;

      /* the second element is skipped unless it is an object */
      g_assert_cmpuint (g_list_model_get_n_items (messages), ==, g_str_equal (values[v], "{}") ? 2 : 1);
      message = g_list_model_get_item (messages, 0);
      g_assert_nonnull (message);

      g_clear_object (&message);
      g_assert_finalize_object (job);
    }
}

static void
test_job_numbers_as_text (void)
{
  /* a .NET Server without string enums sends numbers */
  JdJob *job = read_job_ok ("{\"id\": \"" JOB_ID "\", \"status\": 4, \"disposition\": 1,"
                            " \"priority\": 0, \"workerTag\": 2.5}");

  g_assert_cmpstr (jd_job_summary_get_status (JD_JOB_SUMMARY (job)), ==, "4");
  g_assert_cmpint (jd_job_summary_get_state (JD_JOB_SUMMARY (job)), ==, JD_JOB_STATE_UNKNOWN);
  g_assert_cmpstr (jd_job_summary_get_disposition (JD_JOB_SUMMARY (job)), ==, "1");
  g_assert_cmpstr (jd_job_summary_get_priority (JD_JOB_SUMMARY (job)), ==, "0");
  g_assert_cmpstr (jd_job_summary_get_worker_tag (JD_JOB_SUMMARY (job)), ==, "2.5");

  g_assert_finalize_object (job);
}

static void
test_job_unknown_fields (void)
{
  JdJob *job = read_job_file ("job-unknown-fields.json");
  JdMessageList *messages = JD_MESSAGE_LIST (jd_job_get_messages (job));

  g_assert_cmpstr (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), ==, JOB_ID);
  g_assert_cmpint (jd_job_summary_get_state (JD_JOB_SUMMARY (job)), ==, JD_JOB_STATE_RUNNING);
  g_assert_cmpint (jd_job_summary_get_disposition_kind (JD_JOB_SUMMARY (job)), ==, JD_DISPOSITION_NONE);
  g_assert_true (jd_job_summary_get_has_run_with_e2 (JD_JOB_SUMMARY (job)));
  g_assert_false (jd_job_summary_get_run_with_e2 (JD_JOB_SUMMARY (job)));
  g_assert_false (jd_job_summary_is_finished (JD_JOB_SUMMARY (job)));

  /* only the job's own "messages", not one nested in another member */
  g_assert_true (jd_job_get_messages_included (job));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (messages)), ==, 1);
  assert_message (messages, 0, 3, JD_MESSAGE_SEVERITY_ERROR, "Boom", 7);

  g_assert_finalize_object (job);
}

static void
test_job_unknown_values (void)
{
  JdJob *job = read_job_ok ("{\"id\": \"" JOB_ID "\", \"status\": \"Paused\","
                            " \"disposition\": \"PartialSuccess\", \"priority\": \"Urgent\"}");

  /* shown as they are */
  g_assert_cmpstr (jd_job_summary_get_status (JD_JOB_SUMMARY (job)), ==, "Paused");
  g_assert_cmpint (jd_job_summary_get_state (JD_JOB_SUMMARY (job)), ==, JD_JOB_STATE_UNKNOWN);
  g_assert_cmpstr (jd_job_summary_get_disposition (JD_JOB_SUMMARY (job)), ==, "PartialSuccess");
  g_assert_cmpint (jd_job_summary_get_disposition_kind (JD_JOB_SUMMARY (job)), ==, JD_DISPOSITION_UNKNOWN);
  g_assert_cmpstr (jd_job_summary_get_priority (JD_JOB_SUMMARY (job)), ==, "Urgent");
  g_assert_false (jd_job_summary_is_finished (JD_JOB_SUMMARY (job)));

  g_assert_finalize_object (job);
}

static void
test_job_complete_and_completed (void)
{
  static const char * const statuses[] = { "Complete", "Completed", "complete", "COMPLETED" };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"id\": \"%s\", \"status\": \"%s\"}",
                                               JOB_ID, statuses[i]);
      JdJob *job = read_job_ok (json);

      g_assert_cmpint (jd_job_summary_get_state (JD_JOB_SUMMARY (job)), ==, JD_JOB_STATE_COMPLETED);
      g_assert_cmpstr (jd_job_summary_get_status (JD_JOB_SUMMARY (job)), ==, statuses[i]);
      g_assert_true (jd_job_summary_is_finished (JD_JOB_SUMMARY (job)));
      g_assert_finalize_object (job);
    }
}

static void
test_job_without_messages (void)
{
  JdJob *job = read_job_file ("job-no-messages.json");

  g_assert_false (jd_job_get_messages_included (job));
  g_assert_cmpuint (g_list_model_get_n_items (jd_job_get_messages (job)), ==, 0);
  assert_date (jd_job_summary_get_created (JD_JOB_SUMMARY (job)), "2024-09-19T10:02:54.000000Z");
  g_assert_finalize_object (job);

  /* "messages": null says the same */
  job = read_job_ok ("{\"id\": \"" JOB_ID "\", \"messages\": null}");
  g_assert_false (jd_job_get_messages_included (job));
  g_assert_finalize_object (job);

  /* an empty array is included: the job wrote none */
  job = read_job_ok ("{\"id\": \"" JOB_ID "\", \"messages\": []}");
  g_assert_true (jd_job_get_messages_included (job));
  g_assert_cmpuint (g_list_model_get_n_items (jd_job_get_messages (job)), ==, 0);
  g_assert_finalize_object (job);
}

static void
test_job_run_with_e2 (void)
{
  static const struct {
    const char *value;
    gboolean    given;
    gboolean    run_with_e2;
  } cases[] = {
    { "true", TRUE, TRUE }, { "false", TRUE, FALSE },
    { "\"true\"", TRUE, TRUE }, { "\"False\"", TRUE, FALSE }, { "\" TRUE \"", TRUE, TRUE },
    { "1", TRUE, TRUE }, { "0", TRUE, FALSE },
    { "2", FALSE, FALSE }, { "\"yes\"", FALSE, FALSE }, { "null", FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"id\": \"%s\", \"runWithE2\": %s}",
                                               JOB_ID, cases[i].value);
      JdJob *job = read_job_ok (json);

      g_assert_cmpint (jd_job_summary_get_has_run_with_e2 (JD_JOB_SUMMARY (job)), ==, cases[i].given);
      g_assert_cmpint (jd_job_summary_get_run_with_e2 (JD_JOB_SUMMARY (job)), ==, cases[i].run_with_e2);
      g_assert_finalize_object (job);
    }
}

static void
test_job_message_codes (void)
{
  JdJob *job = read_job_ok ("{\"id\": \"" JOB_ID "\", \"messages\": ["
                            "{\"status\": 1073741827, \"text\": \"transient error\", \"toolId\": 3},"
                            "{\"status\": \"21\", \"text\": \"code as a string\", \"toolId\": \"12\"},"
                            "{\"status\": 9.0, \"text\": \"code as a double\", \"toolId\": -1},"
                            "{\"status\": -3, \"text\": \"negative code\"},"
                            "{\"text\": \"no code\", \"toolId\": null},"
                            "{\"status\": 2, \"toolId\": 4294967296},"
                            "{\"status\": 5, \"text\": 42}"
                            "]}");
  JdMessageList *messages = JD_MESSAGE_LIST (jd_job_get_messages (job));
  g_autoptr(JdJobMessage) first = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (messages)), ==, 7);
  /* the code stays as given; the severity reads it without the flag */
  assert_message (messages, 0, 0x40000003, JD_MESSAGE_SEVERITY_ERROR, "transient error", 3);
  first = g_list_model_get_item (G_LIST_MODEL (messages), 0);
  g_assert_true (jd_job_message_get_transient (first));
  assert_message (messages, 1, 21, JD_MESSAGE_SEVERITY_ERROR, "code as a string", 12);
  assert_message (messages, 2, 9, JD_MESSAGE_SEVERITY_FILE, "code as a double", -1);
  assert_message (messages, 3, 0, JD_MESSAGE_SEVERITY_INFO, "negative code", JD_JOB_MESSAGE_NO_TOOL);
  assert_message (messages, 4, 0, JD_MESSAGE_SEVERITY_INFO, "no code", JD_JOB_MESSAGE_NO_TOOL);
  assert_message (messages, 5, 2, JD_MESSAGE_SEVERITY_WARNING, NULL, JD_JOB_MESSAGE_NO_TOOL);
  assert_message (messages, 6, 5, JD_MESSAGE_SEVERITY_WARNING, "42", JD_JOB_MESSAGE_NO_TOOL);

  g_clear_object (&first);
  g_assert_finalize_object (job);
}

static void
test_job_id_required (void)
{
  g_autofree char *long_id = g_strnfill (300, 'a');
  g_autofree char *long_json = g_strdup_printf ("{\"id\": \"%s\"}", long_id);
  const char *message = "The server’s answer does not say which job it is.";

  assert_job_refused ("{\"status\": \"Completed\"}", message);
  assert_job_refused ("{\"id\": 12345}", message);
  assert_job_refused ("{\"id\": null}", message);
  assert_job_refused ("{\"id\": \"\"}", message);
  assert_job_refused ("{\"id\": \"66ebd18d 3d62\"}", message);
  assert_job_refused ("{\"id\": \"66ebd18d\\n3d62\"}", message);
  assert_job_refused ("{\"id\": \"caf\\u00e9\"}", message);
  assert_job_refused (long_json, message);
  assert_job_refused ("{\"id\": [\"" JOB_ID "\"]}", message);
}

static void
test_job_member_case (void)
{
  JdJob *job = read_job_ok ("{\"Id\": \"" JOB_ID "\", \"Status\": \"Queued\", \"RunWithE2\": true,"
                            " \"Messages\": [{\"Status\": 3, \"Text\": \"x\", \"ToolId\": 1}]}");

  g_assert_cmpstr (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), ==, JOB_ID);
  g_assert_cmpint (jd_job_summary_get_state (JD_JOB_SUMMARY (job)), ==, JD_JOB_STATE_QUEUED);
  g_assert_true (jd_job_summary_get_run_with_e2 (JD_JOB_SUMMARY (job)));
  g_assert_cmpuint (g_list_model_get_n_items (jd_job_get_messages (job)), ==, 1);
  assert_message (JD_MESSAGE_LIST (jd_job_get_messages (job)), 0, 3, JD_MESSAGE_SEVERITY_ERROR, "x", 1);
  g_assert_finalize_object (job);

  /* the exact name wins over another case */
  job = read_job_ok ("{\"ID\": \"aaaaaaaaaaaaaaaaaaaaaaaa\", \"id\": \"" JOB_ID "\"}");
  g_assert_cmpstr (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), ==, JOB_ID);
  g_assert_finalize_object (job);
}

static void
test_job_create_date (void)
{
  JdJob *job = read_job_ok ("{\"id\": \"" JOB_ID "\", \"createDate\": \"2024-09-19T12:02:54+02:00\"}");

  assert_date (jd_job_summary_get_created (JD_JOB_SUMMARY (job)), "2024-09-19T10:02:54.000000Z");
  g_assert_finalize_object (job);

  job = read_job_ok ("{\"id\": \"" JOB_ID "\", \"createDateTime\": \"yesterday\"}");
  g_assert_null (jd_job_summary_get_created (JD_JOB_SUMMARY (job)));
  g_assert_finalize_object (job);
}

static void
test_job_outputs_tolerant (void)
{
  JdJob *job = read_job_ok ("{\"id\": \"" JOB_ID "\", \"outputs\": ["
                            "{\"fileName\": \"no-id.csv\", \"availableFormats\": [\"Raw\", 3, null, \"\", \"Csv\"]},"
                            "\"not an output\","
                            "{\"id\": \"o2\", \"availableFormats\": \"Raw, Csv\"},"
                            "{\"id\": \"bad id\", \"fileName\": 7, \"availableFormats\": {}}"
                            "]}");
  GListModel *outputs = jd_job_get_outputs (job);
  g_autoptr(JdJobOutput) first = NULL;
  g_autoptr(JdJobOutput) second = NULL;
  g_autoptr(JdJobOutput) third = NULL;
  const char * const raw_csv[] = { "Raw", "Csv", NULL };
  const char * const none[] = { NULL };

  g_assert_cmpuint (g_list_model_get_n_items (outputs), ==, 3);

  first = g_list_model_get_item (outputs, 0);
  g_assert_null (jd_job_output_get_id (first));
  g_assert_cmpstr (jd_job_output_get_file_name (first), ==, "no-id.csv");
  g_assert_cmpstrv (jd_job_output_get_formats (first), raw_csv);

  second = g_list_model_get_item (outputs, 1);
  g_assert_cmpstr (jd_job_output_get_id (second), ==, "o2");
  g_assert_null (jd_job_output_get_file_name (second));
  g_assert_cmpstrv (jd_job_output_get_formats (second), raw_csv);

  third = g_list_model_get_item (outputs, 2);
  g_assert_null (jd_job_output_get_id (third));
  g_assert_cmpstr (jd_job_output_get_file_name (third), ==, "7");
  g_assert_cmpstrv (jd_job_output_get_formats (third), none);

  g_clear_object (&first);
  g_clear_object (&second);
  g_clear_object (&third);
  g_assert_finalize_object (job);
}

static void
test_job_bad_escapes_repaired (void)
{
  /* json-glib turns a lone surrogate into bytes that are not UTF-8 */
  JdJob *job = read_job_ok ("{\"id\": \"" JOB_ID "\", \"status\": \"Run\\ud800ning\","
                            " \"messages\": [{\"status\": 1, \"text\": \"bad \\udc00 text\"}]}");
  const char *text = jd_message_list_get_text (JD_MESSAGE_LIST (jd_job_get_messages (job)), 0);

  g_assert_true (g_utf8_validate (jd_job_summary_get_status (JD_JOB_SUMMARY (job)), -1, NULL));
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (g_str_has_prefix (text, "bad "));
  g_assert_finalize_object (job);
}

static void
test_job_duplicate_messages (void)
{
  /* as json-glib does for any member, the last one wins */
  JdJob *job = read_job_ok ("{\"id\": \"" JOB_ID "\","
                            " \"messages\": [{\"status\": 3, \"text\": \"first\"}],"
                            " \"messages\": [{\"status\": 2, \"text\": \"second\"}, {\"status\": 1}]}");
  JdMessageList *messages = JD_MESSAGE_LIST (jd_job_get_messages (job));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (messages)), ==, 2);
  g_assert_cmpstr (jd_message_list_get_text (messages, 0), ==, "second");
  g_assert_finalize_object (job);

  job = read_job_ok ("{\"id\": \"" JOB_ID "\","
                     " \"messages\": [{\"status\": 3, \"text\": \"first\"}], \"messages\": null}");
  g_assert_false (jd_job_get_messages_included (job));
  g_assert_finalize_object (job);
}

static void
test_job_escaped_member_name (void)
{
  /* "messag\u0065s" is "messages" too, though the bytes differ */
  JdJob *job = read_job_ok ("{\"id\": \"" JOB_ID "\", \"messag\\u0065s\": ["
                            "{\"status\": 3, \"text\": \"escaped\", \"toolId\": 2}]}");
  JdMessageList *messages = JD_MESSAGE_LIST (jd_job_get_messages (job));

  g_assert_true (jd_job_get_messages_included (job));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (messages)), ==, 1);
  assert_message (messages, 0, 3, JD_MESSAGE_SEVERITY_ERROR, "escaped", 2);
  g_assert_finalize_object (job);
}

static void
test_job_many_messages (void)
{
  g_autoptr(GBytes) bytes = make_job_with_messages (100000);
  g_autoptr(GError) error = NULL;
  JdMessageList *messages;
  JdJob *job;
  gint64 start;

  g_assert_cmpuint (g_bytes_get_size (bytes), >, 11 * 1000 * 1000);

  start = g_get_monotonic_time ();
  job = jd_json_read_job (bytes, &error);
  g_test_message ("read %" G_GSIZE_FORMAT " bytes in %.0f ms", g_bytes_get_size (bytes),
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_no_error (error);

  messages = JD_MESSAGE_LIST (jd_job_get_messages (job));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (messages)), ==, 100000);
  g_assert_cmpuint (jd_message_list_count_severity (messages, JD_MESSAGE_SEVERITY_ERROR), ==, 20000);
  g_assert_cmpuint (jd_message_list_count_severity (messages, JD_MESSAGE_SEVERITY_WARNING), ==, 30000);
  g_assert_cmpuint (jd_message_list_count_severity (messages, JD_MESSAGE_SEVERITY_FILE), ==, 20000);
  g_assert_cmpuint (jd_message_list_count_severity (messages, JD_MESSAGE_SEVERITY_INFO), ==, 30000);
  assert_message (messages, 0, 1, JD_MESSAGE_SEVERITY_INFO,
                  "Tool 0: record batch 000000 of C:\\data\\sales_0000.yxdb was read in full", -1);
  assert_message (messages, 99999, 0x40000004, JD_MESSAGE_SEVERITY_INFO,
                  "Tool 99: record batch 099999 of C:\\data\\sales_0999.yxdb was read in full", 98);
  g_assert_cmpuint (g_list_model_get_n_items (jd_job_get_outputs (job)), ==, 1);
  g_assert_cmpint (jd_job_summary_get_disposition_kind (JD_JOB_SUMMARY (job)), ==, JD_DISPOSITION_WARNING);

  g_assert_finalize_object (job);
}

/* Broken answers */

static void
test_malformed_empty (void)
{
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;

  assert_all_readers_refuse (empty);
  assert_all_readers_refuse_string (" \r\n\t ");

  job = jd_json_read_job (empty, &error);
  g_assert_cmpstr (error->message, ==, "The server’s answer is empty.");
}

static void
test_malformed_truncated (void)
{
  g_autoptr(GBytes) whole = jd_test_load_data ("job-success.json");
  gsize length;
  const char *data = g_bytes_get_data (whole, &length);

  /* every prefix of a good answer, cut anywhere */
  for (gsize cut = 0; cut + 2 < length; cut++)
    {
      g_autoptr(GBytes) prefix = g_bytes_new_from_bytes (whole, 0, cut);

      assert_all_readers_refuse (prefix);
    }

  g_assert_nonnull (data);
}

static void
test_malformed_not_json (void)
{
  static const char * const texts[] = {
    "Hello", "OK", "{'id': 'x'}", "var job = {\"id\": \"" JOB_ID "\"};",
    "/* c */ {\"id\": \"" JOB_ID "\"}", "{\"id\": \"" JOB_ID "\",}", "{\"id\" \"x\"}",
    "{\"a\": NaN}", "{\"a\": 0x10}", "[1 2]", "{\"id\": \"" JOB_ID "\"} trailing",
    "{} {}", "{\"id\": \"" JOB_ID "\"}]", "]", "\"unterminated", "{\"a\": \"b\\\"}",
    "<?xml version=\"1.0\"?><JobView><Id>1</Id></JobView>",
    "1 2", "1 {\"id\": \"" JOB_ID "\"}", "\"a\" \"b\"", "true false",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_all_readers_refuse_string (texts[i]);

  assert_job_refused ("Hello", "The server’s answer is not valid JSON.");
}

static void
test_malformed_html (void)
{
  g_autoptr(GBytes) html = jd_test_load_data ("proxy-502.html");

  assert_all_readers_refuse (html);
}

static void
test_malformed_wrong_root (void)
{
  assert_job_refused ("[]", "The server’s answer is not a job.");
  assert_job_refused ("[{\"id\": \"" JOB_ID "\"}]", "The server’s answer is not a job.");
  assert_job_refused ("42", "The server’s answer is not a job.");
  assert_job_refused ("\"" JOB_ID "\"", "The server’s answer is not a job.");
  assert_job_refused ("null", "The server’s answer is not a job.");
  assert_job_refused ("true", "The server’s answer is not a job.");
}

static void
test_malformed_invalid_utf8 (void)
{
  static const char bad[] = "{\"id\": \"" JOB_ID "\", \"status\": \"Compl\xff\xfe" "ted\"}";
  static const char nul[] = "{\"id\": \"" JOB_ID "\", \"status\": \"Comp\0leted\"}";
  g_autoptr(GBytes) bad_bytes = g_bytes_new_static (bad, sizeof bad - 1);
  g_autoptr(GBytes) nul_bytes = g_bytes_new_static (nul, sizeof nul - 1);

  assert_all_readers_refuse (bad_bytes);
  assert_all_readers_refuse (nul_bytes);
}

static void
test_malformed_deep_nesting (void)
{
  const gsize depth = 100000;
  g_autofree char *arrays = g_strnfill (depth, '[');
  g_autoptr(GString) objects = g_string_new (NULL);
  g_autoptr(GString) closed = g_string_new ("{\"id\": \"" JOB_ID "\", \"x\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;

  assert_all_readers_refuse_string (arrays);

  for (gsize i = 0; i < depth; i++)
    g_string_append (objects, "{\"a\":");
  assert_all_readers_refuse_string (objects->str);

  /* well formed but too deep */
  for (gsize i = 0; i < 1000; i++)
    g_string_append_c (closed, '[');
  for (gsize i = 0; i < 1000; i++)
    g_string_append_c (closed, ']');
  g_string_append_c (closed, '}');
  job = read_job_string (closed->str, &error);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE);
  g_assert_cmpstr (error->message, ==, "The server’s answer is nested too deeply to read.");
}

static void
test_nesting_within_limit (void)
{
  g_autoptr(GString) json = g_string_new ("{\"id\": \"" JOB_ID "\", \"x\": ");
  g_autofree char *brackets = g_strnfill (100000, '[');
  g_autofree char *in_string = g_strdup_printf ("{\"id\": \"" JOB_ID "\", \"text\": \"%s\"}", brackets);
  JdJob *job;

  for (guint i = 0; i < 500; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < 500; i++)
    g_string_append_c (json, ']');
  g_string_append_c (json, '}');

  job = read_job_ok (json->str);
  g_assert_finalize_object (job);

  /* brackets inside a string are text, not nesting */
  job = read_job_ok (in_string);
  g_assert_finalize_object (job);
}

static void
test_byte_order_mark (void)
{
  JdJob *job = read_job_ok ("\xef\xbb\xbf{\"id\": \"" JOB_ID "\"}");

  g_assert_cmpstr (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), ==, JOB_ID);
  g_assert_finalize_object (job);
}

static void
test_mutations (void)
{
  /* random damage to good answers: every reader either reads the result
   * or refuses it with BAD_RESPONSE, without a critical or a crash */
  static const char * const names[] = {
    "job-success.json", "messages-object.json", "workflow-jobs-array.json",
    "job-page.json", "workflows.json", "workflow.json", "token.json",
  };
  static const char replacements[] = "{}[]\",:\\0aZ \x80\xff";

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autoptr(GBytes) original = jd_test_load_data (names[n]);
      gsize length = g_bytes_get_size (original);

      for (guint round = 0; round < 300; round++)
        {
          g_autofree char *data = g_memdup2 (g_bytes_get_data (original, NULL), length);
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(GError) error = NULL;
          g_autoptr(JdJob) job = NULL;
          g_autoptr(GListModel) messages = NULL;
          g_autoptr(JdJobPage) jobs = NULL;
          g_autoptr(JdJobPage) page = NULL;
          g_autoptr(GListModel) workflows = NULL;
          g_autoptr(JdWorkflow) workflow = NULL;
          g_autofree char *token = NULL;
          g_autofree char *message = NULL;
          guint n_changes = g_test_rand_int_range (1, 4);

          for (guint c = 0; c < n_changes; c++)
            data[g_test_rand_int_range (0, length)] =
              replacements[g_test_rand_int_range (0, sizeof replacements - 1)];

          bytes = g_bytes_new (data, length);

          job = jd_json_read_job (bytes, &error);
          g_assert_true ((job != NULL) != (error != NULL));
          g_clear_error (&error);
          messages = jd_json_read_messages (bytes, &error);
          g_assert_true ((messages != NULL) != (error != NULL));
          g_clear_error (&error);
          jobs = jd_json_read_workflow_jobs (bytes, &error);
          g_assert_true ((jobs != NULL) != (error != NULL));
          g_clear_error (&error);
          page = jd_json_read_job_page (bytes, &error);
          g_assert_true ((page != NULL) != (error != NULL));
          g_clear_error (&error);
          workflows = jd_json_read_workflows (bytes, &error);
          g_assert_true ((workflows != NULL) != (error != NULL));
          g_clear_error (&error);
          workflow = jd_json_read_workflow (bytes, &error);
          g_assert_true ((workflow != NULL) != (error != NULL));
          g_clear_error (&error);
          g_assert_true (jd_json_read_token (bytes, &token, NULL, &error) != (error != NULL));
          g_clear_error (&error);
          message = jd_json_read_error_message (bytes);
          g_assert_true (message == NULL || g_utf8_validate (message, -1, NULL));
        }
    }
}


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
  assert_message (list, 0, 3, JD_MESSAGE_SEVERITY_ERROR, "Tool failed: file not found", 12);
  assert_message (list, 1, 0x40000002, JD_MESSAGE_SEVERITY_WARNING, "A transient warning", 3);
  assert_message (list, 2, 1, JD_MESSAGE_SEVERITY_INFO, "Engine message", -1);
  g_assert_finalize_object (list);
}

static void
test_messages_object (void)
{
  JdMessageList *list = read_messages_file ("messages-object.json");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  assert_message (list, 0, 21, JD_MESSAGE_SEVERITY_ERROR,
                  "Safe mode: the Run Command tool is not allowed", 5);
  assert_message (list, 1, 9, JD_MESSAGE_SEVERITY_FILE, "C:\\out\\result.csv (10 records)", 8);
  g_assert_finalize_object (list);
}

static void
test_messages_single (void)
{
  JdMessageList *list = read_messages_file ("messages-single.json");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  assert_message (list, 0, 20, JD_MESSAGE_SEVERITY_WARNING,
                  "Low disk space on the temporary drive", -1);
  g_assert_finalize_object (list);
}

static void
test_messages_empty_and_null (void)
{
  static const char * const texts[] = { "[]", "{\"messages\": []}", "{\"messages\": null}" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GBytes) bytes = bytes_from_string (texts[i]);
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
      g_autoptr(GBytes) bytes = bytes_from_string (texts[i]);
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
  assert_message (list, 99999, 1, JD_MESSAGE_SEVERITY_INFO, "m99999", 99999);
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
  g_assert_cmpstr (jd_job_summary_get_id (first), ==, JOB_ID);
  assert_date (jd_job_summary_get_created (first), "2024-09-19T10:02:54.589000Z");
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
  assert_date (jd_job_summary_get_created (job), "2024-09-19T10:02:54.000000Z");
  g_assert_cmpint (jd_job_summary_get_state (job), ==, JD_JOB_STATE_RUNNING);
  g_assert_null (jd_job_summary_get_created (second));
  g_clear_object (&job);
  g_clear_object (&second);
  g_assert_finalize_object (page);
}

static void
test_workflow_jobs_wrong_types (void)
{
  g_autoptr(GBytes) bytes = bytes_from_string ("[1, \"x\", null, [], {\"id\": 5}, {\"id\": \"" JOB_ID "\","
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
  g_autoptr(GBytes) bytes = bytes_from_string ("{\"id\": \"" JOB_ID "\"}");
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
  g_autoptr(GBytes) bytes = bytes_from_string (json);
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
                                                  "[{\"id\": \"" JOB_ID "\", \"jobId\": \"66ebd18d3d6200007e000d8d\"}]");
  g_autoptr(JdJobSummary) by_job_id = read_only_row (jd_json_read_workflow_jobs,
                                                      "[{\"jobId\": \"" JOB_ID "\"}]");

  g_assert_cmpstr (jd_job_summary_get_id (by_id), ==, JOB_ID);
  g_assert_cmpstr (jd_job_summary_get_id (by_job_id), ==, JOB_ID);
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
  g_assert_cmpstr (jd_job_summary_get_id (first), ==, JOB_ID);
  g_assert_cmpint (jd_job_summary_get_state (first), ==, JD_JOB_STATE_COMPLETED);
  g_assert_cmpstr (jd_job_summary_get_workflow_name (first), ==, "Sales report");
  g_assert_cmpstr (jd_job_summary_get_workflow_id (first), ==, "5f3a0c9e1b2d4e0012345678");
  g_assert_cmpstr (jd_job_summary_get_submitted_by (first), ==, "Dana Whitfield");
  assert_date (jd_job_summary_get_queue_time (first), "2024-09-19T10:02:54.589000Z");
  assert_date (jd_job_summary_get_start_time (first), "2024-09-19T10:03:01.250000Z");
  g_assert_cmpstr (jd_job_summary_get_execution_time_text (first), ==, "00:05:12.4810000");
  g_assert_cmpfloat_with_epsilon (jd_job_summary_get_execution_time (first), 312.481, 1e-6);
  g_assert_cmpstr (jd_job_summary_get_priority (first), ==, "Default");
  /* PagedJobSummaryView has neither; the queue time stands in for created */
  g_assert_null (jd_job_summary_get_disposition (first));
  assert_date (jd_job_summary_get_created (first), "2024-09-19T10:02:54.589000Z");

  queued = g_list_model_get_item (list, 1);
  g_assert_cmpint (jd_job_summary_get_state (queued), ==, JD_JOB_STATE_QUEUED);
  assert_date (jd_job_summary_get_queue_time (queued), "2024-06-02T08:00:00.000000Z");
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
  g_assert_cmpstr (jd_job_summary_get_id (first), ==, JOB_ID);
  g_assert_cmpstr (jd_job_summary_get_workflow_name (first), ==, "Sales report");
  g_assert_cmpint (jd_job_summary_get_disposition_kind (first), ==, JD_DISPOSITION_SUCCESS);
  assert_date (jd_job_summary_get_created (first), "2024-09-19T10:02:54.589000Z");
  second = g_list_model_get_item (list, 1);
  g_assert_cmpstr (jd_job_summary_get_workflow_name (second), ==, "Inventory");
  assert_date (jd_job_summary_get_created (second), "2024-09-19T09:00:00.000000Z");

  g_clear_object (&first);
  g_clear_object (&second);
  g_assert_finalize_object (page);
}

static void
test_job_page_unreadable (void)
{
  /* a Server whose rows we cannot read at all: none shown, all counted,
   * so the page can say so instead of "no jobs" */
  g_autoptr(GBytes) bytes = bytes_from_string ("{\"data\": [{\"job\": \"" JOB_ID "\"}, {\"jobId\": 7},"
                                               " {\"jobId\": \"has space\"}, 3],"
                                               " \"pagination\": {\"totalItems\": 4}}");
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJobPage) page = jd_json_read_job_page (bytes, &error);
  g_autoptr(GBytes) empty_bytes = bytes_from_string ("{\"data\": [], \"pagination\": {\"totalItems\": 0}}");
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
      g_autoptr(GBytes) bytes = bytes_from_string (cases[i].json);
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
  g_autoptr(GBytes) bytes = bytes_from_string ("{\"pagination\": {\"totalItems\": 3}}");
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
      g_autofree char *json = g_strdup_printf ("{\"data\": [{\"jobId\": \"" JOB_ID "\", \"executionTime\": %s}]}",
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
  assert_date (jd_workflow_get_created (first), "2023-02-01T12:00:00.000000Z");
  g_assert_cmpstr (jd_workflow_get_published_version (first), ==, "7");
  g_assert_cmpstr (jd_workflow_get_source_app_id (first), ==, "5f3a0c9e1b2d4e0012345600");
  g_assert_cmpstr (jd_workflow_get_execution_mode (first), ==, "Safe");
  /* not in a ReducedWorkflowView */
  g_assert_cmpint (jd_workflow_get_run_count (first), ==, -1);
  g_assert_null (jd_workflow_get_comments (first));

  second = g_list_model_get_item (list, 1);
  assert_date (jd_workflow_get_created (second), "2023-03-01T11:00:00.500000Z");
  g_assert_cmpstr (jd_workflow_get_published_version (second), ==, "3");
  g_assert_null (jd_workflow_get_source_app_id (second));

  g_clear_object (&first);
  g_clear_object (&second);
  g_assert_finalize_object (list);
}

static void
test_workflows_tolerant (void)
{
  g_autoptr(GBytes) bytes = bytes_from_string ("{\"data\": [{\"name\": \"no id\"}, 3,"
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
  assert_date (jd_workflow_get_created (workflow), "2023-02-01T12:00:00.000000Z");
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
      g_autoptr(GBytes) bytes = bytes_from_string (answers[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(JdWorkflow) workflow = jd_json_read_workflow (bytes, &error);

      g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE);
      g_assert_cmpstr (error->message, ==, "The server’s answer is not a workflow.");
      g_assert_null (workflow);
    }
}


/* What a job could not read, counted */

static void
test_job_unreadable_counted (void)
{
  JdJob *job = read_job_ok ("{\"id\": \"" JOB_ID "\", \"outputs\": ["
                            "{\"id\": \"o1\", \"fileName\": \"a.csv\"}, 7, \"b.csv\", {}, {\"availableFormats\": [\"Raw\"]},"
                            "{\"fileName\": \"c.csv\"}],"
                            " \"messages\": [{\"status\": 3, \"text\": \"x\"}, 1, null, [2], {}]}");
  g_autoptr(JdJob) clean = read_job_file ("job-success.json");
  g_autoptr(JdMessageList) more = NULL;
  g_autoptr(GBytes) more_bytes = bytes_from_string ("[\"one\", {\"status\": 1}, \"two\", \"three\"]");
  g_autoptr(GError) error = NULL;

  /* 7, "b.csv", and the two outputs with neither an ID nor a name */
  g_assert_cmpuint (g_list_model_get_n_items (jd_job_get_outputs (job)), ==, 2);
  g_assert_cmpuint (jd_job_get_n_unreadable_outputs (job), ==, 4);
  /* 1, null and [2]; {} is a message with nothing given */
  g_assert_cmpuint (g_list_model_get_n_items (jd_job_get_messages (job)), ==, 2);
  g_assert_cmpuint (jd_job_get_n_unreadable_messages (job), ==, 3);

  g_assert_cmpuint (jd_job_get_n_unreadable_outputs (clean), ==, 0);
  g_assert_cmpuint (jd_job_get_n_unreadable_messages (clean), ==, 0);

  /* the messages endpoint counts as well, and the job follows the list it
   * is given */
  more = JD_MESSAGE_LIST (jd_json_read_messages (more_bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (more)), ==, 1);
  g_assert_cmpuint (jd_message_list_get_n_unreadable (more), ==, 3);
  jd_job_set_messages (job, G_LIST_MODEL (more));
  g_assert_cmpuint (jd_job_get_n_unreadable_messages (job), ==, 3);
  jd_job_set_messages (clean, G_LIST_MODEL (more));
  g_assert_cmpuint (jd_job_get_n_unreadable_messages (clean), ==, 3);

  g_assert_finalize_object (job);
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


/* Tokens */

static void
assert_token (const char *json,
              const char *expected_token,
              gint64      expected_expires_in)
{
  g_autoptr(GBytes) bytes = bytes_from_string (json);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  gint64 expires_in = 0;

  g_assert_true (jd_json_read_token (bytes, &token, &expires_in, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, expected_token);
  g_assert_cmpint (expires_in, ==, expected_expires_in);
}

static void
assert_token_refused (const char *json)
{
  g_autoptr(GBytes) bytes = bytes_from_string (json);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  gint64 expires_in = -7;

  g_assert_false (jd_json_read_token (bytes, &token, &expires_in, &error));
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE);
  g_assert_cmpstr (error->message, ==, "The server’s answer holds no access token.");
  g_assert_null (token);
  g_assert_cmpint (expires_in, ==, -7);
}

static void
test_token_valid (void)
{
  g_autoptr(GBytes) bytes = jd_test_load_data ("token.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  gint64 expires_in = 0;

  g_assert_true (jd_json_read_token (bytes, &token, &expires_in, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJkZW1vIn0.c2lnbmF0dXJl");
  g_assert_cmpint (expires_in, ==, 3599);

  /* the outputs are optional */
  g_assert_true (jd_json_read_token (bytes, NULL, NULL, NULL));
}

static void
test_token_expires_in (void)
{
  assert_token ("{\"access_token\": \"abc\"}", "abc", 3600);
  assert_token ("{\"access_token\": \"abc\", \"expires_in\": \"1800\"}", "abc", 1800);
  assert_token ("{\"access_token\": \"abc\", \"expires_in\": 1799.0}", "abc", 1799);
  assert_token ("{\"access_token\": \"abc\", \"expires_in\": 0}", "abc", 3600);
  assert_token ("{\"access_token\": \"abc\", \"expires_in\": -5}", "abc", 3600);
  assert_token ("{\"access_token\": \"abc\", \"expires_in\": \"soon\"}", "abc", 3600);
  assert_token ("{\"access_token\": \"abc\", \"expires_in\": null}", "abc", 3600);
  assert_token ("{\"access_token\": \"abc\", \"expires_in\": 9007199254740993}", "abc", G_MAXINT32);
}

static void
test_token_missing (void)
{
  assert_token_refused ("{\"token_type\": \"bearer\", \"expires_in\": 3599}");
  assert_token_refused ("{\"access_token\": \"\"}");
  assert_token_refused ("{\"access_token\": null}");
  assert_token_refused ("{\"access_token\": 12345}");
  assert_token_refused ("{\"access_token\": \"abc\\r\\nX-Evil: 1\"}");
  assert_token_refused ("[{\"access_token\": \"abc\"}]");
}

static void
test_token_oauth_error (void)
{
  g_autoptr(GBytes) bytes = jd_test_load_data ("token-oauth-error.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *message = NULL;

  g_assert_false (jd_json_read_token (bytes, &token, NULL, &error));
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE);

  message = jd_json_read_error_message (bytes);
  g_assert_cmpstr (message, ==, "The client credentials are invalid.");
}


/* The sentence of a refusal */

static void
assert_error_message (const char *body,
                      const char *expected)
{
  g_autoptr(GBytes) bytes = bytes_from_string (body);
  g_autofree char *message = jd_json_read_error_message (bytes);

  g_assert_cmpstr (message, ==, expected);
}

static void
test_error_message_any_case (void)
{
  assert_error_message ("{\"message\": \"Job not found\"}", "Job not found");
  assert_error_message ("{\"Message\": \"Authorization has been denied for this request.\"}",
                        "Authorization has been denied for this request.");
  assert_error_message ("{\"MESSAGE\": \"Shouting\"}", "Shouting");
  assert_error_message ("{\"Message\": \"An error has occurred.\", \"ExceptionMessage\": \"x\"}",
                        "An error has occurred.");
}

static void
test_error_message_oauth (void)
{
  assert_error_message ("{\"error\": \"invalid_client\", \"error_description\": \"Bad key\"}", "Bad key");
  assert_error_message ("{\"error\": \"invalid_client\"}", "invalid_client");
  assert_error_message ("{\"error\": \"invalid_client\", \"error_description\": \"\"}", "invalid_client");
  assert_error_message ("{\"error\": {\"message\": \"Nested\"}}", "Nested");
  assert_error_message ("{\"message\": \"First\", \"error_description\": \"Second\"}", "First");
}

static void
test_error_message_none (void)
{
  g_autoptr(GBytes) html = jd_test_load_data ("proxy-502.html");
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autofree char *from_html = jd_json_read_error_message (html);
  g_autofree char *from_empty = jd_json_read_error_message (empty);
  g_autofree char *from_null = jd_json_read_error_message (NULL);

  g_assert_null (from_html);
  g_assert_null (from_empty);
  g_assert_null (from_null);
  assert_error_message ("Service Unavailable", NULL);
  assert_error_message ("{}", NULL);
  assert_error_message ("{\"message\": 42}", NULL);
  assert_error_message ("{\"message\": \"   \"}", NULL);
  assert_error_message ("[{\"message\": \"in an array\"}]", NULL);
  assert_error_message ("{\"message\": \"x\"", NULL);
}

static void
test_error_message_tidy (void)
{
  g_autofree char *long_text = g_strnfill (1000, 'x');
  g_autofree char *long_body = g_strdup_printf ("{\"message\": \"%s\"}", long_text);
  g_autoptr(GBytes) bytes = bytes_from_string (long_body);
  g_autofree char *message = jd_json_read_error_message (bytes);

  g_assert_cmpuint (g_utf8_strlen (message, -1), ==, 300);
  g_assert_true (g_str_has_suffix (message, "…"));

  assert_error_message ("{\"message\": \"  Line one\\n\\tline two \\r\\n\"}", "Line one line two");
  assert_error_message ("\"A bare sentence.\"", "A bare sentence.");
}


/* Dates */

static void
assert_parsed_date (const char *text,
                    const char *expected_utc)
{
  g_autoptr(GDateTime) date = jd_json_parse_date (text);

  if (expected_utc == NULL)
    g_assert_null (date);
  else
    assert_date (date, expected_utc);
}

static void
test_date_formats (void)
{
  assert_parsed_date ("2024-09-19T10:02:54Z", "2024-09-19T10:02:54.000000Z");
  assert_parsed_date ("2024-09-19T12:02:54+02:00", "2024-09-19T10:02:54.000000Z");
  assert_parsed_date ("2024-09-19T05:02:54-0500", "2024-09-19T10:02:54.000000Z");
  assert_parsed_date ("2024-09-19T10:02:54", "2024-09-19T10:02:54.000000Z");
  assert_parsed_date ("2024-09-19T10:02:54.589Z", "2024-09-19T10:02:54.589000Z");
  assert_parsed_date ("2024-09-19T10:02:54.5890000", "2024-09-19T10:02:54.589000Z");
  assert_parsed_date ("  2024-09-19T10:02:54Z \n", "2024-09-19T10:02:54.000000Z");
}

static void
test_date_garbage (void)
{
  assert_parsed_date (NULL, NULL);
  assert_parsed_date ("", NULL);
  assert_parsed_date ("   ", NULL);
  assert_parsed_date ("yesterday", NULL);
  assert_parsed_date ("2024-13-45T10:02:54Z", NULL);
  assert_parsed_date ("2024-09-19T10:02:54Zjunk", NULL);
  assert_parsed_date ("2024-09-19T10:02:54.00000000000000000000000000000000000000000000000000000000000000000Z", NULL);
  /* .NET's DateTime.MinValue: the Server had no date */
  assert_parsed_date ("0001-01-01T00:00:00", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/api/json-reader/job/valid", test_job_valid);
  g_test_add_func ("/api/json-reader/job/missing-fields-are-not-given", test_job_missing_fields);
  g_test_add_func ("/api/json-reader/job/wrong-types-are-not-given", test_job_wrong_types);
  g_test_add_func ("/api/json-reader/job/every-field-every-type", test_job_wrong_types_everywhere);
  g_test_add_func ("/api/json-reader/job/message-fields-every-type", test_job_message_fields_wrong_types);
  g_test_add_func ("/api/json-reader/job/numbers-shown-as-text", test_job_numbers_as_text);
  g_test_add_func ("/api/json-reader/job/unknown-fields-are-ignored", test_job_unknown_fields);
  g_test_add_func ("/api/json-reader/job/unknown-values-stay-as-given", test_job_unknown_values);
  g_test_add_func ("/api/json-reader/job/complete-is-completed", test_job_complete_and_completed);
  g_test_add_func ("/api/json-reader/job/without-messages-not-included", test_job_without_messages);
  g_test_add_func ("/api/json-reader/job/run-with-e2-forms", test_job_run_with_e2);
  g_test_add_func ("/api/json-reader/job/message-codes-and-tool-ids", test_job_message_codes);
  g_test_add_func ("/api/json-reader/job/usable-id-required", test_job_id_required);
  g_test_add_func ("/api/json-reader/job/member-names-in-any-case", test_job_member_case);
  g_test_add_func ("/api/json-reader/job/create-date-fallback", test_job_create_date);
  g_test_add_func ("/api/json-reader/job/outputs-tolerant", test_job_outputs_tolerant);
  g_test_add_func ("/api/json-reader/job/unreadable-outputs-and-messages-counted", test_job_unreadable_counted);
  g_test_add_func ("/api/json-reader/job/bad-escapes-repaired", test_job_bad_escapes_repaired);
  g_test_add_func ("/api/json-reader/job/duplicate-messages-last-wins", test_job_duplicate_messages);
  g_test_add_func ("/api/json-reader/job/escaped-member-name", test_job_escaped_member_name);
  g_test_add_func ("/api/json-reader/job/100000-messages", test_job_many_messages);
  g_test_add_func ("/api/json-reader/malformed/empty", test_malformed_empty);
  g_test_add_func ("/api/json-reader/malformed/truncated", test_malformed_truncated);
  g_test_add_func ("/api/json-reader/malformed/not-json", test_malformed_not_json);
  g_test_add_func ("/api/json-reader/malformed/html-page", test_malformed_html);
  g_test_add_func ("/api/json-reader/malformed/wrong-root", test_malformed_wrong_root);
  g_test_add_func ("/api/json-reader/malformed/invalid-utf8", test_malformed_invalid_utf8);
  g_test_add_func ("/api/json-reader/malformed/deep-nesting", test_malformed_deep_nesting);
  g_test_add_func ("/api/json-reader/malformed/random-damage", test_mutations);
  g_test_add_func ("/api/json-reader/job/nesting-within-limit-is-read", test_nesting_within_limit);
  g_test_add_func ("/api/json-reader/job/byte-order-mark-is-skipped", test_byte_order_mark);
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
  g_test_add_func ("/api/json-reader/token/valid", test_token_valid);
  g_test_add_func ("/api/json-reader/token/expires-in-forms", test_token_expires_in);
  g_test_add_func ("/api/json-reader/token/missing-access-token", test_token_missing);
  g_test_add_func ("/api/json-reader/token/oauth-error", test_token_oauth_error);
  g_test_add_func ("/api/json-reader/error-message/message-in-any-case", test_error_message_any_case);
  g_test_add_func ("/api/json-reader/error-message/oauth", test_error_message_oauth);
  g_test_add_func ("/api/json-reader/error-message/none", test_error_message_none);
  g_test_add_func ("/api/json-reader/error-message/tidied", test_error_message_tidy);
  g_test_add_func ("/api/json-reader/date/formats", test_date_formats);
  g_test_add_func ("/api/json-reader/date/garbage-is-null", test_date_garbage);
  g_test_add_func ("/api/json-reader/duration/timespan-forms", test_duration_timespan);
  g_test_add_func ("/api/json-reader/duration/iso-8601-forms", test_duration_iso);
  g_test_add_func ("/api/json-reader/duration/garbage-refused", test_duration_garbage);

  return g_test_run ();
}
