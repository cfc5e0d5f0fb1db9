/* jd-background.c: keeps following jobs when the last window closes.
 *
 * The portal's D-Bus API is used directly: libportal in Debian 12 would
 * do, but one method call and one signal do not need a library. The
 * portal answers RequestBackground with a Request object whose Response
 * signal carries the user's (or the desktop's) decision; we subscribe to
 * the object path we expect before calling, so no answer is missed.
 * The portal is asked once per run: asking again would only show the
 * same question again.
 */
#define G_LOG_DOMAIN "jd-background"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-background.h"

#define PORTAL_BUS_NAME  "org.freedesktop.portal.Desktop"
#define PORTAL_PATH      "/org/freedesktop/portal/desktop"
#define PORTAL_INTERFACE "org.freedesktop.portal.Background"
#define REQUEST_INTERFACE "org.freedesktop.portal.Request"

struct _JdBackground
{
  GObject               parent_instance;

  GtkApplication       *application;   /* not owned: it owns us */
  JdBackgroundJobsFunc  followed_jobs;
  gpointer              user_data;
  JdBackgroundState     state;
  gboolean              watching;
  guint                 update_id;
  GDBusConnection      *connection;
  guint                 response_id;
  char                 *request_path;
  GCancellable         *cancellable;
};

enum {
  PROP_0,
  PROP_STATE,
  PROP_WATCHING,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (JdBackground, jd_background, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void send_notification (JdBackground *self,
                               char        **jobs);

static void
set_state (JdBackground      *self,
           JdBackgroundState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/* ------------------------------------------------------------------ */
/* The portal                                                          */

static void
stop_waiting_for_response (JdBackground *self)
{
  if (self->response_id != 0)
    g_dbus_connection_signal_unsubscribe (self->connection, self->response_id);
  self->response_id = 0;
  g_clear_pointer (&self->request_path, g_free);
}

static void
on_response_cb (GDBusConnection *connection,
                const char      *sender,
                const char      *object_path,
                const char      *interface_name,
                const char      *signal_name,
                GVariant        *parameters,
                gpointer         user_data)
{
  JdBackground *self = user_data;
  g_autoptr(GVariant) results = NULL;
  gboolean background = FALSE;
  guint32 response;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ua{sv})")))
    return;

  g_variant_get (parameters, "(u@a{sv})", &response, &results);
  g_variant_lookup (results, "background", "b", &background);
  stop_waiting_for_response (self);

  g_debug ("Background portal: response %u, background %s", response, background ? "yes" : "no");
  set_state (self, response == 0 && background ? JD_BACKGROUND_ALLOWED : JD_BACKGROUND_REFUSED);

  /* Say so, if the notification is still out: the app may be stopped. */
  if (self->watching && self->state == JD_BACKGROUND_REFUSED)
    {
      g_auto(GStrv) jobs = self->followed_jobs (self->user_data);

      send_notification (self, jobs);
    }
}

static void
wait_for_response (JdBackground *self,
                   const char   *path)
{
  stop_waiting_for_response (self);
  self->request_path = g_strdup (path);
  /* No sender: the portal answers from its unique name. */
  self->response_id = g_dbus_connection_signal_subscribe (self->connection, NULL,
                                                          REQUEST_INTERFACE, "Response", path, NULL,
                                                          G_DBUS_SIGNAL_FLAGS_NONE,
                                                          on_response_cb, self, NULL);
}

static void
on_request_background_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(JdBackground) self = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  const char *handle;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* No portal (or one without this interface): nothing to ask. */
      g_debug ("No Background portal: %s", error->message);
      stop_waiting_for_response (self);
      set_state (self, JD_BACKGROUND_NO_PORTAL);
      return;
    }

  /* Portals older than the handle_token option answer elsewhere. */
  g_variant_get (reply, "(&o)", &handle);
  if (g_strcmp0 (handle, self->request_path) != 0)
    wait_for_response (self, handle);
}

static void
request_background (JdBackground *self)
{
  g_autofree char *sender = NULL;
  g_autofree char *token = NULL;
  g_autofree char *path = NULL;
  GVariantBuilder options;

  if (self->state != JD_BACKGROUND_NOT_ASKED)
    return;

  g_set_object (&self->connection, g_application_get_dbus_connection (G_APPLICATION (self->application)));
  if (self->connection == NULL)
    {
      set_state (self, JD_BACKGROUND_NO_PORTAL);
      return;
    }

  /* The portal's documented request path: the sender without its ':'
   * and with '_' for '.', then our token. */
  sender = g_strdup (g_dbus_connection_get_unique_name (self->connection) + 1);
  g_strdelimit (sender, ".", '_');
  token = g_strdup_printf ("jobdesk%u", g_random_int ());
  path = g_strconcat (PORTAL_PATH "/request/", sender, "/", token, NULL);
  wait_for_response (self, path);

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_("Job Desk keeps watching the jobs you follow and tells you when they end.")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (FALSE));

  set_state (self, JD_BACKGROUND_ASKING);
  g_dbus_connection_call (self->connection, PORTAL_BUS_NAME, PORTAL_PATH, PORTAL_INTERFACE,
                          "RequestBackground", g_variant_new ("(sa{sv})", "", &options),
                          G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NONE, -1,
                          self->cancellable, on_request_background_cb, g_object_ref (self));
}

/* ------------------------------------------------------------------ */
/* The notification                                                    */

static void
send_notification (JdBackground  *self,
                   char         **jobs)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *body = NULL;
  guint n_jobs = g_strv_length (jobs);

  if (self->state == JD_BACKGROUND_REFUSED)
    body = g_strdup (_("The system does not let Job Desk run in the background, so it may be stopped before the jobs end. Open Job Desk to keep watching."));
  else if (n_jobs == 1)
    body = g_strdup_printf (_("Job %s is still followed. You will be told when it ends."), jobs[0]);
  else
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u job is still followed. You will be told when it ends.",
                                         "%u jobs are still followed. You will be told when they end.",
                                         n_jobs),
                            n_jobs);

  notification = g_notification_new (_("Job Desk Keeps Watching"));
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_LOW);
  g_application_send_notification (G_APPLICATION (self->application), JD_BACKGROUND_NOTIFICATION_ID, notification);
}

static void
set_watching (JdBackground *self,
              gboolean      watching)
{
  if (self->watching == watching)
    return;

  self->watching = watching;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WATCHING]);
}

void
jd_background_update (JdBackground *self)
{
  g_auto(GStrv) jobs = NULL;
  gboolean no_window;

  g_return_if_fail (JD_IS_BACKGROUND (self));

  g_clear_handle_id (&self->update_id, g_source_remove);
  no_window = gtk_application_get_windows (self->application) == NULL;
  jobs = self->followed_jobs (self->user_data);

  if (no_window && jobs != NULL && jobs[0] != NULL)
    {
      if (!self->watching)
        send_notification (self, jobs);
      set_watching (self, TRUE);
      request_background (self);
    }
  else if (self->watching)
    {
      g_application_withdraw_notification (G_APPLICATION (self->application), JD_BACKGROUND_NOTIFICATION_ID);
      set_watching (self, FALSE);
    }
}

static gboolean
on_update_idle_cb (gpointer user_data)
{
  JdBackground *self = user_data;

  self->update_id = 0;
  jd_background_update (self);
  return G_SOURCE_REMOVE;
}

/* Later, not now: Quit closes every window before it quits, and must
 * not be taken for the user leaving jobs to run. */
static void
on_windows_changed_cb (JdBackground *self)
{
  if (self->update_id == 0)
    self->update_id = g_idle_add (on_update_idle_cb, self);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
jd_background_dispose (GObject *object)
{
  JdBackground *self = JD_BACKGROUND (object);

  g_clear_handle_id (&self->update_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  stop_waiting_for_response (self);
  if (self->application != NULL)
    g_signal_handlers_disconnect_by_data (self->application, self);
  self->application = NULL;

  G_OBJECT_CLASS (jd_background_parent_class)->dispose (object);
}

static void
jd_background_finalize (GObject *object)
{
  JdBackground *self = JD_BACKGROUND (object);

  g_clear_object (&self->connection);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (jd_background_parent_class)->finalize (object);
}

static void
jd_background_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  JdBackground *self = JD_BACKGROUND (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;

    case PROP_WATCHING:
      g_value_set_boolean (value, self->watching);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_background_class_init (JdBackgroundClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jd_background_dispose;
  object_class->finalize = jd_background_finalize;
  object_class->get_property = jd_background_get_property;

  /* A JdBackgroundState. */
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      JD_BACKGROUND_NOT_ASKED, JD_BACKGROUND_NO_PORTAL, JD_BACKGROUND_NOT_ASKED,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WATCHING] =
    g_param_spec_boolean ("watching", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jd_background_init (JdBackground *self)
{
  self->cancellable = g_cancellable_new ();
}

JdBackground *
jd_background_new (GtkApplication       *application,
                   JdBackgroundJobsFunc  followed_jobs,
                   gpointer              user_data)
{
  JdBackground *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (followed_jobs != NULL, NULL);

  self = g_object_new (JD_TYPE_BACKGROUND, NULL);
  self->application = application;
  self->followed_jobs = followed_jobs;
  self->user_data = user_data;
  g_signal_connect_swapped (application, "window-added", G_CALLBACK (on_windows_changed_cb), self);
  g_signal_connect_swapped (application, "window-removed", G_CALLBACK (on_windows_changed_cb), self);
  return self;
}

JdBackgroundState
jd_background_get_state (JdBackground *self)
{
  g_return_val_if_fail (JD_IS_BACKGROUND (self), JD_BACKGROUND_NOT_ASKED);
  return self->state;
}

gboolean
jd_background_get_watching (JdBackground *self)
{
  g_return_val_if_fail (JD_IS_BACKGROUND (self), FALSE);
  return self->watching;
}
