/* test-json-reader-malformed.c: answers that are no JSON, or JSON that
 * would hurt (empty, truncated, HTML, wrong roots, invalid UTF-8, deep
 * nesting, random damage): every reader refuses them with BAD_RESPONSE
 * and never crashes; what is merely unusual (a byte order mark, nesting
 * within the limit) is read. */
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
  g_autoptr(GBytes) bytes = jd_test_bytes_from_string (text);

  assert_all_readers_refuse (bytes);
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
    "Hello", "OK", "{'id': 'x'}", "var job = {\"id\": \"" JD_TEST_JOB_ID "\"};",
    "/* c */ {\"id\": \"" JD_TEST_JOB_ID "\"}", "{\"id\": \"" JD_TEST_JOB_ID "\",}", "{\"id\" \"x\"}",
    "{\"a\": NaN}", "{\"a\": 0x10}", "[1 2]", "{\"id\": \"" JD_TEST_JOB_ID "\"} trailing",
    "{} {}", "{\"id\": \"" JD_TEST_JOB_ID "\"}]", "]", "\"unterminated", "{\"a\": \"b\\\"}",
    "<?xml version=\"1.0\"?><JobView><Id>1</Id></JobView>",
    "1 2", "1 {\"id\": \"" JD_TEST_JOB_ID "\"}", "\"a\" \"b\"", "true false",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_all_readers_refuse_string (texts[i]);

  jd_test_assert_job_refused ("Hello", "The server’s answer is not valid JSON.");
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
  jd_test_assert_job_refused ("[]", "The server’s answer is not a job.");
  jd_test_assert_job_refused ("[{\"id\": \"" JD_TEST_JOB_ID "\"}]", "The server’s answer is not a job.");
  jd_test_assert_job_refused ("42", "The server’s answer is not a job.");
  jd_test_assert_job_refused ("\"" JD_TEST_JOB_ID "\"", "The server’s answer is not a job.");
  jd_test_assert_job_refused ("null", "The server’s answer is not a job.");
  jd_test_assert_job_refused ("true", "The server’s answer is not a job.");
}

static void
test_malformed_invalid_utf8 (void)
{
  static const char bad[] = "{\"id\": \"" JD_TEST_JOB_ID "\", \"status\": \"Compl\xff\xfe" "ted\"}";
  static const char nul[] = "{\"id\": \"" JD_TEST_JOB_ID "\", \"status\": \"Comp\0leted\"}";
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
  g_autoptr(GString) closed = g_string_new ("{\"id\": \"" JD_TEST_JOB_ID "\", \"x\": ");
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
  job = jd_test_read_job_string (closed->str, &error);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE);
  g_assert_cmpstr (error->message, ==, "The server’s answer is nested too deeply to read.");
}

static void
test_nesting_within_limit (void)
{
  g_autoptr(GString) json = g_string_new ("{\"id\": \"" JD_TEST_JOB_ID "\", \"x\": ");
  g_autofree char *brackets = g_strnfill (100000, '[');
  g_autofree char *in_string = g_strdup_printf ("{\"id\": \"" JD_TEST_JOB_ID "\", \"text\": \"%s\"}", brackets);
  JdJob *job;

  for (guint i = 0; i < 500; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < 500; i++)
    g_string_append_c (json, ']');
  g_string_append_c (json, '}');

  job = jd_test_read_job_ok (json->str);
  g_assert_finalize_object (job);

  /* brackets inside a string are text, not nesting */
  job = jd_test_read_job_ok (in_string);
  g_assert_finalize_object (job);
}

static void
test_byte_order_mark (void)
{
  JdJob *job = jd_test_read_job_ok ("\xef\xbb\xbf{\"id\": \"" JD_TEST_JOB_ID "\"}");

  g_assert_cmpstr (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), ==, JD_TEST_JOB_ID);
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

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

  return g_test_run ();
}
