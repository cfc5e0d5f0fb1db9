/* test-demo-server.c: what JdDemoServer answers, over real HTTP: tokens,
 * authorization, the rest of its surface (methods, unknown paths, the
 * Swagger document, the legacy Server), its data and logging, and the
 * jobdesk-demo-server executable.
 *
 * Most tests run the server in its own thread and talk to it with a plain
 * synchronous SoupSession (jd-test-demo.c), so that each reads top to
 * bottom like a curl session; one runs it in the test's main context with
 * asynchronous requests, and one runs the executable. Jobs are in
 * test-demo-server-jobs.c, lists and downloads in
 * test-demo-server-lists.c.
 */
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

/* Tokens                                                              */

static void
test_token_form_body (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(Reply) reply = harness_send (h, "POST", "/oauth2/token", NULL,
                                         "grant_type=client_credentials&client_id=demo&client_secret=demo");
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  g_assert_cmpuint (reply->status, ==, 200);
  root = reply_json (reply);
  object = node_object (root);
  g_assert_cmpuint (strlen (json_object_get_string_member (object, "access_token")), >=, 32);
  g_assert_cmpstr (json_object_get_string_member (object, "token_type"), ==, "bearer");
  g_assert_cmpint (json_object_get_int_member (object, "expires_in"), ==, 3599);
  g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "Cache-Control"), ==, "no-store");

  /* Every token is new. */
  g_assert_cmpstr (json_object_get_string_member (object, "access_token"), !=, h->token);
}

static void
test_token_basic (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autofree char *uri = g_strconcat (jd_demo_server_get_base_url (h->server), "/oauth2/token", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
  g_autoptr(GBytes) form = g_bytes_new_static ("grant_type=client_credentials", strlen ("grant_type=client_credentials"));
  g_autofree char *credentials = g_base64_encode ((const guchar *) "demo:demo", strlen ("demo:demo"));
  g_autofree char *authorization = g_strconcat ("Basic ", credentials, NULL);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
  soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", form);
  body = soup_session_send_and_read (h->session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);

  text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  g_assert_nonnull (strstr (text, "\"access_token\":\""));
}

static void
test_token_bad_secret (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(Reply) reply = harness_send (h, "POST", "/oauth2/token", NULL,
                                         "grant_type=client_credentials&client_id=demo&client_secret=wrong");
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  g_assert_cmpuint (reply->status, ==, 400);
  root = reply_json (reply);
  object = node_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "error"), ==, "invalid_client");
  g_assert_nonnull (json_object_get_string_member_with_default (object, "error_description", NULL));
  g_assert_false (json_object_has_member (object, "access_token"));
}

static void
test_token_unsupported_grant_type (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(Reply) reply = harness_send (h, "POST", "/oauth2/token", NULL,
                                         "grant_type=password&username=demo&password=demo");
  g_autoptr(JsonNode) root = NULL;

  g_assert_cmpuint (reply->status, ==, 400);
  root = reply_json (reply);
  g_assert_cmpstr (json_object_get_string_member (node_object (root), "error"), ==, "unsupported_grant_type");
}

static void
test_token_basic_only (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(Reply) reply = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *uri = g_strconcat (jd_demo_server_get_base_url (h->server), "/oauth2/token", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
  g_autoptr(GBytes) form = g_bytes_new_static ("grant_type=client_credentials", strlen ("grant_type=client_credentials"));
  g_autofree char *credentials = g_base64_encode ((const guchar *) "viewer:viewer", strlen ("viewer:viewer"));
  g_autofree char *authorization = g_strconcat ("Basic ", credentials, NULL);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  jd_demo_server_set_basic_auth_only (h->server, TRUE);

  reply = harness_send (h, "POST", "/oauth2/token", NULL,
                        "grant_type=client_credentials&client_id=demo&client_secret=demo");
  g_assert_cmpuint (reply->status, ==, 400);
  root = reply_json (reply);
  g_assert_cmpstr (json_object_get_string_member (node_object (root), "error"), ==, "invalid_request");

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
  soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", form);
  body = soup_session_send_and_read (h->session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
}

static void
test_token_wrong_method (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(Reply) reply = harness_get (h, "/oauth2/token", NULL);

  g_assert_cmpuint (reply->status, ==, 405);
  g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "Allow"), ==, "POST");
}

/* ------------------------------------------------------------------ */
/* Authorization                                                       */

static void
test_auth_no_token (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(Reply) reply = harness_get (h, "/v3/jobs/" JD_DEMO_JOB_SUCCESS, NULL);
  g_autoptr(Reply) made_up = harness_get (h, "/v3/jobs/" JD_DEMO_JOB_SUCCESS, "not-a-token");

  reply_assert_message (reply, 401, DENIED);
  g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "WWW-Authenticate"), ==, "Bearer");
  reply_assert_message (made_up, 401, DENIED);
}

static void
test_auth_token_lifetime (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(Reply) before = NULL;
  g_autoptr(Reply) after = NULL;
  g_autoptr(Reply) old_token = NULL;
  g_autofree char *token = NULL;

  /* 1 s, stretched in slow runs: under valgrind the token request and
   * the first lookup may together take a good part of a second, and that
   * lookup must come while the token is still good */
  jd_demo_server_set_token_lifetime (h->server, jd_test_slowdown ());
  token = harness_request_token (h, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);

  before = harness_get (h, "/v3/jobs/" JD_DEMO_JOB_SUCCESS, token);
  g_assert_cmpuint (before->status, ==, 200);

  g_usleep ((jd_test_slowdown () * 1000 + 200) * 1000);
  after = harness_get (h, "/v3/jobs/" JD_DEMO_JOB_SUCCESS, token);
  reply_assert_message (after, 401, DENIED);

  /* Tokens issued before the change keep their hour. */
  old_token = harness_get (h, "/v3/jobs/" JD_DEMO_JOB_SUCCESS, h->token);
  g_assert_cmpuint (old_token->status, ==, 200);
}

static void
test_auth_expire_tokens (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(Reply) expired = NULL;
  g_autoptr(Reply) renewed = NULL;
  g_autofree char *token = NULL;

  jd_demo_server_expire_tokens (h->server);
  expired = harness_get (h, "/v3/jobs/" JD_DEMO_JOB_SUCCESS, h->token);
  reply_assert_message (expired, 401, DENIED);

  token = harness_request_token (h, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
  renewed = harness_get (h, "/v3/jobs/" JD_DEMO_JOB_SUCCESS, token);
  g_assert_cmpuint (renewed->status, ==, 200);
}

/* The rest of the surface                                             */

static void
test_swagger (void)
{
  static const char *const paths[] = { "//swagger/docs/3", "/swagger/docs/3" };
  g_autoptr(Harness) h = harness_new ();

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(Reply) reply = harness_get (h, paths[i], NULL);
      g_autoptr(JsonNode) root = NULL;
      JsonObject *info;

      g_assert_cmpuint (reply->status, ==, 200);
      root = reply_json (reply);
      g_assert_cmpstr (json_object_get_string_member (node_object (root), "swagger"), ==, "2.0");
      info = json_object_get_object_member (node_object (root), "info");
      g_assert_cmpstr (json_object_get_string_member (info, "title"), ==, "Alteryx Server API V3");
    }
}

static void
test_not_found_and_wrong_method (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(Reply) nothing = harness_get (h, "/v4/jobs", h->token);
  g_autoptr(Reply) deeper = harness_get (h, "/v3/jobs/" JD_DEMO_JOB_SUCCESS "/outputs", h->token);
  g_autoptr(Reply) put = harness_send (h, "PUT", "/v3/jobs/" JD_DEMO_JOB_SUCCESS, h->token, "x=1");
  g_autoptr(Reply) post = harness_send (h, "POST", "/v3/workflows", h->token, "x=1");

  reply_assert_message (nothing, 404, "No HTTP resource was found that matches the request URI.");
  reply_assert_message (deeper, 404, "No HTTP resource was found that matches the request URI.");
  reply_assert_has_message (put, 405);
  g_assert_cmpstr (soup_message_headers_get_one (put->headers, "Allow"), ==, "GET, DELETE");
  reply_assert_has_message (post, 405);
}

static void
test_counters_and_headers (void)
{
  g_autoptr(Harness) h = harness_new ();
  guint requests = jd_demo_server_get_request_count (h->server);
  guint tokens = jd_demo_server_get_token_request_count (h->server);
  g_autofree char *expected = g_strconcat ("Bearer ", h->token, NULL);
  g_autofree char *authorization = NULL;
  g_autofree char *accept = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *token = NULL;

  /* The harness asked for one token. */
  g_assert_cmpuint (requests, ==, 1);
  g_assert_cmpuint (tokens, ==, 1);

  {
    g_autoptr(Reply) a = harness_get (h, "/v3/jobs/" JD_DEMO_JOB_SUCCESS, h->token);
    g_autoptr(Reply) b = harness_get (h, "/swagger/docs/3", h->token);
  }

  /* Token requests count, but do not replace the remembered headers. */
  token = harness_request_token (h, JD_DEMO_VIEWER_API_KEY, JD_DEMO_VIEWER_API_SECRET);

  g_assert_cmpuint (jd_demo_server_get_request_count (h->server), ==, requests + 3);
  g_assert_cmpuint (jd_demo_server_get_token_request_count (h->server), ==, tokens + 1);

  authorization = jd_demo_server_dup_last_header (h->server, "Authorization");
  accept = jd_demo_server_dup_last_header (h->server, "accept");
  missing = jd_demo_server_dup_last_header (h->server, "X-Not-Sent");
  g_assert_cmpstr (authorization, ==, expected);
  g_assert_cmpstr (accept, ==, "application/json");
  g_assert_null (missing);
}

/* The server in the test's own main context, answering several requests
 * at once. */
static void
test_listen_in_main_context (void)
{
  g_autoptr(JdDemoServer) server = jd_demo_server_new ();
  g_autoptr(SoupSession) session = jd_test_new_session ();
  g_autoptr(GError) error = NULL;
  JdTestAsync async[4] = { { 0 } };
  g_autoptr(SoupMessage) token_msg = NULL;
  g_autoptr(GBytes) token_body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *authorization = NULL;
  g_autofree char *token_uri = NULL;
  SoupMessage *messages[4];

  jd_demo_server_listen (server, 0, &error);
  g_assert_no_error (error);

  token_uri = g_strconcat (jd_demo_server_get_base_url (server), "/oauth2/token", NULL);
  token_msg = soup_message_new_from_encoded_form ("POST", token_uri,
                                                  soup_form_encode ("grant_type", "client_credentials",
                                                                    "client_id", JD_DEMO_API_KEY,
                                                                    "client_secret", JD_DEMO_API_SECRET,
                                                                    NULL));
  soup_session_send_and_read_async (session, token_msg, G_PRIORITY_DEFAULT, NULL, jd_test_async_ready_cb, &async[0]);
  token_body = soup_session_send_and_read_finish (session, jd_test_wait_result (&async[0], 5000), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (token_msg), ==, 200);
  json_parser_load_from_data (parser, g_bytes_get_data (token_body, NULL), (gssize) g_bytes_get_size (token_body), &error);
  g_assert_no_error (error);
  authorization = g_strconcat ("Bearer ",
                               json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "access_token"),
                               NULL);
  jd_test_async_clear (&async[0]);

  for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
    {
      static const char *const ids[] = { JD_DEMO_JOB_SUCCESS, JD_DEMO_JOB_MANY_MESSAGES, JD_DEMO_JOB_WARNING, JD_DEMO_JOB_UNKNOWN };
      g_autofree char *uri = g_strconcat (jd_demo_server_get_base_url (server), "/v3/jobs/", ids[i], NULL);

      messages[i] = soup_message_new ("GET", uri);
      soup_message_headers_replace (soup_message_get_request_headers (messages[i]), "Authorization", authorization);
      soup_session_send_and_read_async (session, messages[i], G_PRIORITY_DEFAULT, NULL, jd_test_async_ready_cb, &async[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
    {
      g_autoptr(GBytes) body = soup_session_send_and_read_finish (session, jd_test_wait_result (&async[i], 10000), &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (body), >, 0);
      g_assert_cmpuint (soup_message_get_status (messages[i]), ==, i == 3 ? 404 : 200);
      jd_test_async_clear (&async[i]);
      g_object_unref (messages[i]);
    }

  g_assert_cmpuint (jd_demo_server_get_request_count (server), ==, 5);

  jd_demo_server_stop (server);
  g_assert_finalize_object (g_steal_pointer (&server));
}

/* ------------------------------------------------------------------ */
/* Data and logging                                                    */

static void
test_describe_jobs (void)
{
  static const char *const ids[] = {
    JD_DEMO_JOB_SUCCESS, JD_DEMO_JOB_WARNING, JD_DEMO_JOB_ERROR, JD_DEMO_JOB_FAILED,
    JD_DEMO_JOB_CANCELLED, JD_DEMO_JOB_QUEUED, JD_DEMO_JOB_RUNNING, JD_DEMO_JOB_CREATED,
    JD_DEMO_JOB_INITIALIZING, JD_DEMO_JOB_NO_MESSAGES, JD_DEMO_JOB_MANY_MESSAGES,
    JD_DEMO_JOB_HUGE, JD_DEMO_JOB_PROGRESSING, JD_DEMO_JOB_SPARSE,
  };
  g_autofree char *text = jd_demo_server_describe_jobs ();
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n_lines = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0')
        continue;
      n_lines++;
      g_assert_cmpuint (strlen (lines[i]), >, 28);
      g_assert_true (g_ascii_isxdigit (lines[i][0]));
      g_assert_cmpmem (lines[i] + 24, 2, "  ", 2);
    }
  g_assert_cmpuint (n_lines, >=, G_N_ELEMENTS (ids));

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_nonnull (strstr (text, ids[i]));
  g_assert_nonnull (strstr (text, JD_DEMO_JOB_SUCCESS "  Completed, Success: 3 outputs, 12 messages"));
}

static void
test_data_deterministic (void)
{
  const JdDemoJob *job = jd_demo_data_find_job (JD_DEMO_JOB_MANY_MESSAGES);
  g_autoptr(GBytes) first = jd_demo_data_build_messages (job, job->status, NULL);
  g_autoptr(GBytes) second = jd_demo_data_build_messages (job, job->status, NULL);
  const JdDemoJob **jobs;
  guint n_jobs;

  g_assert_true (g_bytes_equal (first, second));
  g_assert_cmpuint (jd_demo_data_crc32 (0, (const guint8 *) "123456789", 9), ==, 0xcbf43926);

  /* Upper-case IDs find the same job. */
  g_assert_true (jd_demo_data_find_job ("66EBD18D3D6200007E000D8C") == jd_demo_data_find_job (JD_DEMO_JOB_SUCCESS));
  g_assert_null (jd_demo_data_find_job (JD_DEMO_JOB_UNKNOWN));

  jobs = jd_demo_data_get_jobs (&n_jobs);
  g_assert_cmpuint (n_jobs, ==, 15 + 67 + 59);
  for (guint i = 0; i < n_jobs; i++)
    {
      g_autofree char *head = jd_demo_data_build_job_head (jobs[i], jobs[i]->status, jobs[i]->disposition);
      g_autofree char *again = jd_demo_data_build_job_head (jobs[i], jobs[i]->status, jobs[i]->disposition);

      g_assert_cmpstr (head, ==, again);
      g_assert_true (jd_demo_data_is_object_id (jobs[i]->id));
    }
}

static GMutex log_mutex;
static GString *captured_log;

static GLogWriterOutput
capture_writer (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  g_mutex_lock (&log_mutex);
  if (captured_log != NULL)
    {
      for (gsize i = 0; i < n_fields; i++)
        {
          if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
            {
              g_string_append (captured_log, fields[i].value);
              g_string_append_c (captured_log, '\n');
            }
        }
    }
  g_mutex_unlock (&log_mutex);

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
test_debug_log_has_no_secrets (void)
{
  g_autoptr(Harness) h = NULL;
  g_autofree char *log = NULL;
  g_autofree char *basic = g_base64_encode ((const guchar *) "demo:demo", strlen ("demo:demo"));

  g_mutex_lock (&log_mutex);
  captured_log = g_string_new (NULL);
  g_mutex_unlock (&log_mutex);

  h = harness_new ();
  {
    g_autoptr(Reply) job = harness_get (h, "/v3/jobs/" JD_DEMO_JOB_SUCCESS, h->token);
    g_autoptr(Reply) refused = harness_send (h, "POST", "/oauth2/token", NULL,
                                             "grant_type=client_credentials&client_id=demo&client_secret=hunter2");
  }
  g_clear_pointer (&h, harness_free);

  g_mutex_lock (&log_mutex);
  log = g_string_free (g_steal_pointer (&captured_log), FALSE);
  g_mutex_unlock (&log_mutex);

  g_assert_nonnull (strstr (log, "/v3/jobs/" JD_DEMO_JOB_SUCCESS));
  g_assert_null (strstr (log, "hunter2"));
  g_assert_null (strstr (log, basic));
  g_assert_null (strstr (log, "Bearer"));
}

/* ------------------------------------------------------------------ */
/* The executable                                                      */

static void
test_executable (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *rest = NULL;
  JdTestAsync async = { 0 };

  if (g_getenv ("JD_DEMO_SERVER_PATH") != NULL)
    path = g_strdup (g_getenv ("JD_DEMO_SERVER_PATH"));
  else
    path = g_test_build_filename (G_TEST_BUILT, "..", "src", "demo", "jobdesk-demo-server", NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("jobdesk-demo-server has not been built");
      return;
    }

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              path, "--port", "0", "--token-lifetime", "60", "--progress-step", "500", NULL);
  g_assert_no_error (error);

  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  g_data_input_stream_read_line_async (output, G_PRIORITY_DEFAULT, NULL, jd_test_async_ready_cb, &async);
  line = g_data_input_stream_read_line_finish_utf8 (output, jd_test_wait_result (&async, 10000), NULL, &error);
  g_assert_no_error (error);
  jd_test_async_clear (&async);

  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "http://127.0.0.1:"));
  g_assert_true (g_str_has_suffix (line, "/webapi"));

  /* It serves at that address. */
  {
    g_autoptr(SoupSession) session = jd_test_new_session ();
    g_autofree char *uri = g_strconcat (line, "//swagger/docs/3", NULL);
    g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
    g_autoptr(GBytes) body = soup_session_send_and_read (session, msg, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  }

  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

  /* The rest names the credentials, the jobs and a curl example. */
  rest = g_data_input_stream_read_upto (output, "", 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rest);
  g_assert_nonnull (strstr (rest, "Curator"));
  g_assert_nonnull (strstr (rest, JD_DEMO_JOB_HUGE));
  g_assert_nonnull (strstr (rest, JD_DEMO_WORKFLOW_INVENTORY));
  g_assert_nonnull (strstr (rest, "curl "));
}

int
main (int   argc,
      char *argv[])
{
  g_log_set_writer_func (capture_writer, NULL, NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/api/demo-server/token/form-body", test_token_form_body);
  g_test_add_func ("/api/demo-server/token/basic", test_token_basic);
  g_test_add_func ("/api/demo-server/token/bad-secret", test_token_bad_secret);
  g_test_add_func ("/api/demo-server/token/unsupported-grant-type", test_token_unsupported_grant_type);
  g_test_add_func ("/api/demo-server/token/basic-only", test_token_basic_only);
  g_test_add_func ("/api/demo-server/token/wrong-method", test_token_wrong_method);
  g_test_add_func ("/api/demo-server/auth/no-token", test_auth_no_token);
  g_test_add_func ("/api/demo-server/auth/token-lifetime", test_auth_token_lifetime);
  g_test_add_func ("/api/demo-server/auth/expire-tokens", test_auth_expire_tokens);
  g_test_add_func ("/api/demo-server/swagger", test_swagger);
  g_test_add_func ("/api/demo-server/not-found-and-wrong-method", test_not_found_and_wrong_method);
  g_test_add_func ("/api/demo-server/counters-and-last-headers", test_counters_and_headers);
  g_test_add_func ("/api/demo-server/listen-in-main-context", test_listen_in_main_context);
  g_test_add_func ("/api/demo-server/describe-jobs", test_describe_jobs);
  g_test_add_func ("/api/demo-server/data-is-deterministic", test_data_deterministic);
  g_test_add_func ("/api/demo-server/debug-log-has-no-secrets", test_debug_log_has_no_secrets);
  g_test_add_func ("/api/demo-server/executable-prints-base-url", test_executable);

  return g_test_run ();
}
