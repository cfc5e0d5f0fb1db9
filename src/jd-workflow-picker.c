/* jd-workflow-picker.c: the workflows of a Server in a popover, searched
 * by name, for the workflow page.
 *
 * The list is asked for each time the popover opens and when the search
 * changes (300 ms after the last keystroke); a newer request cancels the
 * older one. A Server that refuses to list workflows (403, or an older
 * one without the call) is asked only once: then the popover says to
 * paste an ID instead.
 */
#define G_LOG_DOMAIN "jd-workflow-picker"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "jd-workflow.h"
#include "jd-workflow-picker.h"

struct _JdWorkflowPicker
{
  GtkPopover      parent_instance;

  GtkSearchEntry *browse_search;
  GtkStack       *browse_stack;
  GtkListBox     *browse_list;
  GtkSpinner     *browse_spinner;
  GtkLabel       *browse_message;

  JdClient       *client;
  GCancellable   *browse_cancellable;
  GListStore     *workflows;
  GHashTable     *workflow_names; /* ID -> name, from every list seen */
  gboolean        browse_refused;
};

enum {
  PROP_0,
  PROP_REFUSED,
  N_PROPS
};

enum {
  PICKED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (JdWorkflowPicker, jd_workflow_picker, GTK_TYPE_POPOVER)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* An answer must know whether it was superseded or cancelled meanwhile:
 * the client may have finished just before a cancel. */
typedef struct
{
  JdWorkflowPicker *self;
  GCancellable     *cancellable;
} Request;

static Request *
request_new (JdWorkflowPicker *self,
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
show_browse_message (JdWorkflowPicker *self,
                     const char       *message)
{
  gtk_label_set_text (self->browse_message, message);
  gtk_stack_set_visible_child_name (self->browse_stack, "message");
  gtk_spinner_set_spinning (self->browse_spinner, FALSE);
}

static void
show_browse_refusal (JdWorkflowPicker *self)
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
  JdWorkflowPicker *self = request->self;
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
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFUSED]);
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
browse_fetch (JdWorkflowPicker *self)
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
reset_browse (JdWorkflowPicker *self)
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
pick_workflow (JdWorkflowPicker *self,
               guint             position)
{
  g_autoptr(JdWorkflow) workflow = g_list_model_get_item (G_LIST_MODEL (self->workflows), position);

  if (workflow == NULL)
    return;

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[PICKED], 0, jd_workflow_get_id (workflow));
}


/* ------------------------------------------------------------------ */
/* Signal handlers                                                     */

static void
on_show_cb (JdWorkflowPicker *self)
{
  browse_fetch (self);
}

static void
on_browse_search_changed_cb (JdWorkflowPicker *self)
{
  /* The search entry waits 300 ms after the last keystroke. */
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    browse_fetch (self);
}

static void
on_browse_search_activate_cb (JdWorkflowPicker *self)
{
  if (g_str_equal (gtk_stack_get_visible_child_name (self->browse_stack), "list"))
    pick_workflow (self, 0);
}

static void
on_browse_row_activated_cb (JdWorkflowPicker *self,
                            GtkListBoxRow    *row)
{
  pick_workflow (self, gtk_list_box_row_get_index (row));
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
jd_workflow_picker_dispose (GObject *object)
{
  JdWorkflowPicker *self = JD_WORKFLOW_PICKER (object);

  if (self->browse_cancellable != NULL)
    g_cancellable_cancel (self->browse_cancellable);
  g_clear_object (&self->browse_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_WORKFLOW_PICKER);

  G_OBJECT_CLASS (jd_workflow_picker_parent_class)->dispose (object);
}

static void
jd_workflow_picker_finalize (GObject *object)
{
  JdWorkflowPicker *self = JD_WORKFLOW_PICKER (object);

  g_clear_object (&self->client);
  g_clear_object (&self->workflows);
  g_clear_pointer (&self->workflow_names, g_hash_table_unref);

  G_OBJECT_CLASS (jd_workflow_picker_parent_class)->finalize (object);
}

static void
jd_workflow_picker_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  JdWorkflowPicker *self = JD_WORKFLOW_PICKER (object);

  switch (prop_id)
    {
    case PROP_REFUSED:
      g_value_set_boolean (value, self->browse_refused);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_workflow_picker_class_init (JdWorkflowPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_workflow_picker_dispose;
  object_class->finalize = jd_workflow_picker_finalize;
  object_class->get_property = jd_workflow_picker_get_property;

  properties[PROP_REFUSED] =
    g_param_spec_boolean ("refused", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JdWorkflowPicker::picked:
   * @workflow_id: the ID of the workflow the user chose
   */
  signals[PICKED] =
    g_signal_new ("picked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jobdesk/JobDesk/jd-workflow-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPicker, browse_search);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPicker, browse_stack);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPicker, browse_list);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPicker, browse_spinner);
  gtk_widget_class_bind_template_child (widget_class, JdWorkflowPicker, browse_message);

  gtk_widget_class_bind_template_callback (widget_class, on_browse_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_browse_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_browse_row_activated_cb);
}

static void
jd_workflow_picker_init (JdWorkflowPicker *self)
{
  self->workflows = g_list_store_new (JD_TYPE_WORKFLOW);
  self->workflow_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "show", G_CALLBACK (on_show_cb), NULL);
  gtk_list_box_bind_model (self->browse_list, G_LIST_MODEL (self->workflows),
                           create_workflow_row, NULL, NULL);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

void
jd_workflow_picker_set_client (JdWorkflowPicker *self,
                               JdClient         *client)
{
  g_return_if_fail (JD_IS_WORKFLOW_PICKER (self));
  g_return_if_fail (client == NULL || JD_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;

  /* What it knew came from the old server. */
  reset_browse (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFUSED]);
}

gboolean
jd_workflow_picker_get_refused (JdWorkflowPicker *self)
{
  g_return_val_if_fail (JD_IS_WORKFLOW_PICKER (self), FALSE);
  return self->browse_refused;
}

const char *
jd_workflow_picker_get_name (JdWorkflowPicker *self,
                             const char       *workflow_id)
{
  g_return_val_if_fail (JD_IS_WORKFLOW_PICKER (self), NULL);
  return workflow_id != NULL ? g_hash_table_lookup (self->workflow_names, workflow_id) : NULL;
}
