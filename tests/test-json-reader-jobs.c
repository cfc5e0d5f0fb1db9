/* test-json-reader-jobs.c: reading a job (JobView) from good and odd
 * answers: every field in every type, member names in any case, messages
 * and outputs that are partly unreadable, 100,000 messages. */
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

/* A job as GET /v3/jobs/{id} answers it, with n_messages messages of
 * about 111 bytes each: 100,000 make some 11 MB. */
static GBytes *
make_job_with_messages (guint n_messages)
{
  static const guint codes[] = { 1, 2, 3, 4, 5, 8, 9, 20, 21, 0x40000004 };
  GString *json = g_string_sized_new (n_messages * 112 + 1024);

  g_string_append (json,
                   "{\"id\":\"" JD_TEST_JOB_ID "\",\"appId\":\"5f3a0c9e1b2d4e0012345678\","
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

  g_assert_cmpstr (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), ==, JD_TEST_JOB_ID);
  g_assert_cmpstr (jd_job_get_app_id (job), ==, "5f3a0c9e1b2d4e0012345678");
  jd_test_assert_date (jd_job_summary_get_created (JD_JOB_SUMMARY (job)), "2024-09-19T10:02:54.589000Z");
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
  jd_test_assert_message (messages, 0, 1, JD_MESSAGE_SEVERITY_INFO, "Alteryx Engine 2024.1.1.93 started", -1);
  jd_test_assert_message (messages, 1, 8, JD_MESSAGE_SEVERITY_FILE, "\\\\fileserver\\data\\sales.yxdb (12,031 records)", 1);
  jd_test_assert_message (messages, 2, 2, JD_MESSAGE_SEVERITY_WARNING, "Field \"Amount\" has 3 null values", 4);
  jd_test_assert_message (messages, 3, 0x40000004, JD_MESSAGE_SEVERITY_INFO, "4 records were processed", 4);
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

  g_assert_cmpstr (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), ==, JD_TEST_JOB_ID);
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
                                                 JD_TEST_JOB_ID, fields[f], values[v]);
        JdJob *job = jd_test_read_job_ok (json);

        g_assert_cmpstr (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), ==, JD_TEST_JOB_ID);
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
                                               JD_TEST_JOB_ID, values[v], values[v], values[v], values[v]);
      JdJob *job = jd_test_read_job_ok (json);
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
  JdJob *job = jd_test_read_job_ok ("{\"id\": \"" JD_TEST_JOB_ID "\", \"status\": 4, \"disposition\": 1,"
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

  g_assert_cmpstr (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), ==, JD_TEST_JOB_ID);
  g_assert_cmpint (jd_job_summary_get_state (JD_JOB_SUMMARY (job)), ==, JD_JOB_STATE_RUNNING);
  g_assert_cmpint (jd_job_summary_get_disposition_kind (JD_JOB_SUMMARY (job)), ==, JD_DISPOSITION_NONE);
  g_assert_true (jd_job_summary_get_has_run_with_e2 (JD_JOB_SUMMARY (job)));
  g_assert_false (jd_job_summary_get_run_with_e2 (JD_JOB_SUMMARY (job)));
  g_assert_false (jd_job_summary_is_finished (JD_JOB_SUMMARY (job)));

  /* only the job's own "messages", not one nested in another member */
  g_assert_true (jd_job_get_messages_included (job));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (messages)), ==, 1);
  jd_test_assert_message (messages, 0, 3, JD_MESSAGE_SEVERITY_ERROR, "Boom", 7);

  g_assert_finalize_object (job);
}

static void
test_job_unknown_values (void)
{
  JdJob *job = jd_test_read_job_ok ("{\"id\": \"" JD_TEST_JOB_ID "\", \"status\": \"Paused\","
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
                                               JD_TEST_JOB_ID, statuses[i]);
      JdJob *job = jd_test_read_job_ok (json);

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
  jd_test_assert_date (jd_job_summary_get_created (JD_JOB_SUMMARY (job)), "2024-09-19T10:02:54.000000Z");
  g_assert_finalize_object (job);

  /* "messages": null says the same */
  job = jd_test_read_job_ok ("{\"id\": \"" JD_TEST_JOB_ID "\", \"messages\": null}");
  g_assert_false (jd_job_get_messages_included (job));
  g_assert_finalize_object (job);

  /* an empty array is included: the job wrote none */
  job = jd_test_read_job_ok ("{\"id\": \"" JD_TEST_JOB_ID "\", \"messages\": []}");
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
                                               JD_TEST_JOB_ID, cases[i].value);
      JdJob *job = jd_test_read_job_ok (json);

      g_assert_cmpint (jd_job_summary_get_has_run_with_e2 (JD_JOB_SUMMARY (job)), ==, cases[i].given);
      g_assert_cmpint (jd_job_summary_get_run_with_e2 (JD_JOB_SUMMARY (job)), ==, cases[i].run_with_e2);
      g_assert_finalize_object (job);
    }
}

static void
test_job_message_codes (void)
{
  JdJob *job = jd_test_read_job_ok ("{\"id\": \"" JD_TEST_JOB_ID "\", \"messages\": ["
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
  jd_test_assert_message (messages, 0, 0x40000003, JD_MESSAGE_SEVERITY_ERROR, "transient error", 3);
  first = g_list_model_get_item (G_LIST_MODEL (messages), 0);
  g_assert_true (jd_job_message_get_transient (first));
  jd_test_assert_message (messages, 1, 21, JD_MESSAGE_SEVERITY_ERROR, "code as a string", 12);
  jd_test_assert_message (messages, 2, 9, JD_MESSAGE_SEVERITY_FILE, "code as a double", -1);
  jd_test_assert_message (messages, 3, 0, JD_MESSAGE_SEVERITY_INFO, "negative code", JD_JOB_MESSAGE_NO_TOOL);
  jd_test_assert_message (messages, 4, 0, JD_MESSAGE_SEVERITY_INFO, "no code", JD_JOB_MESSAGE_NO_TOOL);
  jd_test_assert_message (messages, 5, 2, JD_MESSAGE_SEVERITY_WARNING, NULL, JD_JOB_MESSAGE_NO_TOOL);
  jd_test_assert_message (messages, 6, 5, JD_MESSAGE_SEVERITY_WARNING, "42", JD_JOB_MESSAGE_NO_TOOL);

  g_clear_object (&first);
  g_assert_finalize_object (job);
}

static void
test_job_id_required (void)
{
  g_autofree char *long_id = g_strnfill (300, 'a');
  g_autofree char *long_json = g_strdup_printf ("{\"id\": \"%s\"}", long_id);
  const char *message = "The server’s answer does not say which job it is.";

  jd_test_assert_job_refused ("{\"status\": \"Completed\"}", message);
  jd_test_assert_job_refused ("{\"id\": 12345}", message);
  jd_test_assert_job_refused ("{\"id\": null}", message);
  jd_test_assert_job_refused ("{\"id\": \"\"}", message);
  jd_test_assert_job_refused ("{\"id\": \"66ebd18d 3d62\"}", message);
  jd_test_assert_job_refused ("{\"id\": \"66ebd18d\\n3d62\"}", message);
  jd_test_assert_job_refused ("{\"id\": \"caf\\u00e9\"}", message);
  jd_test_assert_job_refused (long_json, message);
  jd_test_assert_job_refused ("{\"id\": [\"" JD_TEST_JOB_ID "\"]}", message);
}

static void
test_job_member_case (void)
{
  JdJob *job = jd_test_read_job_ok ("{\"Id\": \"" JD_TEST_JOB_ID "\", \"Status\": \"Queued\", \"RunWithE2\": true,"
                            " \"Messages\": [{\"Status\": 3, \"Text\": \"x\", \"ToolId\": 1}]}");

  g_assert_cmpstr (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), ==, JD_TEST_JOB_ID);
  g_assert_cmpint (jd_job_summary_get_state (JD_JOB_SUMMARY (job)), ==, JD_JOB_STATE_QUEUED);
  g_assert_true (jd_job_summary_get_run_with_e2 (JD_JOB_SUMMARY (job)));
  g_assert_cmpuint (g_list_model_get_n_items (jd_job_get_messages (job)), ==, 1);
  jd_test_assert_message (JD_MESSAGE_LIST (jd_job_get_messages (job)), 0, 3, JD_MESSAGE_SEVERITY_ERROR, "x", 1);
  g_assert_finalize_object (job);

  /* the exact name wins over another case */
  job = jd_test_read_job_ok ("{\"ID\": \"aaaaaaaaaaaaaaaaaaaaaaaa\", \"id\": \"" JD_TEST_JOB_ID "\"}");
  g_assert_cmpstr (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), ==, JD_TEST_JOB_ID);
  g_assert_finalize_object (job);
}

static void
test_job_create_date (void)
{
  JdJob *job = jd_test_read_job_ok ("{\"id\": \"" JD_TEST_JOB_ID "\", \"createDate\": \"2024-09-19T12:02:54+02:00\"}");

  jd_test_assert_date (jd_job_summary_get_created (JD_JOB_SUMMARY (job)), "2024-09-19T10:02:54.000000Z");
  g_assert_finalize_object (job);

  job = jd_test_read_job_ok ("{\"id\": \"" JD_TEST_JOB_ID "\", \"createDateTime\": \"yesterday\"}");
  g_assert_null (jd_job_summary_get_created (JD_JOB_SUMMARY (job)));
  g_assert_finalize_object (job);
}

static void
test_job_outputs_tolerant (void)
{
  JdJob *job = jd_test_read_job_ok ("{\"id\": \"" JD_TEST_JOB_ID "\", \"outputs\": ["
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
  JdJob *job = jd_test_read_job_ok ("{\"id\": \"" JD_TEST_JOB_ID "\", \"status\": \"Run\\ud800ning\","
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
  JdJob *job = jd_test_read_job_ok ("{\"id\": \"" JD_TEST_JOB_ID "\","
                            " \"messages\": [{\"status\": 3, \"text\": \"first\"}],"
                            " \"messages\": [{\"status\": 2, \"text\": \"second\"}, {\"status\": 1}]}");
  JdMessageList *messages = JD_MESSAGE_LIST (jd_job_get_messages (job));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (messages)), ==, 2);
  g_assert_cmpstr (jd_message_list_get_text (messages, 0), ==, "second");
  g_assert_finalize_object (job);

  job = jd_test_read_job_ok ("{\"id\": \"" JD_TEST_JOB_ID "\","
                     " \"messages\": [{\"status\": 3, \"text\": \"first\"}], \"messages\": null}");
  g_assert_false (jd_job_get_messages_included (job));
  g_assert_finalize_object (job);
}

static void
test_job_escaped_member_name (void)
{
  /* "messag\u0065s" is "messages" too, though the bytes differ */
  JdJob *job = jd_test_read_job_ok ("{\"id\": \"" JD_TEST_JOB_ID "\", \"messag\\u0065s\": ["
                            "{\"status\": 3, \"text\": \"escaped\", \"toolId\": 2}]}");
  JdMessageList *messages = JD_MESSAGE_LIST (jd_job_get_messages (job));

  g_assert_true (jd_job_get_messages_included (job));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (messages)), ==, 1);
  jd_test_assert_message (messages, 0, 3, JD_MESSAGE_SEVERITY_ERROR, "escaped", 2);
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
  jd_test_assert_message (messages, 0, 1, JD_MESSAGE_SEVERITY_INFO,
                  "Tool 0: record batch 000000 of C:\\data\\sales_0000.yxdb was read in full", -1);
  jd_test_assert_message (messages, 99999, 0x40000004, JD_MESSAGE_SEVERITY_INFO,
                  "Tool 99: record batch 099999 of C:\\data\\sales_0999.yxdb was read in full", 98);
  g_assert_cmpuint (g_list_model_get_n_items (jd_job_get_outputs (job)), ==, 1);
  g_assert_cmpint (jd_job_summary_get_disposition_kind (JD_JOB_SUMMARY (job)), ==, JD_DISPOSITION_WARNING);

  g_assert_finalize_object (job);
}

/* What a job could not read, counted */

static void
test_job_unreadable_counted (void)
{
  JdJob *job = jd_test_read_job_ok ("{\"id\": \"" JD_TEST_JOB_ID "\", \"outputs\": ["
                            "{\"id\": \"o1\", \"fileName\": \"a.csv\"}, 7, \"b.csv\", {}, {\"availableFormats\": [\"Raw\"]},"
                            "{\"fileName\": \"c.csv\"}],"
                            " \"messages\": [{\"status\": 3, \"text\": \"x\"}, 1, null, [2], {}]}");
  g_autoptr(JdJob) clean = read_job_file ("job-success.json");
  g_autoptr(JdMessageList) more = NULL;
  g_autoptr(GBytes) more_bytes = jd_test_bytes_from_string ("[\"one\", {\"status\": 1}, \"two\", \"three\"]");
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

  return g_test_run ();
}
