/* test-ui-session.c: the objects that own the app's state, without a
 * window: the session (restore, sign-in saved in one place, switching,
 * signing out, the sample server), the saved servers and the followed
 * jobs, against the sample server over real HTTP and the test session's
 * keyring (tools/test-session sets JD_TEST_KEYRING). */
#include "config.h"

#include <string.h>

#include "jd-credentials.h"
#include "jd-followed-jobs.h"
#include "jd-followed-jobs-private.h"
#include "jd-servers.h"
#include "jd-session.h"
#include "jd-ui-test-util.h"

#define WAIT_MS 20000

typedef struct
{
  GSettings    *settings;
  JdServers    *servers;
  JdSession    *session;
  JdDemoServer *server;
  guint         needed;
  char         *needed_server;
  guint         client_changes;
  char         *stored_server;
  JdAuthKind    stored_kind;
} Fixture;

static const char * const keys[] = {
  "server-address", "sign-in-kind", "profiles", "allow-insecure", NULL
};

static void
on_sign_in_needed_cb (JdSession  *session,
                      const char *server,
                      Fixture    *fixture)
{
  fixture->needed++;
  g_free (fixture->needed_server);
  fixture->needed_server = g_strdup (server);
}

static void
on_client_cb (Fixture *fixture)
{
  fixture->client_changes++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->settings = g_settings_new (APPLICATION_ID);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (fixture->settings, keys[i]);
  fixture->servers = jd_servers_new (fixture->settings);
  fixture->session = jd_session_new (fixture->settings, fixture->servers);
  fixture->server = jd_ui_test_demo_server_new ();
  g_signal_connect (fixture->session, "sign-in-needed", G_CALLBACK (on_sign_in_needed_cb), fixture);
  g_signal_connect_swapped (fixture->session, "notify::client", G_CALLBACK (on_client_cb), fixture);
}

static void
on_forgotten_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  gboolean *done = user_data;

  jd_credentials_forget_finish (result, NULL);
  *done = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->stored_server != NULL)
    {
      gboolean done = FALSE;

      jd_credentials_forget_async (fixture->stored_server, fixture->stored_kind, NULL, on_forgotten_cb, &done);
      g_assert_true (jd_ui_test_wait_for (flag_set, &done, WAIT_MS));
      g_free (fixture->stored_server);
    }

  jd_session_shutdown (fixture->session);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->servers);
  g_clear_object (&fixture->settings);
  jd_demo_server_stop (fixture->server);
  g_clear_object (&fixture->server);
  g_free (fixture->needed_server);
}

static gboolean
sign_in_needed (gpointer data)
{
  return ((Fixture *) data)->needed > 0;
}

static gboolean
has_client (gpointer data)
{
  return jd_session_get_client (((Fixture *) data)->session) != NULL;
}

static JdCredentials *
demo_credentials (Fixture *fixture)
{
  return jd_credentials_new (jd_demo_server_get_base_url (fixture->server),
                             JD_AUTH_API_KEY, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
}

static void
on_stored_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  int *stored = user_data;

  *stored = jd_credentials_store_finish (result, NULL) ? 1 : 2;
}

static gboolean
stored_set (gpointer data)
{
  return *(int *) data != 0;
}

/* Into the test session's keyring; FALSE without one. */
static gboolean
store (Fixture             *fixture,
       const JdCredentials *credentials)
{
  int stored = 0;

  jd_credentials_store_async (credentials, NULL, on_stored_cb, &stored);
  g_assert_true (jd_ui_test_wait_for (stored_set, &stored, WAIT_MS));
  if (stored == 1)
    {
      fixture->stored_server = g_strdup (credentials->server);
      fixture->stored_kind = credentials->kind;
    }

  return stored == 1;
}

static void
on_looked_up_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  int *found = user_data;
  g_autoptr(JdCredentials) credentials = jd_credentials_lookup_finish (result, NULL);

  *found = credentials != NULL ? 1 : 2;
}

static gboolean
keyring_empty (gpointer data)
{
  const JdCredentials *credentials = data;
  int found = 0;

  jd_credentials_lookup_async (credentials->server, credentials->kind, NULL, on_looked_up_cb, &found);
  while (found == 0)
    g_main_context_iteration (NULL, TRUE);

  return found == 2;
}

/* Nothing saved: nothing is looked up, and the caller shows the dialog
 * (after the window's first frame), not the session. */
static void
test_restore_nothing_saved (Fixture       *fixture,
                            gconstpointer  data)
{
  g_assert_false (jd_session_restore (fixture->session));
  g_assert_false (jd_session_get_restoring (fixture->session));
  jd_ui_test_spin (100);
  g_assert_cmpuint (fixture->needed, ==, 0);
  g_assert_null (jd_session_get_client (fixture->session));
}

/* A saved sign-in the keyring has nothing for: the session asks. */
static void
test_restore_finds_nothing (Fixture       *fixture,
                            gconstpointer  data)
{
  g_settings_set_string (fixture->settings, "server-address", "https://nothing-stored.example.com/webapi/");
  g_settings_set_enum (fixture->settings, "sign-in-kind", JD_AUTH_API_KEY);

  g_assert_true (jd_session_restore (fixture->session));
  g_assert_true (jd_session_get_restoring (fixture->session));
  g_assert_true (jd_ui_test_wait_for (sign_in_needed, fixture, WAIT_MS));
  g_assert_cmpuint (fixture->needed, ==, 1);
  g_assert_null (fixture->needed_server);
  g_assert_false (jd_session_get_restoring (fixture->session));
  g_assert_null (jd_session_get_client (fixture->session));
}

/* One sign-in, saved in one place: where and how (never the secret), the
 * saved servers, the allow-insecure choice; then it is the client. */
static void
test_sign_in_saved_in_one_place (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(JdCredentials) credentials = demo_credentials (fixture);
  g_autoptr(JdClient) client = jd_client_new (jd_session_get_soup_session (fixture->session), credentials->server);
  g_autoptr(GVariant) profiles = NULL;
  g_autofree char *address = NULL;
  g_autofree char *target = NULL;
  const char *server, *nick;
  GMenuModel *menu = jd_servers_get_menu (fixture->servers);
  GVariantIter iter;

  jd_credentials_apply (credentials, client);
  jd_client_set_allow_insecure (client, TRUE);
  jd_session_sign_in (fixture->session, client, credentials);

  g_assert_true (jd_session_get_client (fixture->session) == client);
  g_assert_cmpuint (fixture->client_changes, ==, 1);
  address = g_settings_get_string (fixture->settings, "server-address");
  g_assert_cmpstr (address, ==, credentials->server);
  g_assert_cmpint (g_settings_get_enum (fixture->settings, "sign-in-kind"), ==, JD_AUTH_API_KEY);
  g_assert_true (jd_servers_get_allow_insecure (fixture->servers, credentials->server));

  profiles = g_settings_get_value (fixture->settings, "profiles");
  g_assert_cmpuint (g_variant_n_children (profiles), ==, 1);
  g_variant_iter_init (&iter, profiles);
  g_assert_true (g_variant_iter_next (&iter, "(&s&s)", &server, &nick));
  g_assert_cmpstr (server, ==, credentials->server);
  g_assert_cmpstr (nick, ==, "api-key");

  /* the menu lists it, with the target the server action takes */
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 1);
  g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_TARGET, "s", &target));
  {
    g_autofree char *parsed = NULL;
    JdAuthKind kind;

    g_assert_true (jd_servers_parse_target (target, &parsed, &kind));
    g_assert_cmpstr (parsed, ==, credentials->server);
    g_assert_cmpint (kind, ==, JD_AUTH_API_KEY);
  }

  /* the secret is nowhere in the settings */
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (fixture->settings, keys[i]);
      g_autofree char *text = g_variant_print (value, FALSE);

      g_assert_null (strstr (text, JD_DEMO_API_SECRET));
    }
}

/* The last sign-in comes back from the keyring; signing out forgets it
 * everywhere and asks for the next one, with the address. */
static void
test_restore_and_sign_out (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(JdCredentials) credentials = demo_credentials (fixture);
  g_autoptr(GVariant) profiles = NULL;
  JdClient *client;

  if (!store (fixture, credentials))
    {
      g_test_skip ("no keyring in this session (tools/test-session provides one)");
      return;
    }

  g_settings_set_string (fixture->settings, "server-address", credentials->server);
  g_settings_set_enum (fixture->settings, "sign-in-kind", JD_AUTH_API_KEY);
  jd_servers_remember (fixture->servers, credentials->server, JD_AUTH_API_KEY);

  g_assert_true (jd_session_restore (fixture->session));
  g_assert_true (jd_ui_test_wait_for (has_client, fixture, WAIT_MS));
  client = jd_session_get_client (fixture->session);
  g_assert_cmpstr (jd_client_get_base_url (client), ==, credentials->server);
  g_assert_cmpint (jd_client_get_auth_kind (client), ==, JD_AUTH_API_KEY);
  g_assert_cmpuint (fixture->needed, ==, 0);

  jd_session_sign_out (fixture->session);
  g_assert_null (jd_session_get_client (fixture->session));
  g_assert_cmpuint (fixture->needed, ==, 1);
  g_assert_cmpstr (fixture->needed_server, ==, credentials->server);
  g_assert_cmpint (g_settings_get_enum (fixture->settings, "sign-in-kind"), ==, JD_AUTH_NONE);
  profiles = g_settings_get_value (fixture->settings, "profiles");
  g_assert_cmpuint (g_variant_n_children (profiles), ==, 0);

  /* and a restore now has nothing to look up */
  g_assert_false (jd_session_restore (fixture->session));

  /* the keyring entry goes too */
  g_assert_true (jd_ui_test_wait_for (keyring_empty, credentials, WAIT_MS));
  g_clear_pointer (&fixture->stored_server, g_free);
}

/* A saved server without a keyring entry: ask, with its address, and the
 * dialog starts with its kind; the client stays as it was. */
static void
test_switch_without_entry (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *other = "https://nothing-stored.example.com/webapi/";

  jd_session_switch_server (fixture->session, other, JD_AUTH_ACCESS_TOKEN);
  g_assert_true (jd_ui_test_wait_for (sign_in_needed, fixture, WAIT_MS));
  g_assert_cmpstr (fixture->needed_server, ==, other);
  g_assert_cmpint (jd_session_get_last_kind (fixture->session), ==, JD_AUTH_ACCESS_TOKEN);
  g_assert_null (jd_session_get_client (fixture->session));
  g_assert_cmpuint (fixture->client_changes, ==, 0);
}

/* The sample server: a client, nothing saved, and signing out of it
 * forgets nothing. */
static void
test_sample_sign_in (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) profiles = NULL;
  g_autofree char *address = NULL;
  JdClient *client;

  g_settings_set_string (fixture->settings, "server-address", "https://kept.example.com/webapi/");
  g_settings_set_enum (fixture->settings, "sign-in-kind", JD_AUTH_ACCESS_TOKEN);

  g_assert_true (jd_session_sign_in_demo (fixture->session, &error));
  g_assert_no_error (error);
  client = jd_session_get_client (fixture->session);
  g_assert_nonnull (client);
  g_assert_true (jd_session_is_demo_client (fixture->session, client));
  g_assert_cmpstr (jd_client_get_base_url (client), ==, jd_session_start_demo_server (fixture->session, NULL));

  profiles = g_settings_get_value (fixture->settings, "profiles");
  g_assert_cmpuint (g_variant_n_children (profiles), ==, 0);

  jd_session_sign_out (fixture->session);
  g_assert_null (jd_session_get_client (fixture->session));
  address = g_settings_get_string (fixture->settings, "server-address");
  g_assert_cmpstr (address, ==, "https://kept.example.com/webapi/");
  g_assert_cmpint (g_settings_get_enum (fixture->settings, "sign-in-kind"), ==, JD_AUTH_ACCESS_TOKEN);
  g_assert_cmpuint (fixture->needed, ==, 1);
}

static void
on_job_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  JdJob **job = user_data;

  *job = jd_client_get_job_finish (JD_CLIENT (source), result, NULL);
}

static gboolean
pointer_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

/* Followed jobs follow with the session's client, one follower per job,
 * and end when the client changes. */
static void
test_followed_jobs_end_with_client (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(JdClient) client = jd_ui_test_demo_client_new (fixture->server, FALSE);
  g_autoptr(JdFollowedJobs) followed = jd_followed_jobs_new (NULL, fixture->session, NULL);
  g_autoptr(JdJob) running = NULL;
  g_autoptr(JdJob) done = NULL;
  JdJobFollower *follower;

  jd_client_get_job_async (client, JD_DEMO_JOB_RUNNING, FALSE, NULL, on_job_cb, &running);
  g_assert_true (jd_ui_test_wait_for (pointer_set, &running, WAIT_MS));
  jd_client_get_job_async (client, JD_DEMO_JOB_SUCCESS, FALSE, NULL, on_job_cb, &done);
  g_assert_true (jd_ui_test_wait_for (pointer_set, &done, WAIT_MS));

  /* no client, nothing to follow with */
  g_assert_null (jd_followed_jobs_follow (followed, running));

  jd_session_set_client (fixture->session, client);
  jd_followed_jobs_set_intervals (followed, 50, 100);
  follower = jd_followed_jobs_follow (followed, running);
  g_assert_nonnull (follower);
  g_assert_true (jd_followed_jobs_follow (followed, running) == follower);
  g_assert_true (jd_followed_jobs_lookup (followed, JD_DEMO_JOB_RUNNING) == follower);
  g_assert_null (jd_followed_jobs_follow (followed, done));

  jd_session_set_client (fixture->session, NULL);
  g_assert_null (jd_followed_jobs_lookup (followed, JD_DEMO_JOB_RUNNING));
  g_assert_cmpuint (jd_followed_jobs_get_notification_count (followed), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  jd_ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/ui/session/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("restore/nothing-saved", test_restore_nothing_saved);
  ADD ("restore/keyring-has-nothing-asks", test_restore_finds_nothing);
  ADD ("restore/from-keyring-then-sign-out", test_restore_and_sign_out);
  ADD ("sign-in/saved-in-one-place", test_sign_in_saved_in_one_place);
  ADD ("switch/without-keyring-entry-asks", test_switch_without_entry);
  ADD ("sample/nothing-saved-nothing-forgotten", test_sample_sign_in);
  ADD ("followed-jobs/end-with-the-client", test_followed_jobs_end_with_client);

  return g_test_run ();
}
