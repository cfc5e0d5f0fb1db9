/* jd-window.c: the main window.
 *
 * Pages: jobs in tabs (each tab a JdLookupPage), the lookup history, and
 * the jobs of a workflow. The window is given the state it shows (the
 * session and its client, the history, the followed jobs) and never
 * reaches the application for it; it remembers its size and its open tabs,
 * and carries the actions that the shortcuts, the menu and the tests all
 * go through.
 */
#define G_LOG_DOMAIN "jd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-accessible.h"
#include "jd-history-page.h"
#include "jd-layout-watch.h"
#include "jd-lookup-page.h"
#include "jd-object-id.h"
#include "jd-offline-bar.h"
#include "jd-recent-jobs-page.h"
#include "jd-sign-in-dialog.h"
#include "jd-toast.h"
#include "jd-window.h"
#include "jd-window-private.h"
#include "jd-workflow-page.h"

struct _JdWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *view_stack;
  AdwTabView           *tab_view;
  AdwTabBar            *tab_bar;
  AdwBin               *history_bin;
  AdwBin               *workflow_bin;
  AdwBin               *recent_bin;
  AdwViewStackPage     *recent_stack_page;
  /* Built when first shown or needed: the first frame does without them. */
  JdHistoryPage        *history_page;
  JdWorkflowPage       *workflow_page;
  JdRecentJobsPage     *recent_page;
  GtkWidget            *refresh_button;
  GMenu                *servers_section;

  GSettings            *settings;
  JdSession            *session;
  JdHistory            *history;
  JdFollowedJobs       *followed_jobs;
  GtkWindow            *sign_in_dialog;
  gboolean              restoring_tabs;
  JdLayoutWatch        *layout_watch;
};

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_SESSION,
  PROP_HISTORY,
  PROP_FOLLOWED_JOBS,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (JdWindow, jd_window, ADW_TYPE_APPLICATION_WINDOW)

static GParamSpec *properties[N_PROPS];

static JdClient *
get_client (JdWindow *self)
{
  return self->session != NULL ? jd_session_get_client (self->session) : NULL;
}

static JdLookupPage *
page_at (JdWindow *self,
         guint     position)
{
  return JD_LOOKUP_PAGE (adw_tab_page_get_child (adw_tab_view_get_nth_page (self->tab_view, position)));
}

static JdLookupPage *
current_page (JdWindow *self)
{
  AdwTabPage *page = adw_tab_view_get_selected_page (self->tab_view);

  return page != NULL ? JD_LOOKUP_PAGE (adw_tab_page_get_child (page)) : NULL;
}

/* ------------------------------------------------------------------ */
/* Pages other than the tabs, built on first use                       */

static void on_workflow_job_activated_cb (JdWindow   *self,
                                          const char *job_id);
static void on_history_job_activated_cb  (JdWindow   *self,
                                          const char *job_id);

static JdHistoryPage *
ensure_history_page (JdWindow *self)
{
  if (self->history_page == NULL)
    {
      self->history_page = JD_HISTORY_PAGE (jd_history_page_new ());
      jd_history_page_set_history (self->history_page, self->history);
      g_signal_connect_object (self->history_page, "job-activated",
                               G_CALLBACK (on_history_job_activated_cb), self, G_CONNECT_SWAPPED);
      adw_bin_set_child (self->history_bin, GTK_WIDGET (self->history_page));
    }

  return self->history_page;
}

static JdWorkflowPage *
ensure_workflow_page (JdWindow *self)
{
  if (self->workflow_page == NULL)
    {
      self->workflow_page = JD_WORKFLOW_PAGE (jd_workflow_page_new ());
      jd_workflow_page_set_client (self->workflow_page, get_client (self));
      g_signal_connect_object (self->workflow_page, "job-activated",
                               G_CALLBACK (on_workflow_job_activated_cb), self, G_CONNECT_SWAPPED);
      adw_bin_set_child (self->workflow_bin, GTK_WIDGET (self->workflow_page));
    }

  return self->workflow_page;
}

/* Also built when a client comes: it asks the Server whether it lists
 * recent jobs, and its tab hides when not. */
static JdRecentJobsPage *
ensure_recent_page (JdWindow *self)
{
  if (self->recent_page == NULL)
    {
      self->recent_page = JD_RECENT_JOBS_PAGE (jd_recent_jobs_page_new ());
      jd_recent_jobs_page_set_client (self->recent_page, get_client (self));
      g_signal_connect_object (self->recent_page, "job-activated",
                               G_CALLBACK (on_workflow_job_activated_cb), self, G_CONNECT_SWAPPED);
      g_object_bind_property (self->recent_page, "available", self->recent_stack_page, "visible",
                              G_BINDING_SYNC_CREATE);
      adw_bin_set_child (self->recent_bin, GTK_WIDGET (self->recent_page));
    }

  return self->recent_page;
}

static void
on_visible_page_cb (JdWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (name, "history") == 0)
    ensure_history_page (self);
  else if (g_strcmp0 (name, "workflow") == 0)
    ensure_workflow_page (self);
  else if (g_strcmp0 (name, "recent") == 0)
    ensure_recent_page (self);
}

/* ------------------------------------------------------------------ */
/* Title and server                                                    */

static void
update_titles (JdWindow *self)
{
  JdClient *client = get_client (self);
  g_autofree char *server = NULL;
  g_autofree char *title = NULL;

  if (client == NULL)
    server = g_strdup (_("Not signed in"));
  else if (jd_session_is_demo_client (self->session, client))
    server = g_strdup (_("Sample data"));
  else
    server = jd_servers_describe (jd_client_get_base_url (client));

  adw_view_switcher_title_set_subtitle (self->switcher_title, server);

  /* The window list and the task switcher show the server too. */
  if (client != NULL)
    title = g_strdup_printf (_("Job Desk — %s"), server);
  else
    title = g_strdup (_("Job Desk"));
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
on_client_changed_cb (JdWindow *self)
{
  JdClient *client = get_client (self);
  guint n;

  if (self->tab_view == NULL)
    return;

  n = adw_tab_view_get_n_pages (self->tab_view);

  for (guint i = 0; i < n; i++)
    jd_lookup_page_set_client (page_at (self, i), client);
  if (self->workflow_page != NULL)
    jd_workflow_page_set_client (self->workflow_page, client);
  if (self->recent_page != NULL)
    jd_recent_jobs_page_set_client (self->recent_page, client);
  /* Older Servers, and accounts that are not Curators, have no such list:
   * ask once, and hide the page quietly when the answer is no. */
  if (client != NULL)
    jd_recent_jobs_page_probe (ensure_recent_page (self));
  update_titles (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.refresh", client != NULL);
}

/* ------------------------------------------------------------------ */
/* Tabs                                                                */

static void
save_open_tabs (JdWindow *self)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) ids = NULL;
  guint n;

  if (self->settings == NULL || self->restoring_tabs || self->tab_view == NULL)
    return;

  builder = g_strv_builder_new ();
  n = adw_tab_view_get_n_pages (self->tab_view);
  for (guint i = 0; i < n; i++)
    {
      const char *id = jd_lookup_page_get_job_id (page_at (self, i));

      if (id != NULL)
        g_strv_builder_add (builder, id);
    }

  ids = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "open-tabs", (const char * const *) ids);
}

/* Each job arriving in a tab is watched until it is laid out. */
static void
on_page_job_arrived_cb (JdLookupPage *page,
                        GParamSpec   *pspec,
                        JdWindow     *self)
{
  JdJob *job = jd_lookup_page_get_job (page);

  /* A job shown again (refreshed, followed) was laid out before. */
  if (job == NULL ||
      g_strcmp0 (g_object_get_data (G_OBJECT (page), "jd-laid-out-id"), jd_job_summary_get_id (JD_JOB_SUMMARY (job))) == 0)
    return;

  if (!gtk_widget_get_mapped (GTK_WIDGET (page)) || self->layout_watch == NULL)
    return;

  g_object_set_data_full (G_OBJECT (page), "jd-laid-out-id", g_strdup (jd_job_summary_get_id (JD_JOB_SUMMARY (job))), g_free);
  jd_layout_watch_job_arrived (self->layout_watch, GTK_WIDGET (page), jd_job_summary_get_id (JD_JOB_SUMMARY (job)));
}

static void
on_page_job_id_cb (JdWindow *self)
{
  save_open_tabs (self);
}

static void
on_page_job_cb (JdLookupPage *page,
                GParamSpec   *pspec,
                AdwTabPage   *tab)
{
  JdJob *job = jd_lookup_page_get_job (page);
  g_autofree char *tooltip = NULL;

  if (job != NULL)
    {
      g_autofree char *status = jd_history_describe_job (job);

      tooltip = g_strdup_printf ("%s\n%s", jd_job_summary_get_id (JD_JOB_SUMMARY (job)), status);
    }

  adw_tab_page_set_tooltip (tab, tooltip);
}

static JdLookupPage *
add_tab (JdWindow *self,
         gboolean  select)
{
  JdLookupPage *page = g_object_new (JD_TYPE_LOOKUP_PAGE,
                                     "followed-jobs", self->followed_jobs,
                                     NULL);
  AdwTabPage *tab;

  jd_lookup_page_set_settings (page, self->settings);
  jd_lookup_page_set_history (page, self->history);
  jd_lookup_page_set_client (page, get_client (self));

  tab = adw_tab_view_append (self->tab_view, GTK_WIDGET (page));
  jd_accessible_name_icon_buttons (GTK_WIDGET (self->tab_bar));
  g_object_bind_property (page, "title", tab, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "icon", tab, "icon", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "loading", tab, "loading", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (page, "notify::job-id", G_CALLBACK (on_page_job_id_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "notify::job", G_CALLBACK (on_page_job_cb), tab, 0);
  g_signal_connect_object (page, "notify::job", G_CALLBACK (on_page_job_arrived_cb), self, 0);

  if (select)
    adw_tab_view_set_selected_page (self->tab_view, tab);

  return page;
}

static gboolean
on_close_page_cb (JdWindow   *self,
                  AdwTabPage *page)
{
  adw_tab_view_close_page_finish (self->tab_view, page, TRUE);
  return GDK_EVENT_STOP;
}

static void
on_page_detached_cb (JdWindow *self)
{
  /* The window going away takes its tabs with it. */
  if (self->tab_view == NULL || self->restoring_tabs || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  /* Always one tab to type into. */
  if (adw_tab_view_get_n_pages (self->tab_view) == 0)
    add_tab (self, TRUE);

  save_open_tabs (self);
}

static void
on_selected_page_cb (JdWindow *self)
{
  JdLookupPage *page;

  if (self->tab_view == NULL)
    return;

  page = current_page (self);

  if (page != NULL && jd_lookup_page_is_blank (page))
    jd_lookup_page_focus_entry (page);
}

/* The tab that shows this job, or NULL. */
static JdLookupPage *
find_tab (JdWindow   *self,
          const char *id)
{
  guint n = adw_tab_view_get_n_pages (self->tab_view);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (jd_lookup_page_get_job_id (page_at (self, i)), id) == 0)
      return page_at (self, i);

  return NULL;
}

static void
select_tab (JdWindow     *self,
            JdLookupPage *page)
{
  adw_tab_view_set_selected_page (self->tab_view, adw_tab_view_get_page (self->tab_view, GTK_WIDGET (page)));
}

/* Only the selected tab is looked up at start; the others when first
 * shown, so a start sends one request however many tabs were open, and
 * a job that froze the window last time is not reopened. */
static void
restore_tabs (JdWindow *self)
{
  g_auto(GStrv) ids = g_settings_get_strv (self->settings, "open-tabs");
  /* The marks do their work once: the tabs they name stay closed. */
  g_auto(GStrv) unsettled = jd_layout_watch_take_unsettled (self->layout_watch);
  gboolean first = TRUE;
  guint skipped = 0;

  self->restoring_tabs = TRUE;
  for (guint i = 0; ids[i] != NULL; i++)
    {
      JdLookupPage *page;

      if (!jd_object_id_is_valid (ids[i]) || find_tab (self, ids[i]) != NULL)
        continue;

      if (g_strv_contains ((const char * const *) unsettled, ids[i]))
        {
          skipped++;
          continue;
        }

      page = add_tab (self, first);
      if (first)
        jd_lookup_page_look_up_text (page, ids[i]);
      else
        jd_lookup_page_look_up_when_shown (page, ids[i]);
      first = FALSE;
    }
  self->restoring_tabs = FALSE;

  if (adw_tab_view_get_n_pages (self->tab_view) == 0)
    add_tab (self, TRUE);

  if (skipped > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u tab was not reopened: its job took too long to show last time.",
                                                         "%u tabs were not reopened: their jobs took too long to show last time.",
                                                         skipped),
                                               skipped);

      jd_window_show_toast (self, text);
      save_open_tabs (self);
    }
}

/* ------------------------------------------------------------------ */
/* Other pages                                                         */

static void
on_workflow_job_activated_cb (JdWindow   *self,
                              const char *job_id)
{
  jd_window_open_job (self, job_id);
}

static void
on_history_job_activated_cb (JdWindow   *self,
                             const char *job_id)
{
  jd_window_open_job (self, job_id);
}

/* The dialog saved the sign-in with the session already. */
static void
on_signed_in_cb (JdWindow *self,
                 JdClient *client,
                 gboolean  remembered)
{
  if (!remembered)
    jd_window_show_toast (self, _("No keyring is available, so Job Desk will not remember this sign-in after you quit."));
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */

static void
look_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "job");
  jd_lookup_page_look_up (current_page (self));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (page, "workflow") == 0)
    jd_workflow_page_reload (ensure_workflow_page (self));
  else if (g_strcmp0 (page, "recent") == 0)
    jd_recent_jobs_page_reload (ensure_recent_page (self));
  else if (g_strcmp0 (page, "job") == 0)
    jd_lookup_page_refresh (current_page (self));
}

static void
focus_job_entry_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "job");
  jd_lookup_page_focus_entry (current_page (self));
}

static void
copy_file_names_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);

  if (!jd_lookup_page_copy_all_file_names (current_page (self)))
    jd_window_show_toast (self, _("This job has no output files to copy."));
}

static void
show_workflow_jobs_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "workflow");
  jd_workflow_page_focus_entry (ensure_workflow_page (self));
}

/* (ss): a workflow ID and the job to pick out among its jobs, from the
 * job page's "Show This Workflow's Jobs". */
static void
open_workflow_jobs_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);
  const char *workflow_id = NULL;
  const char *job_id = NULL;

  g_variant_get (parameter, "(&s&s)", &workflow_id, &job_id);
  adw_view_stack_set_visible_child_name (self->view_stack, "workflow");
  jd_workflow_page_show_workflow (ensure_workflow_page (self), workflow_id,
                                  *job_id != '\0' ? job_id : NULL);
}

static void
show_history_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "history");
}

static void
new_tab_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);
  JdLookupPage *page;

  adw_view_stack_set_visible_child_name (self->view_stack, "job");
  page = add_tab (self, TRUE);
  jd_lookup_page_focus_entry (page);
}

static void
close_tab_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);
  AdwTabPage *page = adw_tab_view_get_selected_page (self->tab_view);

  if (page != NULL)
    adw_tab_view_close_page (self->tab_view, page);
}

/* ------------------------------------------------------------------ */
/* GtkWindow                                                           */

static gboolean
jd_window_close_request (GtkWindow *window)
{
  JdWindow *self = JD_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }

  save_open_tabs (self);
  /* From here on, closing tabs is the window going away, not the user. */
  self->restoring_tabs = TRUE;

  return GTK_WINDOW_CLASS (jd_window_parent_class)->close_request (window);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
jd_window_constructed (GObject *object)
{
  JdWindow *self = JD_WINDOW (object);

  G_OBJECT_CLASS (jd_window_parent_class)->constructed (object);

  g_assert (self->settings != NULL && self->session != NULL);
  self->layout_watch = jd_layout_watch_new (self->settings);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  if (self->history_page != NULL)
    jd_history_page_set_history (self->history_page, self->history);
  g_menu_append_section (self->servers_section, NULL,
                         jd_servers_get_menu (jd_session_get_servers (self->session)));

  g_signal_connect_object (self->session, "notify::client", G_CALLBACK (on_client_changed_cb), self, G_CONNECT_SWAPPED);
  restore_tabs (self);
  on_client_changed_cb (self);
}

static void
jd_window_dispose (GObject *object)
{
  JdWindow *self = JD_WINDOW (object);

  self->restoring_tabs = TRUE;
  if (self->sign_in_dialog != NULL)
    gtk_window_destroy (self->sign_in_dialog);
  g_clear_object (&self->layout_watch);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_WINDOW);

  G_OBJECT_CLASS (jd_window_parent_class)->dispose (object);
}

static void
jd_window_finalize (GObject *object)
{
  JdWindow *self = JD_WINDOW (object);

  g_clear_object (&self->followed_jobs);
  g_clear_object (&self->history);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (jd_window_parent_class)->finalize (object);
}

static void
jd_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  JdWindow *self = JD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    case PROP_FOLLOWED_JOBS:
      g_value_set_object (value, self->followed_jobs);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  JdWindow *self = JD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_HISTORY:
      self->history = g_value_dup_object (value);
      break;

    case PROP_FOLLOWED_JOBS:
      self->followed_jobs = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_window_class_init (JdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = jd_window_constructed;
  object_class->dispose = jd_window_dispose;
  object_class->finalize = jd_window_finalize;
  object_class->get_property = jd_window_get_property;
  object_class->set_property = jd_window_set_property;
  window_class->close_request = jd_window_close_request;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         JD_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         JD_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLLOWED_JOBS] =
    g_param_spec_object ("followed-jobs", NULL, NULL,
                         JD_TYPE_FOLLOWED_JOBS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (JD_TYPE_LOOKUP_PAGE);
  g_type_ensure (JD_TYPE_OFFLINE_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jobdesk/JobDesk/jd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, tab_view);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, tab_bar);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, history_bin);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, workflow_bin);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, recent_bin);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, recent_stack_page);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, servers_section);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_page_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_close_page_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_page_detached_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_page_cb);

  gtk_widget_class_install_action (widget_class, "win.look-up", NULL, look_up_action);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.focus-job-entry", NULL, focus_job_entry_action);
  gtk_widget_class_install_action (widget_class, "win.copy-file-names", NULL, copy_file_names_action);
  gtk_widget_class_install_action (widget_class, "win.show-workflow-jobs", NULL, show_workflow_jobs_action);
  gtk_widget_class_install_action (widget_class, "win.open-workflow-jobs", "(ss)", open_workflow_jobs_action);
  gtk_widget_class_install_action (widget_class, "win.show-history", NULL, show_history_action);
  gtk_widget_class_install_action (widget_class, "win.new-tab", NULL, new_tab_action);
  gtk_widget_class_install_action (widget_class, "win.close-tab", NULL, close_tab_action);
}

static void
jd_window_init (JdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  jd_accessible_fix_mnemonic_buttons (GTK_WIDGET (self));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

JdWindow *
jd_window_new (GtkApplication *application,
               GSettings      *settings,
               JdSession      *session,
               JdHistory      *history,
               JdFollowedJobs *followed_jobs)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (JD_IS_SESSION (session), NULL);
  g_return_val_if_fail (JD_IS_HISTORY (history), NULL);
  g_return_val_if_fail (JD_IS_FOLLOWED_JOBS (followed_jobs), NULL);

  return g_object_new (JD_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       "session", session,
                       "history", history,
                       "followed-jobs", followed_jobs,
                       NULL);
}

void
jd_window_open_job (JdWindow   *self,
                    const char *job_id)
{
  JdLookupPage *page;

  g_return_if_fail (JD_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, "job");

  /* Already open: show that tab. Else a blank tab, or a new one. */
  page = find_tab (self, job_id);
  if (page != NULL)
    {
      select_tab (self, page);
      return;
    }

  page = current_page (self);
  if (page == NULL || !jd_lookup_page_is_blank (page))
    page = add_tab (self, TRUE);

  jd_lookup_page_look_up_text (page, job_id);
}

void
jd_window_look_up (JdWindow   *self,
                   const char *text)
{
  g_autofree char *id = NULL;

  g_return_if_fail (JD_IS_WINDOW (self));

  id = jd_object_id_extract (text, JD_OBJECT_ID_JOB, NULL);
  if (id != NULL)
    jd_window_open_job (self, id);
  else
    {
      /* The entry says what is wrong with the text. */
      adw_view_stack_set_visible_child_name (self->view_stack, "job");
      jd_lookup_page_look_up_text (current_page (self), text);
    }
}

static void
on_sign_in_dialog_destroy_cb (JdWindow *self)
{
  self->sign_in_dialog = NULL;
}

void
jd_window_show_sign_in (JdWindow   *self,
                        const char *server)
{
  g_return_if_fail (JD_IS_WINDOW (self));

  if (self->sign_in_dialog == NULL)
    {
      JdSignInDialog *dialog = jd_sign_in_dialog_new (GTK_WINDOW (self), self->session);

      self->sign_in_dialog = GTK_WINDOW (dialog);
      g_signal_connect_object (dialog, "signed-in", G_CALLBACK (on_signed_in_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_sign_in_dialog_destroy_cb), self, G_CONNECT_SWAPPED);
    }

  if (server != NULL)
    jd_sign_in_dialog_set_server (JD_SIGN_IN_DIALOG (self->sign_in_dialog), server);

  gtk_window_present (self->sign_in_dialog);
}

void
jd_window_show_toast (JdWindow   *self,
                      const char *text)
{
  g_return_if_fail (JD_IS_WINDOW (self));

  jd_toast_show_in (self->toast_overlay, text);
}

/* For tests and for pages that want to reach the window's parts. */
JdLookupPage *
jd_window_get_lookup_page (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);
  return current_page (self);
}

JdWorkflowPage *
jd_window_get_workflow_page (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);
  return ensure_workflow_page (self);
}

JdRecentJobsPage *
jd_window_get_recent_jobs_page (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);
  return ensure_recent_page (self);
}

JdHistoryPage *
jd_window_get_history_page (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);
  return ensure_history_page (self);
}

AdwTabView *
jd_window_get_tab_view (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);
  return self->tab_view;
}

GtkWindow *
jd_window_get_sign_in_dialog (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);
  return self->sign_in_dialog;
}

void
jd_window_set_layout_deadline (JdWindow *self,
                               guint     milliseconds)
{
  g_return_if_fail (JD_IS_WINDOW (self));
  jd_layout_watch_set_deadline (self->layout_watch, milliseconds);
}

AdwViewStack *
jd_window_get_view_stack (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);
  return self->view_stack;
}
