/* jd-job-list.c: the one job table: a page of jobs at a time from a
 * JdJobPageSource, with the states, the spinner, the pager and the cells
 * every job list shares.
 *
 * A newer load supersedes the older one, as in gnome-software's search
 * page: the cancellable is cancelled and replaced, the answer of a
 * superseded load is dropped before it touches a widget. The spinner
 * shows only after 250 ms, so that fast answers do not flash it.
 */
#define G_LOG_DOMAIN "jd-job-list"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-accessible.h"
#include "jd-api-enums.h"
#include "jd-error-text.h"
#include "jd-job-cells.h"
#include "jd-job-list.h"
#include "jd-job-summary.h"

#define SPINNER_DELAY_MS 250

struct _JdJobList
{
  AdwBin              parent_instance;

  GtkStack           *state_stack;
  AdwBin             *idle_bin;
  GtkSpinner         *spinner;
  GtkScrolledWindow  *job_scroller;
  GtkColumnView      *job_list;
  GtkSingleSelection *job_selection;
  GListStore         *jobs;
  GtkColumnViewColumn *result_column;
  GtkColumnViewColumn *id_column;
  GtkColumnViewColumn *kept_columns[2]; /* our own references of the two */
  GtkRevealer        *unreadable_revealer;
  GtkLabel           *unreadable_label;
  AdwStatusPage      *no_jobs_page;
  GtkWidget          *clear_filters_button;
  AdwStatusPage      *error_page;
  GtkWidget          *retry_button;
  GtkWidget          *sign_in_again_button;
  AdwStatusPage      *unavailable_page;
  GtkWidget          *pager;
  GtkLabel           *range_label;
  GtkWidget          *previous_button;
  GtkWidget          *next_button;

  JdJobPageSource    *source;       /* weak: the page that holds this list */
  JdClient           *client;
  GCancellable       *cancellable;  /* the page on its way */
  GCancellable       *lookup_cancellable;
  guint               spinner_timeout;
  JdJobListState      state;
  guint               n_leading;    /* columns the page put first */

  guint               page;         /* shown */
  guint               loading_page;
  gboolean            has_next;
  gint64              total_items;
  gint64              total_pages;
  guint               n_unreadable;
  gboolean            loaded;
  char               *highlight_id; /* to mark once its page comes */
  guint               highlighted;
};

enum {
  PROP_0,
  PROP_STATE,
  PROP_IDLE_CHILD,
  PROP_SHOW_RESULT,
  PROP_SHOW_ID,
  N_PROPS
};

enum {
  JOB_ACTIVATED,
  LOAD_FAILED,
  LOADED,
  N_SIGNALS
};

static void jd_job_list_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JdJobList, jd_job_list, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, jd_job_list_buildable_init))

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static GtkBuildableIface *parent_buildable_iface;

/* The stack page of each state. */
static const char * const state_pages[] = {
  [JD_JOB_LIST_STATE_SIGNED_OUT] = "signed-out",
  [JD_JOB_LIST_STATE_IDLE] = "idle",
  [JD_JOB_LIST_STATE_LOADING] = "loading",
  [JD_JOB_LIST_STATE_JOBS] = "jobs",
  [JD_JOB_LIST_STATE_NO_JOBS] = "no-jobs",
  [JD_JOB_LIST_STATE_ERROR] = "error",
  [JD_JOB_LIST_STATE_UNAVAILABLE] = "unavailable",
};

/* What an answer must know when it comes: whether it was superseded or
 * cancelled meanwhile. The client may have finished just before a
 * cancel; its answer then arrives without an error, and must not be
 * shown. */
typedef struct
{
  JdJobList    *self;
  GCancellable *cancellable;
} Request;

static Request *
request_new (JdJobList    *self,
             GCancellable *cancellable)
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
/* State                                                               */

static void
update_chrome (JdJobList *self)
{
  gboolean loading = self->cancellable != NULL;
  gboolean paged = self->state == JD_JOB_LIST_STATE_JOBS ||
                   (self->state == JD_JOB_LIST_STATE_LOADING && self->loaded) ||
                   (self->state == JD_JOB_LIST_STATE_NO_JOBS && (self->page > 0 || self->n_unreadable > 0));
  gboolean turnable = self->page > 0 || self->has_next;

  gtk_widget_set_visible (self->pager, paged);
  /* One page needs no buttons to turn it. */
  gtk_widget_set_visible (self->previous_button, turnable);
  gtk_widget_set_visible (self->next_button, turnable);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "job-list.previous-page",
                                 !loading && self->loaded && self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "job-list.next-page",
                                 !loading && self->loaded && self->has_next);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "job-list.reload",
                                 self->client != NULL && self->source != NULL);
}

static void
set_state (JdJobList      *self,
           JdJobListState  state)
{
  if (self->state != state)
    {
      self->state = state;
      gtk_stack_set_visible_child_name (self->state_stack, state_pages[state]);
      gtk_spinner_set_spinning (self->spinner, state == JD_JOB_LIST_STATE_LOADING);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }

  update_chrome (self);
}

static void
cancel_load (JdJobList *self)
{
  g_clear_handle_id (&self->spinner_timeout, g_source_remove);

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
}

static void
clear_jobs (JdJobList *self)
{
  g_list_store_remove_all (self->jobs);
  self->page = 0;
  self->has_next = FALSE;
  self->total_items = -1;
  self->total_pages = -1;
  self->n_unreadable = 0;
  self->loaded = FALSE;
  self->highlighted = GTK_INVALID_LIST_POSITION;
}

/* "3 jobs could not be read: …", for rows the Server sent that could not
 * be read. */
static char *
unreadable_text (guint n)
{
  g_autofree char *count = NULL;

  /* Translators: rows of a job list the server sent in a form that
   * could not be read */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u job could not be read",
                                        "%u jobs could not be read", n), n);
  /* Translators: after “3 jobs could not be read” */
  return g_strdup_printf (_("%s: the server sent them in a form Job Desk does not understand."), count);
}

static void
update_range (JdJobList *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->jobs));
  guint offset = self->page * JD_JOB_LIST_PAGE_SIZE;
  g_autofree char *range = NULL;

  if (n == 0)
    range = g_strdup (_("No jobs on this page"));
  else if (self->total_items >= 0)
    /* Translators: the jobs shown on this page and how many there are,
     * e.g. “Jobs 51–100 of 213” */
    range = g_strdup_printf (_("Jobs %u–%u of %u"), offset + 1, offset + n,
                             (guint) MIN (self->total_items, G_MAXUINT));
  else
    /* Translators: the jobs shown on this page, e.g. “Jobs 51–100” */
    range = g_strdup_printf (_("Jobs %u–%u"), offset + 1, offset + n);

  if (self->total_pages > 1)
    {
      g_autofree char *with_pages = NULL;

      /* Translators: the range of jobs, then the page of how many, e.g.
       * “Jobs 51–100 of 213 · page 2 of 5” */
      with_pages = g_strdup_printf (_("%s · page %u of %u"), range, self->page + 1,
                                    (guint) MIN (self->total_pages, G_MAXUINT));
      g_free (range);
      range = g_steal_pointer (&with_pages);
    }

  gtk_label_set_text (self->range_label, range);

  if (self->n_unreadable > 0)
    {
      g_autofree char *sentence = unreadable_text (self->n_unreadable);

      gtk_label_set_text (self->unreadable_label, sentence);
    }
  gtk_revealer_set_reveal_child (self->unreadable_revealer, self->n_unreadable > 0);
}

static void
show_error (JdJobList    *self,
            const GError *error)
{
  gboolean unauthorized = g_error_matches (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_UNAUTHORIZED);
  const char *title = NULL;

  if (self->source != NULL)
    title = jd_job_page_source_get_error_title (self->source, error);

  adw_status_page_set_title (self->error_page, title != NULL ? title : jd_error_title (error));
  adw_status_page_set_description (self->error_page, error->message);
  adw_status_page_set_icon_name (self->error_page, jd_error_icon_name (error));
  gtk_widget_set_visible (self->sign_in_again_button, unauthorized);
  gtk_widget_set_visible (self->retry_button, !unauthorized);
  set_state (self, JD_JOB_LIST_STATE_ERROR);
}

static void
show_no_jobs (JdJobList *self)
{
  gboolean filtered = self->source != NULL && jd_job_page_source_get_filtered (self->source);

  if (self->n_unreadable > 0)
    {
      /* Not "none": the Server sent jobs, only not in a form we read. */
      g_autofree char *description = unreadable_text (self->n_unreadable);

      adw_status_page_set_title (self->no_jobs_page, _("Jobs Could Not Be Read"));
      adw_status_page_set_icon_name (self->no_jobs_page, "dialog-warning-symbolic");
      adw_status_page_set_description (self->no_jobs_page, description);
    }
  else
    {
      adw_status_page_set_title (self->no_jobs_page, _("No Jobs"));
      adw_status_page_set_icon_name (self->no_jobs_page, "edit-find-symbolic");
      adw_status_page_set_description (self->no_jobs_page,
                                       self->source != NULL
                                       ? jd_job_page_source_get_empty_text (self->source, self->page)
                                       : NULL);
    }

  gtk_widget_set_visible (self->clear_filters_button, filtered);
  set_state (self, JD_JOB_LIST_STATE_NO_JOBS);
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  /* GTK 4.8 has no gtk_column_view_scroll_to (): its list view does. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        return child;
    }

  return NULL;
}

static void
apply_highlight (JdJobList *self)
{
  g_autofree char *job_id = g_steal_pointer (&self->highlight_id);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->jobs));
  GtkWidget *list_view;

  self->highlighted = GTK_INVALID_LIST_POSITION;
  if (job_id == NULL)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JdJobSummary) job = g_list_model_get_item (G_LIST_MODEL (self->jobs), i);

      if (g_strcmp0 (jd_job_summary_get_id (job), job_id) == 0)
        {
          self->highlighted = i;
          break;
        }
    }

  if (self->highlighted == GTK_INVALID_LIST_POSITION)
    {
      g_debug ("Job %s is not on the page shown", job_id);
      return;
    }

  gtk_single_selection_set_selected (self->job_selection, self->highlighted);
  list_view = find_list_view (GTK_WIDGET (self->job_list));
  if (list_view != NULL)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", self->highlighted);
}

/* ------------------------------------------------------------------ */
/* Loading                                                             */

static gboolean
on_spinner_timeout_cb (gpointer user_data)
{
  JdJobList *self = user_data;

  self->spinner_timeout = 0;
  set_state (self, JD_JOB_LIST_STATE_LOADING);
  return G_SOURCE_REMOVE;
}

static void
on_page_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  JdJobList *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJobPage) page = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  GListModel *jobs;
  gboolean handled = FALSE;
  guint n;

  page = jd_job_page_source_fetch_finish (JD_JOB_PAGE_SOURCE (source), result, &error);

  /* A newer load, a cancel, or a closed window: say nothing. */
  if (jd_client_error_is_cancelled (error) || g_cancellable_is_cancelled (request->cancellable))
    return;

  g_clear_handle_id (&self->spinner_timeout, g_source_remove);
  g_clear_object (&self->cancellable);

  if (page == NULL)
    {
      g_debug ("A page of jobs: %s", error->message);
      g_clear_pointer (&self->highlight_id, g_free);
      if (g_error_matches (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_SIGNED_IN))
        {
          set_state (self, JD_JOB_LIST_STATE_SIGNED_OUT);
          return;
        }

      g_signal_emit (self, signals[LOAD_FAILED], 0, error, &handled);
      if (!handled)
        show_error (self, error);
      return;
    }

  jobs = jd_job_page_get_jobs (page);
  n = g_list_model_get_n_items (jobs);
  shown = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < MIN (n, JD_JOB_LIST_PAGE_SIZE); i++)
    g_ptr_array_add (shown, g_list_model_get_item (jobs, i));

  self->page = self->loading_page;
  self->n_unreadable = jd_job_page_get_n_unreadable (page);
  self->total_items = jd_job_page_get_total_items (page);
  self->total_pages = jd_job_page_get_total_pages (page);
  if (jd_job_page_get_has_pagination (page))
    {
      gint64 current = jd_job_page_get_current_page (page);

      /* The Server's own word on the next page, where it gave it. */
      self->has_next = jd_job_page_get_has_next_page (page) ||
                       (current >= 1 && self->total_pages >= 0 && current < self->total_pages);
    }
  else
    {
      /* No pagination: the source asked for one row more than a page,
       * only to learn whether a next page exists; it is not shown. */
      self->has_next = n > JD_JOB_LIST_PAGE_SIZE;
    }
  self->loaded = TRUE;

  g_list_store_splice (self->jobs, 0, g_list_model_get_n_items (G_LIST_MODEL (self->jobs)),
                       shown->pdata, shown->len);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->job_scroller), 0);
  update_range (self);

  if (shown->len == 0)
    show_no_jobs (self);
  else
    set_state (self, JD_JOB_LIST_STATE_JOBS);

  apply_highlight (self);
  g_signal_emit (self, signals[LOADED], 0);
}

/* ------------------------------------------------------------------ */
/* Filling in a result                                                 */

static void
on_lookup_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(JdJobSummary) row = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = NULL;

  job = jd_client_get_job_finish (JD_CLIENT (source), result, &error);
  if (job == NULL)
    {
      /* The job page that opens says what went wrong; the row stays as
       * honest as it was. */
      g_debug ("Looking up %s for its result: %s", jd_job_summary_get_id (row), error->message);
      return;
    }

  jd_job_summary_update_from (row, JD_JOB_SUMMARY (job));
}

static void
on_job_activated_cb (JdJobList *self,
                     guint      position)
{
  g_autoptr(JdJobSummary) job = g_list_model_get_item (G_LIST_MODEL (self->jobs), position);

  if (job == NULL)
    return;

  /* Rows of these lists carry no result; the job itself does. A small
   * lookup (without messages) fills it in on the row. */
  if (self->client != NULL && jd_job_summary_get_disposition (job) == NULL)
    jd_client_get_job_async (self->client, jd_job_summary_get_id (job), FALSE,
                             self->lookup_cancellable, on_lookup_cb, g_object_ref (job));

  g_signal_emit (self, signals[JOB_ACTIVATED], 0, job);
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */

/* "job-list.previous-page", "job-list.next-page", "job-list.reload",
 * "job-list.cancel" and "job-list.clear-filters". */
static void
list_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JdJobList *self = JD_JOB_LIST (widget);

  if (g_str_equal (action_name, "job-list.previous-page"))
    {
      if (self->loaded && self->page > 0)
        jd_job_list_load (self, self->page - 1);
    }
  else if (g_str_equal (action_name, "job-list.next-page"))
    {
      if (self->loaded && self->has_next)
        jd_job_list_load (self, self->page + 1);
    }
  else if (g_str_equal (action_name, "job-list.reload"))
    jd_job_list_reload (self);
  else if (g_str_equal (action_name, "job-list.cancel"))
    jd_job_list_cancel (self);
  else if (self->source != NULL)
    jd_job_page_source_clear_filters (self->source);
}

/* ------------------------------------------------------------------ */
/* Columns                                                             */

static gboolean
column_shown (JdJobList           *self,
              GtkColumnViewColumn *column)
{
  return gtk_column_view_column_get_column_view (column) == self->job_list;
}

/* GTK 4.8 still counts a hidden column's fixed width when it shares out
 * a wider view, and the expanding column would not grow: a column that
 * is not wanted is taken out instead (this list keeps a reference). */
static void
show_column (JdJobList           *self,
             GtkColumnViewColumn *column,
             gboolean             shown,
             guint                position)
{
  guint n = g_list_model_get_n_items (gtk_column_view_get_columns (self->job_list));

  if (shown == column_shown (self, column))
    return;

  if (shown)
    gtk_column_view_insert_column (self->job_list, MIN (position, n), column);
  else
    gtk_column_view_remove_column (self->job_list, column);
  jd_accessible_fix_column_view (self->job_list);
}

/* The columns a page adds (GtkBuildable) */

static void
jd_job_list_buildable_add_child (GtkBuildable *buildable,
                                 GtkBuilder   *builder,
                                 GObject      *child,
                                 const char   *type)
{
  JdJobList *self = JD_JOB_LIST (buildable);

  if (GTK_IS_COLUMN_VIEW_COLUMN (child))
    {
      GListModel *columns = gtk_column_view_get_columns (self->job_list);
      guint position;

      if (g_strcmp0 (type, "leading") == 0)
        position = self->n_leading++;
      else
        /* before the Job ID column, which stays last */
        position = g_list_model_get_n_items (columns) - (column_shown (self, self->id_column) ? 1 : 0);

      gtk_column_view_insert_column (self->job_list, position, GTK_COLUMN_VIEW_COLUMN (child));
      jd_accessible_fix_column_view (self->job_list);
      return;
    }

  parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
jd_job_list_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = jd_job_list_buildable_add_child;
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
jd_job_list_dispose (GObject *object)
{
  JdJobList *self = JD_JOB_LIST (object);

  cancel_load (self);
  g_cancellable_cancel (self->lookup_cancellable);
  g_clear_weak_pointer (&self->source);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_JOB_LIST);

  G_OBJECT_CLASS (jd_job_list_parent_class)->dispose (object);
}

static void
jd_job_list_finalize (GObject *object)
{
  JdJobList *self = JD_JOB_LIST (object);

  g_clear_object (&self->client);
  g_clear_object (&self->lookup_cancellable);
  g_clear_object (&self->kept_columns[0]);
  g_clear_object (&self->kept_columns[1]);
  g_free (self->highlight_id);

  G_OBJECT_CLASS (jd_job_list_parent_class)->finalize (object);
}

static void
jd_job_list_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  JdJobList *self = JD_JOB_LIST (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_IDLE_CHILD:
      g_value_set_object (value, adw_bin_get_child (self->idle_bin));
      break;

    case PROP_SHOW_RESULT:
      g_value_set_boolean (value, column_shown (self, self->result_column));
      break;

    case PROP_SHOW_ID:
      g_value_set_boolean (value, column_shown (self, self->id_column));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_job_list_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  JdJobList *self = JD_JOB_LIST (object);

  switch (prop_id)
    {
    case PROP_IDLE_CHILD:
      jd_job_list_set_idle_child (self, g_value_get_object (value));
      break;

    case PROP_SHOW_RESULT:
      /* after the Status column */
      show_column (self, self->result_column, g_value_get_boolean (value), self->n_leading + 1);
      break;

    case PROP_SHOW_ID:
      show_column (self, self->id_column, g_value_get_boolean (value), G_MAXUINT);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_job_list_class_init (JdJobListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_job_list_dispose;
  object_class->finalize = jd_job_list_finalize;
  object_class->get_property = jd_job_list_get_property;
  object_class->set_property = jd_job_list_set_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       JD_TYPE_JOB_LIST_STATE,
                       JD_JOB_LIST_STATE_SIGNED_OUT,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IDLE_CHILD] =
    g_param_spec_object ("idle-child", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* Lists whose rows may come with a result, or get one, show it. */
  properties[PROP_SHOW_RESULT] =
    g_param_spec_boolean ("show-result", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* A page that shows the ID in a cell of its own hides the column. */
  properties[PROP_SHOW_ID] =
    g_param_spec_boolean ("show-id", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[JOB_ACTIVATED] =
    g_signal_new ("job-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, JD_TYPE_JOB_SUMMARY);
  signals[LOAD_FAILED] =
    g_signal_new ("load-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, G_TYPE_ERROR);
  signals[LOADED] =
    g_signal_new ("loaded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (JD_TYPE_JOB_SUMMARY);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jobdesk/JobDesk/jd-job-list.ui");
  /* a box of ours, not a "filler" read by its type name */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  gtk_widget_class_bind_template_child (widget_class, JdJobList, state_stack);
  gtk_widget_class_bind_template_child (widget_class, JdJobList, idle_bin);
  gtk_widget_class_bind_template_child (widget_class, JdJobList, spinner);
  gtk_widget_class_bind_template_child (widget_class, JdJobList, job_scroller);
  gtk_widget_class_bind_template_child (widget_class, JdJobList, job_list);
  gtk_widget_class_bind_template_child (widget_class, JdJobList, job_selection);
  gtk_widget_class_bind_template_child (widget_class, JdJobList, jobs);
  gtk_widget_class_bind_template_child (widget_class, JdJobList, result_column);
  gtk_widget_class_bind_template_child (widget_class, JdJobList, id_column);
  gtk_widget_class_bind_template_child (widget_class, JdJobList, unreadable_revealer);
  gtk_widget_class_bind_template_child (widget_class, JdJobList, unreadable_label);
  gtk_widget_class_bind_template_child (widget_class, JdJobList, no_jobs_page);
  gtk_widget_class_bind_template_child (widget_class, JdJobList, clear_filters_button);
  gtk_widget_class_bind_template_child (widget_class, JdJobList, error_page);
  gtk_widget_class_bind_template_child (widget_class, JdJobList, retry_button);
  gtk_widget_class_bind_template_child (widget_class, JdJobList, sign_in_again_button);
  gtk_widget_class_bind_template_child (widget_class, JdJobList, unavailable_page);
  gtk_widget_class_bind_template_child (widget_class, JdJobList, pager);
  gtk_widget_class_bind_template_child (widget_class, JdJobList, range_label);
  gtk_widget_class_bind_template_child (widget_class, JdJobList, previous_button);
  gtk_widget_class_bind_template_child (widget_class, JdJobList, next_button);

  gtk_widget_class_bind_template_callback (widget_class, on_job_activated_cb);
  jd_job_cells_bind (widget_class);

  gtk_widget_class_install_action (widget_class, "job-list.previous-page", NULL, list_action);
  gtk_widget_class_install_action (widget_class, "job-list.next-page", NULL, list_action);
  gtk_widget_class_install_action (widget_class, "job-list.reload", NULL, list_action);
  gtk_widget_class_install_action (widget_class, "job-list.cancel", NULL, list_action);
  gtk_widget_class_install_action (widget_class, "job-list.clear-filters", NULL, list_action);
}

static void
jd_job_list_init (JdJobList *self)
{
  self->lookup_cancellable = g_cancellable_new ();
  self->state = JD_JOB_LIST_STATE_SIGNED_OUT;
  self->total_items = -1;
  self->total_pages = -1;
  self->highlighted = GTK_INVALID_LIST_POSITION;

  gtk_widget_init_template (GTK_WIDGET (self));
  jd_accessible_fix_column_view (self->job_list);
  jd_accessible_fix_mnemonic_buttons (GTK_WIDGET (self));
  /* kept while taken out of the view (show-result, show-id) */
  self->kept_columns[0] = g_object_ref (self->result_column);
  self->kept_columns[1] = g_object_ref (self->id_column);

  gtk_stack_set_visible_child_name (self->state_stack, state_pages[self->state]);
  update_chrome (self);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

GtkWidget *
jd_job_list_new (void)
{
  return g_object_new (JD_TYPE_JOB_LIST, NULL);
}

void
jd_job_list_set_source (JdJobList       *self,
                        JdJobPageSource *source)
{
  g_return_if_fail (JD_IS_JOB_LIST (self));
  g_return_if_fail (source == NULL || JD_IS_JOB_PAGE_SOURCE (source));

  if (self->source == source)
    return;

  cancel_load (self);
  g_set_weak_pointer (&self->source, source);
  update_chrome (self);
}

void
jd_job_list_set_client (JdJobList *self,
                        JdClient  *client)
{
  g_return_if_fail (JD_IS_JOB_LIST (self));
  g_return_if_fail (client == NULL || JD_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;

  /* Lookups for the old server's rows need not finish. */
  g_cancellable_cancel (self->lookup_cancellable);
  g_clear_object (&self->lookup_cancellable);
  self->lookup_cancellable = g_cancellable_new ();

  jd_job_list_reset (self);
}

void
jd_job_list_set_idle_child (JdJobList *self,
                            GtkWidget *child)
{
  g_return_if_fail (JD_IS_JOB_LIST (self));

  adw_bin_set_child (self->idle_bin, child);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDLE_CHILD]);
}

void
jd_job_list_load (JdJobList *self,
                  guint      page)
{
  g_return_if_fail (JD_IS_JOB_LIST (self));
  g_return_if_fail (self->source != NULL);

  cancel_load (self);

  if (self->client == NULL)
    {
      set_state (self, JD_JOB_LIST_STATE_SIGNED_OUT);
      return;
    }

  self->loading_page = page;
  self->cancellable = g_cancellable_new ();
  /* The page shown stays until a slow answer earns a spinner. */
  self->spinner_timeout = g_timeout_add (SPINNER_DELAY_MS, on_spinner_timeout_cb, self);
  update_chrome (self);

  jd_job_page_source_fetch_async (self->source, self->client, page, JD_JOB_LIST_PAGE_SIZE,
                                  self->cancellable, on_page_cb,
                                  request_new (self, self->cancellable));
}

void
jd_job_list_reload (JdJobList *self)
{
  g_return_if_fail (JD_IS_JOB_LIST (self));

  if (self->client == NULL || self->source == NULL)
    return;

  if (self->cancellable != NULL || self->state == JD_JOB_LIST_STATE_ERROR)
    jd_job_list_load (self, self->loading_page);
  else
    jd_job_list_load (self, self->loaded ? self->page : 0);
}

void
jd_job_list_cancel (JdJobList *self)
{
  g_return_if_fail (JD_IS_JOB_LIST (self));

  cancel_load (self);
  g_clear_pointer (&self->highlight_id, g_free);

  /* Back to what was there before. */
  if (self->state == JD_JOB_LIST_STATE_LOADING)
    {
      if (!self->loaded)
        set_state (self, JD_JOB_LIST_STATE_IDLE);
      else if (g_list_model_get_n_items (G_LIST_MODEL (self->jobs)) > 0)
        set_state (self, JD_JOB_LIST_STATE_JOBS);
      else
        show_no_jobs (self);
    }
  else
    update_chrome (self);
}

void
jd_job_list_reset (JdJobList *self)
{
  g_return_if_fail (JD_IS_JOB_LIST (self));

  cancel_load (self);
  g_clear_pointer (&self->highlight_id, g_free);
  clear_jobs (self);
  update_range (self);
  set_state (self, self->client != NULL ? JD_JOB_LIST_STATE_IDLE : JD_JOB_LIST_STATE_SIGNED_OUT);
}

void
jd_job_list_show_unavailable (JdJobList  *self,
                              const char *title,
                              const char *description)
{
  g_return_if_fail (JD_IS_JOB_LIST (self));

  cancel_load (self);
  clear_jobs (self);
  adw_status_page_set_title (self->unavailable_page, title);
  adw_status_page_set_description (self->unavailable_page, description);
  set_state (self, JD_JOB_LIST_STATE_UNAVAILABLE);
}

void
jd_job_list_highlight_job (JdJobList  *self,
                           const char *job_id)
{
  g_return_if_fail (JD_IS_JOB_LIST (self));

  g_free (self->highlight_id);
  self->highlight_id = g_strdup (job_id);
}

JdJobListState
jd_job_list_get_state (JdJobList *self)
{
  g_return_val_if_fail (JD_IS_JOB_LIST (self), JD_JOB_LIST_STATE_SIGNED_OUT);
  return self->state;
}

GListModel *
jd_job_list_get_jobs (JdJobList *self)
{
  g_return_val_if_fail (JD_IS_JOB_LIST (self), NULL);
  return G_LIST_MODEL (self->jobs);
}

guint
jd_job_list_get_offset (JdJobList *self)
{
  g_return_val_if_fail (JD_IS_JOB_LIST (self), 0);
  return self->page * JD_JOB_LIST_PAGE_SIZE;
}

gboolean
jd_job_list_get_has_next_page (JdJobList *self)
{
  g_return_val_if_fail (JD_IS_JOB_LIST (self), FALSE);
  return self->has_next;
}

gint64
jd_job_list_get_total_items (JdJobList *self)
{
  g_return_val_if_fail (JD_IS_JOB_LIST (self), -1);
  return self->total_items;
}

guint
jd_job_list_get_n_unreadable (JdJobList *self)
{
  g_return_val_if_fail (JD_IS_JOB_LIST (self), 0);
  return self->n_unreadable;
}

gboolean
jd_job_list_get_loaded (JdJobList *self)
{
  g_return_val_if_fail (JD_IS_JOB_LIST (self), FALSE);
  return self->loaded;
}

gboolean
jd_job_list_is_loading (JdJobList *self)
{
  g_return_val_if_fail (JD_IS_JOB_LIST (self), FALSE);
  return self->cancellable != NULL;
}

guint
jd_job_list_get_highlighted (JdJobList *self)
{
  g_return_val_if_fail (JD_IS_JOB_LIST (self), GTK_INVALID_LIST_POSITION);
  return self->highlighted;
}
