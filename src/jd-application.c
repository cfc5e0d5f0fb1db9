/* jd-application.c: the Job Desk application.
 *
 * One instance: a second `jobdesk ID` hands its IDs to the running window.
 * The application holds the one SoupSession, the signed-in JdClient that
 * every window uses, the settings, and the built-in sample server.
 */
#define G_LOG_DOMAIN "jd-application"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "jd-application.h"
#include "jd-background.h"
#include "jd-credentials.h"
#include "jd-demo-server.h"
#include "jd-network-watch.h"
#include "jd-search-provider.h"
#include "jd-sign-in-dialog.h"
#include "jd-window.h"

struct _JdApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  SoupSession    *session;
  JdClient       *client;
  JdDemoServer   *demo_server;
  GCancellable   *cancellable;
  JdHistory      *history;
  GHashTable     *followers;       /* job ID → JdJobFollower */
  guint           follow_min_ms;
  guint           follow_max_ms;
  guint           notifications;
  GMenu          *servers_menu;
  GSimpleAction  *server_action;
  gboolean        restoring;
  gboolean        restoring_quietly;
  JdSearchProvider *search_provider;
  JdBackground   *background;
};

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (JdApplication, jd_application, ADW_TYPE_APPLICATION)

static GParamSpec *properties[N_PROPS];

#define JD_APPLICATION_SERVICE_TIMEOUT_MS 30000

static void stop_all_following  (JdApplication *self);
static void forget_follower     (gpointer       data);
static void update_server_state (JdApplication *self);
static void forget_server       (JdApplication *self,
                                 const char    *server,
                                 JdAuthKind     kind);

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

      window = GTK_WINDOW (jd_window_new (self));
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

/* ------------------------------------------------------------------ */
/* Restoring the last sign-in from the keyring                         */

/* A search with no window restores quietly: the next window asks. */
static void
sign_in_failed (JdApplication *self,
                gboolean       quietly)
{
  if (quietly && gtk_application_get_windows (GTK_APPLICATION (self)) == NULL)
    jd_search_provider_client_changed (self->search_provider);
  else
    show_sign_in (self, NULL);
}

static void
on_credentials_found_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(JdApplication) self = user_data;
  g_autoptr(JdCredentials) credentials = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdClient) client = NULL;
  gboolean quietly = self->restoring_quietly;

  self->restoring = FALSE;
  self->restoring_quietly = FALSE;
  credentials = jd_credentials_lookup_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (self->client != NULL)
    return;   /* signed in some other way meanwhile */

  if (credentials == NULL)
    {
      if (error != NULL)
        g_debug ("No saved sign-in: %s", error->message);
      sign_in_failed (self, quietly);
      return;
    }

  client = jd_client_new (self->session, credentials->server);
  if (client == NULL)
    {
      sign_in_failed (self, quietly);
      return;
    }

  jd_credentials_apply (credentials, client);
  jd_client_set_allow_insecure (client, jd_application_get_allow_insecure (self, credentials->server));
  jd_application_set_client (self, client);
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
  self->restoring = FALSE;

  if (self->client == NULL)
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
  self->restoring = TRUE;
  deferred = g_new0 (DeferredSignIn, 1);
  deferred->app = g_object_ref (self);
  deferred->clock = g_object_ref (clock);
  deferred->paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_paint_cb), deferred);
  deferred->timeout_id = g_timeout_add (1000, on_first_paint_timeout_cb, deferred);
}

static void
restore_sign_in (JdApplication *self)
{
  g_autofree char *server = g_settings_get_string (self->settings, "server-address");
  JdAuthKind kind = g_settings_get_enum (self->settings, "sign-in-kind");

  if (*server == '\0' || kind == JD_AUTH_NONE)
    {
      show_sign_in_after_first_frame (self);
      return;
    }

  self->restoring = TRUE;
  jd_credentials_lookup_async (server, kind, self->cancellable,
                               on_credentials_found_cb, g_object_ref (self));
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

  if (!jd_application_sign_in_demo (self, &error))
    {
      jd_window_show_toast (get_window (self), error->message);
      return;
    }

  gtk_window_present (GTK_WINDOW (get_window (self)));
}

static void
on_forgotten_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!jd_credentials_forget_finish (result, &error))
    g_debug ("Could not forget the credentials: %s", error->message);
}

static void
sign_out_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  JdApplication *self = user_data;
  g_autofree char *server = g_settings_get_string (self->settings, "server-address");
  JdAuthKind kind = g_settings_get_enum (self->settings, "sign-in-kind");

  if (self->client != NULL && !jd_application_is_demo_client (self, self->client))
    {
      /* Forget what the keyring holds for this server, then the setting. */
      if (*server != '\0' && kind != JD_AUTH_NONE)
        {
          jd_credentials_forget_async (server, kind, NULL, on_forgotten_cb, NULL);
          forget_server (self, server, kind);
        }
      g_settings_set_enum (self->settings, "sign-in-kind", JD_AUTH_NONE);
    }

  jd_application_set_client (self, NULL);
  show_sign_in (self, server);
}

/* ------------------------------------------------------------------ */
/* Saved servers                                                       */

static const char *
kind_nick (JdAuthKind kind)
{
  return kind == JD_AUTH_ACCESS_TOKEN ? "access-token" : "api-key";
}

static JdAuthKind
kind_from_nick (const char *nick)
{
  return g_strcmp0 (nick, "access-token") == 0 ? JD_AUTH_ACCESS_TOKEN : JD_AUTH_API_KEY;
}

char *
jd_application_describe_server (const char *base_url)
{
  g_autoptr(GUri) uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup (base_url);

  if (g_uri_get_port (uri) > 0)
    return g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));

  return g_strdup (g_uri_get_host (uri));
}

static char *
server_target (const char *server,
               JdAuthKind  kind)
{
  return g_strconcat (kind_nick (kind), " ", server, NULL);
}

static void
update_server_state (JdApplication *self)
{
  g_autofree char *target = NULL;

  if (self->client != NULL && !jd_application_is_demo_client (self, self->client))
    target = server_target (jd_client_get_base_url (self->client), jd_client_get_auth_kind (self->client));

  g_simple_action_set_state (self->server_action, g_variant_new_string (target != NULL ? target : ""));
}

static void
rebuild_servers_menu (JdApplication *self)
{
  g_autoptr(GVariant) profiles = g_settings_get_value (self->settings, "profiles");
  GVariantIter iter;
  const char *server, *nick;

  g_menu_remove_all (self->servers_menu);

  g_variant_iter_init (&iter, profiles);
  while (g_variant_iter_next (&iter, "(&s&s)", &server, &nick))
    {
      JdAuthKind kind = kind_from_nick (nick);
      g_autofree char *host = jd_application_describe_server (server);
      g_autofree char *label = NULL;
      g_autofree char *target = server_target (server, kind);
      g_autoptr(GMenuItem) item = NULL;

      /* "ayx.example.com (API key)" */
      label = g_strdup_printf (kind == JD_AUTH_ACCESS_TOKEN ? _("%s (access token)") : _("%s (API key)"), host);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "app.server", g_variant_new_string (target));
      g_menu_append_item (self->servers_menu, item);
    }
}

static void
set_profiles (JdApplication *self,
              GPtrArray     *servers,
              GPtrArray     *nicks)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ss)"));
  for (guint i = 0; i < servers->len; i++)
    g_variant_builder_add (&builder, "(ss)", servers->pdata[i], nicks->pdata[i]);
  g_settings_set_value (self->settings, "profiles", g_variant_builder_end (&builder));
}

/* Every saved server but this one. */
static void
profiles_without (JdApplication *self,
                  const char    *server,
                  JdAuthKind     kind,
                  GPtrArray     *servers,
                  GPtrArray     *nicks)
{
  g_autoptr(GVariant) profiles = g_settings_get_value (self->settings, "profiles");
  GVariantIter iter;
  const char *saved, *nick;

  g_variant_iter_init (&iter, profiles);
  while (g_variant_iter_next (&iter, "(&s&s)", &saved, &nick))
    if (g_strcmp0 (saved, server) != 0 || kind_from_nick (nick) != kind)
      {
        g_ptr_array_add (servers, g_strdup (saved));
        g_ptr_array_add (nicks, g_strdup (nick));
      }
}

static void
forget_server (JdApplication *self,
               const char    *server,
               JdAuthKind     kind)
{
  g_autoptr(GPtrArray) servers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) nicks = g_ptr_array_new_with_free_func (g_free);

  profiles_without (self, server, kind, servers, nicks);
  set_profiles (self, servers, nicks);
}

void
jd_application_remember_server (JdApplication *self,
                                JdClient      *client)
{
  g_autoptr(GPtrArray) servers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) nicks = g_ptr_array_new_with_free_func (g_free);
  const char *server;
  JdAuthKind kind;

  g_return_if_fail (JD_IS_APPLICATION (self));
  g_return_if_fail (JD_IS_CLIENT (client));

  server = jd_client_get_base_url (client);
  kind = jd_client_get_auth_kind (client);
  g_ptr_array_add (servers, g_strdup (server));
  g_ptr_array_add (nicks, g_strdup (kind_nick (kind)));
  profiles_without (self, server, kind, servers, nicks);
  set_profiles (self, servers, nicks);
  update_server_state (self);
}

GMenuModel *
jd_application_get_servers_menu (JdApplication *self)
{
  g_return_val_if_fail (JD_IS_APPLICATION (self), NULL);
  return G_MENU_MODEL (self->servers_menu);
}

typedef struct
{
  JdApplication *self;
  char          *server;
  JdAuthKind     kind;
} SwitchData;

static void
on_switch_credentials_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  SwitchData *data = user_data;
  JdApplication *self = data->self;
  g_autoptr(JdCredentials) credentials = NULL;
  g_autoptr(JdClient) client = NULL;
  g_autoptr(GError) error = NULL;

  credentials = jd_credentials_lookup_finish (result, &error);

  if (credentials != NULL)
    client = jd_client_new (self->session, credentials->server);

  if (client == NULL)
    {
      /* Nothing in the keyring for it (or no keyring): ask. */
      g_settings_set_enum (self->settings, "sign-in-kind", data->kind);
      show_sign_in (self, data->server);
    }
  else
    {
      jd_credentials_apply (credentials, client);
      jd_client_set_allow_insecure (client, jd_application_get_allow_insecure (self, credentials->server));
      g_settings_set_string (self->settings, "server-address", credentials->server);
      g_settings_set_enum (self->settings, "sign-in-kind", credentials->kind);
      jd_application_set_client (self, client);
    }

  update_server_state (self);
  g_object_unref (data->self);
  g_free (data->server);
  g_free (data);
}

static void
server_change_state (GSimpleAction *action,
                     GVariant      *value,
                     gpointer       user_data)
{
  JdApplication *self = user_data;
  const char *target = g_variant_get_string (value, NULL);
  const char *space = strchr (target, ' ');
  SwitchData *data;

  if (space == NULL)
    return;

  data = g_new0 (SwitchData, 1);
  data->self = g_object_ref (self);
  data->kind = g_str_has_prefix (target, "access-token ") ? JD_AUTH_ACCESS_TOKEN : JD_AUTH_API_KEY;
  data->server = g_strdup (space + 1);
  jd_credentials_lookup_async (data->server, data->kind, self->cancellable,
                               on_switch_credentials_cb, data);
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
  if (self->client == NULL && !self->restoring)
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

  if (self->client == NULL && !self->restoring)
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

      if (!jd_application_sign_in_demo (self, &error))
        {
          g_application_command_line_printerr (command_line, "%s\n", error->message);
          return 1;
        }
    }
  else if (server != NULL)
    {
      show_sign_in (self, server);
    }
  else if (self->client == NULL && !self->restoring)
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

  g_cancellable_cancel (self->cancellable);
  stop_all_following (self);
  g_clear_object (&self->client);
  if (self->demo_server != NULL)
    jd_demo_server_stop (self->demo_server);

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

  if (self->client == NULL && !self->restoring)
    {
      g_autofree char *server = g_settings_get_string (self->settings, "server-address");

      if (*server != '\0' && g_settings_get_enum (self->settings, "sign-in-kind") != JD_AUTH_NONE)
        {
          self->restoring_quietly = TRUE;
          restore_sign_in (self);
        }
    }

  *pending = self->client == NULL && self->restoring;
  return self->client;
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
  if (self->client == NULL && !self->restoring)
    restore_sign_in (self);
}

static char **
followed_job_ids (gpointer user_data)
{
  JdApplication *self = user_data;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GHashTableIter iter;
  gpointer id, follower;

  g_hash_table_iter_init (&iter, self->followers);
  while (g_hash_table_iter_next (&iter, &id, &follower))
    if (jd_job_follower_get_following (follower))
      g_strv_builder_add (builder, id);

  return g_strv_builder_end (builder);
}

/* A follower that failed for lack of network waits up to 30 s before its
 * next try; with the network back, it looks at once. */
static void
on_network_back_cb (JdApplication *self)
{
  GHashTableIter iter;
  gpointer follower;

  g_hash_table_iter_init (&iter, self->followers);
  while (g_hash_table_iter_next (&iter, NULL, &follower))
    if (jd_job_follower_get_following (follower) && jd_job_follower_get_last_error (follower) != NULL)
      {
        jd_job_follower_stop (follower);
        jd_job_follower_start (follower);
      }
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
  g_clear_pointer (&self->followers, g_hash_table_unref);
  g_clear_object (&self->servers_menu);
  g_clear_object (&self->server_action);
  g_clear_object (&self->history);
  g_clear_object (&self->client);
  g_clear_object (&self->demo_server);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (jd_application_parent_class)->finalize (object);
}

static void
jd_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JdApplication *self = JD_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_application_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  JdApplication *self = JD_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      jd_application_set_client (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_application_class_init (JdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = jd_application_finalize;
  object_class->get_property = jd_application_get_property;
  object_class->set_property = jd_application_set_property;

  app_class->startup = jd_application_startup;
  app_class->activate = jd_application_activate;
  app_class->command_line = jd_application_command_line;
  app_class->handle_local_options = jd_application_handle_local_options;
  app_class->shutdown = jd_application_shutdown;
  app_class->dbus_register = jd_application_dbus_register;
  app_class->dbus_unregister = jd_application_dbus_unregister;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         JD_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jd_application_init (JdApplication *self)
{
  self->settings = g_settings_new (APPLICATION_ID);
  self->session = jd_client_session_new ();
  self->cancellable = g_cancellable_new ();
  self->history = jd_history_new (self->settings);
  self->followers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, forget_follower);
  self->servers_menu = g_menu_new ();
  self->server_action = g_simple_action_new_stateful ("server", G_VARIANT_TYPE_STRING, g_variant_new_string (""));
  g_signal_connect (self->server_action, "change-state", G_CALLBACK (server_change_state), self);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (self->server_action));
  g_signal_connect_object (self->settings, "changed::profiles", G_CALLBACK (rebuild_servers_menu), self, G_CONNECT_SWAPPED);
  rebuild_servers_menu (self);

  self->search_provider = jd_search_provider_new (self->history, search_provider_get_client, self);
  g_signal_connect_object (self->search_provider, "activate-job", G_CALLBACK (on_search_activate_job_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_provider, "launch-search", G_CALLBACK (on_search_launch_cb), self, G_CONNECT_SWAPPED);
  self->background = jd_background_new (GTK_APPLICATION (self), followed_job_ids, self);
  g_signal_connect_object (jd_network_watch_get_default (), "network-back", G_CALLBACK (on_network_back_cb), self, G_CONNECT_SWAPPED);

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

SoupSession *
jd_application_get_session (JdApplication *self)
{
  g_return_val_if_fail (JD_IS_APPLICATION (self), NULL);
  return self->session;
}

JdClient *
jd_application_get_client (JdApplication *self)
{
  g_return_val_if_fail (JD_IS_APPLICATION (self), NULL);
  return self->client;
}

void
jd_application_set_client (JdApplication *self,
                           JdClient      *client)
{
  g_return_if_fail (JD_IS_APPLICATION (self));
  g_return_if_fail (client == NULL || JD_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;

  /* Followers belong to the server they were started on. */
  stop_all_following (self);
  update_server_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
  jd_search_provider_client_changed (self->search_provider);
}

const char *
jd_application_start_demo_server (JdApplication  *self,
                                  GError        **error)
{
  g_return_val_if_fail (JD_IS_APPLICATION (self), NULL);

  if (self->demo_server == NULL)
    {
      g_autoptr(JdDemoServer) server = jd_demo_server_new ();

      /* In a thread of its own: its 11 MB answers must not stall the UI. */
      if (!jd_demo_server_start_thread (server, 0, error))
        return NULL;

      self->demo_server = g_steal_pointer (&server);
    }

  return jd_demo_server_get_base_url (self->demo_server);
}

gboolean
jd_application_is_demo_client (JdApplication *self,
                               JdClient      *client)
{
  g_return_val_if_fail (JD_IS_APPLICATION (self), FALSE);

  return client != NULL && self->demo_server != NULL &&
         g_strcmp0 (jd_client_get_base_url (client), jd_demo_server_get_base_url (self->demo_server)) == 0;
}

gboolean
jd_application_sign_in_demo (JdApplication  *self,
                             GError        **error)
{
  g_autoptr(JdClient) client = NULL;
  const char *url;

  g_return_val_if_fail (JD_IS_APPLICATION (self), FALSE);

  url = jd_application_start_demo_server (self, error);
  if (url == NULL)
    return FALSE;

  client = jd_client_new (self->session, url);
  jd_client_set_api_key (client, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
  jd_application_set_client (self, client);
  return TRUE;
}

gboolean
jd_application_get_allow_insecure (JdApplication *self,
                                   const char    *server)
{
  g_auto(GStrv) allowed = g_settings_get_strv (self->settings, "allow-insecure");

  return server != NULL && g_strv_contains ((const char * const *) allowed, server);
}

void
jd_application_set_allow_insecure (JdApplication *self,
                                   const char    *server,
                                   gboolean       allow)
{
  g_auto(GStrv) allowed = g_settings_get_strv (self->settings, "allow-insecure");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;

  for (guint i = 0; allowed[i] != NULL; i++)
    if (g_strcmp0 (allowed[i], server) != 0)
      g_strv_builder_add (builder, allowed[i]);
  if (allow)
    g_strv_builder_add (builder, server);

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "allow-insecure", (const char * const *) updated);
}

/* ------------------------------------------------------------------ */
/* Following jobs                                                      */

static const char *
notification_title (JdJob *job)
{
  if (jd_job_summary_get_state (JD_JOB_SUMMARY (job)) == JD_JOB_STATE_CANCELLED)
    return _("Job Cancelled");

  switch (jd_job_summary_get_disposition_kind (JD_JOB_SUMMARY (job)))
    {
    case JD_DISPOSITION_SUCCESS:
      return _("Job Finished Successfully");
    case JD_DISPOSITION_WARNING:
      return _("Job Finished With Warnings");
    case JD_DISPOSITION_ERROR:
      return _("Job Failed");
    case JD_DISPOSITION_CANCELLED:
      return _("Job Cancelled");
    case JD_DISPOSITION_NONE:
    case JD_DISPOSITION_UNKNOWN:
    default:
      return jd_job_summary_get_state (JD_JOB_SUMMARY (job)) == JD_JOB_STATE_ERROR ? _("Job Failed") : _("Job Finished");
    }
}

static void
release_follower (JdApplication *self,
                  JdJobFollower *follower)
{
  if (g_object_get_data (G_OBJECT (follower), "jd-held") == NULL)
    return;

  g_object_set_data (G_OBJECT (follower), "jd-held", NULL);
  g_application_release (G_APPLICATION (self));
}

static void
on_follower_following_cb (JdJobFollower *follower,
                          GParamSpec    *pspec,
                          JdApplication *self)
{
  if (jd_job_follower_get_following (follower))
    {
      if (g_object_get_data (G_OBJECT (follower), "jd-held") == NULL)
        {
          /* Closing the last window must not end the wait. */
          g_object_set_data (G_OBJECT (follower), "jd-held", GINT_TO_POINTER (TRUE));
          g_application_hold (G_APPLICATION (self));
        }
    }
  else
    release_follower (self, follower);

  jd_background_update (self->background);
}

static void
on_follower_job_cb (JdJobFollower *follower,
                    GParamSpec    *pspec,
                    JdApplication *self)
{
  jd_history_update_job (self->history, jd_job_follower_get_job (follower));
}

static void
on_follower_finished_cb (JdJobFollower *follower,
                         JdJob         *job,
                         JdApplication *self)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *notification_id = NULL;
  g_autofree char *status = jd_history_describe_job (job);
  g_autofree char *body = NULL;
  const char *id = jd_job_summary_get_id (JD_JOB_SUMMARY (job));

  /* "Completed · Warning", with the job it is about */
  body = g_strdup_printf (_("Job %s ended: %s."), id, status);

  notification = g_notification_new (notification_title (job));
  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app.open-job", "s", id);
  g_notification_add_button_with_target (notification, _("Open Job"), "app.open-job", "s", id);
  if (jd_job_summary_get_disposition_kind (JD_JOB_SUMMARY (job)) == JD_DISPOSITION_ERROR)
    g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);

  notification_id = g_strconcat ("job-finished-", id, NULL);
  g_application_send_notification (G_APPLICATION (self), notification_id, notification);
  self->notifications++;
  g_debug ("Sent the notification for job %s", id);
}

static void
forget_follower (gpointer data)
{
  JdJobFollower *follower = data;
  JdApplication *self = g_object_get_data (G_OBJECT (follower), "jd-application");

  g_signal_handlers_disconnect_by_data (follower, self);
  jd_job_follower_stop (follower);
  release_follower (self, follower);
  g_object_unref (follower);
}

static void
stop_all_following (JdApplication *self)
{
  g_hash_table_remove_all (self->followers);
}

JdHistory *
jd_application_get_history (JdApplication *self)
{
  g_return_val_if_fail (JD_IS_APPLICATION (self), NULL);
  return self->history;
}

JdJobFollower *
jd_application_follow_job (JdApplication *self,
                           JdJob         *job)
{
  JdJobFollower *follower;

  g_return_val_if_fail (JD_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (JD_IS_JOB (job), NULL);

  if (self->client == NULL || !jd_job_follower_should_follow (job))
    return NULL;

  follower = g_hash_table_lookup (self->followers, jd_job_summary_get_id (JD_JOB_SUMMARY (job)));
  if (follower != NULL && !jd_job_follower_get_finished (follower))
    {
      jd_job_follower_start (follower);
      return follower;
    }

  follower = jd_job_follower_new (self->client, job);
  if (self->follow_min_ms > 0)
    jd_job_follower_set_intervals (follower, self->follow_min_ms, self->follow_max_ms);
  g_object_set_data (G_OBJECT (follower), "jd-application", self);
  g_signal_connect (follower, "notify::following", G_CALLBACK (on_follower_following_cb), self);
  g_signal_connect (follower, "notify::job", G_CALLBACK (on_follower_job_cb), self);
  g_signal_connect (follower, "finished", G_CALLBACK (on_follower_finished_cb), self);
  g_hash_table_replace (self->followers, g_strdup (jd_job_summary_get_id (JD_JOB_SUMMARY (job))), follower);

  jd_job_follower_start (follower);
  return follower;
}

JdJobFollower *
jd_application_get_follower (JdApplication *self,
                             const char    *job_id)
{
  g_return_val_if_fail (JD_IS_APPLICATION (self), NULL);
  return g_hash_table_lookup (self->followers, job_id);
}

void
jd_application_stop_following (JdApplication *self,
                               const char    *job_id)
{
  JdJobFollower *follower;

  g_return_if_fail (JD_IS_APPLICATION (self));

  follower = g_hash_table_lookup (self->followers, job_id);
  if (follower != NULL)
    jd_job_follower_stop (follower);
}

void
jd_application_set_follow_intervals (JdApplication *self,
                                     guint          min_ms,
                                     guint          max_ms)
{
  g_return_if_fail (JD_IS_APPLICATION (self));
  self->follow_min_ms = min_ms;
  self->follow_max_ms = max_ms;
}

guint
jd_application_get_notification_count (JdApplication *self)
{
  g_return_val_if_fail (JD_IS_APPLICATION (self), 0);
  return self->notifications;
}
