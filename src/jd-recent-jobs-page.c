/* jd-recent-jobs-page.c: the recent jobs across all workflows.
 *
 * GET /v3/jobs lists the jobs of every workflow with the workflow's name,
 * the result, and a pagination block that says how many there are. It is
 * newer than the rest of the API and meant for Curators: older Servers
 * answer 404 or 405, other accounts 403. Then "available" turns FALSE and
 * the page says so plainly (the window hides it), instead of failing
 * again on every visit.
 *
 * The cells look like the workflow page's: the same icons and colours
 * for a status, the same date format.
 */
#define G_LOG_DOMAIN "jd-recent-jobs-page"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-accessible.h"
#include "jd-api-enums.h"
#include "jd-error-text.h"
#include "jd-job-cells.h"
#include "jd-recent-jobs-page.h"
#include "jd-workflow-job.h"

#define PAGE_SIZE 50
#define SPINNER_DELAY_MS 250

struct _JdRecentJobsPage
{
  AdwBin             parent_instance;

  GtkWidget         *toolbar;
  GtkDropDown       *status_dropdown;
  GtkDropDown       *sort_dropdown;
  GtkStack          *state_stack;
  GtkSpinner        *spinner;
  GtkScrolledWindow *job_scroller;
  GtkColumnView     *job_list;
  GListStore        *jobs;
  AdwStatusPage     *no_jobs_page;
  GtkWidget         *clear_filter_button;
  AdwStatusPage     *error_page;
  GtkWidget         *retry_button;
  GtkWidget         *sign_in_again_button;
  AdwStatusPage     *unavailable_page;
  GtkWidget         *pager;
  GtkLabel          *range_label;
  GtkWidget         *previous_button;
  GtkWidget         *next_button;

  JdClient          *client;
  GCancellable      *cancellable;        /* the page on its way */
  GCancellable      *probe_cancellable;
  guint              spinner_timeout;
  guint              offset;             /* of the page shown */
  guint              loading_offset;
  gint64             total_items;
  gboolean           has_next;
  gboolean           loaded;             /* for this client, at least once */
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

G_DEFINE_FINAL_TYPE (JdRecentJobsPage, jd_recent_jobs_page, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What the status filter means to the Server, in the order of its items;
 * NULL leaves it out. */
static const char * const status_values[] = { NULL, "Complete", "Error", "Running", "Queued" };

/* An answer must know whether it was superseded or cancelled meanwhile:
 * the client may have finished just before a cancel. */
typedef struct
{
  JdRecentJobsPage *self;
  GCancellable     *cancellable;
} Request;

static Request *
request_new (JdRecentJobsPage *self,
             GCancellable     *cancellable)
{
  Request *request = g_new0 (Request, 1);

  request->self = g_object_ref (self);
  request->cancellable = g_object_ref (cancellable);
  return request;
}

static void
request_free (Request *request)
{
  g_object_unref (request->self);
  g_object_unref (request->cancellable);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

/* ------------------------------------------------------------------ */
/* Cells (closures of the list item templates)                         */




static char *
workflow_text (GtkListItem *item,
               const char  *name)
{
  /* Names come from the Server and go into a plain label: never markup. */
  return g_strdup (name != NULL && *name != '\0' ? name : _("Not given"));
}



/* The colour of a result; NULL for none. */
static const char *
disposition_color (JdDisposition disposition)
{
  switch (disposition)
    {
    case JD_DISPOSITION_SUCCESS: return "success";
    case JD_DISPOSITION_WARNING: return "warning";
    case JD_DISPOSITION_ERROR:   return "error";
    case JD_DISPOSITION_CANCELLED:
    case JD_DISPOSITION_NONE:
    case JD_DISPOSITION_UNKNOWN:
    default:                     return NULL;
    }
}

static GStrv
status_css_classes (GtkListItem   *item,
                    JdJobState     state,
                    JdDisposition  disposition)
{
  const char *color = "dim-label";

  switch (state)
    {
    case JD_JOB_STATE_ERROR:
      color = "error";
      break;

    case JD_JOB_STATE_INITIALIZING:
    case JD_JOB_STATE_RUNNING:
      color = "accent";
      break;

    case JD_JOB_STATE_COMPLETED:
      /* "Completed" alone says nothing about success: the result does. */
      color = disposition_color (disposition);
      break;

    case JD_JOB_STATE_CREATED:
    case JD_JOB_STATE_QUEUED:
    case JD_JOB_STATE_CANCELLED:
    case JD_JOB_STATE_UNKNOWN:
    default:
      break;
    }

  return color != NULL ? g_strsplit (color, " ", -1) : g_new0 (char *, 1);
}

static char *
disposition_text (GtkListItem   *item,
                  const char    *disposition,
                  JdDisposition  kind)
{
  switch (kind)
    {
    case JD_DISPOSITION_SUCCESS:   return g_strdup (C_("job result", "Success"));
    case JD_DISPOSITION_WARNING:   return g_strdup (C_("job result", "Warning"));
    case JD_DISPOSITION_ERROR:     return g_strdup (C_("job result", "Error"));
    case JD_DISPOSITION_CANCELLED: return g_strdup (C_("job result", "Cancelled"));
    case JD_DISPOSITION_NONE:      return g_strdup (C_("job result", "None"));
    case JD_DISPOSITION_UNKNOWN:
    default:
      return g_strdup (disposition != NULL && *disposition != '\0' ? disposition : "—");
    }
}

static GStrv
disposition_css_classes (GtkListItem   *item,
                         JdDisposition  kind)
{
  const char *color = disposition_color (kind);

  /* No result yet, or none to speak of: quieter than one. */
  if (color == NULL)
    color = "dim-label";

  return g_strsplit (color, " ", -1);
}



/* ------------------------------------------------------------------ */
/* State                                                               */

static gboolean
filter_active (JdRecentJobsPage *self)
{
  return gtk_drop_down_get_selected (self->status_dropdown) != 0;
}

static void
update_chrome (JdRecentJobsPage *self)
{
  const char *state = gtk_stack_get_visible_child_name (self->state_stack);
  gboolean loading = self->cancellable != NULL;
  gboolean shown = g_str_equal (state, "jobs") || g_str_equal (state, "no-jobs") ||
                   (g_str_equal (state, "loading") && self->loaded);
  gboolean paged = g_str_equal (state, "jobs") || (g_str_equal (state, "loading") && self->loaded);

  gtk_widget_set_visible (self->toolbar, self->client != NULL && self->available &&
                                         (shown || g_str_equal (state, "error") || g_str_equal (state, "loading")));
  gtk_widget_set_visible (self->pager, paged);
  /* One page needs no buttons to turn it. */
  gtk_widget_set_visible (self->previous_button, self->offset > 0 || self->has_next);
  gtk_widget_set_visible (self->next_button, self->offset > 0 || self->has_next);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recent-jobs.previous-page", !loading && self->loaded && self->offset > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recent-jobs.next-page", !loading && self->loaded && self->has_next);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recent-jobs.reload", self->client != NULL);
}

static void
set_state (JdRecentJobsPage *self,
           const char       *state)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->state_stack), state) != 0)
    {
      gtk_stack_set_visible_child_name (self->state_stack, state);
      gtk_spinner_set_spinning (self->spinner, g_str_equal (state, "loading"));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }

  update_chrome (self);
}

static void
set_available (JdRecentJobsPage *self,
               gboolean          available)
{
  if (self->available == available)
    return;

  self->available = available;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
}

static void
cancel_load (JdRecentJobsPage *self)
{
  g_clear_handle_id (&self->spinner_timeout, g_source_remove);

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
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

static void
update_range (JdRecentJobsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->jobs));
  g_autofree char *text = NULL;

  if (n == 0)
    text = g_strdup (_("No jobs on this page"));
  else if (self->total_items >= 0)
    /* Translators: the jobs shown on this page and how many there are,
     * e.g. “Jobs 51–100 of 213” */
    text = g_strdup_printf (_("Jobs %u–%u of %u"), self->offset + 1, self->offset + n,
                            (guint) MIN (self->total_items, G_MAXUINT));
  else
    /* Translators: the jobs shown on this page, e.g. “Jobs 51–100” */
    text = g_strdup_printf (_("Jobs %u–%u"), self->offset + 1, self->offset + n);

  gtk_label_set_text (self->range_label, text);
}

/* ------------------------------------------------------------------ */
/* Loading                                                             */

static gboolean
is_refusal (const GError *error)
{
  return g_error_matches (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_SUPPORTED) ||
         g_error_matches (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_FORBIDDEN);
}

static gboolean
on_spinner_timeout_cb (gpointer user_data)
{
  JdRecentJobsPage *self = user_data;

  self->spinner_timeout = 0;
  set_state (self, "loading");
  return G_SOURCE_REMOVE;
}

static void
show_error (JdRecentJobsPage *self,
            const GError     *error)
{
  gboolean unauthorized = g_error_matches (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_UNAUTHORIZED);

  adw_status_page_set_title (self->error_page, jd_error_title (error));
  adw_status_page_set_description (self->error_page, error->message);
  adw_status_page_set_icon_name (self->error_page, jd_error_icon_name (error));
  gtk_widget_set_visible (self->sign_in_again_button, unauthorized);
  gtk_widget_set_visible (self->retry_button, !unauthorized);
  set_state (self, "error");
}

static void
show_no_jobs (JdRecentJobsPage *self)
{
  const char *description;

  if (filter_active (self))
    description = _("No recent job has this status.");
  else if (self->offset > 0)
    description = _("There are no more jobs after the previous page.");
  else
    description = _("This server has no recent jobs that this account may see.");

  adw_status_page_set_description (self->no_jobs_page, description);
  gtk_widget_set_visible (self->clear_filter_button, filter_active (self));
  set_state (self, "no-jobs");
}

static void
on_jobs_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  JdRecentJobsPage *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJobPage) page = NULL;
  GListModel *jobs;
  g_autoptr(GPtrArray) shown = NULL;
  gint64 total = -1;
  gboolean has_next = FALSE;
  guint n;

  page = jd_client_list_jobs_finish (JD_CLIENT (source), result, &error);
  jobs = page != NULL ? jd_job_page_get_jobs (page) : NULL;
  if (page != NULL)
    {
      total = jd_job_page_get_total_items (page);
      has_next = jd_job_page_get_has_next_page (page);
    }

  /* A newer load, a cancel, or a closed window: say nothing. */
  if (jd_client_error_is_cancelled (error) || g_cancellable_is_cancelled (request->cancellable))
    return;

  g_clear_handle_id (&self->spinner_timeout, g_source_remove);
  g_clear_object (&self->cancellable);

  if (jobs == NULL)
    {
      g_debug ("Recent jobs: %s", error->message);
      if (g_error_matches (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_SIGNED_IN))
        set_state (self, "signed-out");
      else if (is_refusal (error))
        {
          /* Not a failure to retry: this Server has no such list for us. */
          adw_status_page_set_description (self->unavailable_page, error->message);
          set_available (self, FALSE);
          set_state (self, "unavailable");
        }
      else
        show_error (self, error);
      return;
    }

  set_available (self, TRUE);

  n = g_list_model_get_n_items (jobs);
  shown = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < MIN (n, PAGE_SIZE); i++)
    g_ptr_array_add (shown, g_list_model_get_item (jobs, i));

  self->offset = self->loading_offset;
  self->total_items = total;
  /* The pagination says; a Server that sends a bare list does not, and
   * a full page then probably has a next. */
  if (has_next)
    self->has_next = TRUE;
  else if (total >= 0)
    self->has_next = (gint64) self->offset + shown->len < total;
  else
    self->has_next = n >= PAGE_SIZE;
  self->loaded = TRUE;

  g_list_store_splice (self->jobs, 0, g_list_model_get_n_items (G_LIST_MODEL (self->jobs)),
                       shown->pdata, shown->len);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->job_scroller), 0);
  update_range (self);

  if (shown->len == 0)
    show_no_jobs (self);
  else
    set_state (self, "jobs");
}

static void
start_load (JdRecentJobsPage *self,
            guint             offset)
{
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint sort = gtk_drop_down_get_selected (self->sort_dropdown);
  JdRecentJobsQuery query = { 0, };

  cancel_load (self);

  if (self->client == NULL)
    {
      set_state (self, "signed-out");
      return;
    }

  query.sort_field = "CreateDate";
  query.direction = sort == 1 ? JD_SORT_ASCENDING : JD_SORT_DESCENDING;
  query.offset = offset;
  query.limit = PAGE_SIZE;
  query.statuses = status < G_N_ELEMENTS (status_values) ? status_values[status] : NULL;
  /* every user's jobs, as this page has always listed */
  query.all_users = TRUE;

  self->loading_offset = offset;
  self->cancellable = g_cancellable_new ();
  /* The page shown stays until a slow answer earns a spinner. */
  self->spinner_timeout = g_timeout_add (SPINNER_DELAY_MS, on_spinner_timeout_cb, self);
  update_chrome (self);

  jd_client_list_jobs_async (self->client, &query, self->cancellable,
                             on_jobs_cb, request_new (self, self->cancellable));
}

static void
on_probe_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  JdRecentJobsPage *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJobPage) page = NULL;

  page = jd_client_list_jobs_finish (JD_CLIENT (source), result, &error);

  if (jd_client_error_is_cancelled (error) || g_cancellable_is_cancelled (request->cancellable))
    return;

  g_clear_object (&self->probe_cancellable);

  /* Only a refusal says something about the list; a network error says
   * nothing either way, and the first load will find out. */
  if (page != NULL)
    set_available (self, TRUE);
  else if (is_refusal (error))
    {
      g_debug ("Recent jobs are not available: %s", error->message);
      adw_status_page_set_description (self->unavailable_page, error->message);
      set_available (self, FALSE);
      if (!self->loaded && self->cancellable == NULL)
        set_state (self, "unavailable");
    }
}

/* ------------------------------------------------------------------ */
/* Signal handlers and actions                                         */

static void
on_filter_changed_cb (JdRecentJobsPage *self)
{
  /* Another filter makes other pages: start again at the first. */
  if (self->client != NULL && self->loaded)
    start_load (self, 0);
}

static void
on_job_activated_cb (JdRecentJobsPage *self,
                     guint             position)
{
  g_autoptr(JdWorkflowJob) job = g_list_model_get_item (G_LIST_MODEL (self->jobs), position);

  if (job != NULL)
    g_signal_emit (self, signals[JOB_ACTIVATED], 0, jd_workflow_job_get_id (job));
}

static void
previous_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  JdRecentJobsPage *self = JD_RECENT_JOBS_PAGE (widget);

  if (self->offset > 0)
    start_load (self, self->offset > PAGE_SIZE ? self->offset - PAGE_SIZE : 0);
}

static void
next_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JdRecentJobsPage *self = JD_RECENT_JOBS_PAGE (widget);

  if (self->has_next)
    start_load (self, self->offset + PAGE_SIZE);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  jd_recent_jobs_page_reload (JD_RECENT_JOBS_PAGE (widget));
}

static void
clear_filter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  JdRecentJobsPage *self = JD_RECENT_JOBS_PAGE (widget);

  gtk_drop_down_set_selected (self->status_dropdown, 0);
}

/* ------------------------------------------------------------------ */
/* GObject and GtkWidget                                               */

static void
jd_recent_jobs_page_map (GtkWidget *widget)
{
  JdRecentJobsPage *self = JD_RECENT_JOBS_PAGE (widget);

  GTK_WIDGET_CLASS (jd_recent_jobs_page_parent_class)->map (widget);

  /* Loads when first seen, not at start-up: most sessions never look. */
  if (self->client != NULL && !self->loaded && self->cancellable == NULL &&
      g_str_equal (jd_recent_jobs_page_get_state (self), "idle"))
    start_load (self, 0);
}

static void
jd_recent_jobs_page_dispose (GObject *object)
{
  JdRecentJobsPage *self = JD_RECENT_JOBS_PAGE (object);

  cancel_load (self);
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
      g_value_set_string (value, jd_recent_jobs_page_get_state (self));
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
    g_param_spec_string ("state", NULL, NULL,
                         "signed-out",
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

  g_type_ensure (JD_TYPE_WORKFLOW_JOB);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jobdesk/JobDesk/jd-recent-jobs-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JdRecentJobsPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, JdRecentJobsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JdRecentJobsPage, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JdRecentJobsPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, JdRecentJobsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, JdRecentJobsPage, job_scroller);
  gtk_widget_class_bind_template_child (widget_class, JdRecentJobsPage, job_list);
  gtk_widget_class_bind_template_child (widget_class, JdRecentJobsPage, jobs);
  gtk_widget_class_bind_template_child (widget_class, JdRecentJobsPage, no_jobs_page);
  gtk_widget_class_bind_template_child (widget_class, JdRecentJobsPage, clear_filter_button);
  gtk_widget_class_bind_template_child (widget_class, JdRecentJobsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, JdRecentJobsPage, retry_button);
  gtk_widget_class_bind_template_child (widget_class, JdRecentJobsPage, sign_in_again_button);
  gtk_widget_class_bind_template_child (widget_class, JdRecentJobsPage, unavailable_page);
  gtk_widget_class_bind_template_child (widget_class, JdRecentJobsPage, pager);
  gtk_widget_class_bind_template_child (widget_class, JdRecentJobsPage, range_label);
  gtk_widget_class_bind_template_child (widget_class, JdRecentJobsPage, previous_button);
  gtk_widget_class_bind_template_child (widget_class, JdRecentJobsPage, next_button);

  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  jd_job_cells_bind (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, on_job_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, workflow_text);
  gtk_widget_class_bind_template_callback (widget_class, status_css_classes);
  gtk_widget_class_bind_template_callback (widget_class, disposition_text);
  gtk_widget_class_bind_template_callback (widget_class, disposition_css_classes);

  gtk_widget_class_install_action (widget_class, "recent-jobs.previous-page", NULL, previous_page_action);
  gtk_widget_class_install_action (widget_class, "recent-jobs.next-page", NULL, next_page_action);
  gtk_widget_class_install_action (widget_class, "recent-jobs.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "recent-jobs.clear-filter", NULL, clear_filter_action);
}

static void
jd_recent_jobs_page_init (JdRecentJobsPage *self)
{
  self->available = TRUE;
  self->total_items = -1;

  gtk_widget_init_template (GTK_WIDGET (self));
  jd_accessible_fix_mnemonic_buttons (GTK_WIDGET (self));
  jd_accessible_fix_drop_down (self->status_dropdown);
  jd_accessible_fix_drop_down (self->sort_dropdown);
  jd_accessible_fix_column_view (self->job_list);

  set_state (self, "signed-out");
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

  cancel_load (self);
  cancel_probe (self);

  /* What this page knew came from the old server. */
  g_list_store_remove_all (self->jobs);
  self->offset = 0;
  self->total_items = -1;
  self->has_next = FALSE;
  self->loaded = FALSE;
  set_available (self, TRUE);

  if (client == NULL)
    set_state (self, "signed-out");
  else
    {
      set_state (self, "idle");
      /* Already in view: no reason to wait. */
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        start_load (self, 0);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

void
jd_recent_jobs_page_reload (JdRecentJobsPage *self)
{
  g_return_if_fail (JD_IS_RECENT_JOBS_PAGE (self));

  if (self->client == NULL)
    return;

  /* The page on its way, else the page shown. */
  if (self->cancellable != NULL || !self->loaded)
    start_load (self, self->loaded ? self->loading_offset : 0);
  else
    start_load (self, self->offset);
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
                             on_probe_cb, request_new (self, self->probe_cancellable));
}

gboolean
jd_recent_jobs_page_get_available (JdRecentJobsPage *self)
{
  g_return_val_if_fail (JD_IS_RECENT_JOBS_PAGE (self), FALSE);
  return self->available;
}

const char *
jd_recent_jobs_page_get_state (JdRecentJobsPage *self)
{
  g_return_val_if_fail (JD_IS_RECENT_JOBS_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->state_stack);
}

GListModel *
jd_recent_jobs_page_get_jobs (JdRecentJobsPage *self)
{
  g_return_val_if_fail (JD_IS_RECENT_JOBS_PAGE (self), NULL);
  return G_LIST_MODEL (self->jobs);
}

guint
jd_recent_jobs_page_get_offset (JdRecentJobsPage *self)
{
  g_return_val_if_fail (JD_IS_RECENT_JOBS_PAGE (self), 0);
  return self->offset;
}

gint64
jd_recent_jobs_page_get_total_items (JdRecentJobsPage *self)
{
  g_return_val_if_fail (JD_IS_RECENT_JOBS_PAGE (self), -1);
  return self->total_items;
}

gboolean
jd_recent_jobs_page_get_has_next_page (JdRecentJobsPage *self)
{
  g_return_val_if_fail (JD_IS_RECENT_JOBS_PAGE (self), FALSE);
  return self->has_next;
}

gboolean
jd_recent_jobs_page_is_loading (JdRecentJobsPage *self)
{
  g_return_val_if_fail (JD_IS_RECENT_JOBS_PAGE (self), FALSE);
  return self->cancellable != NULL;
}
