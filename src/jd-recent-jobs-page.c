/* jd-recent-jobs-page.c: the recent jobs across all workflows.
 *
 * GET /v3/jobs lists the jobs of every workflow (PagedJobSummaryView: the
 * workflow's name, who submitted the job, when it was queued and started
 * and how long it ran) with a pagination block that says how many there
 * are. It is newer than the rest of the API and meant for Curators: older
 * Servers answer 404 or 405, other accounts 403. Then "available" turns
 * FALSE and the page says so plainly (the window hides it), instead of
 * failing again on every visit.
 *
 * This page keeps only its filter bar (status, priority, all users, the
 * order); the JdJobList below does the rest, with this page as its
 * JdJobPageSource. The Server has no result filter for this list, and
 * its rows carry no result: none is offered or claimed.
 */
#define G_LOG_DOMAIN "jd-recent-jobs-page"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-accessible.h"
#include "jd-api-enums.h"
#include "jd-job-cells.h"
#include "jd-job-list.h"
#include "jd-job-page-source.h"
#include "jd-recent-jobs-page.h"
#include "jd-job-summary.h"

struct _JdRecentJobsPage
{
  AdwBin             parent_instance;

  GtkWidget         *toolbar;
  GtkDropDown       *status_dropdown;
  GtkDropDown       *priority_dropdown;
  GtkToggleButton   *all_users_toggle;
  GtkDropDown       *sort_dropdown;
  JdJobList         *list;

  JdClient          *client;
  GCancellable      *probe_cancellable;
  gboolean           available;
};

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_AVAILABLE,
  PROP_STATE,
  N_PROPS
};

enum {
  JOB_ACTIVATED,
  N_SIGNALS
};

static void jd_recent_jobs_page_source_init (JdJobPageSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JdRecentJobsPage, jd_recent_jobs_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (JD_TYPE_JOB_PAGE_SOURCE, jd_recent_jobs_page_source_init))

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What the filters mean to the Server, in the order of their items;
 * NULL leaves them out. */
static const char * const status_values[] = { NULL, "Complete", "Error", "Running", "Queued" };
static const char * const priority_values[] = { NULL, "Low", "Default", "Medium", "High", "Critical" };

/* ------------------------------------------------------------------ */
/* State                                                               */

static gboolean
filters_active (JdRecentJobsPage *self)
{
  return gtk_drop_down_get_selected (self->status_dropdown) != 0 ||
         gtk_drop_down_get_selected (self->priority_dropdown) != 0;
}

static void
update_chrome (JdRecentJobsPage *self)
{
  JdJobListState state = jd_job_list_get_state (self->list);

  gtk_widget_set_visible (self->toolbar,
                          self->client != NULL && self->available &&
                          state != JD_JOB_LIST_STATE_IDLE &&
                          state != JD_JOB_LIST_STATE_SIGNED_OUT &&
                          state != JD_JOB_LIST_STATE_UNAVAILABLE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recent-jobs.reload", self->client != NULL);
}

static void
set_available (JdRecentJobsPage *self,
               gboolean          available)
{
  if (self->available == available)
    return;

  self->available = available;
  update_chrome (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
}

static void
cancel_probe (JdRecentJobsPage *self)
{
  if (self->probe_cancellable != NULL)
    {
      g_cancellable_cancel (self->probe_cancellable);
      g_clear_object (&self->probe_cancellable);
    }
}

static gboolean
is_refusal (const GError *error)
{
  return g_error_matches (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_SUPPORTED) ||
         g_error_matches (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_FORBIDDEN);
}

/* Not a failure to retry: this Server has no such list for us. */
static void
show_unavailable (JdRecentJobsPage *self,
                  const GError     *error)
{
  g_autofree char *description = NULL;

  /* Translators: the server's refusal, then what to do instead */
  description = g_strdup_printf (_("%s Look up a job by its ID, or browse the jobs of one workflow."),
                                 error->message);
  set_available (self, FALSE);
  jd_job_list_show_unavailable (self->list, _("Recent Jobs Not Available"), description);
}

/* ------------------------------------------------------------------ */
/* JdJobPageSource                                                     */

static void
on_jobs_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  JdJobPage *page;

  page = jd_client_list_jobs_finish (JD_CLIENT (source), result, &error);
  if (page == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, page, g_object_unref);
}

static void
jd_recent_jobs_page_fetch_async (JdJobPageSource     *source,
                                 JdClient            *client,
                                 guint                page,
                                 guint                page_size,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  JdRecentJobsPage *self = JD_RECENT_JOBS_PAGE (source);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint priority = gtk_drop_down_get_selected (self->priority_dropdown);
  guint sort = gtk_drop_down_get_selected (self->sort_dropdown);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  JdRecentJobsQuery query = { 0, };

  g_task_set_source_tag (task, jd_recent_jobs_page_fetch_async);

  query.sort_field = "CreateDate";
  query.direction = sort == 1 ? JD_SORT_ASCENDING : JD_SORT_DESCENDING;
  query.offset = page * page_size;
  query.limit = page_size;
  query.statuses = status < G_N_ELEMENTS (status_values) ? status_values[status] : NULL;
  query.priorities = priority < G_N_ELEMENTS (priority_values) ? priority_values[priority] : NULL;
  /* Without it, the Server lists the caller's own jobs. */
  query.all_users = gtk_toggle_button_get_active (self->all_users_toggle);

  jd_client_list_jobs_async (client, &query, cancellable, on_jobs_cb, task);
}

static JdJobPage *
jd_recent_jobs_page_fetch_finish (JdJobPageSource  *source,
                                  GAsyncResult     *result,
                                  GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
jd_recent_jobs_page_get_filtered (JdJobPageSource *source)
{
  return filters_active (JD_RECENT_JOBS_PAGE (source));
}

static void on_filter_changed_cb (JdRecentJobsPage *self);

static void
jd_recent_jobs_page_clear_filters (JdJobPageSource *source)
{
  JdRecentJobsPage *self = JD_RECENT_JOBS_PAGE (source);

  /* One reload for both, not one per drop-down. */
  g_signal_handlers_block_by_func (self->status_dropdown, on_filter_changed_cb, self);
  g_signal_handlers_block_by_func (self->priority_dropdown, on_filter_changed_cb, self);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->priority_dropdown, 0);
  g_signal_handlers_unblock_by_func (self->priority_dropdown, on_filter_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->status_dropdown, on_filter_changed_cb, self);
  on_filter_changed_cb (self);
}

static const char *
jd_recent_jobs_page_get_empty_text (JdJobPageSource *source,
                                    guint            page)
{
  JdRecentJobsPage *self = JD_RECENT_JOBS_PAGE (source);

  if (filters_active (self))
    return _("No recent job matches the filters.");
  if (page > 0)
    return _("There are no more jobs after the previous page.");
  if (!gtk_toggle_button_get_active (self->all_users_toggle))
    return _("You have no recent jobs on this server. “All Users” shows everyone’s.");
  return _("This server has no recent jobs that this account may see.");
}

static void
jd_recent_jobs_page_source_init (JdJobPageSourceInterface *iface)
{
  iface->fetch_async = jd_recent_jobs_page_fetch_async;
  iface->fetch_finish = jd_recent_jobs_page_fetch_finish;
  iface->get_filtered = jd_recent_jobs_page_get_filtered;
  iface->clear_filters = jd_recent_jobs_page_clear_filters;
  iface->get_empty_text = jd_recent_jobs_page_get_empty_text;
}

/* ------------------------------------------------------------------ */
/* The probe                                                           */

static void
on_probe_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(JdRecentJobsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJobPage) page = NULL;

  page = jd_client_list_jobs_finish (JD_CLIENT (source), result, &error);

  if (jd_client_error_is_cancelled (error) || self->probe_cancellable == NULL ||
      g_cancellable_is_cancelled (self->probe_cancellable))
    return;

  g_clear_object (&self->probe_cancellable);

  /* Only a refusal says something about the list; a network error says
   * nothing either way, and the first load will find out. */
  if (page != NULL)
    set_available (self, TRUE);
  else if (is_refusal (error))
    {
      g_debug ("Recent jobs are not available: %s", error->message);
      if (!jd_job_list_get_loaded (self->list) && !jd_job_list_is_loading (self->list))
        show_unavailable (self, error);
      else
        set_available (self, FALSE);
    }
}

/* ------------------------------------------------------------------ */
/* Signal handlers and actions                                         */

static void
on_filter_changed_cb (JdRecentJobsPage *self)
{
  /* Another filter makes other pages: start again at the first. */
  if (self->client != NULL && jd_job_list_get_loaded (self->list))
    jd_job_list_load (self->list, 0);
}

static void
on_list_job_activated_cb (JdRecentJobsPage *self,
                          JdJobSummary    *job)
{
  g_signal_emit (self, signals[JOB_ACTIVATED], 0, jd_job_summary_get_id (job));
}

static gboolean
on_list_load_failed_cb (JdRecentJobsPage *self,
                        const GError     *error)
{
  if (!is_refusal (error))
    return FALSE;

  show_unavailable (self, error);
  return TRUE;
}

static void
on_list_state_cb (JdRecentJobsPage *self)
{
  JdJobListState state = jd_job_list_get_state (self->list);

  /* An answer with jobs says the list is there after all. */
  if (state == JD_JOB_LIST_STATE_JOBS || state == JD_JOB_LIST_STATE_NO_JOBS)
    set_available (self, TRUE);

  update_chrome (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  jd_recent_jobs_page_reload (JD_RECENT_JOBS_PAGE (widget));
}

/* ------------------------------------------------------------------ */
/* GObject and GtkWidget                                               */

static void
jd_recent_jobs_page_map (GtkWidget *widget)
{
  JdRecentJobsPage *self = JD_RECENT_JOBS_PAGE (widget);

  GTK_WIDGET_CLASS (jd_recent_jobs_page_parent_class)->map (widget);

  /* Loads when first seen, not at start-up: most sessions never look. */
  if (self->client != NULL && jd_job_list_get_state (self->list) == JD_JOB_LIST_STATE_IDLE &&
      !jd_job_list_is_loading (self->list))
    jd_job_list_load (self->list, 0);
}

static void
jd_recent_jobs_page_dispose (GObject *object)
{
  JdRecentJobsPage *self = JD_RECENT_JOBS_PAGE (object);

  cancel_probe (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_RECENT_JOBS_PAGE);

  G_OBJECT_CLASS (jd_recent_jobs_page_parent_class)->dispose (object);
}

static void
jd_recent_jobs_page_finalize (GObject *object)
{
  JdRecentJobsPage *self = JD_RECENT_JOBS_PAGE (object);

  g_clear_object (&self->client);

  G_OBJECT_CLASS (jd_recent_jobs_page_parent_class)->finalize (object);
}

static void
jd_recent_jobs_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  JdRecentJobsPage *self = JD_RECENT_JOBS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;

    case PROP_STATE:
      g_value_set_enum (value, jd_recent_jobs_page_get_state (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_recent_jobs_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  JdRecentJobsPage *self = JD_RECENT_JOBS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      jd_recent_jobs_page_set_client (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_recent_jobs_page_class_init (JdRecentJobsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_recent_jobs_page_dispose;
  object_class->finalize = jd_recent_jobs_page_finalize;
  object_class->get_property = jd_recent_jobs_page_get_property;
  object_class->set_property = jd_recent_jobs_page_set_property;

  widget_class->map = jd_recent_jobs_page_map;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         JD_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* FALSE once the Server answered that it has no such list for this
   * account (404, 405, 403); TRUE again with another client. */
  properties[PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL,
                          TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       JD_TYPE_JOB_LIST_STATE,
                       JD_JOB_LIST_STATE_SIGNED_OUT,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JdRecentJobsPage::job-activated:
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

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jobdesk/JobDesk/jd-recent-jobs-page.ui");
  /* a box of ours, not a "filler" read by its type name */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  gtk_widget_class_bind_template_child (widget_class, JdRecentJobsPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, JdRecentJobsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JdRecentJobsPage, priority_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JdRecentJobsPage, all_users_toggle);
  gtk_widget_class_bind_template_child (widget_class, JdRecentJobsPage, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JdRecentJobsPage, list);

  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_job_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_load_failed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_state_cb);
  jd_job_cells_bind (widget_class);

  gtk_widget_class_install_action (widget_class, "recent-jobs.reload", NULL, reload_action);
}

static void
jd_recent_jobs_page_init (JdRecentJobsPage *self)
{
  self->available = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  jd_accessible_fix_mnemonic_buttons (GTK_WIDGET (self));
  jd_accessible_fix_drop_down (self->status_dropdown);
  jd_accessible_fix_drop_down (self->sort_dropdown);
  jd_accessible_fix_drop_down (self->priority_dropdown);

  jd_job_list_set_source (self->list, JD_JOB_PAGE_SOURCE (self));
  jd_job_cells_setup_filter (self->status_dropdown);
  jd_job_cells_setup_filter (self->priority_dropdown);
  jd_job_cells_setup_filter (self->sort_dropdown);
  update_chrome (self);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

GtkWidget *
jd_recent_jobs_page_new (void)
{
  return g_object_new (JD_TYPE_RECENT_JOBS_PAGE, NULL);
}

JdClient *
jd_recent_jobs_page_get_client (JdRecentJobsPage *self)
{
  g_return_val_if_fail (JD_IS_RECENT_JOBS_PAGE (self), NULL);
  return self->client;
}

void
jd_recent_jobs_page_set_client (JdRecentJobsPage *self,
                                JdClient         *client)
{
  g_return_if_fail (JD_IS_RECENT_JOBS_PAGE (self));
  g_return_if_fail (client == NULL || JD_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;

  cancel_probe (self);
  /* What this page knew came from the old server. */
  set_available (self, TRUE);
  jd_job_list_set_client (self->list, client);

  /* Already in view: no reason to wait. */
  if (client != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    jd_job_list_load (self->list, 0);

  update_chrome (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

void
jd_recent_jobs_page_reload (JdRecentJobsPage *self)
{
  g_return_if_fail (JD_IS_RECENT_JOBS_PAGE (self));

  if (self->client != NULL)
    jd_job_list_reload (self->list);
}

void
jd_recent_jobs_page_probe (JdRecentJobsPage *self)
{
  JdRecentJobsQuery query = { .limit = 1, .all_users = TRUE };

  g_return_if_fail (JD_IS_RECENT_JOBS_PAGE (self));

  if (self->client == NULL || self->probe_cancellable != NULL)
    return;

  self->probe_cancellable = g_cancellable_new ();
  jd_client_list_jobs_async (self->client, &query, self->probe_cancellable,
                             on_probe_cb, g_object_ref (self));
}

gboolean
jd_recent_jobs_page_get_available (JdRecentJobsPage *self)
{
  g_return_val_if_fail (JD_IS_RECENT_JOBS_PAGE (self), FALSE);
  return self->available;
}

JdJobListState
jd_recent_jobs_page_get_state (JdRecentJobsPage *self)
{
  g_return_val_if_fail (JD_IS_RECENT_JOBS_PAGE (self), JD_JOB_LIST_STATE_SIGNED_OUT);
  return jd_job_list_get_state (self->list);
}

GListModel *
jd_recent_jobs_page_get_jobs (JdRecentJobsPage *self)
{
  g_return_val_if_fail (JD_IS_RECENT_JOBS_PAGE (self), NULL);
  return jd_job_list_get_jobs (self->list);
}

guint
jd_recent_jobs_page_get_offset (JdRecentJobsPage *self)
{
  g_return_val_if_fail (JD_IS_RECENT_JOBS_PAGE (self), 0);
  return jd_job_list_get_offset (self->list);
}

gint64
jd_recent_jobs_page_get_total_items (JdRecentJobsPage *self)
{
  g_return_val_if_fail (JD_IS_RECENT_JOBS_PAGE (self), -1);
  return jd_job_list_get_total_items (self->list);
}

gboolean
jd_recent_jobs_page_get_has_next_page (JdRecentJobsPage *self)
{
  g_return_val_if_fail (JD_IS_RECENT_JOBS_PAGE (self), FALSE);
  return jd_job_list_get_has_next_page (self->list);
}

gboolean
jd_recent_jobs_page_is_loading (JdRecentJobsPage *self)
{
  g_return_val_if_fail (JD_IS_RECENT_JOBS_PAGE (self), FALSE);
  return jd_job_list_is_loading (self->list);
}

JdJobList *
jd_recent_jobs_page_get_job_list (JdRecentJobsPage *self)
{
  g_return_val_if_fail (JD_IS_RECENT_JOBS_PAGE (self), NULL);
  return self->list;
}
