/* jd-ui-test-util.c: helpers for tests that drive the real widgets. */
#include "config.h"

#include "jd-ui-test-util.h"
#include "jd-test-util.h"

static JdUiTestNotifications *the_notifications;

JdUiTestNotifications *
jd_ui_test_get_notifications (void)
{
  return the_notifications;
}

void
jd_ui_test_init (int    *argc,
                 char ***argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  /* No portals, no keyring prompts: tests that need them start their own. */
  g_setenv ("GTK_USE_PORTAL", "0", TRUE);

  /* Isolated dirs hide the system's data dirs. Read what we need from them
   * first: the MIME database (to tell an SVG icon) and the icon themes. */
  gtk_init ();
  adw_init ();
  g_free (g_content_type_guess ("icon.svg", NULL, 0, NULL));
  gtk_icon_theme_get_for_display (gdk_display_get_default ());

  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* A followed job may end during any test and be announced: the desktop's
   * notification server is always played, so that never goes nowhere. */
  the_notifications = jd_ui_test_notifications_start ();
}

JdApplication *
jd_ui_test_app_new (void)
{
  JdApplication *app = jd_application_new ();
  g_autoptr(GError) error = NULL;
  static guint serial;
  g_autofree char *id = g_strdup_printf ("%s.Test%u", APPLICATION_ID, ++serial);

  /* GtkApplication keeps a reference to itself from startup to shutdown,
   * and an application that never runs never shuts down: on a session bus
   * (tools/test-session) the next test's application would collide with
   * the one still exported at the same path. Give each its own. */
  g_application_set_application_id (G_APPLICATION (app), id);
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  /* The memory settings backend lives as long as the process: start each
   * test from the defaults. */
  {
    GSettings *settings = jd_application_get_settings (app);
    g_autoptr(GSettingsSchema) schema = NULL;
    g_auto(GStrv) keys = NULL;

    g_object_get (settings, "settings-schema", &schema, NULL);
    keys = g_settings_schema_list_keys (schema);
    for (guint i = 0; keys[i] != NULL; i++)
      g_settings_reset (settings, keys[i]);
  }

  return app;
}

JdDemoServer *
jd_ui_test_demo_server_new (void)
{
  JdDemoServer *server = jd_demo_server_new ();
  g_autoptr(GError) error = NULL;

  jd_demo_server_start_thread (server, 0, &error);
  g_assert_no_error (error);
  return server;
}

JdClient *
jd_ui_test_demo_client_new (JdDemoServer *server,
                            gboolean      viewer)
{
  JdClient *client = jd_client_new (NULL, jd_demo_server_get_base_url (server));

  jd_client_set_timeout (client, 15);
  if (viewer)
    jd_client_set_api_key (client, JD_DEMO_VIEWER_API_KEY, JD_DEMO_VIEWER_API_SECRET);
  else
    jd_client_set_api_key (client, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
  return client;
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean never (gpointer data);

static gboolean
on_tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
jd_ui_test_wait_for (JdUiTestCondition condition,
                     gpointer          data,
                     guint             timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id, tick;
  gboolean ok;

  /* a bound on waiting for something stretches in slow runs; a fixed
   * spin does not */
  if (condition != never)
    timeout_ms *= jd_test_slowdown ();

  id = g_timeout_add (timeout_ms, on_timeout_cb, &timed_out);
  /* A condition may hang on another thread (a sample server in a thread of
   * its own, a process) that does not wake this one: look again often. */
  tick = g_timeout_add (25, on_tick_cb, NULL);

  while (!(ok = condition (data)) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  g_source_remove (tick);

  return ok;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

void
jd_ui_test_spin (guint milliseconds)
{
  jd_ui_test_wait_for (never, NULL, milliseconds);
}

typedef struct
{
  GObject    *object;
  const char *property;
  const char *value;
} StringWait;

static gboolean
string_matches (gpointer data)
{
  StringWait *wait = data;
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (wait->object), wait->property);
  g_autofree char *current = NULL;

  /* An enum property matches by its value's nick ("loading"). */
  if (pspec != NULL && G_IS_PARAM_SPEC_ENUM (pspec))
    {
      GEnumValue *value;
      int number;

      g_object_get (wait->object, wait->property, &number, NULL);
      value = g_enum_get_value (G_PARAM_SPEC_ENUM (pspec)->enum_class, number);
      return value != NULL && g_strcmp0 (value->value_nick, wait->value) == 0;
    }

  g_object_get (wait->object, wait->property, &current, NULL);
  return g_strcmp0 (current, wait->value) == 0;
}

gboolean
jd_ui_test_wait_for_string (gpointer    object,
                            const char *property,
                            const char *value,
                            guint       timeout_ms)
{
  StringWait wait = { object, property, value };

  return jd_ui_test_wait_for (string_matches, &wait, timeout_ms);
}

typedef struct
{
  char     *text;
  gboolean  done;
} ClipboardRead;

static void
on_clipboard_read_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  ClipboardRead *read = user_data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  read->done = TRUE;
}

static gboolean
clipboard_read_done (gpointer data)
{
  return ((ClipboardRead *) data)->done;
}

char *
jd_ui_test_read_clipboard (GtkWidget *widget)
{
  ClipboardRead read = { NULL, FALSE };

  /* The claim is asynchronous: let it settle first. */
  jd_ui_test_spin (50);
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, on_clipboard_read_cb, &read);
  g_assert_true (jd_ui_test_wait_for (clipboard_read_done, &read, 5000));
  return read.text;
}

static GtkWidget *
find (GtkWidget *root,
      gboolean (*match) (GtkWidget *widget, gconstpointer data),
      gconstpointer data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
match_id (GtkWidget     *widget,
          gconstpointer  data)
{
  const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget));

  return g_strcmp0 (id, data) == 0;
}

GtkWidget *
jd_ui_test_find_by_id (GtkWidget  *root,
                       const char *id)
{
  return find (root, match_id, id);
}

static gboolean
match_type (GtkWidget     *widget,
            gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) data);
}

GtkWidget *
jd_ui_test_find_by_type (GtkWidget *root,
                         GType      type)
{
  return find (root, match_type, &type);
}

static gboolean
match_text (GtkWidget     *widget,
            gconstpointer  data)
{
  const char *text = NULL;

  if (GTK_IS_BUTTON (widget))
    text = gtk_button_get_label (GTK_BUTTON (widget));
  else if (ADW_IS_PREFERENCES_ROW (widget))
    text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  else if (GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));

  return text != NULL && g_str_equal (text, data);
}

GtkWidget *
jd_ui_test_find_by_text (GtkWidget  *root,
                         const char *text)
{
  return find (root, match_text, text);
}

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

GPtrArray *
jd_ui_test_find_all (GtkWidget *root,
                     GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, type, found);
  return found;
}

void
jd_ui_test_screenshot (GtkWidget  *widget,
                       const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* ------------------------------------------------------------------ */
/* A notification server                                               */

struct _JdUiTestNotifications
{
  GDBusConnection *connection;
  guint            count;
  char            *summary;
  char            *body;
  gboolean         owned;
};

static const char notifications_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "    <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "    </method>"
  "    <signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "    <signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "  </interface>"
  "</node>";

static void
on_notifications_call (GDBusConnection       *connection,
                       const char            *sender,
                       const char            *object_path,
                       const char            *interface_name,
                       const char            *method_name,
                       GVariant              *parameters,
                       GDBusMethodInvocation *invocation,
                       gpointer               user_data)
{
  JdUiTestNotifications *self = user_data;

  if (g_str_equal (method_name, "Notify"))
    {
      const char *summary, *body;

      g_variant_get_child (parameters, 3, "&s", &summary);
      g_variant_get_child (parameters, 4, "&s", &body);
      g_free (self->summary);
      g_free (self->body);
      self->summary = g_strdup (summary);
      self->body = g_strdup (body);
      self->count++;
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", self->count));
    }
  else if (g_str_equal (method_name, "GetCapabilities"))
    {
      const char *caps[] = { "actions", "body", NULL };

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else if (g_str_equal (method_name, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(ssss)", "jd-test", "jobdesk", "1", "1.2"));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
on_name_acquired (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  ((JdUiTestNotifications *) user_data)->owned = TRUE;
}

static gboolean
notifications_owned (gpointer data)
{
  return ((JdUiTestNotifications *) data)->owned;
}

JdUiTestNotifications *
jd_ui_test_notifications_start (void)
{
  static const GDBusInterfaceVTable vtable = { on_notifications_call, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = NULL;
  JdUiTestNotifications *self;
  GDBusConnection *connection;

  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (connection == NULL)
    return NULL;

  self = g_new0 (JdUiTestNotifications, 1);
  self->connection = connection;
  info = g_dbus_node_info_new_for_xml (notifications_xml, NULL);
  g_dbus_connection_register_object (connection, "/org/freedesktop/Notifications",
                                     info->interfaces[0], &vtable, self, NULL, NULL);
  g_bus_own_name_on_connection (connection, "org.freedesktop.Notifications",
                                G_BUS_NAME_OWNER_FLAGS_REPLACE,
                                on_name_acquired, NULL, self, NULL);
  g_assert_true (jd_ui_test_wait_for (notifications_owned, self, 5000));
  return self;
}

guint
jd_ui_test_notifications_get_count (JdUiTestNotifications *self)
{
  return self->count;
}

const char *
jd_ui_test_notifications_get_summary (JdUiTestNotifications *self)
{
  return self->summary;
}

const char *
jd_ui_test_notifications_get_body (JdUiTestNotifications *self)
{
  return self->body;
}

void
jd_ui_test_notifications_reset (JdUiTestNotifications *self)
{
  self->count = 0;
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->body, g_free);
}

void
jd_ui_test_wait_for_quiet (JdDemoServer *server)
{
  gint64 deadline = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;
  guint count = jd_demo_server_get_request_count (server);
  guint quiet_ms = 0;

  while (quiet_ms < 400 && g_get_monotonic_time () < deadline)
    {
      guint now;

      jd_ui_test_spin (50);
      now = jd_demo_server_get_request_count (server);
      quiet_ms = now == count ? quiet_ms + 50 : 0;
      count = now;
    }
}
