/* jd-job-lead.c: a failed job opens on what failed it.
 *
 * When the disposition is Error or Warning (or the status Error), the job
 * view's first tab is this lead: the first error message and the first
 * warning, each with its tool ID, and "Show All Messages", which opens
 * the Messages tab filtered to that severity. The outputs stay one tab
 * away. A job that went well has no lead and opens on its outputs.
 *
 * The first error is found by walking the messages once per model,
 * cheaply (no message objects are made for a JdMessageList).
 */
#define G_LOG_DOMAIN "jd-job-view"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-display-text.h"
#include "jd-job-lead.h"
#include "jd-message-list.h"

/* Beyond this the label is a preview; the Messages tab has all of it. */

struct _JdJobLead
{
  AdwBin      parent_instance;

  GtkImage   *lead_icon;
  GtkLabel   *lead_title;
  GtkWidget  *lead_loading_box;
  GtkWidget  *lead_error_box;
  GtkLabel   *lead_error_label;
  GtkLabel   *lead_error_tool;
  GtkWidget  *lead_warning_box;
  GtkLabel   *lead_warning_label;
  GtkLabel   *lead_warning_tool;
  GtkLabel   *lead_none_label;
  GtkButton  *lead_show_button;

  /* What was walked last: the model is not kept, only compared, with
   * its length, so a new model of the same length at the same address
   * is the one case the caller clears with jd_job_lead_update (NULL). */
  GListModel *scanned;
  guint       scanned_n;
  gint64      first_error;
  gint64      first_warning;
};

G_DEFINE_FINAL_TYPE (JdJobLead, jd_job_lead, ADW_TYPE_BIN)

gboolean
jd_job_lead_wants (JdJob *job)
{
  if (job == NULL)
    return FALSE;

  if (jd_job_summary_get_state (JD_JOB_SUMMARY (job)) == JD_JOB_STATE_ERROR)
    return TRUE;

  switch (jd_job_summary_get_disposition_kind (JD_JOB_SUMMARY (job)))
    {
    case JD_DISPOSITION_ERROR:
    case JD_DISPOSITION_WARNING:
      return TRUE;
    case JD_DISPOSITION_UNKNOWN:
    case JD_DISPOSITION_NONE:
    case JD_DISPOSITION_SUCCESS:
    case JD_DISPOSITION_CANCELLED:
    default:
      return FALSE;
    }
}

gboolean
jd_job_lead_is_warning (JdJob *job)
{
  return job != NULL && jd_job_summary_get_state (JD_JOB_SUMMARY (job)) != JD_JOB_STATE_ERROR &&
         jd_job_summary_get_disposition_kind (JD_JOB_SUMMARY (job)) == JD_DISPOSITION_WARNING;
}

/* The position of the first message of this severity, or -1. */
static gint64
find_first (GListModel        *messages,
            JdMessageSeverity  severity)
{
  guint n = messages != NULL ? g_list_model_get_n_items (messages) : 0;

  if (JD_IS_MESSAGE_LIST (messages))
    {
      for (guint i = 0; i < n; i++)
        {
          if (jd_message_list_get_severity (JD_MESSAGE_LIST (messages), i) == severity)
            return i;
        }
      return -1;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JdJobMessage) message = g_list_model_get_item (messages, i);

      if (jd_job_message_get_severity (message) == severity)
        return i;
    }

  return -1;
}

static char *
format_tool (gint32 tool_id)
{
  if (tool_id == JD_JOB_MESSAGE_NO_TOOL)
    return g_strdup (_("No tool given"));

  /* The engine's own messages carry -1. */
  if (tool_id < 0)
    return g_strdup (_("From the engine"));

  /* Translators: the tool of the workflow that wrote a message */
  return g_strdup_printf (_("Tool %d"), (int) tool_id);
}

/* Fills box with the message at position, or hides it. */
static gboolean
show_message (GtkWidget  *box,
              GtkLabel   *label,
              GtkLabel   *tool,
              GListModel *messages,
              gint64      position)
{
  g_autoptr(JdJobMessage) message = NULL;
  g_autofree char *tool_text = NULL;
  const char *text;

  gtk_widget_set_visible (box, position >= 0);
  if (position < 0)
    return FALSE;

  message = g_list_model_get_item (messages, (guint) position);
  text = jd_job_message_get_text (message);
  if (text == NULL || *text == '\0')
    gtk_label_set_text (label, _("The message has no text."));
  else
    {
      /* A label lays out all it holds: capped, long words given breaks
       * and hidden characters shown, as in the message rows. */
      g_autofree char *shown = jd_display_text_for_label (text, NULL);

      gtk_label_set_text (label, shown);
    }

  tool_text = format_tool (jd_job_message_get_tool_id (message));
  gtk_label_set_text (tool, tool_text);
  return TRUE;
}

void
jd_job_lead_update (JdJobLead  *self,
                    JdJob      *job,
                    gboolean    pending,
                    const char *failure)
{
  GListModel *messages;
  gboolean warning;
  gboolean any;
  gint64 first_error, first_warning;

  g_return_if_fail (JD_IS_JOB_LEAD (self));

  if (!jd_job_lead_wants (job))
    {
      self->scanned = NULL;
      return;
    }

  warning = jd_job_lead_is_warning (job);
  gtk_image_set_from_icon_name (self->lead_icon, warning ? "dialog-warning-symbolic" : "dialog-error-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->lead_icon), warning ? "error" : "warning");
  gtk_widget_add_css_class (GTK_WIDGET (self->lead_icon), warning ? "warning" : "error");
  gtk_label_set_text (self->lead_title,
                      warning ? _("This job ended with warnings") : _("This job failed"));

  messages = jd_job_get_messages (job);
  any = messages != NULL && g_list_model_get_n_items (messages) > 0;

  /* Status first: the messages are still on their way. */
  gtk_widget_set_visible (self->lead_loading_box, !any && pending);

  /* The filter and search change often; the messages seldom. */
  if (messages != self->scanned ||
      (any ? g_list_model_get_n_items (messages) : 0) != self->scanned_n)
    {
      self->scanned = messages;
      self->scanned_n = any ? g_list_model_get_n_items (messages) : 0;
      self->first_error = any ? find_first (messages, JD_MESSAGE_SEVERITY_ERROR) : -1;
      self->first_warning = any ? find_first (messages, JD_MESSAGE_SEVERITY_WARNING) : -1;
    }
  first_error = self->first_error;
  first_warning = self->first_warning;

  show_message (self->lead_error_box, self->lead_error_label, self->lead_error_tool,
                messages, first_error);
  show_message (self->lead_warning_box, self->lead_warning_label, self->lead_warning_tool,
                messages, first_warning);

  if (pending && !any)
    gtk_widget_set_visible (GTK_WIDGET (self->lead_none_label), FALSE);
  else if (!any && failure != NULL)
    {
      /* The full answer failed: why, here too. */
      gtk_label_set_text (self->lead_none_label, failure);
      gtk_widget_set_visible (GTK_WIDGET (self->lead_none_label), TRUE);
    }
  else if (first_error < 0 && first_warning < 0)
    {
      gtk_label_set_text (self->lead_none_label,
                          !jd_job_get_messages_included (job)
                          ? _("The server did not send this job's messages.")
                          : any
                          ? _("None of this job's messages is an error or a warning.")
                          : _("This job wrote no messages."));
      gtk_widget_set_visible (GTK_WIDGET (self->lead_none_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->lead_none_label), FALSE);

  /* To the severity the lead is about; all messages when it has none. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->lead_show_button), "s",
                                    first_error >= 0 ? "errors"
                                    : first_warning >= 0 ? "warnings"
                                    : "all");
  gtk_widget_set_visible (GTK_WIDGET (self->lead_show_button), any);
}

static void
jd_job_lead_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), JD_TYPE_JOB_LEAD);

  G_OBJECT_CLASS (jd_job_lead_parent_class)->dispose (object);
}

static void
jd_job_lead_class_init (JdJobLeadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_job_lead_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jobdesk/JobDesk/jd-job-lead.ui");
  /* a box of ours, not a "filler" read by its type name */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  gtk_widget_class_bind_template_child (widget_class, JdJobLead, lead_icon);
  gtk_widget_class_bind_template_child (widget_class, JdJobLead, lead_title);
  gtk_widget_class_bind_template_child (widget_class, JdJobLead, lead_loading_box);
  gtk_widget_class_bind_template_child (widget_class, JdJobLead, lead_error_box);
  gtk_widget_class_bind_template_child (widget_class, JdJobLead, lead_error_label);
  gtk_widget_class_bind_template_child (widget_class, JdJobLead, lead_error_tool);
  gtk_widget_class_bind_template_child (widget_class, JdJobLead, lead_warning_box);
  gtk_widget_class_bind_template_child (widget_class, JdJobLead, lead_warning_label);
  gtk_widget_class_bind_template_child (widget_class, JdJobLead, lead_warning_tool);
  gtk_widget_class_bind_template_child (widget_class, JdJobLead, lead_none_label);
  gtk_widget_class_bind_template_child (widget_class, JdJobLead, lead_show_button);
}

static void
jd_job_lead_init (JdJobLead *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->first_error = -1;
  self->first_warning = -1;
}

GtkWidget *
jd_job_lead_new (void)
{
  return g_object_new (JD_TYPE_JOB_LEAD, NULL);
}
