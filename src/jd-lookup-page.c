/* jd-lookup-page.c: the job-ID entry, recent lookups, and the state of the
 * lookup.
 *
 * A lookup starts from any text: the ID is taken out of it, or the entry
 * says why not and nothing is sent. A newer lookup cancels the older one;
 * the spinner shows only after 250 ms so quick answers do not flash it.
 */
#define G_LOG_DOMAIN "jd-lookup-page"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-error-text.h"
#include "jd-job-view.h"
#include "jd-lookup-page.h"
#include "jd-object-id.h"

#define MAX_RECENT 20
#define SPINNER_DELAY_MS 250

struct _JdLookupPage
{
  AdwBin        parent_instance;

  GtkEntry     *job_entry;
  GtkRevealer  *entry_error_revealer;
  GtkLabel     *entry_error_label;
  GtkMenuButton *recent_button;
  GtkPopover   *recent_popover;
  GtkListBox   *recent_popover_list;
  GtkListBox   *recent_list;
  GtkWidget    *recent_box;
  GtkStack     *state_stack;
  GtkSpinner   *spinner;
  GtkLabel     *loading_label;
  AdwStatusPage *error_page;
  GtkWidget    *retry_button;
  GtkWidget    *sign_in_again_button;
  JdJobView    *job_view;

  JdClient     *client;
  GSettings    *settings;
  GCancellable *cancellable;
  guint         spinner_timeout;
  char         *current_id;
  char         *pending_id;     /* asked for while signed out */
  JdJob        *job;
};

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_SETTINGS,
  PROP_STATE,
  PROP_JOB,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (JdLookupPage, jd_lookup_page, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

static void start_lookup (JdLookupPage *self,
                          const char   *id);

static void
set_state (JdLookupPage *self,
           const char   *state)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->state_stack), state) == 0)
    return;

  gtk_stack_set_visible_child_name (self->state_stack, state);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (state, "loading"));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
clear_spinner_timeout (JdLookupPage *self)
{
  g_clear_handle_id (&self->spinner_timeout, g_source_remove);
}

static void
show_entry_error (JdLookupPage *self,
                  const char   *message)
{
  gtk_label_set_text (self->entry_error_label, message);
  gtk_revealer_set_reveal_child (self->entry_error_revealer, message != NULL);

  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->job_entry), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->job_entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->job_entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->job_entry), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->job_entry), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->job_entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("A job ID, or any text that holds one"),
                                      -1);
    }
}

/* ------------------------------------------------------------------ */
/* Recent lookups                                                      */

static GtkWidget *
make_recent_row (const char *id)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), id);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_widget_add_css_class (row, "monospace");
  g_object_set_data_full (G_OBJECT (row), "job-id", g_strdup (id), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, id,
                                  -1);
  return row;
}

static void
fill_recent_list (GtkListBox         *list,
                  const char * const *ids)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  for (guint i = 0; ids[i] != NULL; i++)
    gtk_list_box_append (list, make_recent_row (ids[i]));
}

static void
update_recent (JdLookupPage *self)
{
  g_auto(GStrv) ids = NULL;
  gboolean any;

  if (self->settings == NULL)
    return;

  ids = g_settings_get_strv (self->settings, "recent-jobs");
  any = ids[0] != NULL;

  fill_recent_list (self->recent_list, (const char * const *) ids);
  fill_recent_list (self->recent_popover_list, (const char * const *) ids);
  gtk_widget_set_visible (self->recent_box, any);
  gtk_widget_set_sensitive (GTK_WIDGET (self->recent_button), any);
}

static void
remember_recent (JdLookupPage *self,
                 const char   *id)
{
  g_auto(GStrv) ids = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) updated = NULL;
  guint kept = 1;

  if (self->settings == NULL)
    return;

  ids = g_settings_get_strv (self->settings, "recent-jobs");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, id);
  for (guint i = 0; ids[i] != NULL && kept < MAX_RECENT; i++)
    if (g_strcmp0 (ids[i], id) != 0)
      {
        g_strv_builder_add (builder, ids[i]);
        kept++;
      }

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-jobs", (const char * const *) updated);
}

static void
on_recent_changed_cb (JdLookupPage *self)
{
  update_recent (self);
}

static void
on_recent_row_activated_cb (JdLookupPage  *self,
                            GtkListBoxRow *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "job-id");

  gtk_popover_popdown (self->recent_popover);
  if (id != NULL)
    jd_lookup_page_look_up_text (self, id);
}

/* ------------------------------------------------------------------ */
/* Lookup                                                              */

static void
set_job (JdLookupPage *self,
         JdJob        *job)
{
  if (g_set_object (&self->job, job))
    {
      jd_job_view_set_job (self->job_view, job);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOB]);
    }
}

static gboolean
on_spinner_timeout_cb (gpointer user_data)
{
  JdLookupPage *self = user_data;

  self->spinner_timeout = 0;
  set_state (self, "loading");
  return G_SOURCE_REMOVE;
}

static void
show_error (JdLookupPage *self,
            const GError *error)
{
  gboolean unauthorized = g_error_matches (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_UNAUTHORIZED);
  const char *title = jd_error_title (error);

  if (g_error_matches (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_FOUND))
    title = _("Job Not Found");

  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, error->message);
  adw_status_page_set_icon_name (self->error_page, jd_error_icon_name (error));
  gtk_widget_set_visible (self->sign_in_again_button, unauthorized);
  gtk_widget_set_visible (self->retry_button, !unauthorized);
  set_state (self, "error");
}

static void
on_job_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(JdLookupPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;

  job = jd_client_get_job_finish (JD_CLIENT (source), result, &error);

  /* A newer lookup, a cancel, or a closed window: say nothing. */
  if (jd_client_error_is_cancelled (error))
    return;

  clear_spinner_timeout (self);
  g_clear_object (&self->cancellable);

  if (job == NULL)
    {
      if (g_error_matches (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_SIGNED_IN))
        set_state (self, "signed-out");
      else
        show_error (self, error);
      return;
    }

  set_job (self, job);
  set_state (self, "job");
  remember_recent (self, jd_job_get_id (job));
}

static void
start_lookup (JdLookupPage *self,
              const char   *id)
{
  g_autofree char *loading = NULL;

  jd_lookup_page_cancel (self);

  g_free (self->current_id);
  self->current_id = g_strdup (id);

  if (self->client == NULL)
    {
      g_free (self->pending_id);
      self->pending_id = g_strdup (id);
      set_state (self, "signed-out");
      return;
    }

  loading = g_strdup_printf (_("Looking up job %s…"), id);
  gtk_label_set_text (self->loading_label, loading);

  self->cancellable = g_cancellable_new ();
  self->spinner_timeout = g_timeout_add (SPINNER_DELAY_MS, on_spinner_timeout_cb, self);
  jd_client_get_job_async (self->client, id, TRUE, self->cancellable, on_job_cb, g_object_ref (self));
}

static void
on_entry_activate_cb (JdLookupPage *self)
{
  jd_lookup_page_look_up (self);
}

static void
on_entry_changed_cb (JdLookupPage *self)
{
  show_entry_error (self, NULL);
}

static void
on_cancel_clicked_cb (JdLookupPage *self)
{
  jd_lookup_page_cancel (self);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
jd_lookup_page_dispose (GObject *object)
{
  JdLookupPage *self = JD_LOOKUP_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  clear_spinner_timeout (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_LOOKUP_PAGE);

  G_OBJECT_CLASS (jd_lookup_page_parent_class)->dispose (object);
}

static void
jd_lookup_page_finalize (GObject *object)
{
  JdLookupPage *self = JD_LOOKUP_PAGE (object);

  g_clear_object (&self->client);
  g_clear_object (&self->settings);
  g_clear_object (&self->job);
  g_free (self->current_id);
  g_free (self->pending_id);

  G_OBJECT_CLASS (jd_lookup_page_parent_class)->finalize (object);
}

static void
jd_lookup_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JdLookupPage *self = JD_LOOKUP_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_STATE:
      g_value_set_string (value, jd_lookup_page_get_state (self));
      break;

    case PROP_JOB:
      g_value_set_object (value, self->job);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_lookup_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  JdLookupPage *self = JD_LOOKUP_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      jd_lookup_page_set_client (self, g_value_get_object (value));
      break;

    case PROP_SETTINGS:
      jd_lookup_page_set_settings (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_lookup_page_class_init (JdLookupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_lookup_page_dispose;
  object_class->finalize = jd_lookup_page_finalize;
  object_class->get_property = jd_lookup_page_get_property;
  object_class->set_property = jd_lookup_page_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         JD_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL,
                         "empty",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_JOB] =
    g_param_spec_object ("job", NULL, NULL,
                         JD_TYPE_JOB,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (JD_TYPE_JOB_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jobdesk/JobDesk/jd-lookup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, job_entry);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, entry_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, entry_error_label);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, recent_button);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, recent_popover);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, recent_popover_list);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, recent_list);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, recent_box);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, loading_label);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, retry_button);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, sign_in_again_button);
  gtk_widget_class_bind_template_child (widget_class, JdLookupPage, job_view);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
}

static void
jd_lookup_page_init (JdLookupPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_state (self, "signed-out");
  gtk_widget_set_visible (self->recent_box, FALSE);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

GtkWidget *
jd_lookup_page_new (void)
{
  return g_object_new (JD_TYPE_LOOKUP_PAGE, NULL);
}

JdClient *
jd_lookup_page_get_client (JdLookupPage *self)
{
  g_return_val_if_fail (JD_IS_LOOKUP_PAGE (self), NULL);
  return self->client;
}

void
jd_lookup_page_set_client (JdLookupPage *self,
                           JdClient     *client)
{
  g_autofree char *pending = NULL;

  g_return_if_fail (JD_IS_LOOKUP_PAGE (self));

  if (!g_set_object (&self->client, client))
    return;

  jd_lookup_page_cancel (self);
  jd_job_view_set_client (self->job_view, client);

  if (client == NULL)
    {
      set_job (self, NULL);
      set_state (self, "signed-out");
    }
  else if ((pending = g_steal_pointer (&self->pending_id)) != NULL)
    start_lookup (self, pending);
  else
    {
      /* Another server: the job shown belonged to the old one. */
      set_job (self, NULL);
      set_state (self, "empty");
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

GSettings *
jd_lookup_page_get_settings (JdLookupPage *self)
{
  g_return_val_if_fail (JD_IS_LOOKUP_PAGE (self), NULL);
  return self->settings;
}

void
jd_lookup_page_set_settings (JdLookupPage *self,
                             GSettings    *settings)
{
  g_return_if_fail (JD_IS_LOOKUP_PAGE (self));

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);

  if (!g_set_object (&self->settings, settings))
    return;

  jd_job_view_set_settings (self->job_view, settings);

  if (settings != NULL)
    g_signal_connect_object (settings, "changed::recent-jobs",
                             G_CALLBACK (on_recent_changed_cb), self, G_CONNECT_SWAPPED);
  update_recent (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTINGS]);
}

gboolean
jd_lookup_page_look_up_text (JdLookupPage *self,
                             const char   *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (JD_IS_LOOKUP_PAGE (self), FALSE);

  id = jd_object_id_extract (text, JD_OBJECT_ID_JOB, &error);
  if (id == NULL)
    {
      if (text != gtk_editable_get_text (GTK_EDITABLE (self->job_entry)))
        gtk_editable_set_text (GTK_EDITABLE (self->job_entry), text != NULL ? text : "");
      show_entry_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->job_entry));
      return FALSE;
    }

  /* Show what is being looked up: the ID alone. */
  gtk_editable_set_text (GTK_EDITABLE (self->job_entry), id);
  gtk_editable_set_position (GTK_EDITABLE (self->job_entry), -1);
  show_entry_error (self, NULL);
  start_lookup (self, id);
  return TRUE;
}

void
jd_lookup_page_look_up (JdLookupPage *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (JD_IS_LOOKUP_PAGE (self));

  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->job_entry)));
  jd_lookup_page_look_up_text (self, text);
}

void
jd_lookup_page_refresh (JdLookupPage *self)
{
  g_autofree char *id = NULL;

  g_return_if_fail (JD_IS_LOOKUP_PAGE (self));

  if (self->current_id == NULL)
    {
      jd_lookup_page_look_up (self);
      return;
    }

  id = g_strdup (self->current_id);
  start_lookup (self, id);
}

void
jd_lookup_page_cancel (JdLookupPage *self)
{
  g_return_if_fail (JD_IS_LOOKUP_PAGE (self));

  clear_spinner_timeout (self);

  if (self->cancellable == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  /* Back to what was there before. */
  if (g_strcmp0 (jd_lookup_page_get_state (self), "loading") == 0)
    set_state (self, self->job != NULL ? "job" : "empty");
}

void
jd_lookup_page_focus_entry (JdLookupPage *self)
{
  g_return_if_fail (JD_IS_LOOKUP_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->job_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->job_entry), 0, -1);
}

JdJob *
jd_lookup_page_get_job (JdLookupPage *self)
{
  g_return_val_if_fail (JD_IS_LOOKUP_PAGE (self), NULL);
  return self->job;
}

const char *
jd_lookup_page_get_state (JdLookupPage *self)
{
  g_return_val_if_fail (JD_IS_LOOKUP_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->state_stack);
}

gboolean
jd_lookup_page_copy_all_file_names (JdLookupPage *self)
{
  g_return_val_if_fail (JD_IS_LOOKUP_PAGE (self), FALSE);

  if (self->job == NULL)
    return FALSE;

  return jd_job_view_copy_all_file_names (self->job_view);
}
