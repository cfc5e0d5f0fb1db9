/* test-client.c: JdClient over real HTTP against JdDemoServer (signing
 * in, jobs, lists, downloads), and its base URL and redirect rules. The
 * calls against a server that misbehaves on purpose are in
 * test-client-broken.c. */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "jd-broken-server.h"
#include "jd-client.h"
#include "jd-demo-server.h"
#include "jd-job-message.h"
#include "jd-job-output.h"
#include "jd-test-util.h"
#include "jd-job-summary.h"
#include "jd-workflow.h"

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

  fixture->server = jd_demo_server_new ();
  jd_demo_server_start_thread (fixture->server, 0, &error);
  g_assert_no_error (error);

  fixture->client = jd_client_new (NULL, jd_demo_server_get_base_url (fixture->server));
  jd_client_set_timeout (fixture->client, 10);
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

static void
sign_in (Fixture    *fixture,
         const char *key,
         const char *secret)
{
  JdTestAsync async = { 0 };
  g_autoptr(GError) error = NULL;

  jd_client_set_api_key (fixture->client, key, secret);
  jd_client_sign_in_async (fixture->client, NULL, jd_test_async_ready_cb, &async);
  g_assert_true (jd_client_sign_in_finish (fixture->client, jd_test_wait_result (&async, WAIT_MS), &error));
  g_assert_no_error (error);
  jd_test_async_clear (&async);
}

/* A token got straight from the server, as a user would get it from
 * Swagger or Postman. The demo server runs in a thread of its own, so a
 * blocking request is fine here. */
static char *
fetch_token_by_hand (JdDemoServer *server)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (jd_demo_server_get_base_url (server), "/oauth2/token", NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("POST", url);
  g_autofree char *form = soup_form_encode ("grant_type", "client_credentials",
                                            "client_id", JD_DEMO_API_KEY,
                                            "client_secret", JD_DEMO_API_SECRET, NULL);
  g_autoptr(GBytes) body = g_bytes_new (form, strlen (form));
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;

  soup_message_set_request_body_from_bytes (message, SOUP_FORM_MIME_TYPE_URLENCODED, body);
  answer = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, 200);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL), g_bytes_get_size (answer), NULL));
  object = json_node_get_object (json_parser_get_root (parser));
  return g_strdup (json_object_get_string_member (object, "access_token"));
}

/* ------------------------------------------------------------------ */

static void
test_normalize_base_url (void)
{
  struct { const char *in; const char *out; const char *suggestion; } cases[] = {
    { "https://ayx.example.com/webapi", "https://ayx.example.com/webapi", NULL },
    { "https://ayx.example.com/webapi/", "https://ayx.example.com/webapi", NULL },
    { "  https://ayx.example.com/webapi//  ", "https://ayx.example.com/webapi", NULL },
    { "ayx.example.com/webapi", "https://ayx.example.com/webapi", NULL },
    { "https://ayx.example.com", "https://ayx.example.com", "https://ayx.example.com/webapi" },
    { "https://ayx.example.com/", "https://ayx.example.com", "https://ayx.example.com/webapi" },
    { "HTTP://127.0.0.1:8080/webapi", "http://127.0.0.1:8080/webapi", NULL },
    { "https://ayx.example.com/gallery/#!/jobs", "https://ayx.example.com/gallery", "https://ayx.example.com/webapi" },
    { "https://ayx.example.com/webapi?x=1#y", "https://ayx.example.com/webapi", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *suggestion = NULL;
      g_autofree char *out = jd_client_normalize_base_url (cases[i].in, &suggestion, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (out, ==, cases[i].out);
      g_assert_cmpstr (suggestion, ==, cases[i].suggestion);
    }
}

static void
test_normalize_base_url_refuses (void)
{
  const char *bad[] = { "", "   ", "ftp://ayx.example.com/webapi", "https://", "https://user:pw@ayx.example.com/webapi", "http:// /x" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = jd_client_normalize_base_url (bad[i], NULL, &error);

      g_assert_null (out);
      g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_INVALID_INPUT);
    }
}

static void
test_loopback (void)
{
  g_assert_true (jd_client_is_loopback_url ("http://127.0.0.1:1234/webapi"));
  g_assert_true (jd_client_is_loopback_url ("http://localhost/webapi"));
  g_assert_true (jd_client_is_loopback_url ("http://[::1]:80/webapi"));
  g_assert_true (jd_client_is_loopback_url ("http://127.8.9.10/webapi"));
  g_assert_false (jd_client_is_loopback_url ("http://10.0.0.1/webapi"));
  g_assert_false (jd_client_is_loopback_url ("http://localhost.example.com/webapi"));
  g_assert_false (jd_client_is_loopback_url (NULL));
}

static void
test_sign_in_key_and_secret (Fixture       *fixture,
                             gconstpointer  data)
{
  sign_in (fixture, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
  g_assert_cmpint (jd_client_get_auth_kind (fixture->client), ==, JD_AUTH_API_KEY);
  g_assert_cmpuint (jd_demo_server_get_token_request_count (fixture->server), ==, 1);
}

static void
test_sign_in_wrong_secret (Fixture       *fixture,
                           gconstpointer  data)
{
  JdTestAsync async = { 0 };
  g_autoptr(GError) error = NULL;

  jd_client_set_api_key (fixture->client, JD_DEMO_API_KEY, "wrong");
  jd_client_sign_in_async (fixture->client, NULL, jd_test_async_ready_cb, &async);
  g_assert_false (jd_client_sign_in_finish (fixture->client, jd_test_wait_result (&async, WAIT_MS), &error));
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_UNAUTHORIZED);
  /* the usual cause, said in words */
  g_assert_nonnull (strstr (error->message, "API access"));
  /* form body, then HTTP Basic */
  g_assert_cmpuint (jd_demo_server_get_token_request_count (fixture->server), ==, 2);
  jd_test_async_clear (&async);
}

static void
test_sign_in_basic_fallback (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(JdJob) job = NULL;
  g_autoptr(GError) error = NULL;

  jd_demo_server_set_basic_auth_only (fixture->server, TRUE);
  sign_in (fixture, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
  g_assert_cmpuint (jd_demo_server_get_token_request_count (fixture->server), ==, 2);

  job = jd_test_get_job (fixture->client, JD_DEMO_JOB_SUCCESS, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (job);
}

static void
test_sign_in_access_token (Fixture       *fixture,
                           gconstpointer  data)
{
  JdTestAsync async = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;
  g_autofree char *token = NULL;

  /* Get a token the way a user would, then paste it. */
  token = fetch_token_by_hand (fixture->server);
  g_assert_nonnull (token);

  jd_client_set_access_token (fixture->client, token);
  g_assert_cmpint (jd_client_get_auth_kind (fixture->client), ==, JD_AUTH_ACCESS_TOKEN);
  jd_client_sign_in_async (fixture->client, NULL, jd_test_async_ready_cb, &async);
  g_assert_true (jd_client_sign_in_finish (fixture->client, jd_test_wait_result (&async, WAIT_MS), &error));
  g_assert_no_error (error);
  jd_test_async_clear (&async);

  job = jd_test_get_job (fixture->client, JD_DEMO_JOB_SUCCESS, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), ==, JD_DEMO_JOB_SUCCESS);
  g_assert_cmpuint (jd_demo_server_get_token_request_count (fixture->server), ==, 1);
}

static void
test_sign_in_bearer_prefix (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;
  g_autofree char *token = NULL;
  g_autofree char *pasted = NULL;

  token = fetch_token_by_hand (fixture->server);
  pasted = g_strdup_printf ("  Bearer %s\n", token);
  jd_client_set_access_token (fixture->client, pasted);

  job = jd_test_get_job (fixture->client, JD_DEMO_JOB_SUCCESS, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (job);
}

static void
test_sign_in_bad_access_token (Fixture       *fixture,
                               gconstpointer  data)
{
  JdTestAsync async = { 0 };
  g_autoptr(GError) error = NULL;

  jd_client_set_access_token (fixture->client, "not-a-token");
  jd_client_sign_in_async (fixture->client, NULL, jd_test_async_ready_cb, &async);
  g_assert_false (jd_client_sign_in_finish (fixture->client, jd_test_wait_result (&async, WAIT_MS), &error));
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (jd_demo_server_get_token_request_count (fixture->server), ==, 0);
  jd_test_async_clear (&async);
}

static void
test_not_signed_in (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = jd_test_get_job (fixture->client, JD_DEMO_JOB_SUCCESS, FALSE, &error);

  g_assert_null (job);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_SIGNED_IN);
  g_assert_cmpuint (jd_demo_server_get_request_count (fixture->server), ==, 0);
}

static void
test_get_job_completed (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;
  GListModel *outputs;
  GListModel *messages;

  sign_in (fixture, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
  job = jd_test_get_job (fixture->client, JD_DEMO_JOB_SUCCESS, TRUE, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), ==, JD_DEMO_JOB_SUCCESS);
  g_assert_cmpint (jd_job_summary_get_state (JD_JOB_SUMMARY (job)), ==, JD_JOB_STATE_COMPLETED);
  g_assert_cmpint (jd_job_summary_get_disposition_kind (JD_JOB_SUMMARY (job)), ==, JD_DISPOSITION_SUCCESS);
  g_assert_nonnull (jd_job_summary_get_created (JD_JOB_SUMMARY (job)));
  g_assert_nonnull (jd_job_get_app_id (job));
  g_assert_true (jd_job_get_messages_included (job));

  outputs = jd_job_get_outputs (job);
  messages = jd_job_get_messages (job);
  g_assert_cmpuint (g_list_model_get_n_items (outputs), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (messages), >, 0);
  g_assert_true (g_list_model_get_item_type (outputs) == JD_TYPE_JOB_OUTPUT);
  g_assert_true (g_list_model_get_item_type (messages) == JD_TYPE_JOB_MESSAGE);
}

static void
test_get_job_without_messages (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;

  sign_in (fixture, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
  job = jd_test_get_job (fixture->client, JD_DEMO_JOB_SUCCESS, FALSE, &error);
  g_assert_no_error (error);
  g_assert_false (jd_job_get_messages_included (job));
  g_assert_cmpuint (g_list_model_get_n_items (jd_job_get_messages (job)), ==, 0);
}

static void
test_get_job_headers (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;
  g_autofree char *accept = NULL;
  g_autofree char *agent = NULL;
  g_autofree char *authorization = NULL;

  sign_in (fixture, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
  job = jd_test_get_job (fixture->client, JD_DEMO_JOB_SUCCESS, FALSE, &error);
  g_assert_no_error (error);

  accept = jd_demo_server_dup_last_header (fixture->server, "Accept");
  agent = jd_demo_server_dup_last_header (fixture->server, "User-Agent");
  authorization = jd_demo_server_dup_last_header (fixture->server, "Authorization");
  g_assert_cmpstr (accept, ==, "application/json");
  g_assert_true (g_str_has_prefix (agent, "JobDesk/" PACKAGE_VERSION));
  g_assert_true (g_str_has_prefix (authorization, "Bearer "));
}

static void
test_get_job_not_found (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;

  sign_in (fixture, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
  job = jd_test_get_job (fixture->client, JD_DEMO_JOB_UNKNOWN, FALSE, &error);
  g_assert_null (job);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, JD_DEMO_JOB_UNKNOWN));
}

static void
test_get_job_invalid_id_sends_nothing (Fixture       *fixture,
                                       gconstpointer  data)
{
  const char *bad[] = { "", "66ebd18d3d6200007e000d8", "66ebd18d3d6200007e000d8c/../x",
                        "../../v3/workflows", "66ebd18d3d6200007e000d8g", "66ebd18d3d6200007e000d8c?x=1" };

  sign_in (fixture, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JdJob) job = jd_test_get_job (fixture->client, bad[i], FALSE, &error);

      g_assert_null (job);
      g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_INVALID_INPUT);
    }

  g_assert_cmpuint (jd_demo_server_get_request_count (fixture->server), ==, 1);
}

static void
test_expired_token_refreshes (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;

  sign_in (fixture, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
  jd_demo_server_expire_tokens (fixture->server);

  job = jd_test_get_job (fixture->client, JD_DEMO_JOB_SUCCESS, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (job);
  /* one 401, one new token, one retry */
  g_assert_cmpuint (jd_demo_server_get_token_request_count (fixture->server), ==, 2);
}

static void
test_refresh_before_expiry (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;
  guint requests;

  /* A 4-second token is renewed after 3 seconds. */
  jd_demo_server_set_token_lifetime (fixture->server, 4);
  sign_in (fixture, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
  requests = jd_demo_server_get_request_count (fixture->server);

  jd_test_spin_for (3200);
  job = jd_test_get_job (fixture->client, JD_DEMO_JOB_SUCCESS, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jd_demo_server_get_token_request_count (fixture->server), ==, 2);
  /* no 401 on the way: one token request and one API request */
  g_assert_cmpuint (jd_demo_server_get_request_count (fixture->server), ==, requests + 2);
}

static void
test_pasted_token_not_refreshed (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;
  g_autofree char *token = NULL;

  token = fetch_token_by_hand (fixture->server);
  jd_client_set_access_token (fixture->client, token);
  jd_demo_server_expire_tokens (fixture->server);

  job = jd_test_get_job (fixture->client, JD_DEMO_JOB_SUCCESS, FALSE, &error);
  g_assert_null (job);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (jd_demo_server_get_token_request_count (fixture->server), ==, 1);
}

static void
test_concurrent_calls_share_token (Fixture       *fixture,
                                   gconstpointer  data)
{
  JdTestAsync async[5] = { { 0 } };
  const char *ids[5] = { JD_DEMO_JOB_SUCCESS, JD_DEMO_JOB_WARNING, JD_DEMO_JOB_ERROR,
                         JD_DEMO_JOB_QUEUED, JD_DEMO_JOB_RUNNING };

  jd_client_set_api_key (fixture->client, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);

  for (guint i = 0; i < 5; i++)
    jd_client_get_job_async (fixture->client, ids[i], FALSE, NULL, jd_test_async_ready_cb, &async[i]);

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JdJob) job = jd_client_get_job_finish (fixture->client, jd_test_wait_result (&async[i], WAIT_MS), &error);

      g_assert_no_error (error);
      g_assert_cmpstr (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), ==, ids[i]);
      jd_test_async_clear (&async[i]);
    }

  g_assert_cmpuint (jd_demo_server_get_token_request_count (fixture->server), ==, 1);
}

static void
test_concurrent_401_share_token (Fixture       *fixture,
                                 gconstpointer  data)
{
  JdTestAsync async[4] = { { 0 } };

  sign_in (fixture, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
  jd_demo_server_expire_tokens (fixture->server);

  for (guint i = 0; i < 4; i++)
    jd_client_get_job_async (fixture->client, JD_DEMO_JOB_SUCCESS, FALSE, NULL, jd_test_async_ready_cb, &async[i]);

  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JdJob) job = jd_client_get_job_finish (fixture->client, jd_test_wait_result (&async[i], WAIT_MS), &error);

      g_assert_no_error (error);
      jd_test_async_clear (&async[i]);
    }

  /* all four 401s renew through one request */
  g_assert_cmpuint (jd_demo_server_get_token_request_count (fixture->server), ==, 2);
}

static void
test_cancelled_before_start (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  JdTestAsync async = { 0 };
  g_autoptr(JdJob) job = NULL;

  sign_in (fixture, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
  g_cancellable_cancel (cancellable);
  jd_client_get_job_async (fixture->client, JD_DEMO_JOB_SUCCESS, TRUE, cancellable, jd_test_async_ready_cb, &async);
  job = jd_client_get_job_finish (fixture->client, jd_test_wait_result (&async, WAIT_MS), &error);
  g_assert_null (job);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_CANCELLED);
  jd_test_async_clear (&async);
}

static void
test_cancelled_in_flight (Fixture       *fixture,
                          gconstpointer  data)
{
  /* Cancel at several moments of a large lookup: never data afterwards. */
  guint delays[] = { 0, 1, 5, 20, 60 };

  sign_in (fixture, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);

  for (guint i = 0; i < G_N_ELEMENTS (delays); i++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GError) error = NULL;
      JdTestAsync async = { 0 };
      g_autoptr(JdJob) job = NULL;

      jd_client_get_job_async (fixture->client, JD_DEMO_JOB_MANY_MESSAGES, TRUE, cancellable, jd_test_async_ready_cb, &async);
      jd_test_spin_for (delays[i]);
      if (!async.done)
        {
          g_cancellable_cancel (cancellable);
          job = jd_client_get_job_finish (fixture->client, jd_test_wait_result (&async, WAIT_MS), &error);
          g_assert_null (job);
          g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_CANCELLED);
        }
      jd_test_async_clear (&async);
    }
}

static void
test_cancelled_while_waiting_for_token (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) other_error = NULL;
  JdTestAsync async = { 0 };
  JdTestAsync other = { 0 };
  g_autoptr(JdJob) job = NULL;
  g_autoptr(JdJob) other_job = NULL;

  jd_client_set_api_key (fixture->client, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
  jd_client_get_job_async (fixture->client, JD_DEMO_JOB_SUCCESS, FALSE, cancellable, jd_test_async_ready_cb, &async);
  jd_client_get_job_async (fixture->client, JD_DEMO_JOB_WARNING, FALSE, NULL, jd_test_async_ready_cb, &other);
  g_cancellable_cancel (cancellable);

  job = jd_client_get_job_finish (fixture->client, jd_test_wait_result (&async, WAIT_MS), &error);
  g_assert_null (job);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_CANCELLED);

  /* the other call still gets its job through the shared token */
  other_job = jd_client_get_job_finish (fixture->client, jd_test_wait_result (&other, WAIT_MS), &other_error);
  g_assert_no_error (other_error);
  g_assert_cmpstr (jd_job_summary_get_id (JD_JOB_SUMMARY (other_job)), ==, JD_DEMO_JOB_WARNING);
  jd_test_async_clear (&async);
  jd_test_async_clear (&other);
}

static void
test_messages_curator (Fixture       *fixture,
                       gconstpointer  data)
{
  JdTestAsync async = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) messages = NULL;

  sign_in (fixture, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
  jd_client_get_job_messages_async (fixture->client, JD_DEMO_JOB_MANY_MESSAGES, NULL, jd_test_async_ready_cb, &async);
  messages = jd_client_get_job_messages_finish (fixture->client, jd_test_wait_result (&async, WAIT_MS), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (messages), ==, 5000);
  jd_test_async_clear (&async);
}

static void
test_messages_viewer_forbidden (Fixture       *fixture,
                                gconstpointer  data)
{
  JdTestAsync async = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) messages = NULL;

  sign_in (fixture, JD_DEMO_VIEWER_API_KEY, JD_DEMO_VIEWER_API_SECRET);
  jd_client_get_job_messages_async (fixture->client, JD_DEMO_JOB_SUCCESS, NULL, jd_test_async_ready_cb, &async);
  messages = jd_client_get_job_messages_finish (fixture->client, jd_test_wait_result (&async, WAIT_MS), &error);
  g_assert_null (messages);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "Curators"));
  jd_test_async_clear (&async);
}

static GListModel *
list_workflow_jobs (JdClient          *client,
                    const char        *workflow,
                    const JdJobQuery  *query,
                    GError           **error)
{
  JdTestAsync async = { 0 };
  g_autoptr(JdJobPage) page = NULL;

  jd_client_list_workflow_jobs_async (client, workflow, query, NULL, jd_test_async_ready_cb, &async);
  page = jd_client_list_workflow_jobs_finish (client, jd_test_wait_result (&async, WAIT_MS), error);
  jd_test_async_clear (&async);
  if (page == NULL)
    return NULL;

  /* a workflow's jobs are an array: no pagination, every row readable */
  g_assert_false (jd_job_page_get_has_pagination (page));
  g_assert_cmpuint (jd_job_page_get_n_unreadable (page), ==, 0);
  return g_object_ref (jd_job_page_get_jobs (page));
}

static void
test_workflow_jobs_paging (Fixture       *fixture,
                           gconstpointer  data)
{
  JdJobQuery query = { "createDate", JD_SORT_DESCENDING, 0, 50, NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) first = NULL;
  g_autoptr(GListModel) second = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint total;

  sign_in (fixture, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
  first = list_workflow_jobs (fixture->client, JD_DEMO_WORKFLOW_SALES, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (first), ==, 50);

  query.offset = 50;
  second = list_workflow_jobs (fixture->client, JD_DEMO_WORKFLOW_SALES, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (second), >, 10);
  g_assert_cmpuint (g_list_model_get_n_items (second), <, 50);

  total = g_list_model_get_n_items (first) + g_list_model_get_n_items (second);
  for (guint i = 0; i < total; i++)
    {
      GListModel *page = i < 50 ? first : second;
      g_autoptr(JdJobSummary) job = g_list_model_get_item (page, i < 50 ? i : i - 50);

      g_assert_true (g_hash_table_add (seen, g_strdup (jd_job_summary_get_id (job))));
    }

  /* newest first */
  {
    g_autoptr(JdJobSummary) a = g_list_model_get_item (first, 0);
    g_autoptr(JdJobSummary) b = g_list_model_get_item (first, 1);

    g_assert_cmpint (g_date_time_compare (jd_job_summary_get_created (a), jd_job_summary_get_created (b)), >=, 0);
  }
}

static void
test_workflow_jobs_status_filter (Fixture       *fixture,
                                  gconstpointer  data)
{
  JdJobQuery query = { NULL, JD_SORT_DESCENDING, 0, 0, "Error", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) jobs = NULL;
  guint n;

  sign_in (fixture, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
  jobs = list_workflow_jobs (fixture->client, JD_DEMO_WORKFLOW_SALES, &query, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (jobs);
  g_assert_cmpuint (n, >, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JdJobSummary) job = g_list_model_get_item (jobs, i);

      g_assert_cmpint (jd_job_summary_get_state (job), ==, JD_JOB_STATE_ERROR);
    }
}

static void
test_workflow_jobs_unknown (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) jobs = NULL;

  sign_in (fixture, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
  jobs = list_workflow_jobs (fixture->client, "aaaaaaaaaaaaaaaaaaaaaaaa", NULL, &error);
  g_assert_null (jobs);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_FOUND);
}

static void
test_workflows (Fixture       *fixture,
                gconstpointer  data)
{
  JdTestAsync async = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) workflows = NULL;
  g_autoptr(JdWorkflow) workflow = NULL;

  sign_in (fixture, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
  jd_client_list_workflows_async (fixture->client, "sales", NULL, jd_test_async_ready_cb, &async);
  workflows = jd_client_list_workflows_finish (fixture->client, jd_test_wait_result (&async, WAIT_MS), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (workflows), ==, 1);
  workflow = g_list_model_get_item (workflows, 0);
  g_assert_cmpstr (jd_workflow_get_id (workflow), ==, JD_DEMO_WORKFLOW_SALES);
  jd_test_async_clear (&async);
}

static void
test_workflows_viewer_forbidden (Fixture       *fixture,
                                 gconstpointer  data)
{
  JdTestAsync async = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) workflows = NULL;

  sign_in (fixture, JD_DEMO_VIEWER_API_KEY, JD_DEMO_VIEWER_API_SECRET);
  jd_client_list_workflows_async (fixture->client, NULL, NULL, jd_test_async_ready_cb, &async);
  workflows = jd_client_list_workflows_finish (fixture->client, jd_test_wait_result (&async, WAIT_MS), &error);
  g_assert_null (workflows);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_FORBIDDEN);
  jd_test_async_clear (&async);
}

static void
on_progress (goffset  current,
             goffset  total,
             gpointer user_data)
{
  goffset *last = user_data;

  g_assert_cmpint (current, >=, *last);
  *last = current;
}

static JdJobOutput *
first_output (JdClient   *client,
              const char *job_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = jd_test_get_job (client, job_id, FALSE, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (jd_job_get_outputs (job)), >, 0);
  return g_list_model_get_item (jd_job_get_outputs (job), 0);
}

static void
test_download (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(JdJobOutput) output = NULL;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "download.out", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  const char * const *formats;

  sign_in (fixture, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
  output = first_output (fixture->client, JD_DEMO_JOB_SUCCESS);
  formats = jd_job_output_get_formats (output);
  g_assert_nonnull (formats);

  for (guint i = 0; formats[i] != NULL; i++)
    {
      JdTestAsync async = { 0 };
      goffset last = 0;
      g_autofree char *contents = NULL;
      gsize length = 0;

      jd_client_download_output_async (fixture->client, JD_DEMO_JOB_SUCCESS,
                                       jd_job_output_get_id (output), formats[i],
                                       file, on_progress, &last,
                                       NULL, jd_test_async_ready_cb, &async);
      g_assert_true (jd_client_download_output_finish (fixture->client, jd_test_wait_result (&async, WAIT_MS), &error));
      g_assert_no_error (error);
      jd_test_async_clear (&async);

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 0);
      g_assert_cmpint (last, ==, (goffset) length);
    }
}

static void
test_download_unknown_output_leaves_no_file (Fixture       *fixture,
                                             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "missing.out", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  JdTestAsync async = { 0 };

  sign_in (fixture, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
  jd_client_download_output_async (fixture->client, JD_DEMO_JOB_SUCCESS, "no-such-output", "Csv",
                                   file, NULL, NULL, NULL, jd_test_async_ready_cb, &async);
  g_assert_false (jd_client_download_output_finish (fixture->client, jd_test_wait_result (&async, WAIT_MS), &error));
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  jd_test_async_clear (&async);
}

static void
test_download_bad_format_refused (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "bad.out", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  JdTestAsync async = { 0 };

  sign_in (fixture, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
  jd_client_download_output_async (fixture->client, JD_DEMO_JOB_SUCCESS, "x", "Csv&x=../",
                                   file, NULL, NULL, NULL, jd_test_async_ready_cb, &async);
  g_assert_false (jd_client_download_output_finish (fixture->client, jd_test_wait_result (&async, WAIT_MS), &error));
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_INVALID_INPUT);
  /* the sign-in's token request, nothing more */
  g_assert_cmpuint (jd_demo_server_get_request_count (fixture->server), ==, 1);
  jd_test_async_clear (&async);
}

static void
test_insecure_refused (void)
{
  g_autoptr(JdClient) client = jd_client_new (NULL, "http://ayx.example.com/webapi");
  g_autoptr(GError) error = NULL;
  JdTestAsync async = { 0 };

  jd_client_set_api_key (client, "key", "secret");
  jd_client_sign_in_async (client, NULL, jd_test_async_ready_cb, &async);
  g_assert_false (jd_client_sign_in_finish (client, jd_test_wait_result (&async, WAIT_MS), &error));
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_INSECURE);
  jd_test_async_clear (&async);
}

/* Which redirects stay with the server: the port a URL leaves out is its
 * scheme's own, and a Location without a host ("http:/webapi/…") never
 * stays, whatever port the base names. */
static void
test_same_origin (void)
{
  static const struct { const char *base, *location; gboolean same; } cases[] = {
    { "http://server.example.com/webapi",      "/webapi/v3/jobs/x",                     TRUE  },
    { "http://server.example.com/webapi",      "http://SERVER.example.com/v3",          TRUE  },
    { "http://server.example.com/webapi",      "http://server.example.com:80/v3",       TRUE  },
    { "https://server.example.com/webapi",     "https://server.example.com:443/v3",     TRUE  },
    { "https://server.example.com/webapi",     "http://server.example.com/v3",          FALSE },
    { "http://server.example.com/webapi",      "http://server.example.com:8080/v3",     FALSE },
    { "http://server.example.com/webapi",      "http://elsewhere.example.com/v3",       FALSE },
    { "http://server.example.com/webapi",      "http:/webapi/v3/jobs/x",                FALSE },
    { "http://server.example.com:8080/webapi", "http:/webapi/v3/jobs/x",                FALSE },
    { "http://server.example.com/webapi",      "file:///etc/passwd",                    FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GUri) base = g_uri_parse (cases[i].base, G_URI_FLAGS_ENCODED, NULL);
      g_autoptr(GUri) target = g_uri_parse_relative (base, cases[i].location, G_URI_FLAGS_ENCODED, NULL);

      g_test_message ("%s + %s", cases[i].base, cases[i].location);
      g_assert_nonnull (target);
      g_assert_cmpint (jd_client_address_same_origin (base, target), ==, cases[i].same);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/api/client/base-url/normalize", test_normalize_base_url);
  g_test_add_func ("/api/client/base-url/refuses", test_normalize_base_url_refuses);
  g_test_add_func ("/api/client/base-url/loopback", test_loopback);
  g_test_add_func ("/api/client/redirect/same-origin-rules", test_same_origin);
  g_test_add_func ("/api/client/insecure/refused", test_insecure_refused);

#define ADD(path, func) \
  g_test_add ("/api/client/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("sign-in/key-and-secret", test_sign_in_key_and_secret);
  ADD ("sign-in/wrong-secret", test_sign_in_wrong_secret);
  ADD ("sign-in/basic-fallback", test_sign_in_basic_fallback);
  ADD ("sign-in/access-token", test_sign_in_access_token);
  ADD ("sign-in/access-token-bearer-prefix", test_sign_in_bearer_prefix);
  ADD ("sign-in/bad-access-token", test_sign_in_bad_access_token);
  ADD ("get-job/not-signed-in", test_not_signed_in);
  ADD ("get-job/completed", test_get_job_completed);
  ADD ("get-job/without-messages", test_get_job_without_messages);
  ADD ("get-job/headers", test_get_job_headers);
  ADD ("get-job/not-found", test_get_job_not_found);
  ADD ("get-job/invalid-id-sends-nothing", test_get_job_invalid_id_sends_nothing);
  ADD ("get-job/unauthorized-refreshes-token", test_expired_token_refreshes);
  ADD ("get-job/renews-before-expiry", test_refresh_before_expiry);
  ADD ("get-job/pasted-token-not-refreshed", test_pasted_token_not_refreshed);
  ADD ("get-job/concurrent-calls-share-token", test_concurrent_calls_share_token);
  ADD ("get-job/concurrent-401s-share-token", test_concurrent_401_share_token);
  ADD ("cancel/before-start", test_cancelled_before_start);
  ADD ("cancel/in-flight-never-delivers", test_cancelled_in_flight);
  ADD ("cancel/while-waiting-for-token", test_cancelled_while_waiting_for_token);
  ADD ("messages/curator", test_messages_curator);
  ADD ("messages/viewer-forbidden", test_messages_viewer_forbidden);
  ADD ("workflow-jobs/paging", test_workflow_jobs_paging);
  ADD ("workflow-jobs/status-filter", test_workflow_jobs_status_filter);
  ADD ("workflow-jobs/unknown-workflow", test_workflow_jobs_unknown);
  ADD ("workflows/by-name", test_workflows);
  ADD ("workflows/viewer-forbidden", test_workflows_viewer_forbidden);
  ADD ("download/every-format", test_download);
  ADD ("download/unknown-output-leaves-no-file", test_download_unknown_output_leaves_no_file);
  ADD ("download/bad-format-refused", test_download_bad_format_refused);
#undef ADD

  return g_test_run ();
}
