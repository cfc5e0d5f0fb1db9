/* jd-workflow-page.c: the jobs of one workflow, a page at a time.
 *
 * The user pastes a workflow ID (or picks a workflow, where the Server lists
 * them for this account), filters by status and result, orders by created
 * date and pages through the jobs 50 at a time; one click opens a job. The
 * Server does not say how many jobs there are, so each page asks for one
 * more job than it shows to learn whether a next page exists.
 */
#define G_LOG_DOMAIN "jd-workflow-page"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-accessible.h"
#include "jd-api-enums.h"
#include "jd-error-text.h"
#include "jd-job-cells.h"
#include "jd-object-id.h"
#include "jd-workflow.h"
#include "jd-workflow-job.h"
#include "jd-workflow-page.h"

#define PAGE_SIZE 50
#define SPINNER_DELAY_MS 250

struct _JdWorkflowPage
{
  AdwBin             parent_instance;

  GtkEntry          *workflow_entry;
  GtkRevealer       *entry_error_revealer;
  GtkLabel          *entry_error_label;
  GtkMenuButton     *browse_button;
  GtkPopover        *browse_popover;
  GtkSearchEntry    *browse_search;
  GtkStack          *browse_stack;
  GtkListBox        *browse_list;
  GtkSpinner        *browse_spinner;
  GtkLabel          *browse_message;
  GtkWidget         *toolbar;
  GtkLabel          *title_label;
  GtkLabel          *id_label;
  GtkDropDown       *status_dropdown;
  GtkDropDown       *result_dropdown;
  GtkDropDown       *sort_dropdown;
  GtkStack          *state_stack;
  GtkWidget         *empty_browse_button;
  GtkSpinner        *spinner;
  GtkLabel          *loading_label;
  GtkScrolledWindow *job_scroller;
  GtkColumnView     *job_list;
  GListStore        *jobs;
  AdwStatusPage     *no_jobs_page;
  GtkWidget         *clear_filters_button;
  AdwStatusPage     *error_page;
  GtkWidget         *retry_button;
  GtkWidget         *sign_in_again_button;
  GtkWidget         *pager;
  GtkLabel          *range_label;
  GtkWidget         *previous_button;
  GtkWidget         *next_button;

  JdClient          *client;

  /* The jobs: the workflow asked for, and the one whose jobs are shown. */
  GCancellable      *cancellable;
  guint              spinner_timeout;
  char              *workflow_id;
  char              *shown_id;
  char              *pending_id;    /* asked for while signed out */
  guint              offset;        /* of the page shown */
  guint              loading_offset;
  gboolean           has_next;

  /* Browsing workflows */
  GCancellable      *browse_cancellable;
  GListStore        *workflows;
  GHashTable        *workflow_names; /* ID -> name, from every list seen */
  gboolean           browse_refused;
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

G_DEFINE_FINAL_TYPE (JdWorkflowPage, jd_workflow_page, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What an answer needs to know when it comes: the page, and whether it
 * was superseded or cancelled meanwhile. The client may have finished just
 * before a cancel; its answer then arrives without an error, and must not
 * be shown. */
typedef struct
{
  JdWorkflowPage *self;
  GCancellable   *cancellable;
} Request;

static Request *
request_new (JdWorkflowPage *self,
             GCancellable   *cancellable)
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

/* What the filter drop-downs mean to the Server, in the order of their
 * items; NULL leaves the filter out of the request. */
static const char * const status_values[] = { NULL, "Complete", "Error", "Running", "Queued" };
static const char * const result_values[] = { NULL, "Success", "Warning", "Error" };

/* ------------------------------------------------------------------ */
/* Cells of the job list (closures of the list item templates)         */






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
      /* "Completed" alone says nothing about success; only a known
       * result (GET /v3/jobs names it, the workflow list does not)
       * earns a colour. */
      if (disposition == JD_DISPOSITION_SUCCESS)
        color = "success";
      else if (disposition == JD_DISPOSITION_WARNING)
        color = "warning";
      else if (disposition == JD_DISPOSITION_ERROR)
        color = "error";
      else
        color = NULL;
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
worker_tag_text (GtkListItem *item,
                 const char  *worker_tag)
{
  return g_strdup (worker_tag != NULL && *worker_tag != '\0' ? worker_tag : "—");
}


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
  return id != NULL ? g_hash_table_lookup (self->workflow_names, id) : NULL;
}

/* The heading, the filters, the pager and the actions follow the state. */
static void
update_chrome (JdWorkflowPage *self)
{
  const char *state = gtk_stack_get_visible_child_name (self->state_stack);
  gboolean loading = self->cancellable != NULL;
  gboolean showing;
  gboolean paged;

  /* While another workflow loads, its predecessor stays in view until
   * the spinner takes over. */
  showing = self->shown_id != NULL &&
            (g_str_equal (state, "jobs") || g_str_equal (state, "no-jobs") ||
             (g_str_equal (state, "loading") && g_strcmp0 (self->shown_id, self->workflow_id) == 0));
  paged = showing && (g_str_equal (state, "jobs") || self->offset > 0 || self->has_next);

  gtk_widget_set_visible (self->toolbar, showing);
  gtk_widget_set_visible (self->pager, paged);
  /* One page needs no buttons to turn it. */
  gtk_widget_set_visible (self->previous_button, self->offset > 0 || self->has_next);
  gtk_widget_set_visible (self->next_button, self->offset > 0 || self->has_next);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workflow.previous-page", showing && !loading && self->offset > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workflow.next-page", showing && !loading && self->has_next);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workflow.reload", self->client != NULL && self->workflow_id != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workflow.browse", self->client != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->browse_button), self->client != NULL);
  /* Once refused, the button would only repeat the refusal. */
  gtk_widget_set_visible (self->empty_browse_button, !self->browse_refused);
}

static void
set_state (JdWorkflowPage *self,
           const char     *state)
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
clear_spinner_timeout (JdWorkflowPage *self)
{
  g_clear_handle_id (&self->spinner_timeout, g_source_remove);
}

/* Stops the load in flight, if any, leaving the state as it is. */
static void
cancel_load (JdWorkflowPage *self)
{
  clear_spinner_timeout (self);

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
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
update_range (JdWorkflowPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->jobs));
  g_autofree char *text = NULL;

  if (n == 0)
    text = g_strdup (_("No jobs on this page"));
  else
    /* Translators: the jobs shown on this page, e.g. “Jobs 51–100” */
    text = g_strdup_printf (_("Jobs %u–%u"), self->offset + 1, self->offset + n);

  gtk_label_set_text (self->range_label, text);
}

/* ------------------------------------------------------------------ */
/* Loading the jobs                                                    */

static gboolean
on_spinner_timeout_cb (gpointer user_data)
{
  JdWorkflowPage *self = user_data;

  self->spinner_timeout = 0;
  set_state (self, "loading");
  return G_SOURCE_REMOVE;
}

static void
show_error (JdWorkflowPage *self,
            const GError   *error)
{
  gboolean unauthorized = g_error_matches (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_UNAUTHORIZED);
  const char *title = jd_error_title (error);

  if (g_error_matches (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_FOUND))
    title = _("Workflow Not Found");

  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, error->message);
  adw_status_page_set_icon_name (self->error_page, jd_error_icon_name (error));
  gtk_widget_set_visible (self->sign_in_again_button, unauthorized);
  gtk_widget_set_visible (self->retry_button, !unauthorized);
  set_state (self, "error");
}

static void
show_no_jobs (JdWorkflowPage *self)
{
  const char *description;

  if (filters_active (self))
    description = _("This workflow has no jobs that match the filters.");
  else if (self->offset > 0)
    description = _("There are no more jobs after the previous page.");
  else
    description = _("This workflow has not run any jobs yet.");

  adw_status_page_set_description (self->no_jobs_page, description);
  gtk_widget_set_visible (self->clear_filters_button, filters_active (self));
  set_state (self, "no-jobs");
}

static void
on_jobs_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  JdWorkflowPage *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJobPage) page = NULL;
  GListModel *jobs;
  g_autoptr(GPtrArray) shown = NULL;
  guint n;

  page = jd_client_list_workflow_jobs_finish (JD_CLIENT (source), result, &error);
  jobs = page != NULL ? jd_job_page_get_jobs (page) : NULL;

  /* A newer load, a cancel, or a closed window: say nothing. */
  if (jd_client_error_is_cancelled (error) || g_cancellable_is_cancelled (request->cancellable))
    return;

  clear_spinner_timeout (self);
  g_clear_object (&self->cancellable);

  if (jobs == NULL)
    {
      g_debug ("Jobs of workflow %s: %s", self->workflow_id, error->message);
      if (g_error_matches (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_SIGNED_IN))
        set_state (self, "signed-out");
      else
        show_error (self, error);
      return;
    }

  /* One job more than a page was asked for, only to learn whether a
   * next page exists: it is not shown. */
  n = g_list_model_get_n_items (jobs);
  self->has_next = n > PAGE_SIZE;
  shown = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < MIN (n, PAGE_SIZE); i++)
    g_ptr_array_add (shown, g_list_model_get_item (jobs, i));

  g_free (self->shown_id);
  self->shown_id = g_strdup (self->workflow_id);
  self->offset = self->loading_offset;

  g_list_store_splice (self->jobs, 0, g_list_model_get_n_items (G_LIST_MODEL (self->jobs)),
                       shown->pdata, shown->len);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->job_scroller), 0);
  update_heading (self);
  update_range (self);

  if (shown->len == 0)
    show_no_jobs (self);
  else
    set_state (self, "jobs");
}

static void
start_load (JdWorkflowPage *self,
            guint           offset)
{
  guint sort = gtk_drop_down_get_selected (self->sort_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint result = gtk_drop_down_get_selected (self->result_dropdown);
  JdJobQuery query = { 0, };

  g_assert (self->workflow_id != NULL);

  cancel_load (self);

  if (self->client == NULL)
    {
      g_free (self->pending_id);
      self->pending_id = g_strdup (self->workflow_id);
      set_state (self, "signed-out");
      return;
    }

  query.sort_field = "createDate";
  query.direction = sort == 1 ? JD_SORT_ASCENDING : JD_SORT_DESCENDING;
  query.offset = offset;
  query.limit = PAGE_SIZE + 1;
  query.status = status < G_N_ELEMENTS (status_values) ? status_values[status] : NULL;
  query.result_code = result < G_N_ELEMENTS (result_values) ? result_values[result] : NULL;

  self->loading_offset = offset;
  self->cancellable = g_cancellable_new ();
  self->spinner_timeout = g_timeout_add (SPINNER_DELAY_MS, on_spinner_timeout_cb, self);
  update_chrome (self);

  jd_client_list_workflow_jobs_async (self->client, self->workflow_id, &query,
                                      self->cancellable, on_jobs_cb, request_new (self, self->cancellable));
}

/* ------------------------------------------------------------------ */
/* Browsing workflows                                                  */

static GtkWidget *
create_workflow_row (gpointer item,
                     gpointer user_data)
{
  JdWorkflow *workflow = item;
  const char *name = jd_workflow_get_name (workflow);
  GtkWidget *row = adw_action_row_new ();

  /* Names come from the Server: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 name != NULL && *name != '\0' ? name : _("Unnamed workflow"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), jd_workflow_get_id (workflow));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
show_browse_message (JdWorkflowPage *self,
                     const char     *message)
{
  gtk_label_set_text (self->browse_message, message);
  gtk_stack_set_visible_child_name (self->browse_stack, "message");
  gtk_spinner_set_spinning (self->browse_spinner, FALSE);
}

static void
show_browse_refusal (JdWorkflowPage *self)
{
  /* Searching again would only be refused again. */
  gtk_widget_set_visible (GTK_WIDGET (self->browse_search), FALSE);
  show_browse_message (self, _("This server does not list workflows for your account. Paste a workflow ID instead."));
}

static void
on_workflows_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  JdWorkflowPage *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) workflows = NULL;
  g_autoptr(GPtrArray) items = NULL;
  const char *search;
  guint n;

  workflows = jd_client_list_workflows_finish (JD_CLIENT (source), result, &error);

  if (jd_client_error_is_cancelled (error) || g_cancellable_is_cancelled (request->cancellable))
    return;

  g_clear_object (&self->browse_cancellable);
  gtk_spinner_set_spinning (self->browse_spinner, FALSE);

  if (workflows == NULL)
    {
      g_debug ("Listing workflows: %s", error->message);
      g_list_store_remove_all (self->workflows);
      if (g_error_matches (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_FORBIDDEN) ||
          g_error_matches (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_SUPPORTED))
        {
          self->browse_refused = TRUE;
          show_browse_refusal (self);
          update_chrome (self);
        }
      else
        show_browse_message (self, error->message);
      return;
    }

  n = g_list_model_get_n_items (workflows);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JdWorkflow) workflow = g_list_model_get_item (workflows, i);
      const char *name = jd_workflow_get_name (workflow);

      if (name != NULL && *name != '\0')
        g_hash_table_replace (self->workflow_names,
                              g_strdup (jd_workflow_get_id (workflow)), g_strdup (name));
      g_ptr_array_add (items, g_steal_pointer (&workflow));
    }
  g_list_store_splice (self->workflows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->workflows)),
                       items->pdata, items->len);

  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->browse_stack, "list");
      return;
    }

  search = gtk_editable_get_text (GTK_EDITABLE (self->browse_search));
  if (*search != '\0')
    {
      g_autofree char *message = g_strdup_printf (_("No workflow’s name holds “%s”."), search);

      show_browse_message (self, message);
    }
  else
    show_browse_message (self, _("This server lists no workflows for your account."));
}

static void
browse_fetch (JdWorkflowPage *self)
{
  g_autofree char *name = NULL;

  if (self->browse_cancellable != NULL)
    g_cancellable_cancel (self->browse_cancellable);
  g_clear_object (&self->browse_cancellable);

  if (self->client == NULL)
    {
      show_browse_message (self, _("Sign in to browse the workflows of a server."));
      return;
    }

  if (self->browse_refused)
    {
      show_browse_refusal (self);
      return;
    }

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->browse_search))));

  /* Keep the last answer in view while the next one comes. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->workflows)) == 0 ||
      !g_str_equal (gtk_stack_get_visible_child_name (self->browse_stack), "list"))
    {
      gtk_stack_set_visible_child_name (self->browse_stack, "loading");
      gtk_spinner_set_spinning (self->browse_spinner, TRUE);
    }

  self->browse_cancellable = g_cancellable_new ();
  jd_client_list_workflows_async (self->client, *name != '\0' ? name : NULL,
                                  self->browse_cancellable, on_workflows_cb,
                                  request_new (self, self->browse_cancellable));
}

static void
reset_browse (JdWorkflowPage *self)
{
  if (self->browse_cancellable != NULL)
    g_cancellable_cancel (self->browse_cancellable);
  g_clear_object (&self->browse_cancellable);

  self->browse_refused = FALSE;
  g_hash_table_remove_all (self->workflow_names);
  g_list_store_remove_all (self->workflows);
  gtk_editable_set_text (GTK_EDITABLE (self->browse_search), "");
  gtk_widget_set_visible (GTK_WIDGET (self->browse_search), TRUE);
  gtk_stack_set_visible_child_name (self->browse_stack, "loading");
}

static void
pick_workflow (JdWorkflowPage *self,
               guint           position)
{
  g_autoptr(JdWorkflow) workflow = g_list_model_get_item (G_LIST_MODEL (self->workflows), position);

  if (workflow == NULL)
    return;

  gtk_popover_popdown (self->browse_popover);
  jd_workflow_page_show_workflow (self, jd_workflow_get_id (workflow));
}

/* ------------------------------------------------------------------ */
/* Signal handlers                                                     */

static void
on_entry_activate_cb (JdWorkflowPage *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->workflow_entry)));

  jd_workflow_page_show_workflow (self, text);
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
    start_load (self, 0);
}

static void
on_job_activated_cb (JdWorkflowPage *self,
                     guint           position)
{
  g_autoptr(JdWorkflowJob) job = g_list_model_get_item (G_LIST_MODEL (self->jobs), position);

  if (job != NULL)
    g_signal_emit (self, signals[JOB_ACTIVATED], 0, jd_workflow_job_get_id (job));
}

static void
on_cancel_clicked_cb (JdWorkflowPage *self)
{
  jd_workflow_page_cancel (self);
}

static void
on_browse_popover_show_cb (JdWorkflowPage *self)
{
  browse_fetch (self);
}

static void
on_browse_search_changed_cb (JdWorkflowPage *self)
{
  /* The search entry waits 300 ms after the last keystroke. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->browse_popover)))
    browse_fetch (self);
}

static void
on_browse_search_activate_cb (JdWorkflowPage *self)
{
  if (g_str_equal (gtk_stack_get_visible_child_name (self->browse_stack), "list"))
    pick_workflow (self, 0);
}

static void
on_browse_row_activated_cb (JdWorkflowPage *self,
                            GtkListBoxRow  *row)
{
  pick_workflow (self, gtk_list_box_row_get_index (row));
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
previous_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  JdWorkflowPage *self = JD_WORKFLOW_PAGE (widget);

  if (self->workflow_id != NULL && self->offset > 0)
    start_load (self, self->offset > PAGE_SIZE ? self->offset - PAGE_SIZE : 0);
}

static void
next_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JdWorkflowPage *self = JD_WORKFLOW_PAGE (widget);

  if (self->workflow_id != NULL && self->has_next)
    start_load (self, self->offset + PAGE_SIZE);
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

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  JdWorkflowPage *self = JD_WORKFLOW_PAGE (widget);

  /* One reload for both, not one per drop-down. */
  g_signal_handlers_block_by_func (self->result_dropdown, on_filter_changed_cb, self);
  gtk_drop_down_set_selected (self->result_dropdown, 0);
  g_signal_handlers_unblock_by_func (self->result_dropdown, on_filter_changed_cb, self);
  if (gtk_drop_down_get_selected (self->status_dropdown) != 0)
    gtk_drop_down_set_selected (self->status_dropdown, 0);
  else
    on_filter_changed_cb (self);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
jd_workflow_page_dispose (GObject *object)
{
  JdWorkflowPage *self = JD_WORKFLOW_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->browse_cancellable != NULL)
    g_cancellable_cancel (self->browse_cancellable);
  g_clear_object (&self->browse_cancellable);
  clear_spinner_timeout (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_WORKFLOW_PAGE);

  G_OBJECT_CLASS (jd_workflow_page_parent_class)->dispose (object);
}

static void
jd_workflow_page_finalize (GObject *object)
{
  JdWorkflowPage *self = JD_WORKFLOW_PAGE (object);

  g_clear_object (&self->client);
  g_clear_object (&self->workflows);
  g_clear_pointer (&self->workflow_names, g_hash_table_unref);
  g_free (self->workflow_id);
  g_free (self->shown_id);
  g_free (self->pending_id);

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
      g_value_set_string (value, jd_workflow_page_get_state (self));
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
    g_param_spec_string ("state", NULL, NULL,
                         "signed-out",
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

  g_type_ensure (JD_TYPE_WORKFLOW_JOB);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jobdesk/JobDesk/jd-workflow-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, workflow_entry);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, entry_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, entry_error_label);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, browse_button);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, browse_popover);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, browse_search);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, browse_stack);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, browse_list);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, browse_spinner);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, browse_message);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, id_label);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, result_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, empty_browse_button);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, loading_label);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, job_scroller);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, job_list);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, jobs);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, no_jobs_page);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, clear_filters_button);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, retry_button);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, sign_in_again_button);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, pager);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, range_label);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, previous_button);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPage, next_button);

  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  jd_job_cells_bind (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, on_job_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_browse_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_browse_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_browse_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_browse_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_css_classes);
  gtk_widget_class_bind_template_callback (widget_class, worker_tag_text);

  gtk_widget_class_install_action (widget_class, "workflow.show-jobs", NULL, show_jobs_action);
  gtk_widget_class_install_action (widget_class, "workflow.previous-page", NULL, previous_page_action);
  gtk_widget_class_install_action (widget_class, "workflow.next-page", NULL, next_page_action);
  gtk_widget_class_install_action (widget_class, "workflow.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "workflow.browse", NULL, browse_action);
  gtk_widget_class_install_action (widget_class, "workflow.clear-filters", NULL, clear_filters_action);
}

static void
jd_workflow_page_init (JdWorkflowPage *self)
{
  self->workflows = g_list_store_new (JD_TYPE_WORKFLOW);
  self->workflow_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  jd_accessible_fix_mnemonic_buttons (GTK_WIDGET (self));
  jd_accessible_fix_drop_down (self->status_dropdown);
  jd_accessible_fix_drop_down (self->result_dropdown);
  jd_accessible_fix_drop_down (self->sort_dropdown);
  jd_accessible_fix_column_view (self->job_list);

  gtk_list_box_bind_model (self->browse_list, G_LIST_MODEL (self->workflows),
                           create_workflow_row, NULL, NULL);
  set_state (self, "signed-out");
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

  g_return_if_fail (JD_IS_WORKFLOW_PAGE (self));
  g_return_if_fail (client == NULL || JD_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;

  cancel_load (self);

  /* What this page knew came from the old server. */
  reset_browse (self);
  g_clear_pointer (&self->shown_id, g_free);
  g_list_store_remove_all (self->jobs);
  self->offset = 0;
  self->has_next = FALSE;

  if (client == NULL)
    set_state (self, "signed-out");
  else if ((pending = g_steal_pointer (&self->pending_id)) != NULL)
    jd_workflow_page_show_workflow (self, pending);
  else
    {
      g_clear_pointer (&self->workflow_id, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKFLOW_ID]);
      set_state (self, "empty");
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

void
jd_workflow_page_show_workflow (JdWorkflowPage *self,
                                const char     *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  g_return_if_fail (JD_IS_WORKFLOW_PAGE (self));

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

  start_load (self, 0);
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
        jd_workflow_page_show_workflow (self, text);
      return;
    }

  /* The page on its way or that failed to come, else the page shown. */
  if (self->cancellable != NULL || g_str_equal (jd_workflow_page_get_state (self), "error"))
    start_load (self, self->loading_offset);
  else
    start_load (self, self->offset);
}

void
jd_workflow_page_cancel (JdWorkflowPage *self)
{
  g_return_if_fail (JD_IS_WORKFLOW_PAGE (self));

  cancel_load (self);

  /* Back to what was there before. */
  if (g_str_equal (jd_workflow_page_get_state (self), "loading"))
    {
      if (self->shown_id != NULL && g_strcmp0 (self->shown_id, self->workflow_id) == 0)
        set_state (self, g_list_model_get_n_items (G_LIST_MODEL (self->jobs)) > 0 ? "jobs" : "no-jobs");
      else
        set_state (self, "empty");
    }
  else
    update_chrome (self);
}

void
jd_workflow_page_focus_entry (JdWorkflowPage *self)
{
  g_return_if_fail (JD_IS_WORKFLOW_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->workflow_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->workflow_entry), 0, -1);
}

const char *
jd_workflow_page_get_state (JdWorkflowPage *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->state_stack);
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
  return G_LIST_MODEL (self->jobs);
}

gboolean
jd_workflow_page_get_has_next_page (JdWorkflowPage *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW_PAGE (self), FALSE);
  return self->has_next;
}

guint
jd_workflow_page_get_offset (JdWorkflowPage *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW_PAGE (self), 0);
  return self->offset;
}

gboolean
jd_workflow_page_is_loading (JdWorkflowPage *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW_PAGE (self), FALSE);
  return self->cancellable != NULL;
}
