/* test-client-broken.c: JdClient over real HTTP against a server that
 * misbehaves on purpose (tests/jd-broken-server.c): every failure ends in
 * its JdClientError, never in a hang. */
#include "config.h"

#include "jd-broken-server.h"
#include "jd-client.h"
#include "jd-job-summary.h"
#include "jd-test-util.h"

#define WAIT_MS 20000

/* ------------------------------------------------------------------ */
/* Against a broken server                                             */

typedef struct
{
  const char   *scenario;
  JdClientError code;
} BrokenCase;

static void
test_broken (gconstpointer data)
{
  const BrokenCase *broken = data;
  g_autoptr(JdBrokenServer) server = jd_broken_server_new (NULL);
  g_autoptr(JdClient) client = jd_client_new (NULL, jd_broken_server_get_base_url (server));
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;
  gint64 start = g_get_monotonic_time ();

  jd_client_set_timeout (client, 2);
  jd_client_set_access_token (client, "t0ken");
  jd_broken_server_set_scenario (server, broken->scenario);

  job = jd_test_get_job (client, "66ebd18d3d6200007e000d8c", TRUE, &error);
  g_assert_null (job);
  g_assert_error (error, JD_CLIENT_ERROR, broken->code);
  g_test_message ("%s: %s", broken->scenario, error->message);
  /* never hangs past the 2 s deadline by much: 6 s on an idle machine,
   * stretched for slow and loaded runs (the error code above tells a
   * time-out from an answer) */
  g_assert_cmpint (g_get_monotonic_time () - start, <, jd_test_bound_us (6000, 0));

  jd_broken_server_stop (server);
}

static void
test_broken_rate_limited_retry_after (void)
{
  g_autoptr(JdBrokenServer) server = jd_broken_server_new (NULL);
  g_autoptr(JdClient) client = jd_client_new (NULL, jd_broken_server_get_base_url (server));
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;

  jd_client_set_access_token (client, "t0ken");
  jd_broken_server_set_scenario (server, "rate-limited");
  job = jd_test_get_job (client, "66ebd18d3d6200007e000d8c", TRUE, &error);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_RATE_LIMITED);
  g_assert_cmpuint (jd_client_get_retry_after (client), ==, 7);
  g_assert_nonnull (strstr (error->message, "7"));
  jd_broken_server_stop (server);
}

static void
test_broken_same_host_redirect_followed (void)
{
  g_autoptr(JdBrokenServer) server = jd_broken_server_new (NULL);
  g_autoptr(JdClient) client = jd_client_new (NULL, jd_broken_server_get_base_url (server));
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;

  jd_client_set_access_token (client, "t0ken");
  jd_broken_server_set_scenario (server, "redirect-same-host");
  job = jd_test_get_job (client, "66ebd18d3d6200007e000d8c", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), ==, "66ebd18d3d6200007e000d8c");
  jd_broken_server_stop (server);
}

static void
test_broken_redirect_other_host (void)
{
  g_autoptr(JdBrokenServer) server = jd_broken_server_new ("127.0.0.1");
  g_autoptr(JdBrokenServer) elsewhere = jd_broken_server_new ("127.0.0.2");
  g_autoptr(JdClient) client = jd_client_new (NULL, jd_broken_server_get_base_url (server));
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;
  g_autofree char *target = g_strconcat (jd_broken_server_get_base_url (elsewhere), "/v3/jobs/66ebd18d3d6200007e000d8c", NULL);

  jd_client_set_access_token (client, "t0ken");
  jd_broken_server_set_scenario (server, "redirect-other-host");
  jd_broken_server_set_redirect_target (server, target);

  job = jd_test_get_job (client, "66ebd18d3d6200007e000d8c", TRUE, &error);
  g_assert_null (job);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_REDIRECT);
  /* the token never reached the other host */
  g_assert_cmpuint (jd_broken_server_get_request_count (elsewhere), ==, 0);

  jd_broken_server_stop (server);
  jd_broken_server_stop (elsewhere);
}

static void
test_broken_token_endpoint (void)
{
  struct { const char *scenario; JdClientError code; } cases[] = {
    { "error-object", JD_CLIENT_ERROR_UNAUTHORIZED },
    { "html-200", JD_CLIENT_ERROR_BAD_RESPONSE },
    { "status-404", JD_CLIENT_ERROR_NOT_FOUND },
    { "no-token", JD_CLIENT_ERROR_BAD_RESPONSE },
    { "status-503", JD_CLIENT_ERROR_SERVER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JdBrokenServer) server = jd_broken_server_new (NULL);
      g_autoptr(JdClient) client = jd_client_new (NULL, jd_broken_server_get_base_url (server));
      g_autoptr(GError) error = NULL;
      JdTestAsync async = { 0 };

      jd_broken_server_set_token_scenario (server, cases[i].scenario);
      jd_client_set_api_key (client, "key", "secret");
      jd_client_sign_in_async (client, NULL, jd_test_async_ready_cb, &async);
      g_assert_false (jd_client_sign_in_finish (client, jd_test_wait_result (&async, WAIT_MS), &error));
      g_assert_error (error, JD_CLIENT_ERROR, cases[i].code);
      g_test_message ("token %s: %s", cases[i].scenario, error->message);
      if (cases[i].code == JD_CLIENT_ERROR_UNAUTHORIZED)
        g_assert_nonnull (strstr (error->message, "The client credentials are invalid."));
      jd_test_async_clear (&async);
      jd_broken_server_stop (server);
    }
}

static void
test_broken_token_without_expiry (void)
{
  g_autoptr(JdBrokenServer) server = jd_broken_server_new (NULL);
  g_autoptr(JdClient) client = jd_client_new (NULL, jd_broken_server_get_base_url (server));
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;
  g_autoptr(JdJob) again = NULL;
  g_autofree char *authorization = NULL;

  jd_broken_server_set_token_scenario (server, "no-expires-in");
  jd_client_set_api_key (client, "key", "secret");
  job = jd_test_get_job (client, "66ebd18d3d6200007e000d8c", FALSE, &error);
  g_assert_no_error (error);
  again = jd_test_get_job (client, "66ebd18d3d6200007e000d8c", FALSE, &error);
  g_assert_no_error (error);

  /* taken as an hour: one token for both */
  g_assert_cmpuint (jd_broken_server_get_token_request_count (server), ==, 1);
  authorization = jd_broken_server_dup_last_authorization (server);
  g_assert_cmpstr (authorization, ==, "Bearer broken-token");
  jd_broken_server_stop (server);
}

/* A new sign-in while calls wait for the old one's token: the waiting
 * calls hear so at once, the old token request's late answer is dropped,
 * and the next call gets a token for the new sign-in. */
static void
test_credentials_change_while_waiting (void)
{
  g_autoptr(JdBrokenServer) server = jd_broken_server_new (NULL);
  g_autoptr(JdClient) client = jd_client_new (NULL, jd_broken_server_get_base_url (server));
  g_autoptr(GError) first_error = NULL;
  g_autoptr(GError) second_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;
  JdTestAsync first = { 0 };
  JdTestAsync second = { 0 };
  gint64 deadline;
  gint64 changed;

  jd_broken_server_set_token_scenario (server, "slow");
  jd_client_set_api_key (client, "key", "secret");
  jd_client_get_job_async (client, "66ebd18d3d6200007e000d8c", FALSE, NULL, jd_test_async_ready_cb, &first);
  jd_client_get_job_async (client, "66ebd18d3d6200007e000d8c", FALSE, NULL, jd_test_async_ready_cb, &second);
  /* the first call's token request reaches the server (under valgrind
   * that can take longer than a fixed 200 ms); the second call waits for
   * that one instead of asking again */
  deadline = g_get_monotonic_time () + (gint64) WAIT_MS * jd_test_slowdown () * 1000;
  while (jd_broken_server_get_token_request_count (server) == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      jd_test_spin_for (10);
    }
  jd_test_spin_for (200);
  g_assert_cmpuint (jd_broken_server_get_token_request_count (server), ==, 1);

  changed = g_get_monotonic_time ();
  jd_broken_server_set_token_scenario (server, "ok");
  jd_client_set_api_key (client, "other-key", "other-secret");
  g_assert_null (jd_client_get_job_finish (client, jd_test_wait_result (&first, WAIT_MS), &first_error));
  g_assert_null (jd_client_get_job_finish (client, jd_test_wait_result (&second, WAIT_MS), &second_error));
  g_assert_error (first_error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_SIGNED_IN);
  g_assert_error (second_error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_SIGNED_IN);
  /* "at once": 1 s on an idle machine, more when slow or loaded, but
   * always before the old token request's answer (3 s after it came,
   * which was before changed), the other way these would end */
  g_assert_cmpint (g_get_monotonic_time () - changed, <, jd_test_bound_us (1000, 2500));
  jd_test_async_clear (&first);
  jd_test_async_clear (&second);

  job = jd_test_get_job (client, "66ebd18d3d6200007e000d8c", FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (job);
  g_assert_cmpuint (jd_broken_server_get_token_request_count (server), ==, 2);
  g_assert_cmpuint (jd_broken_server_get_request_count (server), ==, 1);

  jd_test_spin_for (20);
  g_clear_object (&client);
  jd_broken_server_stop (server);
}

static void
test_connection_refused (void)
{
  g_autoptr(JdBrokenServer) server = jd_broken_server_new (NULL);
  g_autofree char *url = g_strdup (jd_broken_server_get_base_url (server));
  g_autoptr(JdClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;

  /* a port where nothing listens any more */
  jd_broken_server_stop (server);
  client = jd_client_new (NULL, url);
  jd_client_set_access_token (client, "t0ken");
  job = jd_test_get_job (client, "66ebd18d3d6200007e000d8c", FALSE, &error);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_NETWORK);
}

static const BrokenCase broken_cases[] = {
  { "html-502", JD_CLIENT_ERROR_SERVER },
  { "truncated", JD_CLIENT_ERROR_BAD_RESPONSE },
  { "wrong-content-type", JD_CLIENT_ERROR_BAD_RESPONSE },
  { "slow", JD_CLIENT_ERROR_TIMEOUT },
  { "close-mid-body", JD_CLIENT_ERROR_BAD_RESPONSE },
  { "rate-limited", JD_CLIENT_ERROR_RATE_LIMITED },
  { "status-401", JD_CLIENT_ERROR_UNAUTHORIZED },
  { "status-403", JD_CLIENT_ERROR_FORBIDDEN },
  { "status-404", JD_CLIENT_ERROR_NOT_FOUND },
  { "redirect-loop", JD_CLIENT_ERROR_REDIRECT },
};

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/api/client/broken/%s", broken_cases[i].scenario);

      g_test_add_data_func (path, &broken_cases[i], test_broken);
    }
  g_test_add_func ("/api/client/broken/retry-after", test_broken_rate_limited_retry_after);
  g_test_add_func ("/api/client/broken/redirect-same-host-followed", test_broken_same_host_redirect_followed);
  g_test_add_func ("/api/client/broken/redirect-other-host-not-followed", test_broken_redirect_other_host);
  g_test_add_func ("/api/client/broken/token-endpoint", test_broken_token_endpoint);
  g_test_add_func ("/api/client/broken/token-without-expiry", test_broken_token_without_expiry);
  g_test_add_func ("/api/client/broken/connection-refused", test_connection_refused);
  g_test_add_func ("/api/client/token/credentials-change-fails-waiters", test_credentials_change_while_waiting);

  return g_test_run ();
}
