/* test-dbus-activation.c: the session bus starts Job Desk.
 *
 * The desktop starts a DBusActivatable app by calling it on the session
 * bus: `gapplication launch`, GNOME Shell's launcher and the buttons of
 * its notifications (which GTK hands to the Shell as action names). The
 * bus then runs the Exec line of the app's .service file. This test runs
 * a private session bus whose only service folder holds the build's
 * .service file, pointed at the built jobdesk, and checks that
 *
 *  - `gapplication launch` starts jobdesk, signed in from the keyring;
 *  - a followed job that ends sends a notification whose "Open Job"
 *    button names an action that, called on the bus once the app has
 *    quit, starts it again and opens that job.
 *
 * What is checked is what a user sees: the window's title on the X
 * display (the signed-in server) and the lookup in the app's history,
 * which jobdesk writes to its settings file (the keyfile backend).
 *
 * The program runs twice: started by meson, it writes the bus
 * configuration and runs itself again inside dbus-run-session.
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "jd-credentials.h"
#include "jd-demo-server.h"
#include "jd-test-util.h"

#define WAIT_MS 30000
#define KEYRING_PASSWORD "jobdesk-test"

static JdDemoServer    *server;
static GDBusConnection *bus;
static char            *object_path;
static gboolean         keyring;
static GVariant        *notification;   /* the last one AddNotification got */
static char            *notification_id;

/* ------------------------------------------------------------------ */
/* Waiting                                                             */

typedef gboolean (*Condition) (gpointer data);

static gboolean
on_tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Spins the main loop until the condition holds, looking again every
 * 25 ms (another process's doing does not wake this loop). */
static gboolean
wait_for (Condition condition,
          gpointer  data,
          guint     timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * jd_test_slowdown () * 1000;
  guint tick = g_timeout_add (25, on_tick_cb, NULL);
  gboolean holds;

  while (!(holds = condition (data)) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (tick);
  return holds;
}

/* ------------------------------------------------------------------ */
/* The app on the bus                                                  */

typedef struct
{
  char  *owner;
  guint  watch;
} Name;

static void
on_name_appeared_cb (GDBusConnection *connection,
                     const char      *name,
                     const char      *owner,
                     gpointer         user_data)
{
  Name *self = user_data;

  g_free (self->owner);
  self->owner = g_strdup (owner);
}

static void
on_name_vanished_cb (GDBusConnection *connection,
                     const char      *name,
                     gpointer         user_data)
{
  Name *self = user_data;

  g_clear_pointer (&self->owner, g_free);
}

static gboolean
name_owned (gpointer data)
{
  return ((Name *) data)->owner != NULL;
}

static gboolean
name_free (gpointer data)
{
  return ((Name *) data)->owner == NULL;
}

static void
name_watch (Name *self)
{
  self->owner = NULL;
  self->watch = g_bus_watch_name_on_connection (bus, APPLICATION_ID, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                                on_name_appeared_cb, on_name_vanished_cb, self, NULL);
}

static void
name_unwatch (Name *self)
{
  g_bus_unwatch_name (self->watch);
  g_clear_pointer (&self->owner, g_free);
}

/* org.freedesktop.Application.ActivateAction, as the Shell calls it for
 * a notification's button. The bus starts the app if it is not running. */
static void
activate_action (const char *action,
                 GVariant   *target)
{
  JdTestAsync async = { 0 };
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  GVariantBuilder parameters;

  g_variant_builder_init (&parameters, G_VARIANT_TYPE ("av"));
  if (target != NULL)
    g_variant_builder_add (&parameters, "v", target);

  g_dbus_connection_call (bus, APPLICATION_ID, object_path,
                          "org.freedesktop.Application", "ActivateAction",
                          g_variant_new ("(sava{sv})", action, &parameters, NULL),
                          G_VARIANT_TYPE_UNIT, G_DBUS_CALL_FLAGS_NONE, WAIT_MS * jd_test_slowdown (),
                          NULL, jd_test_async_ready_cb, &async);
  reply = g_dbus_connection_call_finish (bus, jd_test_wait_result (&async, WAIT_MS), &error);
  g_assert_no_error (error);
  jd_test_async_clear (&async);
}

/* app.quit, then until the app has left the bus. Its answer may not
 * come: it quits right after the call. */
static void
quit_app (Name *name)
{
  JdTestAsync async = { 0 };
  g_autoptr(GVariant) reply = NULL;

  g_dbus_connection_call (bus, APPLICATION_ID, object_path,
                          "org.freedesktop.Application", "ActivateAction",
                          g_variant_new ("(s@ava{sv})", "quit", g_variant_new_array (G_VARIANT_TYPE_VARIANT, NULL, 0), NULL),
                          NULL, G_DBUS_CALL_FLAGS_NO_AUTO_START, WAIT_MS * jd_test_slowdown (),
                          NULL, jd_test_async_ready_cb, &async);
  reply = g_dbus_connection_call_finish (bus, jd_test_wait_result (&async, WAIT_MS), NULL);
  jd_test_async_clear (&async);
  g_assert_true (wait_for (name_free, name, WAIT_MS));
}

/* ------------------------------------------------------------------ */
/* What the user sees                                                  */

/* The title of the main window when signed in to the sample server. */
static char *
signed_in_title (void)
{
  g_autoptr(GUri) uri = g_uri_parse (jd_demo_server_get_base_url (server), G_URI_FLAGS_NONE, NULL);

  return g_strdup_printf ("Job Desk — %s:%d", g_uri_get_host (uri), g_uri_get_port (uri));
}

static gboolean
window_titled (gpointer data)
{
  const char *title = data;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  int status = 0;
  const char *argv[] = { "xdotool", "search", "--name", "^Job Desk", "getwindowname", "%@", NULL };

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return FALSE;

  lines = g_strsplit (out, "\n", -1);
  return g_strv_contains ((const char * const *) lines, title);
}

/* A window of the app's shows this title on the X display. */
static void
assert_window_titled (const char *title)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  if (xdotool == NULL)
    {
      g_test_message ("xdotool is not installed: the window's title goes unchecked");
      return;
    }
  if (!wait_for (window_titled, (gpointer) title, WAIT_MS))
    g_error ("no window titled “%s” appeared", title);
}

static char *
settings_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "glib-2.0", "settings", "keyfile", NULL);
}

/* The keyfile backend's group for the schema's path, "/io/github/…/". */
static char *
settings_group (void)
{
  return g_strdup (object_path + 1);
}

/* The app's settings file; an empty one if it has none yet. */
static GKeyFile *
settings_load (void)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *path = settings_path ();

  g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, NULL);
  return g_steal_pointer (&keyfile);
}

/* Written while the app does not run: it reads the file at start. */
static void
settings_set (const char *key,
              const char *value)
{
  g_autoptr(GKeyFile) keyfile = settings_load ();
  g_autofree char *path = settings_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *group = settings_group ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_key_file_set_value (keyfile, group, key, value);
  g_key_file_save_to_file (keyfile, path, &error);
  g_assert_no_error (error);
}

static char *
history_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "jobdesk", "history.json", NULL);
}

/* The status the app's history (its file) holds for this job, or NULL. */
static char *
history_status (const char *job_id)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = history_path ();
  JsonNode *root;
  JsonNode *items;

  if (!json_parser_load_from_file (parser, path, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  items = json_object_get_member (json_node_get_object (root), "items");
  if (items == NULL || !JSON_NODE_HOLDS_ARRAY (items))
    return NULL;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (items)); i++)
    {
      JsonObject *row = json_array_get_object_element (json_node_get_array (items), i);

      if (g_strcmp0 (json_object_get_string_member_with_default (row, "job-id", NULL), job_id) == 0)
        return g_strdup (json_object_get_string_member_with_default (row, "status", ""));
    }

  return NULL;
}

static gboolean
job_looked_up (gpointer data)
{
  g_autofree char *status = history_status (data);

  /* The sample server's answer, not a placeholder of the app's. */
  return status != NULL && g_str_has_prefix (status, "Completed");
}

/* ------------------------------------------------------------------ */
/* The desktop's notification server, as GNOME Shell plays it          */

static const char notifications_xml[] =
  "<node>"
  "  <interface name='org.gtk.Notifications'>"
  "    <method name='AddNotification'>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/>"
  "    </method>"
  "    <method name='RemoveNotification'>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static void
on_notifications_call (GDBusConnection       *connection,
                       const char            *sender,
                       const char            *path,
                       const char            *interface_name,
                       const char            *method_name,
                       GVariant              *parameters,
                       GDBusMethodInvocation *invocation,
                       gpointer               user_data)
{
  if (g_str_equal (method_name, "AddNotification"))
    {
      const char *app_id, *id;

      g_variant_get_child (parameters, 0, "&s", &app_id);
      g_variant_get_child (parameters, 1, "&s", &id);
      if (g_str_equal (app_id, APPLICATION_ID))
        {
          g_free (notification_id);
          notification_id = g_strdup (id);
          g_clear_pointer (&notification, g_variant_unref);
          notification = g_variant_get_child_value (parameters, 2);
        }
    }
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
on_notifications_acquired_cb (GDBusConnection *connection,
                              const char      *name,
                              gpointer         user_data)
{
  *(gboolean *) user_data = TRUE;
}

static void
start_notification_server (void)
{
  static const GDBusInterfaceVTable vtable = { on_notifications_call, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (notifications_xml, NULL);
  g_autoptr(GError) error = NULL;
  gboolean owned = FALSE;

  g_dbus_connection_register_object (bus, "/org/gtk/Notifications", info->interfaces[0],
                                     &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  g_bus_own_name_on_connection (bus, "org.gtk.Notifications", G_BUS_NAME_OWNER_FLAGS_NONE,
                                on_notifications_acquired_cb, NULL, &owned, NULL);
  g_assert_true (jd_test_spin_until (&owned, WAIT_MS * jd_test_slowdown ()));
}

static gboolean
notification_for (gpointer data)
{
  return g_strcmp0 (notification_id, data) == 0;
}

/* ------------------------------------------------------------------ */
/* The keyring and the saved sign-in                                   */

static gboolean
name_has_owner (const char *name)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", name),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);
  return has_owner;
}

static gboolean
secrets_owned (gpointer data)
{
  return name_has_owner ("org.freedesktop.secrets");
}

/* gnome-keyring, unlocked as after a desktop login, on this bus. */
static gboolean
start_keyring (void)
{
  g_autoptr(GSubprocess) daemon = NULL;
  g_autoptr(GError) error = NULL;

  daemon = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                             G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                             "gnome-keyring-daemon", "--unlock", "--components=secrets", NULL);
  if (daemon == NULL)
    {
      g_test_message ("gnome-keyring-daemon: %s", error->message);
      return FALSE;
    }
  /* It reads the password, then forks itself into the background. */
  if (!g_subprocess_communicate_utf8 (daemon, KEYRING_PASSWORD, NULL, NULL, NULL, &error))
    {
      g_test_message ("gnome-keyring-daemon: %s", error->message);
      return FALSE;
    }

  return wait_for (secrets_owned, NULL, 10000);
}

/* As a sign-in through the dialog leaves it: the server in the settings,
 * the API key and secret in the keyring. */
static void
save_sign_in (void)
{
  const char *url = jd_demo_server_get_base_url (server);
  g_autoptr(JdCredentials) credentials = jd_credentials_new (url, JD_AUTH_API_KEY, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
  g_autoptr(GVariant) value = g_variant_ref_sink (g_variant_new_string (url));
  g_autofree char *address = g_variant_print (value, FALSE);
  JdTestAsync async = { 0 };
  g_autoptr(GError) error = NULL;
  gboolean stored;

  jd_credentials_store_async (credentials, NULL, jd_test_async_ready_cb, &async);
  stored = jd_credentials_store_finish (jd_test_wait_result (&async, WAIT_MS), &error);
  g_assert_no_error (error);
  g_assert_true (stored);
  jd_test_async_clear (&async);

  settings_set ("server-address", address);
  settings_set ("sign-in-kind", "'api-key'");
}

/* ------------------------------------------------------------------ */
/* Cases                                                               */

/* Each case starts with the app not running, signed in before (the
 * keyring holds the sign-in), and watches its name on the bus. */
static gboolean
begin_case (Name *name)
{
  if (!keyring)
    {
      g_test_skip ("no gnome-keyring on this bus");
      return FALSE;
    }

  g_assert_false (name_has_owner (APPLICATION_ID));
  name_watch (name);
  return TRUE;
}

static void
test_launch (void)
{
  g_autofree char *title = signed_in_title ();
  g_autoptr(GSubprocess) launch = NULL;
  g_autoptr(GError) error = NULL;
  Name name;

  if (!begin_case (&name))
    return;

  /* Calls org.freedesktop.Application.Activate: the bus starts jobdesk. */
  launch = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "gapplication", "launch", APPLICATION_ID, NULL);
  g_assert_no_error (error);
  {
    JdTestAsync async = { 0 };

    g_subprocess_wait_check_async (launch, NULL, jd_test_async_ready_cb, &async);
    g_subprocess_wait_check_finish (launch, jd_test_wait_result (&async, WAIT_MS), &error);
    g_assert_no_error (error);
    jd_test_async_clear (&async);
  }

  g_assert_true (wait_for (name_owned, &name, WAIT_MS));
  assert_window_titled (title);

  quit_app (&name);
  name_unwatch (&name);
}

static void
test_notification_open_job (void)
{
  const char *job_id = JD_DEMO_JOB_PROGRESSING;
  g_autofree char *title = signed_in_title ();
  g_autofree char *expected_id = g_strconcat ("job-finished-", job_id, NULL);
  g_autoptr(GVariant) buttons = NULL;
  g_autoptr(GVariant) button = NULL;
  g_autoptr(GVariant) target = NULL;
  const char *label = NULL, *action = NULL;
  Name name;

  if (!begin_case (&name))
    return;

  /* The app is not running: the call starts it. It signs in from the
   * keyring and follows the queued job until it ends. */
  activate_action ("open-job", g_variant_new_string (job_id));
  g_assert_true (wait_for (name_owned, &name, WAIT_MS));
  assert_window_titled (title);
  if (!wait_for (notification_for, expected_id, WAIT_MS))
    g_error ("no notification %s came", expected_id);

  /* Its button, as GTK handed it to the desktop. */
  g_assert_true (g_variant_lookup (notification, "buttons", "@aa{sv}", &buttons));
  g_assert_cmpuint (g_variant_n_children (buttons), ==, 1);
  button = g_variant_get_child_value (buttons, 0);
  g_assert_true (g_variant_lookup (button, "label", "&s", &label));
  g_assert_cmpstr (label, ==, "Open Job");
  g_assert_true (g_variant_lookup (button, "action", "&s", &action));
  g_assert_true (g_str_has_prefix (action, "app."));
  target = g_variant_lookup_value (button, "target", NULL);
  g_assert_nonnull (target);
  g_assert_cmpstr (g_variant_get_type_string (target), ==, "s");
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, job_id);

  /* The user has closed the app since. */
  quit_app (&name);
  /* So that only the button's lookup can bring the job back. */
  {
    g_autofree char *path = history_path ();

    g_remove (path);
  }
  settings_set ("open-tabs", "[]");
  g_assert_null (history_status (job_id));

  /* The button, pressed: the Shell calls the action on the bus. */
  activate_action (action + strlen ("app."), target);
  g_assert_true (wait_for (name_owned, &name, WAIT_MS));
  assert_window_titled (title);
  if (!wait_for (job_looked_up, (gpointer) job_id, WAIT_MS))
    g_error ("job %s was not looked up (history: %s)", job_id, history_status (job_id));

  quit_app (&name);
  name_unwatch (&name);
}

/* ------------------------------------------------------------------ */
/* The private bus                                                     */

static const char bus_config[] =
  "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
  " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
  "<busconfig>\n"
  "  <type>session</type>\n"
  "  <listen>unix:tmpdir=%s</listen>\n"
  "  <servicedir>%s</servicedir>\n"
  "  <policy context=\"default\">\n"
  "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
  "    <allow eavesdrop=\"true\"/>\n"
  "    <allow own=\"*\"/>\n"
  "  </policy>\n"
  "</busconfig>\n";

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* The build's .service file, with its Exec line pointed at the built
 * jobdesk instead of the installed one. */
static void
write_service (const char *services)
{
  const char *source = g_getenv ("JD_SERVICE_FILE");
  const char *jobdesk = g_getenv ("JD_JOBDESK_PATH");
  g_autoptr(GKeyFile) service = g_key_file_new ();
  g_autofree char *exec = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *built = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (source);
  g_assert_nonnull (jobdesk);
  g_key_file_load_from_file (service, source, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);

  name = g_key_file_get_string (service, "D-BUS Service", "Name", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, APPLICATION_ID);
  exec = g_key_file_get_string (service, "D-BUS Service", "Exec", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (exec, "/jobdesk --gapplication-service"));

  built = g_strconcat (jobdesk, " --gapplication-service", NULL);
  g_key_file_set_string (service, "D-BUS Service", "Exec", built);
  data = g_key_file_to_data (service, NULL, NULL);
  basename = g_path_get_basename (source);
  path = g_build_filename (services, basename, NULL);
  write_file (path, data);
}

static void
remove_tree (const char *path)
{
  const char *argv[] = { "rm", "-rf", path, NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

/* Runs this program again inside dbus-run-session, on a bus of its own. */
static int
run_on_private_bus (int    argc,
                    char **argv)
{
  g_autofree char *dbus_run_session = g_find_program_in_path ("dbus-run-session");
  g_autofree char *scratch = NULL;
  g_autofree char *services = NULL;
  g_autofree char *config = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *gapplication = g_find_program_in_path ("gapplication");
  g_autoptr(GPtrArray) child_argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  /* Folders of its own for the app, the keyring and the test. */
  const char *dirs[][2] = {
    { "XDG_CONFIG_HOME", "config" },
    { "XDG_DATA_HOME", "data" },
    { "XDG_CACHE_HOME", "cache" },
    { "XDG_RUNTIME_DIR", "runtime" },
  };
  int status = 0;

  if (dbus_run_session == NULL || gapplication == NULL)
    {
      g_print ("1..0 # SKIP dbus-run-session or gapplication is not installed\n");
      return 0;
    }
  if (g_getenv ("DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no X display (tools/test-session provides one)\n");
      return 0;
    }

  scratch = g_dir_make_tmp ("jd-activation-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir = g_build_filename (scratch, dirs[i][1], NULL);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      env = g_environ_setenv (env, dirs[i][0], dir, TRUE);
    }
  services = g_build_filename (scratch, "services", NULL);
  g_assert_cmpint (g_mkdir_with_parents (services, 0700), ==, 0);
  write_service (services);
  config = g_build_filename (scratch, "session.conf", NULL);
  contents = g_strdup_printf (bus_config, scratch, services);
  write_file (config, contents);

  /* dbus-daemon hands its environment to the jobdesk it starts. */
  env = g_environ_setenv (env, "JD_ACTIVATION_BUS", "1", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "keyfile", TRUE);
  env = g_environ_setenv (env, "GTK_A11Y", "none", TRUE);
  env = g_environ_setenv (env, "GTK_USE_PORTAL", "0", TRUE);
  env = g_environ_setenv (env, "LANG", "C.UTF-8", TRUE);
  env = g_environ_unsetenv (env, "LANGUAGE");
  env = g_environ_unsetenv (env, "LC_ALL");
  env = g_environ_unsetenv (env, "LC_MESSAGES");

  g_ptr_array_add (child_argv, dbus_run_session);
  g_ptr_array_add (child_argv, g_strconcat ("--config-file=", config, NULL));
  g_ptr_array_add (child_argv, (char *) "--");
  for (int i = 0; i < argc; i++)
    g_ptr_array_add (child_argv, argv[i]);
  g_ptr_array_add (child_argv, NULL);

  g_spawn_sync (NULL, (char **) child_argv->pdata, env, G_SPAWN_CHILD_INHERITS_STDIN,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_free (child_argv->pdata[1]);
  remove_tree (scratch);

  if (!g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int result;

  if (g_getenv ("JD_ACTIVATION_BUS") == NULL)
    return run_on_private_bus (argc, argv);

  g_test_init (&argc, &argv, NULL);

  /* "/io/github/jobdesk/JobDesk", as GApplication exports it. */
  path = g_strdelimit (g_strconcat ("/", APPLICATION_ID, NULL), ".", '/');
  object_path = path;
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  /* A followed job ends within about a second of its first lookup. */
  server = jd_demo_server_new ();
  jd_demo_server_set_progress_step (server, 500);
  jd_demo_server_start_thread (server, 0, &error);
  g_assert_no_error (error);

  keyring = start_keyring ();
  if (keyring)
    save_sign_in ();
  start_notification_server ();

  g_test_add_func ("/dbus-activation/gapplication-launch", test_launch);
  g_test_add_func ("/dbus-activation/notification-open-job", test_notification_open_job);

  result = g_test_run ();

  jd_demo_server_stop (server);
  g_clear_object (&server);
  g_clear_object (&bus);
  g_clear_pointer (&notification, g_variant_unref);
  g_clear_pointer (&notification_id, g_free);
  return result;
}
