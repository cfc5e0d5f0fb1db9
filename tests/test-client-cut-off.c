/* test-client-cut-off.c: a job larger than the client reads shows its
 * first messages. jd_json_close_cut_off () mends a prefix cut at every
 * kind of place (in a string, in a message, between messages, after the
 * array, before it), and the client, given a small limit, reads the
 * sample server's large jobs up to it, over real HTTP, for both the job
 * and its messages endpoint.
 */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "jd-client.h"
#include "jd-client-error.h"
#include "jd-demo-server.h"
#include "jd-job.h"
#include "jd-job-message.h"
#include "jd-json-cut-off.h"
#include "jd-message-list.h"
#include "jd-test-util.h"

#define WAIT_MS 20000

static const char job_json[] =
  "{\"id\":\"66ebd18d3d6200007e000d96\",\"status\":\"Completed\","
  "\"messages\":["
  "{\"status\":3,\"text\":\"one, [two] {three} \\\"q\\\"\",\"toolId\":1},"
  "{\"status\":1,\"text\":\"four\",\"toolId\":2},"
  "{\"status\":2,\"text\":\"five ]}\",\"toolId\":3}"
  "],"
  "\"outputs\":[{\"id\":\"o1\",\"fileName\":\"a.csv\"}],"
  "\"disposition\":\"Success\"}";

/* Closes the first length bytes of json; NULL when it cannot. */
static char *
close_prefix (const char *json,
              gsize       length,
              gboolean   *in_messages)
{
  g_autoptr(GBytes) prefix = g_bytes_new (json, length);
  g_autoptr(GBytes) closed = jd_json_close_cut_off (prefix, in_messages);
  gsize size = 0;
  const char *data;

  if (closed == NULL)
    return NULL;
  data = g_bytes_get_data (closed, &size);
  return g_strndup (data, size);
}

/* How many messages the closed text holds; it must be valid JSON. */
static guint
count_messages (const char *closed)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  g_assert_true (json_parser_load_from_data (parser, closed, -1, &error));
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  if (JSON_NODE_HOLDS_ARRAY (root))
    return json_array_get_length (json_node_get_array (root));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_array_get_length (json_object_get_array_member (json_node_get_object (root), "messages"));
}

static void
test_close_every_cut (void)
{
  const char *messages = strstr (job_json, "\"messages\":[") + strlen ("\"messages\":[");
  gsize open = messages - job_json;
  const char *array_end = strstr (job_json, "],\"outputs\"") + 1;
  gsize closed_at = array_end - job_json;
  guint seen_counts[4] = { 0 };

  /* every prefix shorter than the whole */
  for (gsize length = 1; length < strlen (job_json); length++)
    {
      gboolean in_messages = FALSE;
      g_autofree char *closed = close_prefix (job_json, length, &in_messages);
      guint n;

      if (length < open)
        {
          /* before the array: nothing to show */
          g_assert_null (closed);
          continue;
        }

      g_assert_nonnull (closed);
      n = count_messages (closed);
      g_assert_cmpuint (n, <=, 3);
      seen_counts[n]++;
      g_assert_true (in_messages == (length < closed_at));
      if (length >= closed_at)
        {
          /* all three, and the members that had ended */
          g_assert_cmpuint (n, ==, 3);
          g_assert_true (g_str_has_prefix (closed, "{\"id\":\"66ebd18d3d6200007e000d96\""));
        }
      /* what came before the cut is kept as it was */
      g_assert_cmpint (strncmp (closed, job_json, strlen (closed) - (in_messages ? 2 : 1)), ==, 0);
    }

  /* an empty array, then each message as it completes */
  for (guint n = 0; n < G_N_ELEMENTS (seen_counts); n++)
    g_assert_cmpuint (seen_counts[n], >, 0);

  /* the whole answer is no cut */
  g_assert_null (close_prefix (job_json, strlen (job_json), NULL));
}

static void
test_close_messages_array (void)
{
  static const char json[] = "\xef\xbb\xbf[{\"status\":1,\"text\":\"a\"},{\"status\":2,\"text\":\"b\"},{\"status\":3";
  gboolean in_messages = FALSE;
  g_autofree char *one = close_prefix (json, strlen (json) - strlen (",{\"status\":2,\"text\":\"b\"},{\"status\":3"), &in_messages);
  g_autofree char *two = close_prefix (json, strlen (json), &in_messages);

  g_assert_cmpstr (one, ==, "[{\"status\":1,\"text\":\"a\"}]");
  g_assert_cmpstr (two, ==, "[{\"status\":1,\"text\":\"a\"},{\"status\":2,\"text\":\"b\"}]");
  g_assert_true (in_messages);
}

static void
test_close_refuses (void)
{
  /* no messages array; another array first; not JSON; two roots */
  static const char *const refused[] = {
    "{\"id\":\"x\",\"status\":\"Comp",
    "{\"outputs\":[{\"id\":\"o1\"},{\"id\":\"o2",
    "{\"id\":\"x\"}{\"messages\":[{}",
    "<html><body>",
    "",
    "   ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    g_assert_null (close_prefix (refused[i], strlen (refused[i]), NULL));

  /* "messages" nested deeper than the root is not the job's */
  {
    static const char nested[] = "{\"x\":{\"messages\":[{\"a\":1},";

    g_assert_null (close_prefix (nested, strlen (nested), NULL));
  }
}

/* ------------------------------------------------------------------ */

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
  JdTestAsync async = { 0 };

  fixture->server = jd_demo_server_new ();
  jd_demo_server_start_thread (fixture->server, 0, &error);
  g_assert_no_error (error);

  fixture->client = jd_client_new (NULL, jd_demo_server_get_base_url (fixture->server));
  jd_client_set_timeout (fixture->client, 10);
  jd_client_set_api_key (fixture->client, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
  jd_client_sign_in_async (fixture->client, NULL, jd_test_async_ready_cb, &async);
  g_assert_true (jd_client_sign_in_finish (fixture->client, jd_test_wait_result (&async, WAIT_MS), &error));
  g_assert_no_error (error);
  jd_test_async_clear (&async);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  jd_test_spin_for (20);
  g_assert_finalize_object (fixture->client);
  jd_demo_server_stop (fixture->server);
  g_assert_finalize_object (fixture->server);
}

/* The first n messages are the full list's first n, field by field. */
static void
assert_same_start (GListModel *part,
                   GListModel *whole)
{
  guint n = g_list_model_get_n_items (part);

  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, g_list_model_get_n_items (whole));
  for (guint i = 0; i < n; i += MAX (1, n / 50))
    {
      g_autoptr(JdJobMessage) a = g_list_model_get_item (part, i);
      g_autoptr(JdJobMessage) b = g_list_model_get_item (whole, i);

      g_assert_cmpstr (jd_job_message_get_text (a), ==, jd_job_message_get_text (b));
      g_assert_cmpint (jd_job_message_get_tool_id (a), ==, jd_job_message_get_tool_id (b));
      g_assert_cmpint (jd_job_message_get_severity (a), ==, jd_job_message_get_severity (b));
    }
}

static void
test_job_cut_off (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) whole = jd_test_get_job (fixture->client, JD_DEMO_JOB_MANY_MESSAGES, TRUE, &error);
  g_autoptr(JdJob) part = NULL;
  GListModel *messages;

  g_assert_no_error (error);
  g_assert_false (jd_message_list_get_cut_off (JD_MESSAGE_LIST (jd_job_get_messages (whole))));
  g_assert_nonnull (jd_job_get_raw_json (whole));

  jd_client_set_max_response_size (fixture->client, 64 * 1024);
  part = jd_test_get_job (fixture->client, JD_DEMO_JOB_MANY_MESSAGES, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jd_job_summary_get_id (JD_JOB_SUMMARY (part)), ==, JD_DEMO_JOB_MANY_MESSAGES);
  messages = jd_job_get_messages (part);
  g_assert_true (JD_IS_MESSAGE_LIST (messages));
  g_assert_true (jd_message_list_get_cut_off (JD_MESSAGE_LIST (messages)));
  assert_same_start (messages, jd_job_get_messages (whole));
  /* not the Server's whole answer: nothing to copy as its JSON */
  g_assert_null (jd_job_get_raw_json (part));
}

static void
test_messages_cut_off (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) whole = jd_test_get_job_messages (fixture->client, JD_DEMO_JOB_MANY_MESSAGES, &error);
  g_autoptr(GListModel) part = NULL;

  g_assert_no_error (error);
  g_assert_false (jd_message_list_get_cut_off (JD_MESSAGE_LIST (whole)));

  jd_client_set_max_response_size (fixture->client, 32 * 1024);
  part = jd_test_get_job_messages (fixture->client, JD_DEMO_JOB_MANY_MESSAGES, &error);
  g_assert_no_error (error);
  g_assert_true (jd_message_list_get_cut_off (JD_MESSAGE_LIST (part)));
  assert_same_start (part, whole);
}

static void
test_cut_before_messages (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;

  /* a limit that ends before the messages begin: too large, as before */
  jd_client_set_max_response_size (fixture->client, 40);
  job = jd_test_get_job (fixture->client, JD_DEMO_JOB_MANY_MESSAGES, TRUE, &error);
  g_assert_null (job);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE);
  g_clear_error (&error);

  /* and a job fetched without messages is never mended */
  jd_client_set_max_response_size (fixture->client, 100);
  job = jd_test_get_job (fixture->client, JD_DEMO_JOB_MANY_MESSAGES, FALSE, &error);
  g_assert_null (job);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/api/cut-off/close/every-cut", test_close_every_cut);
  g_test_add_func ("/api/cut-off/close/messages-array", test_close_messages_array);
  g_test_add_func ("/api/cut-off/close/refuses", test_close_refuses);
  g_test_add ("/api/cut-off/client/job", Fixture, NULL, fixture_set_up, test_job_cut_off, fixture_tear_down);
  g_test_add ("/api/cut-off/client/messages", Fixture, NULL, fixture_set_up, test_messages_cut_off, fixture_tear_down);
  g_test_add ("/api/cut-off/client/before-messages", Fixture, NULL, fixture_set_up, test_cut_before_messages, fixture_tear_down);

  return g_test_run ();
}
