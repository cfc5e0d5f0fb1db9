/* test-background.c: the Background portal, when the last window closes.
 *
 * Following a job with no window open, a sandboxed app may be stopped
 * unless the desktop's Background portal lets it run on. This test runs
 * on a private session bus of its own (it starts itself again inside
 * dbus-run-session), where it plays the portal
 * (org.freedesktop.portal.Desktop with org.freedesktop.portal.Background
 * and the Request object's Response signal) and the notification server,
 * and checks that
 *
 *  - the app asks the portal, with a reason, only once its last window
 *    has closed while a job is followed, and once per run;
 *  - its notification says it keeps watching, and says otherwise when
 *    the portal refuses;
 *  - without any portal on the bus nothing breaks and nothing warns.
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "jd-background.h"
#include "jd-test-util.h"
#include "jd-ui-test-util.h"
#include "jd-window.h"

#define WAIT_MS 20000

/* ------------------------------------------------------------------ */
/* The portal, as xdg-desktop-portal plays it                          */

static const char portal_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.portal.Background'>"
  "    <method name='RequestBackground'>"
  "      <arg type='s' name='parent_window' direction='in'/>"
  "      <arg type='a{sv}' name='options' direction='in'/>"
  "      <arg type='o' name='handle' direction='out'/>"
  "    </method>"
  "    <property name='version' type='u' access='read'/>"
  "  </interface>"
  "</node>";

typedef struct
{
  GDBusConnection *connection;
  guint            registration;
  guint            owner;
  gboolean         owned;
  gboolean         allow;       /* what the user answers */
  guint            requests;
  char            *reason;
  gboolean         autostart;
} Portal;

static void
on_portal_call (GDBusConnection       *connection,
                const char            *sender,
                const char            *path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  Portal *portal = user_data;
  g_autoptr(GVariant) options = g_variant_get_child_value (parameters, 1);
  g_autofree char *sender_part = g_strdup (sender + 1);
  g_autofree char *handle = NULL;
  GVariantBuilder results;
  const char *token = "t";

  portal->requests++;
  g_clear_pointer (&portal->reason, g_free);
  g_variant_lookup (options, "reason", "s", &portal->reason);
  portal->autostart = TRUE;
  g_variant_lookup (options, "autostart", "b", &portal->autostart);
  g_variant_lookup (options, "handle_token", "&s", &token);

  /* The request path the portal documents, as the app predicts it. */
  g_strdelimit (sender_part, ".", '_');
  handle = g_strdup_printf ("/org/freedesktop/portal/desktop/request/%s/%s", sender_part, token);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", handle));

  /* The user has decided. */
  g_variant_builder_init (&results, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&results, "{sv}", "background", g_variant_new_boolean (portal->allow));
  g_variant_builder_add (&results, "{sv}", "autostart", g_variant_new_boolean (FALSE));
  g_dbus_connection_emit_signal (connection, sender, handle, "org.freedesktop.portal.Request", "Response",
                                 g_variant_new ("(ua{sv})", portal->allow ? 0 : 1, &results), NULL);
}

static GVariant *
on_portal_get_property (GDBusConnection  *connection,
                        const char       *sender,
                        const char       *path,
                        const char       *interface_name,
                        const char       *property_name,
                        GError          **error,
                        gpointer          user_data)
{
  return g_variant_new_uint32 (1);
}

static void
on_portal_acquired_cb (GDBusConnection *connection,
                       const char      *name,
                       gpointer         user_data)
{
  ((Portal *) user_data)->owned = TRUE;
}

static void
portal_start (Portal   *portal,
              gboolean  allow)
{
  static const GDBusInterfaceVTable vtable = { on_portal_call, on_portal_get_property, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (portal_xml, NULL);
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GError) error = NULL;

  memset (portal, 0, sizeof *portal);
  portal->allow = allow;
  /* A connection of its own, as the portal is another process. */
  portal->connection = g_dbus_connection_new_for_address_sync (address,
                                                               G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                               G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                               NULL, NULL, &error);
  g_assert_no_error (error);
  portal->registration = g_dbus_connection_register_object (portal->connection, "/org/freedesktop/portal/desktop",
                                                            info->interfaces[0], &vtable, portal, NULL, &error);
  g_assert_no_error (error);
  portal->owner = g_bus_own_name_on_connection (portal->connection, "org.freedesktop.portal.Desktop",
                                                G_BUS_NAME_OWNER_FLAGS_NONE, on_portal_acquired_cb, NULL,
                                                portal, NULL);
  g_assert_true (jd_test_spin_until (&portal->owned, WAIT_MS * jd_test_slowdown ()));
}

static void
portal_stop (Portal *portal)
{
  g_bus_unown_name (portal->owner);
  g_dbus_connection_unregister_object (portal->connection, portal->registration);
  g_dbus_connection_close_sync (portal->connection, NULL, NULL);
  g_clear_object (&portal->connection);
  g_clear_pointer (&portal->reason, g_free);
}

/* ------------------------------------------------------------------ */
/* Fixture                                                             */

static JdUiTestNotifications *notifications;

typedef struct
{
  JdApplication *app;
  JdDemoServer  *server;
  JdClient      *client;
  JdWindow      *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  jd_ui_test_notifications_reset (notifications);
  fixture->app = jd_ui_test_app_new ();
  fixture->server = jd_ui_test_demo_server_new ();
  /* The followed job stays queued through the test. */
  jd_demo_server_set_progress_step (fixture->server, 600000);
  fixture->client = jd_ui_test_demo_client_new (fixture->server, FALSE);
  jd_application_set_client (fixture->app, fixture->client);
  fixture->window = jd_application_new_window (fixture->app);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  jd_followed_jobs_stop (jd_application_get_followed_jobs (fixture->app), JD_DEMO_JOB_PROGRESSING);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l != NULL;
       l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)))
    gtk_window_destroy (l->data);
  jd_ui_test_spin (50);
  jd_application_set_client (fixture->app, NULL);
  g_clear_object (&fixture->client);
  jd_demo_server_stop (fixture->server);
  g_clear_object (&fixture->server);
  g_clear_object (&fixture->app);
}

static JdJobFollower *
follow_queued_job (Fixture *fixture)
{
  JdTestAsync async = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;
  JdJobFollower *follower;

  jd_client_get_job_async (fixture->client, JD_DEMO_JOB_PROGRESSING, FALSE, NULL, jd_test_async_ready_cb, &async);
  job = jd_client_get_job_finish (fixture->client, jd_test_wait_result (&async, WAIT_MS), &error);
  g_assert_no_error (error);
  jd_test_async_clear (&async);

  follower = jd_followed_jobs_follow (jd_application_get_followed_jobs (fixture->app), job);
  g_assert_nonnull (follower);
  g_assert_true (jd_job_follower_get_following (follower));
  return follower;
}

static void
close_window (Fixture *fixture)
{
  gtk_window_close (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (fixture->app)));
}

static gboolean
notified (gpointer data)
{
  return g_strcmp0 (jd_ui_test_notifications_get_summary (notifications), data) == 0;
}

static gboolean
portal_asked (gpointer data)
{
  return ((Portal *) data)->requests > 0;
}

static gboolean
body_is (gpointer data)
{
  return g_strcmp0 (jd_ui_test_notifications_get_body (notifications), data) == 0;
}

static const char keeps_watching[] = "Job " JD_DEMO_JOB_PROGRESSING " is still followed. You will be told when it ends.";

/* ------------------------------------------------------------------ */
/* Cases                                                               */

static void
test_asked_when_last_window_closes (Fixture       *fixture,
                                    gconstpointer  data)
{
  Portal portal;

  portal_start (&portal, TRUE);
  follow_queued_job (fixture);

  /* A window is open: nothing to ask. */
  jd_ui_test_spin (300);
  g_assert_cmpuint (portal.requests, ==, 0);

  close_window (fixture);
  g_assert_true (jd_ui_test_wait_for (portal_asked, &portal, WAIT_MS));
  g_assert_cmpuint (portal.requests, ==, 1);
  g_assert_nonnull (portal.reason);
  g_assert_cmpstr (portal.reason, ==, "Job Desk keeps watching the jobs you follow and tells you when they end.");
  /* Only for this run: it should not start at login. */
  g_assert_false (portal.autostart);

  g_assert_true (jd_ui_test_wait_for (notified, (gpointer) "Job Desk Keeps Watching", WAIT_MS));
  g_assert_cmpstr (jd_ui_test_notifications_get_body (notifications), ==, keeps_watching);

  /* Allowed: the notification stays as it was. */
  jd_ui_test_spin (300);
  g_assert_cmpstr (jd_ui_test_notifications_get_body (notifications), ==, keeps_watching);

  /* A window again, closed again: the portal has answered for this run. */
  fixture->window = jd_application_new_window (fixture->app);
  gtk_window_present (GTK_WINDOW (fixture->window));
  jd_ui_test_spin (100);
  close_window (fixture);
  jd_ui_test_spin (300);
  g_assert_cmpuint (portal.requests, ==, 1);

  portal_stop (&portal);
}

static void
test_refused_says_so (Fixture       *fixture,
                      gconstpointer  data)
{
  Portal portal;

  portal_start (&portal, FALSE);
  follow_queued_job (fixture);
  close_window (fixture);

  g_assert_true (jd_ui_test_wait_for (portal_asked, &portal, WAIT_MS));
  g_assert_true (jd_ui_test_wait_for (body_is,
                                      (gpointer) "The system does not let Job Desk run in the background, so it may be stopped before the jobs end. Open Job Desk to keep watching.",
                                      WAIT_MS));
  g_assert_cmpstr (jd_ui_test_notifications_get_summary (notifications), ==, "Job Desk Keeps Watching");

  portal_stop (&portal);
}

typedef struct
{
  JdJobFollower *follower;
  guint          checks;
} CheckWait;

static gboolean
checked_again (gpointer data)
{
  CheckWait *wait = data;

  return jd_job_follower_get_check_count (wait->follower) > wait->checks;
}

static void
test_no_portal_stays_quiet (Fixture       *fixture,
                            gconstpointer  data)
{
  JdJobFollower *follower;
  CheckWait wait;
  guint checks;

  /* No portal on this bus, and none the bus could start. Warnings are
   * fatal in tests: a complaint would fail this case. */
  follower = follow_queued_job (fixture);
  close_window (fixture);

  g_assert_true (jd_ui_test_wait_for (notified, (gpointer) "Job Desk Keeps Watching", WAIT_MS));
  g_assert_cmpstr (jd_ui_test_notifications_get_body (notifications), ==, keeps_watching);

  /* And the app keeps following: another check comes (waited for, not
   * a fixed 2.5 s a loaded machine may not get a check done in). */
  checks = jd_job_follower_get_check_count (follower);
  wait.follower = follower;
  wait.checks = checks;
  g_assert_true (jd_ui_test_wait_for (checked_again, &wait, WAIT_MS));
  g_assert_true (jd_job_follower_get_following (follower));
  g_assert_cmpuint (jd_job_follower_get_check_count (follower), >, checks);
  g_assert_cmpstr (jd_ui_test_notifications_get_body (notifications), ==, keeps_watching);
}

static void
test_quit_is_not_leaving (Fixture       *fixture,
                          gconstpointer  data)
{
  Portal portal;

  portal_start (&portal, TRUE);
  follow_queued_job (fixture);

  /* What app.quit does: every window closes, then the app stops
   * following. No notification, no portal request in between. */
  close_window (fixture);
  jd_followed_jobs_stop (jd_application_get_followed_jobs (fixture->app), JD_DEMO_JOB_PROGRESSING);
  jd_ui_test_spin (500);
  g_assert_cmpuint (portal.requests, ==, 0);
  g_assert_null (jd_ui_test_notifications_get_summary (notifications));

  portal_stop (&portal);
}

/* ------------------------------------------------------------------ */
/* The private bus                                                     */

static const char bus_config[] =
  "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
  " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
  "<busconfig>\n"
  "  <type>session</type>\n"
  "  <listen>unix:tmpdir=%s</listen>\n"
  "  <policy context=\"default\">\n"
  "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
  "    <allow eavesdrop=\"true\"/>\n"
  "    <allow own=\"*\"/>\n"
  "  </policy>\n"
  "</busconfig>\n";

/* Runs this program again inside dbus-run-session, on a bus with no
 * services to start: no real portal can answer there. */
static int
run_on_private_bus (int    argc,
                    char **argv)
{
  g_autofree char *dbus_run_session = g_find_program_in_path ("dbus-run-session");
  g_autofree char *scratch = NULL;
  g_autofree char *config = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *config_arg = NULL;
  g_autoptr(GPtrArray) child_argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  int status = 0;

  if (dbus_run_session == NULL)
    {
      g_print ("1..0 # SKIP dbus-run-session is not installed\n");
      return 0;
    }

  scratch = g_dir_make_tmp ("jd-background-XXXXXX", &error);
  g_assert_no_error (error);
  config = g_build_filename (scratch, "session.conf", NULL);
  contents = g_strdup_printf (bus_config, scratch);
  g_file_set_contents (config, contents, -1, &error);
  g_assert_no_error (error);

  env = g_environ_setenv (env, "JD_BACKGROUND_BUS", "1", TRUE);
  config_arg = g_strconcat ("--config-file=", config, NULL);
  g_ptr_array_add (child_argv, dbus_run_session);
  g_ptr_array_add (child_argv, config_arg);
  g_ptr_array_add (child_argv, (char *) "--");
  for (int i = 0; i < argc; i++)
    g_ptr_array_add (child_argv, argv[i]);
  g_ptr_array_add (child_argv, NULL);

  g_spawn_sync (NULL, (char **) child_argv->pdata, env, G_SPAWN_CHILD_INHERITS_STDIN,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_unlink (config);
  g_rmdir (scratch);

  if (!g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("JD_BACKGROUND_BUS") == NULL)
    return run_on_private_bus (argc, argv);

  jd_ui_test_init (&argc, &argv);
  notifications = jd_ui_test_get_notifications ();
  g_assert_nonnull (notifications);

#define ADD(path, func) \
  g_test_add ("/background/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("asked-when-last-window-closes", test_asked_when_last_window_closes);
  ADD ("refused-says-so", test_refused_says_so);
  ADD ("no-portal-stays-quiet", test_no_portal_stays_quiet);
  ADD ("quit-is-not-leaving", test_quit_is_not_leaving);
#undef ADD

  return g_test_run ();
}
