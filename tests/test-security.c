/* test-security.c: DESIGN §4 checked from outside the client.
 *
 * No token or secret in the debug log; no credentials over plain HTTP to
 * anything but loopback; no request to a server whose certificate this
 * computer does not trust; no ID that could leave its path segment.
 * Every check counts what the server received, not what the client says.
 */
#include "config.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "jd-broken-server.h"
#include "jd-client.h"
#include "jd-demo-server.h"
#include "jd-test-util.h"

#define JOB_ID "66ebd18d3d6200007e000d8c"
#define WAIT_MS 30000

/* Distinctive, so that finding them anywhere in the log means a leak. */
#define LEAK_KEY    "jd-leak-check-key-4be1"
#define LEAK_SECRET "jd-leak-check-Secret-9c4f7a21e0"

static void
wait_boolean (JdTestAsync *async,
              JdClient    *client,
              gboolean   (*finish) (JdClient *, GAsyncResult *, GError **),
              GError     **error,
              gboolean     expected)
{
  gboolean ok = finish (client, jd_test_wait_result (async, WAIT_MS), error);

  g_assert_true (ok == expected);
  jd_test_async_clear (async);
}

static gboolean
sign_in (JdClient  *client,
         GError   **error)
{
  JdTestAsync async = { 0 };
  gboolean ok;

  jd_client_sign_in_async (client, NULL, jd_test_async_ready_cb, &async);
  ok = jd_client_sign_in_finish (client, jd_test_wait_result (&async, WAIT_MS), error);
  jd_test_async_clear (&async);
  return ok;
}

static JdJob *
get_job (JdClient    *client,
         const char  *id,
         GError     **error)
{
  JdTestAsync async = { 0 };
  JdJob *job;

  jd_client_get_job_async (client, id, TRUE, NULL, jd_test_async_ready_cb, &async);
  job = jd_client_get_job_finish (client, jd_test_wait_result (&async, WAIT_MS), error);
  jd_test_async_clear (&async);
  return job;
}

/* ------------------------------------------------------------------ */
/* Logs                                                                */

/* Runs in a subprocess with G_MESSAGES_DEBUG=all: a refused sign-in, a
 * sign-in, a lookup, a token renewed after the Server expired it, a pasted
 * token. Everything it must not print goes to a file for the parent. */
static void
log_session (void)
{
  g_autoptr(JdDemoServer) server = jd_demo_server_new ();
  g_autoptr(JdClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;
  g_autoptr(GString) secrets = g_string_new (NULL);
  g_auto(GStrv) tokens = NULL;
  g_autofree char *pair = NULL;
  g_autofree char *basic = NULL;
  const char *path = g_getenv ("JD_TEST_SECRETS_FILE");

  g_assert_nonnull (path);
  g_assert_true (jd_demo_server_start_thread (server, 0, &error));
  client = jd_client_new (NULL, jd_demo_server_get_base_url (server));
  jd_client_set_timeout (client, 10);

  /* a refused sign-in: form body, then HTTP Basic */
  jd_client_set_api_key (client, LEAK_KEY, LEAK_SECRET);
  g_assert_false (sign_in (client, &error));
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_UNAUTHORIZED);
  g_clear_error (&error);

  /* a sign-in, a lookup, a lookup after the token expired */
  jd_client_set_api_key (client, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
  g_assert_true (sign_in (client, &error));
  job = get_job (client, JD_DEMO_JOB_SUCCESS, &error);
  g_assert_no_error (error);
  g_clear_object (&job);

  jd_demo_server_expire_tokens (server);
  job = get_job (client, JD_DEMO_JOB_WARNING, &error);
  g_assert_no_error (error);
  g_clear_object (&job);

  /* a pasted token, and a lookup that fails with it */
  tokens = jd_demo_server_dup_issued_tokens (server);
  g_assert_cmpuint (g_strv_length (tokens), >=, 2);
  jd_client_set_access_token (client, tokens[g_strv_length (tokens) - 1]);
  g_assert_true (sign_in (client, &error));
  job = get_job (client, JD_DEMO_JOB_UNKNOWN, &error);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* what must not appear: every token, the secret in every form it
   * travelled in, and the form's field name itself */
  for (guint i = 0; tokens[i] != NULL; i++)
    g_string_append_printf (secrets, "%s\n", tokens[i]);
  pair = g_strconcat (LEAK_KEY, ":", LEAK_SECRET, NULL);
  basic = g_base64_encode ((const guchar *) pair, strlen (pair));
  g_string_append_printf (secrets, "%s\n%s\n", LEAK_SECRET, basic);
  g_string_append (secrets, "client_secret\n");
  /* base64 of the demo pair "demo:demo", sent as Basic on some servers */
  g_string_append (secrets, "ZGVtbzpkZW1v\n");
  g_assert_true (g_file_set_contents (path, secrets->str, -1, NULL));

  jd_test_spin_for (20);
  g_clear_object (&client);
  jd_demo_server_stop (server);
}

static void
test_log_has_no_secrets (void)
{
  g_autofree char *name = g_strdup_printf ("jd-secrets-%d.txt", (int) getpid ());
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), name, NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) secrets = NULL;
  g_autofree char *old_debug = g_strdup (g_getenv ("G_MESSAGES_DEBUG"));
  guint checked = 0;

  if (g_test_subprocess ())
    {
      log_session ();
      return;
    }

  g_setenv ("JD_TEST_SECRETS_FILE", path, TRUE);
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  if (old_debug != NULL)
    g_setenv ("G_MESSAGES_DEBUG", old_debug, TRUE);
  else
    g_unsetenv ("G_MESSAGES_DEBUG");

  g_test_trap_assert_passed ();
  /* the debug log was on, and the client wrote to it */
  g_test_trap_assert_stdout ("*jd-client-DEBUG*Token received*");
  g_test_trap_assert_stdout ("*jd-client-DEBUG*failed*");

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  secrets = g_strsplit (contents, "\n", -1);
  for (guint i = 0; secrets[i] != NULL; i++)
    {
      g_autofree char *pattern = NULL;

      if (*secrets[i] == '\0')
        continue;

      /* tokens are hexadecimal, the rest is plain: no glob characters */
      g_assert_null (strpbrk (secrets[i], "*?"));
      pattern = g_strconcat ("*", secrets[i], "*", NULL);
      g_test_trap_assert_stdout_unmatched (pattern);
      g_test_trap_assert_stderr_unmatched (pattern);
      checked++;
    }

  /* at least two tokens, the secret, its Basic form, the field name */
  g_assert_cmpuint (checked, >=, 6);
  g_unlink (path);
}

/* ------------------------------------------------------------------ */
/* Plain HTTP                                                          */

/* The first IPv4 address of this machine that is not loopback, if any. */
static char *
find_non_loopback_address (void)
{
  struct ifaddrs *addresses = NULL;
  char *found = NULL;

  if (getifaddrs (&addresses) != 0)
    return NULL;

  for (struct ifaddrs *a = addresses; a != NULL && found == NULL; a = a->ifa_next)
    {
      char text[INET_ADDRSTRLEN];
      const struct sockaddr_in *in;

      if (a->ifa_addr == NULL || a->ifa_addr->sa_family != AF_INET)
        continue;

      in = (const struct sockaddr_in *) (gconstpointer) a->ifa_addr;
      if ((ntohl (in->sin_addr.s_addr) >> 24) == 127)
        continue;

      if (inet_ntop (AF_INET, &in->sin_addr, text, sizeof text) != NULL)
        found = g_strdup (text);
    }

  freeifaddrs (addresses);
  return found;
}

static void
assert_insecure_refused (JdClient *client)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;

  jd_client_set_api_key (client, "key", "secret");
  g_assert_false (sign_in (client, &error));
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_INSECURE);
  g_clear_error (&error);

  job = get_job (client, JOB_ID, &error);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_INSECURE);
  g_clear_error (&error);

  jd_client_set_access_token (client, "t0ken");
  g_assert_false (sign_in (client, &error));
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_INSECURE);
  g_clear_error (&error);

  job = get_job (client, JOB_ID, &error);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_INSECURE);
}

static void
test_plain_http_refused (void)
{
  g_autofree char *address = find_non_loopback_address ();
  g_autoptr(JdBrokenServer) server = NULL;
  g_autoptr(JdClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;

  if (address == NULL)
    {
      /* No such address here: an address that is never routed shows the
       * refusal comes before any connection, which would time out. */
      gint64 started = g_get_monotonic_time ();

      g_test_message ("no non-loopback address; checking against 192.0.2.1");
      client = jd_client_new (NULL, "http://192.0.2.1:9/webapi");
      jd_client_set_timeout (client, 10);
      assert_insecure_refused (client);
      /* 5 s on an idle machine, more when slow or loaded, but always short
       * of the 10 s deadline a connection attempt would run into */
      g_assert_cmpint (g_get_monotonic_time () - started, <, jd_test_bound_us (5000, 9000));
      return;
    }

  g_test_message ("serving on %s", address);
  server = jd_broken_server_new (address);
  client = jd_client_new (NULL, jd_broken_server_get_base_url (server));
  jd_client_set_timeout (client, 5);
  assert_insecure_refused (client);

  jd_test_spin_for (100);
  g_assert_cmpuint (jd_broken_server_get_connection_count (server), ==, 0);
  g_assert_cmpuint (jd_broken_server_get_token_request_count (server), ==, 0);
  g_assert_cmpuint (jd_broken_server_get_request_count (server), ==, 0);

  /* With the user's consent it goes through: the server was reachable
   * all along, so the zeros above mean something. */
  jd_client_set_allow_insecure (client, TRUE);
  job = get_job (client, JOB_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jd_broken_server_get_request_count (server), ==, 1);

  jd_test_spin_for (20);
  g_clear_object (&client);
  jd_broken_server_stop (server);
}

/* Loopback is the one place plain HTTP is fine (the sample server). */
static void
test_plain_http_loopback_allowed (void)
{
  g_autoptr(JdBrokenServer) server = jd_broken_server_new (NULL);
  g_autoptr(JdClient) client = jd_client_new (NULL, jd_broken_server_get_base_url (server));
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;

  jd_client_set_access_token (client, "t0ken");
  job = get_job (client, JOB_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jd_broken_server_get_request_count (server), ==, 1);

  jd_test_spin_for (20);
  g_clear_object (&client);
  jd_broken_server_stop (server);
}

/* ------------------------------------------------------------------ */
/* TLS                                                                 */

static void
test_self_signed_refused (void)
{
  g_autoptr(GTlsCertificate) certificate = jd_broken_server_load_test_certificate ();
  g_autoptr(JdBrokenServer) server = jd_broken_server_new_tls (NULL, certificate);
  g_autoptr(JdClient) client = jd_client_new (NULL, jd_broken_server_get_base_url (server));
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;

  g_assert_true (g_str_has_prefix (jd_broken_server_get_base_url (server), "https://127.0.0.1:"));
  jd_client_set_timeout (client, 10);

  /* a key and secret: the token request must not go out */
  jd_client_set_api_key (client, "key", LEAK_SECRET);
  g_assert_false (sign_in (client, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_TLS);
  g_assert_nonnull (strstr (error->message, "not signed by an authority this computer trusts"));
  g_clear_error (&error);

  /* a pasted token: the lookup must not go out */
  jd_client_set_access_token (client, "t0ken");
  job = get_job (client, JOB_ID, &error);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_TLS);
  g_assert_nonnull (strstr (error->message, "not signed by an authority this computer trusts"));
  /* The TLS library's own words are kept apart, for a details area. */
  g_test_message ("detail: %s", jd_client_error_get_detail (error));
  g_assert_nonnull (jd_client_error_get_detail (error));
  g_assert_null (strstr (error->message, jd_client_error_get_detail (error)));

  /* the client did connect, and sent nothing */
  jd_test_spin_for (100);
  g_assert_cmpuint (jd_broken_server_get_connection_count (server), >=, 2);
  g_assert_cmpuint (jd_broken_server_get_token_request_count (server), ==, 0);
  g_assert_cmpuint (jd_broken_server_get_request_count (server), ==, 0);

  jd_test_spin_for (20);
  g_clear_object (&client);
  jd_broken_server_stop (server);
}

/* The certificate is good for 127.0.0.1 and localhost only; a trusted
 * certificate for another name is no better. Here it is untrusted and
 * names another host, and the error names the first problem. */
static void
test_tls_wrong_host_refused (void)
{
  g_autoptr(GTlsCertificate) certificate = jd_broken_server_load_test_certificate ();
  g_autoptr(JdBrokenServer) server = jd_broken_server_new_tls ("127.0.0.2", certificate);
  g_autoptr(JdClient) client = jd_client_new (NULL, jd_broken_server_get_base_url (server));
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;

  jd_client_set_timeout (client, 10);
  jd_client_set_access_token (client, "t0ken");
  job = get_job (client, JOB_ID, &error);
  g_test_message ("%s", error->message);
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_TLS);

  jd_test_spin_for (100);
  g_assert_cmpuint (jd_broken_server_get_request_count (server), ==, 0);

  jd_test_spin_for (20);
  g_clear_object (&client);
  jd_broken_server_stop (server);
}

/* ------------------------------------------------------------------ */
/* IDs in paths                                                        */

static const char * const escaping_ids[] = {
  "",
  ".",
  "..",
  "../",
  "../../v3/workflows",
  "..%2F..%2Fv3%2Fworkflows",
  "%2F",
  "%2e%2e",
  "%2E%2E%2F",
  ".%2e",
  "%252e%252e",
  "66ebd18d3d6200007e000d8c/../x",
  "66ebd18d3d6200007e000d8c%2F..%2Fx",
  "66ebd18d3d6200007e000d8c?x=1",
  "66ebd18d3d6200007e000d8c#x",
  "66ebd18d3d6200007e000d8c;x",
  "66ebd18d3d6200007e000d8c%00",
  "66ebd18d3d6200007e000d8c\n",
  " 66ebd18d3d6200007e000d8c",
  "66ebd18d3d6200007e000d8",
  "66ebd18d3d6200007e000d8cc",
  "\xef\xbc\x96\xef\xbc\x96" "ebd18d3d6200007e000d8c", /* full-width digits */
  NULL, /* the very long one, made at run time */
};

typedef enum
{
  CALL_JOB,
  CALL_MESSAGES,
  CALL_WORKFLOW_JOBS,
  CALL_DOWNLOAD_JOB,
  CALL_DOWNLOAD_OUTPUT,
} CallKind;

static void
call_with_id (JdClient   *client,
              CallKind    kind,
              const char *id,
              GError    **error)
{
  g_autofree char *name = g_strdup_printf ("jd-escape-%d.out", (int) getpid ());
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JdTestAsync async = { 0 };
  gpointer result = NULL;

  switch (kind)
    {
    case CALL_JOB:
      jd_client_get_job_async (client, id, FALSE, NULL, jd_test_async_ready_cb, &async);
      result = jd_client_get_job_finish (client, jd_test_wait_result (&async, WAIT_MS), error);
      break;

    case CALL_MESSAGES:
      jd_client_get_job_messages_async (client, id, NULL, jd_test_async_ready_cb, &async);
      result = jd_client_get_job_messages_finish (client, jd_test_wait_result (&async, WAIT_MS), error);
      break;

    case CALL_WORKFLOW_JOBS:
      jd_client_list_workflow_jobs_async (client, id, NULL, NULL, jd_test_async_ready_cb, &async);
      result = jd_client_list_workflow_jobs_finish (client, jd_test_wait_result (&async, WAIT_MS), error);
      break;

    case CALL_DOWNLOAD_JOB:
      jd_client_download_output_async (client, id, "o1", "Csv", file, NULL, NULL,
                                       NULL, jd_test_async_ready_cb, &async);
      wait_boolean (&async, client, jd_client_download_output_finish, error, FALSE);
      break;

    case CALL_DOWNLOAD_OUTPUT:
      jd_client_download_output_async (client, JOB_ID, id, "Csv", file, NULL, NULL,
                                       NULL, jd_test_async_ready_cb, &async);
      wait_boolean (&async, client, jd_client_download_output_finish, error, FALSE);
      break;

    default:
      g_assert_not_reached ();
    }

  jd_test_async_clear (&async);
  g_assert_null (result);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_escaping_ids_refused (gconstpointer data)
{
  CallKind kind = GPOINTER_TO_INT (data);
  g_autoptr(JdBrokenServer) server = jd_broken_server_new (NULL);
  g_autoptr(JdClient) client = jd_client_new (NULL, jd_broken_server_get_base_url (server));
  g_autofree char *very_long = g_strnfill (100000, 'a');

  jd_client_set_access_token (client, "t0ken");

  for (guint i = 0; i < G_N_ELEMENTS (escaping_ids); i++)
    {
      const char *id = escaping_ids[i] != NULL ? escaping_ids[i] : very_long;
      g_autoptr(GError) error = NULL;

      call_with_id (client, kind, id, &error);
      g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_INVALID_INPUT);
    }

  jd_test_spin_for (100);
  g_assert_cmpuint (jd_broken_server_get_connection_count (server), ==, 0);

  jd_test_spin_for (20);
  g_clear_object (&client);
  jd_broken_server_stop (server);
}

/* An output ID is the Server's word, not 24 hexadecimal characters, so it
 * is escaped rather than checked; only what escaping cannot keep in its
 * segment is refused: nothing, a dot segment, or something far too long. */
static void
test_output_id_dot_segments_refused (void)
{
  g_autoptr(JdBrokenServer) server = jd_broken_server_new (NULL);
  g_autoptr(JdClient) client = jd_client_new (NULL, jd_broken_server_get_base_url (server));
  g_autofree char *very_long = g_strnfill (100000, 'a');
  const char * const ids[] = { "", ".", "..", very_long };

  jd_client_set_access_token (client, "t0ken");

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GError) error = NULL;

      call_with_id (client, CALL_DOWNLOAD_OUTPUT, ids[i], &error);
      g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_INVALID_INPUT);
    }

  jd_test_spin_for (100);
  g_assert_cmpuint (jd_broken_server_get_connection_count (server), ==, 0);

  jd_test_spin_for (20);
  g_clear_object (&client);
  jd_broken_server_stop (server);
}

static void
test_output_id_escaped (void)
{
  g_autoptr(JdBrokenServer) server = jd_broken_server_new (NULL);
  g_autoptr(JdClient) client = jd_client_new (NULL, jd_broken_server_get_base_url (server));
  g_autofree char *name = g_strdup_printf ("jd-escaped-%d.out", (int) getpid ());
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char * const ids[] = { "../", "../../v3/workflows", "%2e%2e", "..%2F", "a/b", "a?b", "a#b", "%2F", "a b", "...", ".a" };

  jd_client_set_access_token (client, "t0ken");
  jd_broken_server_set_scenario (server, "status-404");

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *seen = NULL;
      JdTestAsync async = { 0 };
      const char *segment;

      jd_client_download_output_async (client, JOB_ID, ids[i], "Csv", file, NULL, NULL,
                                       NULL, jd_test_async_ready_cb, &async);
      wait_boolean (&async, client, jd_client_download_output_finish, &error, FALSE);
      g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_FOUND);

      /* the server saw the ID as one segment where it belongs */
      seen = jd_broken_server_dup_last_path (server);
      g_test_message ("%s -> %s", ids[i], seen);
      g_assert_true (g_str_has_prefix (seen, "/webapi/v1/jobs/" JOB_ID "/output/"));
      segment = seen + strlen ("/webapi/v1/jobs/" JOB_ID "/output/");
      g_assert_null (strchr (segment, '/'));
      g_assert_cmpstr (segment, !=, ".");
      g_assert_cmpstr (segment, !=, "..");
      g_assert_cmpstr (segment, !=, "");
    }

  g_assert_cmpuint (jd_broken_server_get_request_count (server), ==, G_N_ELEMENTS (ids));
  jd_test_spin_for (20);
  g_clear_object (&client);
  jd_broken_server_stop (server);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/robustness/security/log/no-token-or-secret", test_log_has_no_secrets);
  g_test_add_func ("/robustness/security/plain-http/refused-off-loopback", test_plain_http_refused);
  g_test_add_func ("/robustness/security/plain-http/loopback-allowed", test_plain_http_loopback_allowed);
  g_test_add_func ("/robustness/security/tls/self-signed-refused", test_self_signed_refused);
  g_test_add_func ("/robustness/security/tls/wrong-host-refused", test_tls_wrong_host_refused);
  g_test_add_data_func ("/robustness/security/ids/job", GINT_TO_POINTER (CALL_JOB), test_escaping_ids_refused);
  g_test_add_data_func ("/robustness/security/ids/messages", GINT_TO_POINTER (CALL_MESSAGES), test_escaping_ids_refused);
  g_test_add_data_func ("/robustness/security/ids/workflow-jobs", GINT_TO_POINTER (CALL_WORKFLOW_JOBS), test_escaping_ids_refused);
  g_test_add_data_func ("/robustness/security/ids/download-job", GINT_TO_POINTER (CALL_DOWNLOAD_JOB), test_escaping_ids_refused);
  g_test_add_func ("/robustness/security/ids/output-dot-segments-refused", test_output_id_dot_segments_refused);
  g_test_add_func ("/robustness/security/ids/output-id-escaped", test_output_id_escaped);

  return g_test_run ();
}
