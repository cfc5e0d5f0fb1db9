/* test-search-provider.c: Job Desk in GNOME Shell's search, over D-Bus.
 *
 * The app runs in this process, registered on the session bus that
 * tools/test-session provides, and signed in to the sample server; the
 * test plays GNOME Shell from a second bus connection, calling the
 * app's org.gnome.Shell.SearchProvider2 at the object path the built
 * .ini file names, with a GDBusProxy as the Shell does. Each call goes
 * through the bus daemon: the app answers on its own main loop, which
 * the test spins while it waits.
 */
#include "config.h"

#include <string.h>

#include "jd-broken-server.h"
#include "jd-credentials.h"
#include "jd-history.h"
#include "jd-lookup-page.h"
#include "jd-test-util.h"
#include "jd-ui-test-util.h"
#include "jd-window.h"
#include "jd-window-private.h"

#define WAIT_MS 20000
#define INTERFACE "org.gnome.Shell.SearchProvider2"

typedef struct
{
  JdApplication   *app;
  JdDemoServer    *server;
  JdClient        *client;
  GDBusConnection *shell;     /* the caller's own connection */
  GDBusProxy      *provider;
} Fixture;

/* "/io/github/jobdesk/JobDesk" for the app ID, as GApplication exports. */
static char *
app_object_path (const char *app_id)
{
  g_autofree char *path = g_strconcat ("/", app_id, NULL);

  return g_strdelimit (g_steal_pointer (&path), ".", '/');
}

/* The built .ini: what GNOME Shell reads to find the provider. */
static GKeyFile *
load_ini (void)
{
  const char *path = g_getenv ("JD_SEARCH_PROVIDER_INI");
  g_autoptr(GKeyFile) ini = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (path);
  g_key_file_load_from_file (ini, path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&ini);
}

/* The .ini's object path, for an app registered under this ID instead
 * of the real one (each test's app has an ID of its own). */
static char *
provider_path_for (const char *app_id)
{
  g_autoptr(GKeyFile) ini = load_ini ();
  g_autofree char *path = g_key_file_get_string (ini, "Shell Search Provider", "ObjectPath", NULL);
  g_autofree char *real = app_object_path (APPLICATION_ID);
  g_autofree char *ours = app_object_path (app_id);

  g_assert_nonnull (path);
  g_assert_true (g_str_has_prefix (path, real));
  return g_strconcat (ours, path + strlen (real), NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *address = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GDBusConnection *app_bus;

  fixture->app = jd_ui_test_app_new ();
  fixture->server = jd_ui_test_demo_server_new ();
  fixture->client = jd_ui_test_demo_client_new (fixture->server, FALSE);
  jd_application_set_client (fixture->app, fixture->client);

  app_bus = g_application_get_dbus_connection (G_APPLICATION (fixture->app));
  g_assert_nonnull (app_bus);

  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  fixture->shell = g_dbus_connection_new_for_address_sync (address,
                                                           G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                           G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                           NULL, NULL, &error);
  g_assert_no_error (error);

  path = provider_path_for (g_application_get_application_id (G_APPLICATION (fixture->app)));
  fixture->provider = g_dbus_proxy_new_sync (fixture->shell,
                                             G_DBUS_PROXY_FLAGS_DO_NOT_LOAD_PROPERTIES |
                                             G_DBUS_PROXY_FLAGS_DO_NOT_CONNECT_SIGNALS |
                                             G_DBUS_PROXY_FLAGS_DO_NOT_AUTO_START,
                                             NULL, g_dbus_connection_get_unique_name (app_bus),
                                             path, INTERFACE, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l != NULL;
       l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)))
    gtk_window_destroy (l->data);
  jd_ui_test_spin (50);
  g_clear_object (&fixture->provider);
  g_dbus_connection_close_sync (fixture->shell, NULL, NULL);
  g_clear_object (&fixture->shell);
  jd_application_set_client (fixture->app, NULL);
  g_clear_object (&fixture->client);
  jd_demo_server_stop (fixture->server);
  g_clear_object (&fixture->server);
  g_clear_object (&fixture->app);
}

/* A method call over the bus; the app answers while this spins. */
static GVariant *
call (Fixture    *fixture,
      const char *method,
      GVariant   *parameters)
{
  JdTestAsync async = { 0 };
  g_autoptr(GError) error = NULL;
  GVariant *reply;

  g_dbus_proxy_call (fixture->provider, method, parameters, G_DBUS_CALL_FLAGS_NO_AUTO_START,
                     WAIT_MS * jd_test_slowdown (), NULL, jd_test_async_ready_cb, &async);
  reply = g_dbus_proxy_call_finish (fixture->provider, jd_test_wait_result (&async, WAIT_MS), &error);
  g_assert_no_error (error);
  jd_test_async_clear (&async);
  return reply;
}

static GStrv
initial_result_set (Fixture            *fixture,
                    const char * const *terms)
{
  g_autoptr(GVariant) reply = call (fixture, "GetInitialResultSet", g_variant_new ("(^as)", terms));
  GStrv results = NULL;

  g_variant_get (reply, "(^as)", &results);
  return results;
}

typedef struct
{
  char *name;
  char *description;
  char *gicon;
} Meta;

static void
meta_clear (Meta *meta)
{
  g_free (meta->name);
  g_free (meta->description);
  g_free (meta->gicon);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Meta, meta_clear)

/* GetResultMetas for one ID; fills meta, asserting it names that ID. */
static void
result_meta (Fixture    *fixture,
             const char *id,
             Meta       *meta)
{
  const char *ids[] = { id, NULL };
  g_autoptr(GVariant) reply = call (fixture, "GetResultMetas", g_variant_new ("(^as)", ids));
  g_autoptr(GVariant) metas = g_variant_get_child_value (reply, 0);
  g_autoptr(GVariant) first = NULL;
  const char *meta_id = NULL;

  g_assert_cmpuint (g_variant_n_children (metas), ==, 1);
  first = g_variant_get_child_value (metas, 0);
  g_assert_true (g_variant_lookup (first, "id", "&s", &meta_id));
  g_assert_cmpstr (meta_id, ==, id);
  g_assert_true (g_variant_lookup (first, "name", "s", &meta->name));
  g_assert_true (g_variant_lookup (first, "description", "s", &meta->description));
  g_assert_true (g_variant_lookup (first, "gicon", "s", &meta->gicon));
}

static JdJob *
get_job (JdClient   *client,
         const char *id)
{
  JdTestAsync async = { 0 };
  g_autoptr(GError) error = NULL;
  JdJob *job;

  jd_client_get_job_async (client, id, FALSE, NULL, jd_test_async_ready_cb, &async);
  job = jd_client_get_job_finish (client, jd_test_wait_result (&async, WAIT_MS), &error);
  g_assert_no_error (error);
  jd_test_async_clear (&async);
  return job;
}

/* As a lookup in the window leaves it: the job first in the history. */
static void
remember (Fixture    *fixture,
          const char *id)
{
  g_autoptr(JdJob) job = get_job (fixture->client, id);

  jd_history_add_job (jd_application_get_history (fixture->app), job);
}

/* ------------------------------------------------------------------ */
/* Cases                                                               */

static void
test_ini_names_the_app (void)
{
  g_autoptr(GKeyFile) ini = load_ini ();
  g_autofree char *desktop_id = NULL;
  g_autofree char *bus_name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *app_path = app_object_path (APPLICATION_ID);
  g_autofree char *expected = g_strconcat (app_path, "/SearchProvider", NULL);
  g_autoptr(GError) error = NULL;

  desktop_id = g_key_file_get_string (ini, "Shell Search Provider", "DesktopId", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desktop_id, ==, APPLICATION_ID ".desktop");
  bus_name = g_key_file_get_string (ini, "Shell Search Provider", "BusName", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bus_name, ==, APPLICATION_ID);
  path = g_key_file_get_string (ini, "Shell Search Provider", "ObjectPath", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, expected);
  g_assert_cmpint (g_key_file_get_integer (ini, "Shell Search Provider", "Version", &error), ==, 2);
  g_assert_no_error (error);
}

static void
test_id_found_in_text (Fixture       *fixture,
                       gconstpointer  data)
{
  /* As the Shell splits a pasted line, upper case and all. */
  const char *terms[] = { "Re:", "job", "66EBD18D3D6200007E000D8E", "failed", "again?", NULL };
  const char *nothing[] = { "weekly", "sales", "report", NULL };
  g_auto(GStrv) results = initial_result_set (fixture, terms);
  g_auto(GStrv) none = initial_result_set (fixture, nothing);

  g_assert_cmpuint (g_strv_length (results), ==, 1);
  g_assert_cmpstr (results[0], ==, JD_DEMO_JOB_ERROR);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

static void
test_history_matches_by_prefix (Fixture       *fixture,
                                gconstpointer  data)
{
  const char *prefix[] = { "66EBD", NULL };
  const char *too_short[] = { "66e", NULL };
  const char *not_prefix[] = { "000d8d", NULL };
  const char *narrower[] = { "66ebd18d3d6200007e000d8d", NULL };
  g_auto(GStrv) by_prefix = NULL;
  g_auto(GStrv) short_results = NULL;
  g_auto(GStrv) inside = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_auto(GStrv) subsearch = NULL;

  remember (fixture, JD_DEMO_JOB_SUCCESS);
  remember (fixture, JD_DEMO_JOB_WARNING);

  /* Newest lookup first, as in the window's recent lookups. */
  by_prefix = initial_result_set (fixture, prefix);
  g_assert_cmpuint (g_strv_length (by_prefix), ==, 2);
  g_assert_cmpstr (by_prefix[0], ==, JD_DEMO_JOB_WARNING);
  g_assert_cmpstr (by_prefix[1], ==, JD_DEMO_JOB_SUCCESS);

  short_results = initial_result_set (fixture, too_short);
  g_assert_cmpuint (g_strv_length (short_results), ==, 0);
  inside = initial_result_set (fixture, not_prefix);
  g_assert_cmpuint (g_strv_length (inside), ==, 0);

  /* Typing on narrows to the one job. */
  reply = call (fixture, "GetSubsearchResultSet", g_variant_new ("(^as^as)", by_prefix, narrower));
  g_variant_get (reply, "(^as)", &subsearch);
  g_assert_cmpuint (g_strv_length (subsearch), ==, 1);
  g_assert_cmpstr (subsearch[0], ==, JD_DEMO_JOB_WARNING);
}

static void
test_meta_status_from_server (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(JdJob) job = get_job (fixture->client, JD_DEMO_JOB_WARNING);
  g_autoptr(JdWorkflow) workflow = NULL;
  g_autofree char *expected = NULL;
  g_auto(Meta) meta = { 0 };
  JdHistory *history = jd_application_get_history (fixture->app);

  /* Nothing known before: what comes back is the server's. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 0);
  result_meta (fixture, JD_DEMO_JOB_WARNING, &meta);

  {
    JdTestAsync async = { 0 };
    g_autoptr(GError) error = NULL;

    jd_client_get_workflow_async (fixture->client, jd_job_get_app_id (job), NULL, jd_test_async_ready_cb, &async);
    workflow = jd_client_get_workflow_finish (fixture->client, jd_test_wait_result (&async, WAIT_MS), &error);
    g_assert_no_error (error);
    jd_test_async_clear (&async);
  }

  /* The workflow's name, and status · disposition with the job's ID. */
  g_assert_cmpstr (meta.name, ==, jd_workflow_get_name (workflow));
  expected = g_strdup_printf ("Completed · Warning — job %s", JD_DEMO_JOB_WARNING);
  g_assert_cmpstr (meta.description, ==, expected);
  g_assert_true (strstr (meta.gicon, "dialog-warning-symbolic") != NULL);
}

static void
test_meta_slow_server_answers_from_history (Fixture       *fixture,
                                            gconstpointer  data)
{
  g_autoptr(JdBrokenServer) broken = jd_broken_server_new (NULL);
  g_autoptr(JdClient) slow = jd_client_new (NULL, jd_broken_server_get_base_url (broken));
  g_auto(Meta) known = { 0 };
  g_auto(Meta) unknown = { 0 };
  gint64 start;
  double seconds;

  remember (fixture, JD_DEMO_JOB_SUCCESS);

  /* The signed-in server takes the call and never answers. */
  jd_broken_server_set_scenario (broken, "never-answers");
  jd_broken_server_set_token_scenario (broken, "never-answers");
  jd_client_set_api_key (slow, "key", "secret");
  jd_application_set_client (fixture->app, slow);

  start = g_get_monotonic_time ();
  result_meta (fixture, JD_DEMO_JOB_SUCCESS, &known);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_test_message ("answered from the history after %.2f s", seconds);

  /* The Shell waits for no provider long: about 2 s, not the client's 60. */
  g_assert_cmpfloat (seconds, >=, 1.5);
  /* 5 s on an idle machine, more when slow or loaded, but always short
   * of the client's 60 s */
  g_assert_cmpfloat (seconds * G_USEC_PER_SEC, <, jd_test_bound_us (5000, 55000));
  g_assert_cmpstr (known.name, ==, JD_DEMO_JOB_SUCCESS);
  g_assert_cmpstr (known.description, ==, "Completed · Success");

  /* Neither the server nor the history knows this one. */
  result_meta (fixture, JD_DEMO_JOB_RUNNING, &unknown);
  g_assert_cmpstr (unknown.name, ==, JD_DEMO_JOB_RUNNING);
  g_assert_cmpstr (unknown.description, ==, "Status not known yet: open the job to look it up.");

  jd_application_set_client (fixture->app, NULL);
  jd_broken_server_stop (broken);
}

static void
test_meta_signed_out (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(Meta) meta = { 0 };

  jd_application_set_client (fixture->app, NULL);
  result_meta (fixture, JD_DEMO_JOB_SUCCESS, &meta);
  g_assert_cmpstr (meta.name, ==, JD_DEMO_JOB_SUCCESS);
  g_assert_cmpstr (meta.description, ==, "Sign in to Job Desk to see its status.");
}

/* As a sign-in through the dialog leaves it, for the next start. */
static void
save_sign_in (Fixture  *fixture,
              gboolean  in_keyring)
{
  const char *url = jd_demo_server_get_base_url (fixture->server);
  GSettings *settings = jd_application_get_settings (fixture->app);

  if (in_keyring)
    {
      g_autoptr(JdCredentials) credentials = jd_credentials_new (url, JD_AUTH_API_KEY, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
      JdTestAsync async = { 0 };
      g_autoptr(GError) error = NULL;

      jd_credentials_store_async (credentials, NULL, jd_test_async_ready_cb, &async);
      g_assert_true (jd_credentials_store_finish (jd_test_wait_result (&async, WAIT_MS), &error));
      g_assert_no_error (error);
      jd_test_async_clear (&async);
    }
  else
    {
      JdTestAsync async = { 0 };

      jd_credentials_forget_async (url, JD_AUTH_API_KEY, NULL, jd_test_async_ready_cb, &async);
      jd_credentials_forget_finish (jd_test_wait_result (&async, WAIT_MS), NULL);
      jd_test_async_clear (&async);
    }

  g_settings_set_string (settings, "server-address", url);
  g_settings_set_enum (settings, "sign-in-kind", JD_AUTH_API_KEY);
}

static void
test_meta_restores_saved_sign_in (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_auto(Meta) meta = { 0 };

  if (g_getenv ("JD_TEST_KEYRING") == NULL)
    {
      g_test_skip ("JD_TEST_KEYRING is not set: run under tools/test-session for a Secret Service");
      return;
    }

  /* Started by the Shell: signed in before, not yet now. */
  save_sign_in (fixture, TRUE);
  jd_application_set_client (fixture->app, NULL);

  result_meta (fixture, JD_DEMO_JOB_SUCCESS, &meta);
  g_assert_true (g_str_has_prefix (meta.description, "Completed · Success"));
  g_assert_nonnull (jd_application_get_client (fixture->app));
  /* A search opens no window. */
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (fixture->app)));
}

static void
test_meta_no_saved_sign_in_opens_nothing (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_auto(Meta) meta = { 0 };

  if (g_getenv ("JD_TEST_KEYRING") == NULL)
    {
      g_test_skip ("JD_TEST_KEYRING is not set: run under tools/test-session for a Secret Service");
      return;
    }

  /* The settings name a server the keyring holds nothing for. */
  save_sign_in (fixture, FALSE);
  jd_application_set_client (fixture->app, NULL);

  result_meta (fixture, JD_DEMO_JOB_SUCCESS, &meta);
  g_assert_cmpstr (meta.description, ==, "Sign in to Job Desk to see its status.");
  jd_ui_test_spin (200);
  g_assert_null (jd_application_get_client (fixture->app));
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (fixture->app)));
}

static gboolean
job_open (gpointer data)
{
  Fixture *fixture = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (fixture->app));
  JdLookupPage *page;
  JdJob *job;

  if (window == NULL)
    {
      GList *windows = gtk_application_get_windows (GTK_APPLICATION (fixture->app));

      window = windows != NULL ? windows->data : NULL;
    }
  if (window == NULL || !JD_IS_WINDOW (window))
    return FALSE;

  page = jd_window_get_lookup_page (JD_WINDOW (window));
  job = page != NULL ? jd_lookup_page_get_job (page) : NULL;
  return job != NULL && jd_lookup_page_get_state (page) == JD_LOOKUP_STATE_JOB &&
         g_strcmp0 (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), JD_DEMO_JOB_SUCCESS) == 0;
}

static void
test_activate_opens_job (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *terms[] = { "66ebd18d3d62", NULL };
  g_autoptr(GVariant) reply = NULL;

  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (fixture->app)));
  reply = call (fixture, "ActivateResult", g_variant_new ("(s^asu)", JD_DEMO_JOB_SUCCESS, terms, 0));

  /* A window, with the job looked up on the signed-in server. */
  g_assert_true (jd_ui_test_wait_for (job_open, fixture, WAIT_MS));
}

static void
test_activate_refuses_other_ids (Fixture       *fixture,
                                 gconstpointer  data)
{
  const char *terms[] = { NULL };
  JdTestAsync async = { 0 };
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  g_dbus_proxy_call (fixture->provider, "ActivateResult", g_variant_new ("(s^asu)", "not-a-job", terms, 0),
                     G_DBUS_CALL_FLAGS_NO_AUTO_START, WAIT_MS * jd_test_slowdown (), NULL, jd_test_async_ready_cb, &async);
  reply = g_dbus_proxy_call_finish (fixture->provider, jd_test_wait_result (&async, WAIT_MS), &error);
  g_assert_error (error, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS);
  g_assert_null (reply);
  jd_test_async_clear (&async);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (fixture->app)));
}

static void
test_launch_search_fills_entry (Fixture       *fixture,
                                gconstpointer  data)
{
  const char *terms[] = { "66ebd18d", NULL };
  g_autoptr(GVariant) reply = call (fixture, "LaunchSearch", g_variant_new ("(^asu)", terms, 0));
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (fixture->app));
  GtkEditable *entry;

  g_assert_nonnull (windows);
  entry = GTK_EDITABLE (jd_ui_test_find_by_id (GTK_WIDGET (jd_window_get_lookup_page (windows->data)), "job_entry"));
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "66ebd18d");
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_print ("1..0 # SKIP no session bus (tools/test-session provides one)\n");
      return 0;
    }

  jd_ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/search-provider/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/search-provider/ini-names-the-app", test_ini_names_the_app);
  ADD ("initial/id-found-in-text", test_id_found_in_text);
  ADD ("initial/history-matches-by-prefix", test_history_matches_by_prefix);
  ADD ("metas/status-from-server", test_meta_status_from_server);
  ADD ("metas/slow-server-answers-from-history", test_meta_slow_server_answers_from_history);
  ADD ("metas/signed-out", test_meta_signed_out);
  ADD ("metas/restores-saved-sign-in", test_meta_restores_saved_sign_in);
  ADD ("metas/no-saved-sign-in-opens-nothing", test_meta_no_saved_sign_in_opens_nothing);
  ADD ("activate/opens-job", test_activate_opens_job);
  ADD ("activate/refuses-other-ids", test_activate_refuses_other_ids);
  ADD ("launch-search/fills-entry", test_launch_search_fills_entry);
#undef ADD

  return g_test_run ();
}
