/* jd-application.c: the Job Desk application.
 *
 * One instance: a second `jobdesk ID` hands its IDs to the running window.
 * The application creates the objects that own the state (the settings,
 * the session with its client, the saved servers, the history and the
 * followed jobs) and hands them to its windows; it shows the sign-in
 * dialog when the session asks for one, and turns the command line and
 * the app actions into calls on those objects.
 */
#define G_LOG_DOMAIN "jd-application"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-application.h"
#include "jd-application-private.h"
#include "jd-background.h"
#include "jd-network-watch.h"
#include "jd-search-provider.h"
#include "jd-window.h"

struct _JdApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  JdServers      *servers;
  JdSession      *session;
  JdHistory      *history;
  JdFollowedJobs *followed_jobs;
  GSimpleAction  *server_action;
  JdSearchProvider *search_provider;
  JdBackground   *background;
  /* The first sign-in dialog waits for the window's first frame. */
  gboolean        deferring_sign_in;
  /* A search with no window restores quietly: the next window asks. */
  gboolean        restoring_quietly;
};

#define JD_APPLICATION_SERVICE_TIMEOUT_MS 30000

G_DEFINE_FINAL_TYPE (JdApplication, jd_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Start the built-in sample server and sign in to it"), NULL },
  { "server", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Sign in to the server with this Web API address"), N_("URL") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and quit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    NULL, N_("[JOB-ID-OR-TEXT…]") },
  { NULL }
};

static JdWindow *
get_window (JdApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL || !JD_IS_WINDOW (window))
    {
      GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

      for (GList *l = windows; l != NULL; l = l->next)
        if (JD_IS_WINDOW (l->data))
          return l->data;

      window = GTK_WINDOW (jd_application_new_window (self));
    }

  return JD_WINDOW (window);
}

static void
show_sign_in (JdApplication *self,
              const char    *server)
{
  JdWindow *window = get_window (self);

  gtk_window_present (GTK_WINDOW (window));
  jd_window_show_sign_in (window, server);
}

/* A first start: the window comes first, the sign-in dialog with the next
 * frame. Building the dialog before the window's first frame made the
 * window appear that much later. */
typedef struct
{
  JdApplication *app;
  GdkFrameClock *clock;
  gulong         paint_id;
  guint          timeout_id;
} DeferredSignIn;

static void
deferred_sign_in_show (DeferredSignIn *deferred)
{
  JdApplication *self = deferred->app;

  g_clear_signal_handler (&deferred->paint_id, deferred->clock);
  g_clear_handle_id (&deferred->timeout_id, g_source_remove);
  g_clear_object (&deferred->clock);
  self->deferring_sign_in = FALSE;

  if (jd_session_get_client (self->session) == NULL)
    show_sign_in (self, NULL);

  g_object_unref (self);
  g_free (deferred);
}

static void
on_first_paint_cb (GdkFrameClock  *clock,
                   DeferredSignIn *deferred)
{
  deferred_sign_in_show (deferred);
}

static gboolean
on_first_paint_timeout_cb (gpointer user_data)
{
  DeferredSignIn *deferred = user_data;

  /* No frame came (a hidden window): do not wait for one. */
  deferred->timeout_id = 0;
  deferred_sign_in_show (deferred);
  return G_SOURCE_REMOVE;
}

static void
show_sign_in_after_first_frame (JdApplication *self)
{
  JdWindow *window = get_window (self);
  GdkFrameClock *clock;
  DeferredSignIn *deferred;

  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  if (clock == NULL)
    {
      show_sign_in (self, NULL);
      return;
    }

  /* Until then, a second activation waits for the same dialog. */
  self->deferring_sign_in = TRUE;
  deferred = g_new0 (DeferredSignIn, 1);
  deferred->app = g_object_ref (self);
  deferred->clock = g_object_ref (clock);
  deferred->paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_paint_cb), deferred);
  deferred->timeout_id = g_timeout_add (1000, on_first_paint_timeout_cb, deferred);
}

static gboolean
is_signing_in (JdApplication *self)
{
  return jd_session_get_client (self->session) != NULL ||
         jd_session_get_restoring (self->session) ||
         self->deferring_sign_in;
}

/* At a start: the keyring's sign-in, or the dialog. */
static void
restore_sign_in (JdApplication *self)
{
  if (is_signing_in (self))
    return;

  if (!jd_session_restore (self->session))
    show_sign_in_after_first_frame (self);
}

static void
on_sign_in_needed_cb (JdApplication *self,
                      const char    *server)
{
  gboolean quietly = self->restoring_quietly;

  self->restoring_quietly = FALSE;
  if (quietly && gtk_application_get_windows (GTK_APPLICATION (self)) == NULL)
    jd_search_provider_client_changed (self->search_provider);
  else
    show_sign_in (self, server);
}

static void
on_client_changed_cb (JdApplication *self)
{
  JdClient *client = jd_session_get_client (self->session);
  g_autofree char *target = NULL;

  /* The servers menu checks the one signed in to. */
  if (client != NULL && !jd_session_is_demo_client (self->session, client))
    target = jd_servers_make_target (jd_client_get_base_url (client), jd_client_get_auth_kind (client));

  g_simple_action_set_state (self->server_action, g_variant_new_string (target != NULL ? target : ""));
  if (client != NULL)
    self->restoring_quietly = FALSE;
  jd_search_provider_client_changed (self->search_provider);
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  JdApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing each window lets it save its size. */
  while (windows != NULL)
    {
      GtkWindow *window = windows->data;

      windows = windows->next;
      gtk_window_close (window);
    }

  g_application_quit (G_APPLICATION (self));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  JdApplication *self = user_data;
  const char *developers[] = { "Job Desk contributors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Job Desk"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("Job Desk contributors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Look up Alteryx Server jobs by ID: status, outputs and messages at a glance."),
                        "website", "https://github.com/jobdesk/JobDesk",
                        "issue-url", "https://github.com/jobdesk/JobDesk/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
sign_in_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  show_sign_in (JD_APPLICATION (user_data), NULL);
}

static void
sign_in_demo_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  JdApplication *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!jd_session_sign_in_demo (self->session, &error))
    {
      jd_window_show_toast (get_window (self), error->message);
      return;
    }

  gtk_window_present (GTK_WINDOW (get_window (self)));
}

static void
sign_out_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  JdApplication *self = user_data;

  /* The session asks for the next sign-in ("sign-in-needed"). */
  jd_session_sign_out (self->session);
}

static void
server_change_state (GSimpleAction *action,
                     GVariant      *value,
                     gpointer       user_data)
{
  JdApplication *self = user_data;
  g_autofree char *server = NULL;
  JdAuthKind kind;

  if (jd_servers_parse_target (g_variant_get_string (value, NULL), &server, &kind))
    jd_session_switch_server (self->session, server, kind);
}

static void
open_job_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  JdApplication *self = user_data;
  JdWindow *window = get_window (self);

  gtk_window_present (GTK_WINDOW (window));
  jd_window_open_job (window, g_variant_get_string (parameter, NULL));

  /* A notification's button may start the app just for this (D-Bus
   * activation, no "activate"): sign in as a start does; the job waits. */
  restore_sign_in (self);
}

static const GActionEntry app_actions[] = {
  { "open-job", open_job_activated, "s" },
  { "quit", quit_activated },
  { "about", about_activated },
  { "sign-in", sign_in_activated },
  { "sign-in-demo", sign_in_demo_activated },
  { "sign-out", sign_out_activated },
};

/* ------------------------------------------------------------------ */
/* GApplication                                                        */

static void
jd_application_startup (GApplication *application)
{
  JdApplication *self = JD_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *look_up_accels[] = { "<Control>l", NULL };
  static const char *refresh_accels[] = { "<Control>r", "F5", NULL };
  static const char *copy_accels[] = { "<Control><Shift>c", NULL };
  /* Not Ctrl+Shift+W: that closes the window elsewhere in GNOME. */
  static const char *workflow_accels[] = { "<Control>j", NULL };
  static const char *new_tab_accels[] = { "<Control>t", NULL };
  static const char *close_tab_accels[] = { "<Control>w", NULL };
  static const char *history_accels[] = { "<Control>h", NULL };

  G_APPLICATION_CLASS (jd_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.focus-job-entry", look_up_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.refresh", refresh_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.copy-file-names", copy_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-workflow-jobs", workflow_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.new-tab", new_tab_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.close-tab", close_tab_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-history", history_accels);
}

static void
jd_application_activate (GApplication *application)
{
  JdApplication *self = JD_APPLICATION (application);
  JdWindow *window = get_window (self);

  gtk_window_present (GTK_WINDOW (window));

  restore_sign_in (self);
}

static int
jd_application_command_line (GApplication            *application,
                             GApplicationCommandLine *command_line)
{
  JdApplication *self = JD_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree const char **texts = NULL;
  g_autofree char *server = NULL;
  gboolean demo = FALSE;
  JdWindow *window;

  g_variant_dict_lookup (options, "demo", "b", &demo);
  g_variant_dict_lookup (options, "server", "s", &server);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&s", &texts);

  window = get_window (self);
  gtk_window_present (GTK_WINDOW (window));

  if (demo)
    {
      g_autoptr(GError) error = NULL;

      if (!jd_session_sign_in_demo (self->session, &error))
        {
          g_application_command_line_printerr (command_line, "%s\n", error->message);
          return 1;
        }
    }
  else if (server != NULL)
    {
      show_sign_in (self, server);
    }
  else
    {
      restore_sign_in (self);
    }

  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    jd_window_look_up (window, texts[i]);

  return 0;
}

static int
jd_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("jobdesk %s\n", PACKAGE_VERSION);
      return 0;
    }

  /* Everything else goes to the primary instance. */
  return -1;
}

static void
jd_application_shutdown (GApplication *application)
{
  JdApplication *self = JD_APPLICATION (application);

  jd_followed_jobs_stop_all (self->followed_jobs);
  jd_session_shutdown (self->session);
  jd_history_finish_writing (self->history);

  G_APPLICATION_CLASS (jd_application_parent_class)->shutdown (application);
}

/* ------------------------------------------------------------------ */
/* The desktop: Shell search, the background, the network             */

/* Started by the Shell to search, the app has no window and has not
 * signed in: restore the saved sign-in, without a dialog if it fails. */
static JdClient *
search_provider_get_client (gpointer  user_data,
                            gboolean *pending)
{
  JdApplication *self = user_data;

  if (!is_signing_in (self))
    {
      self->restoring_quietly = TRUE;
      if (!jd_session_restore (self->session))
        self->restoring_quietly = FALSE;
    }

  *pending = jd_session_get_client (self->session) == NULL && jd_session_get_restoring (self->session);
  return jd_session_get_client (self->session);
}

static void
on_search_activate_job_cb (JdApplication *self,
                           const char    *job_id)
{
  g_action_group_activate_action (G_ACTION_GROUP (self), "open-job", g_variant_new_string (job_id));
}

static void
on_search_launch_cb (JdApplication *self,
                     const char    *text)
{
  JdWindow *window = get_window (self);

  gtk_window_present (GTK_WINDOW (window));
  jd_window_look_up (window, text);
  restore_sign_in (self);
}

static char **
followed_job_ids (gpointer user_data)
{
  JdApplication *self = user_data;

  return jd_followed_jobs_dup_following_ids (self->followed_jobs);
}

static gboolean
jd_application_dbus_register (GApplication     *application,
                              GDBusConnection  *connection,
                              const char       *object_path,
                              GError          **error)
{
  JdApplication *self = JD_APPLICATION (application);
  g_autofree char *path = g_strconcat (object_path, "/SearchProvider", NULL);

  if (!G_APPLICATION_CLASS (jd_application_parent_class)->dbus_register (application, connection, object_path, error))
    return FALSE;

  /* Started by the bus (the Shell's search, a notification): stay a while
   * for the calls that follow the first. */
  if (g_application_get_flags (application) & G_APPLICATION_IS_SERVICE)
    g_application_set_inactivity_timeout (application, JD_APPLICATION_SERVICE_TIMEOUT_MS);

  return jd_search_provider_register (self->search_provider, connection, path, error);
}

static void
jd_application_dbus_unregister (GApplication    *application,
                                GDBusConnection *connection,
                                const char      *object_path)
{
  jd_search_provider_unregister (JD_APPLICATION (application)->search_provider);

  G_APPLICATION_CLASS (jd_application_parent_class)->dbus_unregister (application, connection, object_path);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
jd_application_finalize (GObject *object)
{
  JdApplication *self = JD_APPLICATION (object);

  g_clear_object (&self->background);
  g_clear_object (&self->search_provider);
  g_clear_object (&self->followed_jobs);
  g_clear_object (&self->server_action);
  g_clear_object (&self->history);
  g_clear_object (&self->session);
  g_clear_object (&self->servers);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (jd_application_parent_class)->finalize (object);
}

static void
jd_application_class_init (JdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = jd_application_finalize;

  app_class->startup = jd_application_startup;
  app_class->activate = jd_application_activate;
  app_class->command_line = jd_application_command_line;
  app_class->handle_local_options = jd_application_handle_local_options;
  app_class->shutdown = jd_application_shutdown;
  app_class->dbus_register = jd_application_dbus_register;
  app_class->dbus_unregister = jd_application_dbus_unregister;
}

static void
jd_application_init (JdApplication *self)
{
  self->settings = g_settings_new (APPLICATION_ID);
  self->servers = jd_servers_new (self->settings);
  self->session = jd_session_new (self->settings, self->servers);
  self->history = jd_history_new (self->settings);
  self->followed_jobs = jd_followed_jobs_new (G_APPLICATION (self), self->session, self->history);
  g_signal_connect_object (self->session, "sign-in-needed", G_CALLBACK (on_sign_in_needed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::client", G_CALLBACK (on_client_changed_cb), self, G_CONNECT_SWAPPED);

  self->server_action = g_simple_action_new_stateful ("server", G_VARIANT_TYPE_STRING, g_variant_new_string (""));
  g_signal_connect (self->server_action, "change-state", G_CALLBACK (server_change_state), self);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (self->server_action));

  self->search_provider = jd_search_provider_new (self->history, search_provider_get_client, self);
  g_signal_connect_object (self->search_provider, "activate-job", G_CALLBACK (on_search_activate_job_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_provider, "launch-search", G_CALLBACK (on_search_launch_cb), self, G_CONNECT_SWAPPED);
  self->background = jd_background_new (GTK_APPLICATION (self), followed_job_ids, self);
  g_signal_connect_object (self->followed_jobs, "following-changed", G_CALLBACK (jd_background_update), self->background, G_CONNECT_SWAPPED);
  /* With the network back, a follower that failed for lack of it looks
   * at once rather than after its wait. */
  g_signal_connect_object (jd_network_watch_get_default (), "network-back",
                           G_CALLBACK (jd_followed_jobs_retry_failed), self->followed_jobs, G_CONNECT_SWAPPED);

  /* The G_OPTION_REMAINING entry names the parameters in the usage line. */
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Look up Alteryx Server jobs by ID. Any text that holds a job ID will do: an e-mail line, a log line, a Server link."));
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

JdApplication *
jd_application_new (void)
{
  return g_object_new (JD_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/io/github/jobdesk/JobDesk",
                       NULL);
}

GSettings *
jd_application_get_settings (JdApplication *self)
{
  g_return_val_if_fail (JD_IS_APPLICATION (self), NULL);
  return self->settings;
}

JdWindow *
jd_application_new_window (JdApplication *self)
{
  g_return_val_if_fail (JD_IS_APPLICATION (self), NULL);

  return jd_window_new (GTK_APPLICATION (self), self->settings, self->session,
                        self->history, self->followed_jobs);
}

JdSession *
jd_application_get_session (JdApplication *self)
{
  g_return_val_if_fail (JD_IS_APPLICATION (self), NULL);
  return self->session;
}

JdServers *
jd_application_get_servers (JdApplication *self)
{
  g_return_val_if_fail (JD_IS_APPLICATION (self), NULL);
  return self->servers;
}

JdHistory *
jd_application_get_history (JdApplication *self)
{
  g_return_val_if_fail (JD_IS_APPLICATION (self), NULL);
  return self->history;
}

JdFollowedJobs *
jd_application_get_followed_jobs (JdApplication *self)
{
  g_return_val_if_fail (JD_IS_APPLICATION (self), NULL);
  return self->followed_jobs;
}

JdClient *
jd_application_get_client (JdApplication *self)
{
  g_return_val_if_fail (JD_IS_APPLICATION (self), NULL);
  return jd_session_get_client (self->session);
}

void
jd_application_set_client (JdApplication *self,
                           JdClient      *client)
{
  g_return_if_fail (JD_IS_APPLICATION (self));
  jd_session_set_client (self->session, client);
}
