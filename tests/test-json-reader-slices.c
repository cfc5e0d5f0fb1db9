/* test-json-reader-slices.c: a big messages array, read in slices on a
 * thread pool, gives exactly what one parser gives: the same messages in
 * the same order, the same unreadable count, the same refusals.
 *
 * Arrays above 20,000 elements (or 2 MB) are cut every 8,192 elements;
 * the documents here are built to be cut, with texts and fields that hold
 * the characters the cutting looks for.
 */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "jd-client-error.h"
#include "jd-job.h"
#include "jd-json-reader.h"
#include "jd-message-list.h"
#include "jd-test-util.h"

/* the reader's slice length (jd-json-document.c) */
#define SLICE 8192

/* Message i as the test writes it; every 997th element is no message. */
static gboolean
message_is_unreadable (guint i)
{
  return i % 997 == 996;
}

static void
append_element (GString *json,
                guint    i)
{
  if (message_is_unreadable (i))
    {
      /* a number, a string with brackets and commas, null, an array */
      static const char *const others[] = { "42", "\"],[{,\"", "null", "[1,[2,{\"a\":\"]\"}]]" };

      g_string_append (json, others[(i / 997) % G_N_ELEMENTS (others)]);
      return;
    }

  /* commas, brackets, braces, escaped quotes and backslashes in strings;
   * a nested array and object in a field the reader does not know */
  g_string_append_printf (json,
                          "{\"status\":%u,\"text\":\"m%u, [x] {y} \\\"q\\\" \\\\ \\u00e9 ],\","
                          "\"toolId\":%d,\"extra\":[1,[%u,\",\"],{\"k\":\"}\"}]}",
                          i % 5, i, (int) (i % 7) - 1, i);
}

static char *
expected_text (guint i)
{
  return g_strdup_printf ("m%u, [x] {y} \"q\" \\ \u00e9 ],", i);
}

/* {"id":…,"status":…,"messages":[ n elements ],"outputs":[]} */
static GBytes *
build_job (guint       n,
           const char *after_last)
{
  GString *json = g_string_new ("{\"id\":\"66ebd18d3d6200007e000d97\",\"status\":\"Completed\",\"messages\":[");

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (json, ",\n ");
      append_element (json, i);
    }
  g_string_append (json, after_last);
  g_string_append (json, "],\"outputs\":[],\"disposition\":\"Success\"}");

  return g_string_free_to_bytes (json);
}

static void
assert_messages (GListModel *model,
                 guint       n)
{
  JdMessageList *list = JD_MESSAGE_LIST (model);
  guint unreadable = 0;
  guint position = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = NULL;

      if (message_is_unreadable (i))
        {
          unreadable++;
          continue;
        }

      text = expected_text (i);
      g_assert_cmpuint (jd_message_list_get_code (list, position), ==, i % 5);
      g_assert_cmpint (jd_message_list_get_tool_id (list, position), ==, (int) (i % 7) - 1);
      g_assert_cmpstr (jd_message_list_get_text (list, position), ==, text);
      position++;
    }

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n - unreadable);
  g_assert_cmpuint (jd_message_list_get_n_unreadable (list), ==, unreadable);
}

static void
assert_job_reads (guint n)
{
  g_autoptr(GBytes) bytes = build_job (n, "");
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = jd_json_read_job (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (job);
  g_assert_true (jd_job_get_messages_included (job));
  /* what comes after the array is read too */
  g_assert_cmpstr (jd_job_summary_get_disposition (JD_JOB_SUMMARY (job)), ==, "Success");
  g_assert_cmpuint (jd_job_get_n_unreadable_messages (job), ==, n / 997);
  assert_messages (jd_job_get_messages (job), n);
}

/* Three full slices and one of a single element; then many slices (in
 * runs under valgrind or the sanitizers, which are some hundred times
 * slower here, six: still more slices than threads). */
static void
test_job_same_as_one_parser (void)
{
  assert_job_reads (3 * SLICE + 1);
  assert_job_reads (jd_test_slowdown () > 1 ? 6 * SLICE + 5 : 100000);
}

/* Below the threshold nothing is cut; the same document reads the same. */
static void
test_small_array_not_cut (void)
{
  assert_job_reads (SLICE - 1);
  assert_job_reads (20000);
}

/* One thread (all on the caller) and two read the same. */
static void
test_thread_counts_agree (void)
{
  static const char *const settings[] = { "1", "2", "3", "not a number" };

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      g_setenv ("JD_PARSE_THREADS", settings[i], TRUE);
      assert_job_reads ((jd_test_slowdown () > 1 ? 3 : 5) * SLICE + 17);
    }

  g_unsetenv ("JD_PARSE_THREADS");
}

static void
assert_refused (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = jd_json_read_job (bytes, &error);

  g_assert_null (job);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE);
}

/* A stray comma is refused as one parser refuses it, also where it makes
 * a slice of its own: a trailing comma that is the cut, ",," in a slice,
 * and a broken element inside one slice. */
static void
test_stray_commas_refused (void)
{
  g_autoptr(GBytes) small_trailing = build_job (10, ",");
  g_autoptr(GBytes) trailing_at_cut = build_job (3 * SLICE, ",");
  g_autoptr(GBytes) trailing = build_job (3 * SLICE + 5, ",");
  g_autoptr(GBytes) broken = NULL;
  g_autoptr(GBytes) doubled = NULL;
  GString *json;
  char *middle;

  assert_refused (small_trailing);
  assert_refused (trailing_at_cut);
  assert_refused (trailing);

  /* a comma doubled at the first cut */
  json = g_string_new (g_bytes_get_data (trailing, NULL));
  g_string_truncate (json, json->len - strlen (",],\"outputs\":[],\"disposition\":\"Success\"}"));
  g_string_append (json, "],\"outputs\":[],\"disposition\":\"Success\"}");
  middle = strstr (json->str, "m8191,");
  g_assert_nonnull (middle);
  middle = strstr (middle, ",\n ");
  g_assert_nonnull (middle);
  g_string_insert (json, middle - json->str, ",");
  doubled = g_string_free_to_bytes (json);
  assert_refused (doubled);

  /* an element json-glib refuses, deep in the array */
  json = g_string_new (NULL);
  {
    g_autoptr(GBytes) good = build_job (4 * SLICE, "");
    const char *data = g_bytes_get_data (good, NULL);
    const char *element = strstr (data, "{\"status\":0,\"text\":\"m30000,");

    g_assert_nonnull (element);
    g_string_append_len (json, data, element - data);
    g_string_append (json, "{\"status\":tru}");
    g_string_append (json, strchr (element, '\n') - 1);
  }
  broken = g_string_free_to_bytes (json);
  assert_refused (broken);
}

/* GET /v3/jobs/{id}/messages: a root array is cut the same way. */
static void
test_messages_endpoint (void)
{
  g_autoptr(GBytes) job = build_job (30000, "");
  const char *data = g_bytes_get_data (job, NULL);
  const char *open = strchr (data, '[');
  const char *close = strstr (data, "],\"outputs\"");
  g_autoptr(GBytes) array = g_bytes_new (open, close - open + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) messages = jd_json_read_messages (array, &error);

  g_assert_no_error (error);
  assert_messages (messages, 30000);
}

/* Two arrays named messages: nothing is cut, and the one of the exact
 * name is read, as before. */
static void
test_two_messages_members (void)
{
  g_autoptr(GBytes) job = build_job (25000, "");
  GString *json = g_string_new (g_bytes_get_data (job, NULL));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) read = NULL;

  g_string_insert (json, 1, "\"Messages\":[{\"status\":3,\"text\":\"other\"}],");
  bytes = g_string_free_to_bytes (json);
  read = jd_json_read_job (bytes, &error);

  g_assert_no_error (error);
  assert_messages (jd_job_get_messages (read), 25000);
}

/* Every job of tests/data with messages, its array repeated past the
 * threshold, reads as that many copies of what it reads once. */
static void
test_data_files_repeated (void)
{
  static const char *const files[] = { "job-success.json", "job-unknown-fields.json" };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autoptr(GBytes) original = jd_test_load_data (files[f]);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(JdJob) once = NULL;
      g_autoptr(JdJob) repeated = NULL;
      g_autoptr(GBytes) once_bytes = NULL;
      g_autoptr(GBytes) repeated_bytes = NULL;
      JsonObject *root;
      JsonArray *messages;
      JsonArray *many;
      JdMessageList *one_list;
      JdMessageList *many_list;
      guint length;
      guint copies;
      char *text;

      g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (original, NULL),
                                                 g_bytes_get_size (original), &error));
      g_assert_no_error (error);
      root = json_node_get_object (json_parser_get_root (parser));
      g_assert_true (json_object_has_member (root, "messages"));
      messages = json_object_get_array_member (root, "messages");
      length = json_array_get_length (messages);
      g_assert_cmpuint (length, >, 0);

      json_generator_set_root (generator, json_parser_get_root (parser));
      text = json_generator_to_data (generator, NULL);
      once_bytes = g_bytes_new_take (text, strlen (text));

      copies = 20001 / length + 1;
      many = json_array_sized_new (copies * length);
      for (guint c = 0; c < copies; c++)
        for (guint i = 0; i < length; i++)
          json_array_add_element (many, json_node_copy (json_array_get_element (messages, i)));
      json_object_set_array_member (root, "messages", many);
      text = json_generator_to_data (generator, NULL);
      repeated_bytes = g_bytes_new_take (text, strlen (text));

      once = jd_json_read_job (once_bytes, &error);
      g_assert_no_error (error);
      repeated = jd_json_read_job (repeated_bytes, &error);
      g_assert_no_error (error);

      one_list = JD_MESSAGE_LIST (jd_job_get_messages (once));
      many_list = JD_MESSAGE_LIST (jd_job_get_messages (repeated));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (many_list)), ==,
                        copies * g_list_model_get_n_items (G_LIST_MODEL (one_list)));
      g_assert_cmpuint (jd_message_list_get_n_unreadable (many_list), ==,
                        copies * jd_message_list_get_n_unreadable (one_list));
      g_assert_cmpstr (jd_job_summary_get_status (JD_JOB_SUMMARY (repeated)), ==,
                       jd_job_summary_get_status (JD_JOB_SUMMARY (once)));

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (many_list)); i++)
        {
          guint j = i % g_list_model_get_n_items (G_LIST_MODEL (one_list));

          g_assert_cmpuint (jd_message_list_get_code (many_list, i), ==, jd_message_list_get_code (one_list, j));
          g_assert_cmpint (jd_message_list_get_tool_id (many_list, i), ==, jd_message_list_get_tool_id (one_list, j));
          g_assert_cmpstr (jd_message_list_get_text (many_list, i), ==, jd_message_list_get_text (one_list, j));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/api/json-reader/slices/job-same-as-one-parser", test_job_same_as_one_parser);
  g_test_add_func ("/api/json-reader/slices/small-array-not-cut", test_small_array_not_cut);
  g_test_add_func ("/api/json-reader/slices/thread-counts-agree", test_thread_counts_agree);
  g_test_add_func ("/api/json-reader/slices/stray-commas-refused", test_stray_commas_refused);
  g_test_add_func ("/api/json-reader/slices/messages-endpoint", test_messages_endpoint);
  g_test_add_func ("/api/json-reader/slices/two-messages-members", test_two_messages_members);
  g_test_add_func ("/api/json-reader/slices/data-files-repeated", test_data_files_repeated);

  return g_test_run ();
}
