/* jd-window.c: the main window.
 *
 * Two pages: look up a job, and browse the jobs of a workflow. The window
 * follows the application's client, remembers its size, and carries the
 * actions that the shortcuts, the menu and the tests all go through.
 */
#define G_LOG_DOMAIN "jd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-lookup-page.h"
#include "jd-sign-in-dialog.h"
#include "jd-window.h"
#include "jd-window-private.h"
#include "jd-workflow-page.h"

struct _JdWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *view_stack;
  JdLookupPage         *lookup_page;
  JdWorkflowPage       *workflow_page;
  GtkWidget            *refresh_button;

  GSettings            *settings;
  GtkWindow            *sign_in_dialog;
};

G_DEFINE_FINAL_TYPE (JdWindow, jd_window, ADW_TYPE_APPLICATION_WINDOW)

static JdApplication *
get_app (JdWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return app != NULL ? JD_APPLICATION (app) : NULL;
}

static void
update_subtitle (JdWindow *self)
{
  JdApplication *app = get_app (self);
  JdClient *client = app != NULL ? jd_application_get_client (app) : NULL;
  g_autofree char *subtitle = NULL;

  if (client == NULL)
    subtitle = g_strdup (_("Not signed in"));
  else if (jd_application_is_demo_client (app, client))
    subtitle = g_strdup (_("Sample data"));
  else
    {
      g_autoptr(GUri) uri = g_uri_parse (jd_client_get_base_url (client), G_URI_FLAGS_NONE, NULL);

      subtitle = g_strdup (uri != NULL ? g_uri_get_host (uri) : jd_client_get_base_url (client));
    }

  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
}

static void
on_client_changed_cb (JdWindow *self)
{
  JdApplication *app = get_app (self);
  JdClient *client = jd_application_get_client (app);

  jd_lookup_page_set_client (self->lookup_page, client);
  jd_workflow_page_set_client (self->workflow_page, client);
  update_subtitle (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.refresh", client != NULL);
}

static void
on_workflow_job_activated_cb (JdWindow   *self,
                              const char *job_id)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "job");
  jd_lookup_page_look_up_text (self->lookup_page, job_id);
}

static void
on_signed_in_cb (JdWindow *self,
                 JdClient *client,
                 gboolean  remembered)
{
  jd_application_set_client (get_app (self), client);

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
  jd_lookup_page_look_up (self->lookup_page);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (page, "workflow") == 0)
    jd_workflow_page_reload (self->workflow_page);
  else
    jd_lookup_page_refresh (self->lookup_page);
}

static void
focus_job_entry_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "job");
  jd_lookup_page_focus_entry (self->lookup_page);
}

static void
copy_file_names_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);

  if (!jd_lookup_page_copy_all_file_names (self->lookup_page))
    jd_window_show_toast (self, _("This job has no output files to copy."));
}

static void
show_workflow_jobs_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "workflow");
  jd_workflow_page_focus_entry (self->workflow_page);
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

  return GTK_WINDOW_CLASS (jd_window_parent_class)->close_request (window);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

/* Needs the application, which GtkWindow sets only after constructed (). */
static void
setup_for_application (JdWindow *self)
{
  JdApplication *app = get_app (self);

  self->settings = g_object_ref (jd_application_get_settings (app));
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  jd_lookup_page_set_settings (self->lookup_page, self->settings);

  g_signal_connect_object (app, "notify::client", G_CALLBACK (on_client_changed_cb), self, G_CONNECT_SWAPPED);
  on_client_changed_cb (self);
}

static void
jd_window_dispose (GObject *object)
{
  JdWindow *self = JD_WINDOW (object);

  if (self->sign_in_dialog != NULL)
    gtk_window_destroy (self->sign_in_dialog);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_WINDOW);

  G_OBJECT_CLASS (jd_window_parent_class)->dispose (object);
}

static void
jd_window_finalize (GObject *object)
{
  JdWindow *self = JD_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (jd_window_parent_class)->finalize (object);
}

static void
jd_window_class_init (JdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = jd_window_dispose;
  object_class->finalize = jd_window_finalize;
  window_class->close_request = jd_window_close_request;

  g_type_ensure (JD_TYPE_LOOKUP_PAGE);
  g_type_ensure (JD_TYPE_WORKFLOW_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jobdesk/JobDesk/jd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, lookup_page);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, workflow_page);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, refresh_button);
  gtk_widget_class_bind_template_callback (widget_class, on_workflow_job_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.look-up", NULL, look_up_action);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.focus-job-entry", NULL, focus_job_entry_action);
  gtk_widget_class_install_action (widget_class, "win.copy-file-names", NULL, copy_file_names_action);
  gtk_widget_class_install_action (widget_class, "win.show-workflow-jobs", NULL, show_workflow_jobs_action);
}

static void
jd_window_init (JdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

JdWindow *
jd_window_new (JdApplication *application)
{
  JdWindow *self;

  g_return_val_if_fail (JD_IS_APPLICATION (application), NULL);

  self = g_object_new (JD_TYPE_WINDOW, "application", application, NULL);
  setup_for_application (self);
  return self;
}

void
jd_window_look_up (JdWindow   *self,
                   const char *text)
{
  g_return_if_fail (JD_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, "job");
  jd_lookup_page_look_up_text (self->lookup_page, text);
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
      JdSignInDialog *dialog = jd_sign_in_dialog_new (GTK_WINDOW (self));

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
  AdwToast *toast;

  g_return_if_fail (JD_IS_WINDOW (self));

  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* For tests and for pages that want to reach the window's parts. */
JdLookupPage *
jd_window_get_lookup_page (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);
  return self->lookup_page;
}

JdWorkflowPage *
jd_window_get_workflow_page (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);
  return self->workflow_page;
}

GtkWindow *
jd_window_get_sign_in_dialog (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);
  return self->sign_in_dialog;
}

AdwViewStack *
jd_window_get_view_stack (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);
  return self->view_stack;
}
