/* jd-workflow-page.c: the jobs of one workflow, a page at a time.
 *
 * The user pastes a workflow ID (or picks one in the JdWorkflowPicker, where
 * the Server lists workflows for this account), filters by status and result and orders by
 * created date; the JdJobList below pages through the jobs 50 at a time.
 * This page is its JdJobPageSource: GET /v3/workflows/{id}/jobs with the
 * filters. The Server does not say how many jobs there are, so each page
 * asks for one more job than it shows to learn whether a next page exists.
 *
 * A WorkflowJobView has no result. Where the Result filter chose the rows,
 * they have the result it asked for, and are marked with it; other rows
 * say honestly that the result is not known, until opened.
 */
#define G_LOG_DOMAIN "jd-workflow-page"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-accessible.h"
#include "jd-api-enums.h"
#include "jd-job-cells.h"
#include "jd-job-list.h"
#include "jd-job-page-source.h"
#include "jd-object-id.h"
#include "jd-job-summary.h"
#include "jd-workflow.h"
#include "jd-workflow-page.h"
#include "jd-workflow-picker.h"

struct _JdWorkflowPage
{
  AdwBin             parent_instance;

  GtkEntry          *workflow_entry;
  GtkRevealer       *entry_error_revealer;
  GtkLabel          *entry_error_label;
  GtkMenuButton     *browse_button;
  JdWorkflowPicker  *picker;
  GtkWidget         *toolbar;
  GtkLabel          *title_label;
  GtkLabel          *id_label;
  GtkDropDown       *status_dropdown;
  GtkDropDown       *result_dropdown;
  GtkDropDown       *sort_dropdown;
  GtkWidget         *empty_browse_button;
  JdJobList         *list;

  JdClient          *client;

  /* The workflow asked for, the one on its way, and the one shown. */
  char              *workflow_id;
  char              *loading_id;
  char              *shown_id;
  char              *pending_id;    /* asked for while signed out */
  char              *pending_highlight;

  /* Names asked for with GET /v3/workflows/{id}, for the heading, where
   * the picker has not seen the workflow. */
  GHashTable        *names;
  GCancellable      *name_cancellable;
};

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_STATE,
  PROP_WORKFLOW_ID,
  PROP_WORKFLOW_NAME,
  N_PROPS
};

enum {
  JOB_ACTIVATED,
  N_SIGNALS
};

static void jd_workflow_page_source_init (JdJobPageSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JdWorkflowPage, jd_workflow_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (JD_TYPE_JOB_PAGE_SOURCE, jd_workflow_page_source_init))

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What the filter drop-downs mean to the Server, in the order of their
 * items; NULL leaves the filter out of the request. */
static const char * const status_values[] = { NULL, "Complete", "Error", "Running", "Queued" };
static const char * const result_values[] = { NULL, "Success", "Warning", "Error" };

static void show_text (JdWorkflowPage *self,
                       const char     *text,
                       const char     *highlight_job_id);

/* ------------------------------------------------------------------ */
/* State                                                               */

static gboolean
filters_active (JdWorkflowPage *self)
{
  return gtk_drop_down_get_selected (self->status_dropdown) != 0 ||
         gtk_drop_down_get_selected (self->result_dropdown) != 0;
}

static const char *
get_workflow_name (JdWorkflowPage *self,
                   const char     *id)
{
  const char *name;

  if (id == NULL)
    return NULL;

  name = jd_workflow_picker_get_name (self->picker, id);
  return name != NULL ? name : g_hash_table_lookup (self->names, id);
}

/* The heading, the filters and the actions follow the list's state. */
static void
update_chrome (JdWorkflowPage *self)
{
  JdJobListState state = jd_job_list_get_state (self->list);
  gboolean showing;

  /* While another workflow loads, its predecessor stays in view until
   * the spinner takes over. */
  showing = self->shown_id != NULL &&
            (state == JD_JOB_LIST_STATE_JOBS || state == JD_JOB_LIST_STATE_NO_JOBS ||
             (state == JD_JOB_LIST_STATE_LOADING && g_strcmp0 (self->shown_id, self->workflow_id) == 0));

  gtk_widget_set_visible (self->toolbar, showing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workflow.reload", self->client != NULL && self->workflow_id != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workflow.browse", self->client != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->browse_button), self->client != NULL);
  /* Once refused, the button would only repeat the refusal. */
  gtk_widget_set_visible (self->empty_browse_button, !jd_workflow_picker_get_refused (self->picker));
}

static void
show_entry_error (JdWorkflowPage *self,
                  const char     *message)
{
  gtk_label_set_text (self->entry_error_label, message);
  gtk_revealer_set_reveal_child (self->entry_error_revealer, message != NULL);

  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->workflow_entry), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->workflow_entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->workflow_entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->workflow_entry), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->workflow_entry), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->workflow_entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("A workflow ID, or any text that holds one"),
                                      -1);
    }
}

static void
update_heading (JdWorkflowPage *self)
{
  const char *name = get_workflow_name (self, self->shown_id);

  gtk_label_set_text (self->title_label, name != NULL ? name : _("Workflow Jobs"));
  gtk_label_set_text (self->id_label, self->shown_id != NULL ? self->shown_id : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKFLOW_NAME]);
}

static void
start_load (JdWorkflowPage *self)
{
  g_assert (self->workflow_id != NULL);

  if (self->client == NULL)
    {
      /* Shown once a client comes. */
      g_free (self->pending_id);
      self->pending_id = g_strdup (self->workflow_id);
      jd_job_list_reset (self->list);
      return;
    }

  jd_job_list_load (self->list, 0);
  update_chrome (self);
}

/* ------------------------------------------------------------------ */
/* JdJobPageSource                                                     */

typedef struct
{
  char *workflow_id;
  char *result_code;
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_free (fetch->workflow_id);
  g_free (fetch->result_code);
  g_free (fetch);
}

static void
on_jobs_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJobPage) page = NULL;

  page = jd_client_list_workflow_jobs_finish (JD_CLIENT (source), result, &error);
  if (page == NULL)
    {
      if (g_error_matches (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_FOUND))
        g_debug ("Workflow %s: %s", fetch->workflow_id, error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The client marks rows chosen by their result with that result. */
  g_task_return_pointer (task, g_steal_pointer (&page), g_object_unref);
}

static void
jd_workflow_page_fetch_async (JdJobPageSource     *source,
                              JdClient            *client,
                              guint                page,
                              guint                page_size,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  JdWorkflowPage *self = JD_WORKFLOW_PAGE (source);
  guint sort = gtk_drop_down_get_selected (self->sort_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint result = gtk_drop_down_get_selected (self->result_dropdown);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  JdJobQuery query = { 0, };
  Fetch *fetch = g_new0 (Fetch, 1);

  g_task_set_source_tag (task, jd_workflow_page_fetch_async);

  query.sort_field = "createDate";
  query.direction = sort == 1 ? JD_SORT_ASCENDING : JD_SORT_DESCENDING;
  query.offset = page * page_size;
  /* one more, only to learn whether a next page exists */
  query.limit = page_size + 1;
  query.status = status < G_N_ELEMENTS (status_values) ? status_values[status] : NULL;
  query.result_code = result < G_N_ELEMENTS (result_values) ? result_values[result] : NULL;

  fetch->workflow_id = g_strdup (self->workflow_id);
  fetch->result_code = g_strdup (query.result_code);
  g_task_set_task_data (task, fetch, (GDestroyNotify) fetch_free);

  g_free (self->loading_id);
  self->loading_id = g_strdup (self->workflow_id);

  jd_client_list_workflow_jobs_async (client, self->workflow_id, &query, cancellable,
                                      on_jobs_cb, g_steal_pointer (&task));
}

static JdJobPage *
jd_workflow_page_fetch_finish (JdJobPageSource  *source,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
jd_workflow_page_get_filtered (JdJobPageSource *source)
{
  return filters_active (JD_WORKFLOW_PAGE (source));
}

static void on_filter_changed_cb (JdWorkflowPage *self);

static void
clear_filters (JdWorkflowPage *self)
{
  /* One reload for both, not one per drop-down. */
  g_signal_handlers_block_by_func (self->result_dropdown, on_filter_changed_cb, self);
  g_signal_handlers_block_by_func (self->status_dropdown, on_filter_changed_cb, self);
  gtk_drop_down_set_selected (self->result_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  g_signal_handlers_unblock_by_func (self->status_dropdown, on_filter_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->result_dropdown, on_filter_changed_cb, self);
}

static void
jd_workflow_page_clear_filters (JdJobPageSource *source)
{
  JdWorkflowPage *self = JD_WORKFLOW_PAGE (source);

  clear_filters (self);
  on_filter_changed_cb (self);
}

static const char *
jd_workflow_page_get_empty_text (JdJobPageSource *source,
                                 guint            page)
{
  if (filters_active (JD_WORKFLOW_PAGE (source)))
    return _("This workflow has no jobs that match the filters.");
  if (page > 0)
    return _("There are no more jobs after the previous page.");
  return _("This workflow has not run any jobs yet.");
}

static const char *
jd_workflow_page_get_error_title (JdJobPageSource *source,
                                  const GError    *error)
{
  if (g_error_matches (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_FOUND))
    return _("Workflow Not Found");
  return NULL;
}

static void
jd_workflow_page_source_init (JdJobPageSourceInterface *iface)
{
  iface->fetch_async = jd_workflow_page_fetch_async;
  iface->fetch_finish = jd_workflow_page_fetch_finish;
  iface->get_filtered = jd_workflow_page_get_filtered;
  iface->clear_filters = jd_workflow_page_clear_filters;
  iface->get_empty_text = jd_workflow_page_get_empty_text;
  iface->get_error_title = jd_workflow_page_get_error_title;
}

/* ------------------------------------------------------------------ */
/* Signal handlers                                                     */

static void
on_entry_activate_cb (JdWorkflowPage *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->workflow_entry)));

  show_text (self, text, NULL);
}

static void
on_entry_changed_cb (JdWorkflowPage *self)
{
  show_entry_error (self, NULL);
}

static void
on_filter_changed_cb (JdWorkflowPage *self)
{
  /* Other filters make other pages: start again at the first. */
  if (self->workflow_id != NULL && self->client != NULL)
    start_load (self);
}

static void
on_list_job_activated_cb (JdWorkflowPage *self,
                          JdJobSummary  *job)
{
  g_signal_emit (self, signals[JOB_ACTIVATED], 0, jd_job_summary_get_id (job));
}

static void
on_workflow_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(JdWorkflowPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdWorkflow) workflow = NULL;
  const char *name;

  workflow = jd_client_get_workflow_finish (JD_CLIENT (source), result, &error);
  if (workflow == NULL)
    {
      /* The heading keeps the ID, which says enough. */
      g_debug ("The name of a workflow: %s", error->message);
      return;
    }

  /* An answer from before another sign-in finds its question gone. */
  name = jd_workflow_get_name (workflow);
  if (name == NULL || *name == '\0' || !g_hash_table_contains (self->names, jd_workflow_get_id (workflow)))
    return;

  g_hash_table_replace (self->names, g_strdup (jd_workflow_get_id (workflow)), g_strdup (name));
  update_heading (self);
}

static void
on_list_loaded_cb (JdWorkflowPage *self)
{
  g_free (self->shown_id);
  self->shown_id = g_strdup (self->loading_id);
  update_heading (self);

  /* The name for the heading, once per workflow. */
  if (self->shown_id != NULL && self->client != NULL &&
      !g_hash_table_contains (self->names, self->shown_id) &&
      jd_workflow_picker_get_name (self->picker, self->shown_id) == NULL)
    {
      g_hash_table_replace (self->names, g_strdup (self->shown_id), NULL);
      jd_client_get_workflow_async (self->client, self->shown_id, self->name_cancellable,
                                    on_workflow_cb, g_object_ref (self));
    }
  update_chrome (self);
}

static void
on_list_state_cb (JdWorkflowPage *self)
{
  update_chrome (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
on_picker_picked_cb (JdWorkflowPage *self,
                     const char     *workflow_id)
{
  show_text (self, workflow_id, NULL);
}

static void
on_picker_refused_cb (JdWorkflowPage *self)
{
  update_chrome (self);
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */

static void
show_jobs_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  on_entry_activate_cb (JD_WORKFLOW_PAGE (widget));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  jd_workflow_page_reload (JD_WORKFLOW_PAGE (widget));
}

static void
browse_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JdWorkflowPage *self = JD_WORKFLOW_PAGE (widget);

  gtk_menu_button_popup (self->browse_button);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
jd_workflow_page_dispose (GObject *object)
{
  JdWorkflowPage *self = JD_WORKFLOW_PAGE (object);

  g_cancellable_cancel (self->name_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_WORKFLOW_PAGE);

  G_OBJECT_CLASS (jd_workflow_page_parent_class)->dispose (object);
}

static void
jd_workflow_page_finalize (GObject *object)
{
  JdWorkflowPage *self = JD_WORKFLOW_PAGE (object);

  g_clear_object (&self->client);
  g_free (self->workflow_id);
  g_free (self->loading_id);
  g_free (self->shown_id);
  g_free (self->pending_id);
  g_free (self->pending_highlight);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_object (&self->name_cancellable);

  G_OBJECT_CLASS (jd_workflow_page_parent_class)->finalize (object);
}

static void
jd_workflow_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  JdWorkflowPage *self = JD_WORKFLOW_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_STATE:
      g_value_set_enum (value, jd_workflow_page_get_state (self));
      break;

    case PROP_WORKFLOW_ID:
      g_value_set_string (value, self->workflow_id);
      break;

    case PROP_WORKFLOW_NAME:
      g_value_set_string (value, jd_workflow_page_get_workflow_name (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_workflow_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  JdWorkflowPage *self = JD_WORKFLOW_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      jd_workflow_page_set_client (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_workflow_page_class_init (JdWorkflowPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_workflow_page_dispose;
  object_class->finalize = jd_workflow_page_finalize;
  object_class->get_property = jd_workflow_page_get_property;
  object_class->set_property = jd_workflow_page_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         JD_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       JD_TYPE_JOB_LIST_STATE,
                       JD_JOB_LIST_STATE_SIGNED_OUT,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORKFLOW_ID] =
    g_param_spec_string ("workflow-id", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORKFLOW_NAME] =
    g_param_spec_string ("workflow-name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JdWorkflowPage::job-activated:
   * @job_id: the ID of the job the user opened
   */
  signals[JOB_ACTIVATED] =
    g_signal_new ("job-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (JD_TYPE_JOB_SUMMARY);
  g_type_ensure (JD_TYPE_JOB_LIST);
  g_type_ensure (JD_TYPE_WORKFLOW_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jobdesk/JobDesk/jd-workflow-page.ui");
  /* a box of ours, not a "filler" read by its type name */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, workflow_entry);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, entry_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, entry_error_label);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, browse_button);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, picker);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, id_label);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, result_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, empty_browse_button);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, list);

  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_job_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_loaded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_state_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_picker_picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_picker_refused_cb);
  jd_job_cells_bind (widget_class);

  gtk_widget_class_install_action (widget_class, "workflow.show-jobs", NULL, show_jobs_action);
  gtk_widget_class_install_action (widget_class, "workflow.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "workflow.browse", NULL, browse_action);
}

static void
jd_workflow_page_init (JdWorkflowPage *self)
{
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->name_cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  jd_accessible_fix_mnemonic_buttons (GTK_WIDGET (self));
  jd_accessible_fix_drop_down (self->status_dropdown);
  jd_accessible_fix_drop_down (self->result_dropdown);
  jd_accessible_fix_drop_down (self->sort_dropdown);

  jd_job_list_set_source (self->list, JD_JOB_PAGE_SOURCE (self));
  jd_job_cells_setup_filter (self->status_dropdown);
  jd_job_cells_setup_filter (self->result_dropdown);
  jd_job_cells_setup_filter (self->sort_dropdown);
  update_chrome (self);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

GtkWidget *
jd_workflow_page_new (void)
{
  return g_object_new (JD_TYPE_WORKFLOW_PAGE, NULL);
}

JdClient *
jd_workflow_page_get_client (JdWorkflowPage *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW_PAGE (self), NULL);
  return self->client;
}

void
jd_workflow_page_set_client (JdWorkflowPage *self,
                             JdClient       *client)
{
  g_autofree char *pending = NULL;
  g_autofree char *highlight = NULL;

  g_return_if_fail (JD_IS_WORKFLOW_PAGE (self));
  g_return_if_fail (client == NULL || JD_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;

  /* What this page knew came from the old server. */
  jd_workflow_picker_set_client (self->picker, client);
  g_cancellable_cancel (self->name_cancellable);
  g_clear_object (&self->name_cancellable);
  self->name_cancellable = g_cancellable_new ();
  g_hash_table_remove_all (self->names);
  g_clear_pointer (&self->shown_id, g_free);
  jd_job_list_set_client (self->list, client);

  if (client != NULL && (pending = g_steal_pointer (&self->pending_id)) != NULL)
    {
      highlight = g_steal_pointer (&self->pending_highlight);
      show_text (self, pending, highlight);
    }
  else if (client != NULL)
    {
      g_clear_pointer (&self->workflow_id, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKFLOW_ID]);
    }

  update_chrome (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

static void
show_text (JdWorkflowPage *self,
           const char     *text,
           const char     *highlight_job_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  id = jd_object_id_extract (text, JD_OBJECT_ID_WORKFLOW, &error);
  if (id == NULL)
    {
      if (text != gtk_editable_get_text (GTK_EDITABLE (self->workflow_entry)))
        gtk_editable_set_text (GTK_EDITABLE (self->workflow_entry), text != NULL ? text : "");
      show_entry_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->workflow_entry));
      return;
    }

  /* Show what is being shown: the ID alone. */
  gtk_editable_set_text (GTK_EDITABLE (self->workflow_entry), id);
  gtk_editable_set_position (GTK_EDITABLE (self->workflow_entry), -1);
  show_entry_error (self, NULL);

  if (g_strcmp0 (self->workflow_id, id) != 0)
    {
      g_free (self->workflow_id);
      self->workflow_id = g_steal_pointer (&id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKFLOW_ID]);
    }

  /* A newer request without a job to mark marks none. */
  g_clear_pointer (&self->pending_highlight, g_free);
  jd_job_list_highlight_job (self->list, NULL);

  if (highlight_job_id != NULL)
    {
      /* The job must be findable: filters could hide it. */
      clear_filters (self);
      if (self->client == NULL)
        self->pending_highlight = g_strdup (highlight_job_id);
      else
        jd_job_list_highlight_job (self->list, highlight_job_id);
    }

  start_load (self);
}

void
jd_workflow_page_show_workflow (JdWorkflowPage *self,
                                const char     *workflow_id,
                                const char     *highlight_job_id)
{
  g_return_if_fail (JD_IS_WORKFLOW_PAGE (self));

  show_text (self, workflow_id, highlight_job_id);
}

void
jd_workflow_page_reload (JdWorkflowPage *self)
{
  g_return_if_fail (JD_IS_WORKFLOW_PAGE (self));

  if (self->workflow_id == NULL)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->workflow_entry));

      /* Nothing shown yet: Refresh means “show what the entry holds”. */
      if (*text != '\0')
        show_text (self, text, NULL);
      return;
    }

  if (self->client == NULL)
    return;

  /* Another workflow than the one shown (its load was cancelled) starts
   * at its first page. */
  if (g_strcmp0 (self->shown_id, self->workflow_id) != 0 && !jd_job_list_is_loading (self->list))
    jd_job_list_load (self->list, 0);
  else
    jd_job_list_reload (self->list);
  update_chrome (self);
}

void
jd_workflow_page_cancel (JdWorkflowPage *self)
{
  g_return_if_fail (JD_IS_WORKFLOW_PAGE (self));

  jd_job_list_cancel (self->list);
  update_chrome (self);
}

void
jd_workflow_page_focus_entry (JdWorkflowPage *self)
{
  g_return_if_fail (JD_IS_WORKFLOW_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->workflow_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->workflow_entry), 0, -1);
}

JdJobListState
jd_workflow_page_get_state (JdWorkflowPage *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW_PAGE (self), JD_JOB_LIST_STATE_SIGNED_OUT);
  return jd_job_list_get_state (self->list);
}

const char *
jd_workflow_page_get_workflow_id (JdWorkflowPage *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW_PAGE (self), NULL);
  return self->workflow_id;
}

const char *
jd_workflow_page_get_workflow_name (JdWorkflowPage *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW_PAGE (self), NULL);
  return get_workflow_name (self, self->shown_id);
}

GListModel *
jd_workflow_page_get_jobs (JdWorkflowPage *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW_PAGE (self), NULL);
  return jd_job_list_get_jobs (self->list);
}

gboolean
jd_workflow_page_get_has_next_page (JdWorkflowPage *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW_PAGE (self), FALSE);
  return jd_job_list_get_has_next_page (self->list);
}

guint
jd_workflow_page_get_offset (JdWorkflowPage *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW_PAGE (self), 0);
  return jd_job_list_get_offset (self->list);
}

gboolean
jd_workflow_page_is_loading (JdWorkflowPage *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW_PAGE (self), FALSE);
  return jd_job_list_is_loading (self->list);
}

JdJobList *
jd_workflow_page_get_job_list (JdWorkflowPage *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW_PAGE (self), NULL);
  return self->list;
}
