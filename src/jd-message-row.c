/* jd-message-row.c: one row of a job's message list.
 *
 * The list view recycles a few dozen of these for thousands of messages,
 * so a row is cheap: an icon, three labels and a copy button, filled in
 * when the row is bound to a message. GTK 4.8's list view keeps up to
 * 200 rows, so what a row costs counts: it is a grid (see the .ui), and
 * its tooltips are made when asked for.
 *
 * A row never lays out more than JD_DISPLAY_TEXT_MAX_CHARS of a message
 * (a 60,000-character word froze the window for seconds, 200 of them
 * for minutes), with hidden characters shown as symbols; "Show Whole
 * Message" opens all of it in a JdTextDialog, and "Copy" copies it
 * exactly.
 */
#define G_LOG_DOMAIN "jd-message-row"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-accessible.h"
#include "jd-display-text.h"
#include "jd-message-filter-model.h"
#include "jd-message-row.h"
#include "jd-text-dialog.h"
#include "jd-toast.h"

/* The engine's message codes with a meaning worth a word (DESIGN §1). */
#define CODE_INFO                  1
#define CODE_FIELD_CONVERSION      5
#define CODE_CONVERSION_LIMIT      6
#define CODE_FILE_INPUT            8
#define CODE_FILE_OUTPUT           9
#define CODE_LOW_DISK             20
#define CODE_SAFE_MODE            21

struct _JdMessageRow
{
  AdwBin        parent_instance;

  GtkImage     *severity_icon;
  GtkLabel     *tool_label;
  GtkLabel     *text_label;
  GtkLabel     *code_label;
  GtkWidget    *whole_button;

  JdJobMessage *message;
};

enum {
  PROP_0,
  PROP_MESSAGE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (JdMessageRow, jd_message_row, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

static void
show_toast (GtkWidget  *widget,
            const char *title)
{
  jd_toast_show (widget, title);
}

/* A caption for codes that say more than the severity does; NULL for the
 * plain ones. */
static char *
describe_code (guint             code,
               JdMessageSeverity severity)
{
  switch (code)
    {
    case CODE_FIELD_CONVERSION:
      return g_strdup (_("Field conversion error"));
    case CODE_CONVERSION_LIMIT:
      return g_strdup (_("Conversion error limit reached"));
    case CODE_FILE_INPUT:
      return g_strdup (_("File read"));
    case CODE_FILE_OUTPUT:
      return g_strdup (_("File written"));
    case CODE_LOW_DISK:
      return g_strdup (_("Low disk space"));
    case CODE_SAFE_MODE:
      return g_strdup (_("Safe mode"));
    default:
      break;
    }

  /* Information comes in many codes; show the unusual ones as they are. */
  if (severity == JD_MESSAGE_SEVERITY_INFO && code != CODE_INFO)
    {
      /* Translators: the engine's message code, a number */
      return g_strdup_printf (_("Code %u"), code);
    }

  return NULL;
}

static const char *
describe_severity (JdMessageSeverity severity)
{
  switch (severity)
    {
    case JD_MESSAGE_SEVERITY_ERROR:
      return _("Error");
    case JD_MESSAGE_SEVERITY_WARNING:
      return _("Warning");
    case JD_MESSAGE_SEVERITY_FILE:
      return _("File");
    case JD_MESSAGE_SEVERITY_INFO:
    default:
      return _("Information");
    }
}

static void
update (JdMessageRow *self)
{
  static const char *const severity_classes[] = { "error", "warning", "accent", "dim-label" };
  JdMessageSeverity severity = JD_MESSAGE_SEVERITY_INFO;
  const char *icon_name;
  const char *text = NULL;
  g_autofree char *tool = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *shown = NULL;
  gboolean truncated = FALSE;
  guint code = 0;

  if (self->message != NULL)
    {
      severity = jd_job_message_get_severity (self->message);
      code = jd_job_message_get_code (self->message) & ~JD_JOB_MESSAGE_TRANSIENT_FLAG;
      text = jd_job_message_get_text (self->message);
      tool = jd_message_dup_tool_label (jd_job_message_get_tool_id (self->message));
      caption = describe_code (code, severity);
    }

  switch (severity)
    {
    case JD_MESSAGE_SEVERITY_ERROR:
      icon_name = "dialog-error-symbolic";
      break;
    case JD_MESSAGE_SEVERITY_WARNING:
      icon_name = "dialog-warning-symbolic";
      break;
    case JD_MESSAGE_SEVERITY_FILE:
      icon_name = code == CODE_FILE_OUTPUT ? "document-save-symbolic" : "document-open-symbolic";
      break;
    case JD_MESSAGE_SEVERITY_INFO:
    default:
      icon_name = "dialog-information-symbolic";
      break;
    }

  gtk_image_set_from_icon_name (self->severity_icon, icon_name);
  for (guint i = 0; i < G_N_ELEMENTS (severity_classes); i++)
    {
      if (i == severity)
        gtk_widget_add_css_class (GTK_WIDGET (self->severity_icon), severity_classes[i]);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->severity_icon), severity_classes[i]);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->severity_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, describe_severity (severity),
                                  -1);

  gtk_label_set_text (self->tool_label, tool != NULL ? tool : "");

  if (text != NULL && text[0] != '\0')
    {
      shown = jd_display_text_for_label (text, &truncated);
      gtk_label_set_text (self->text_label, shown);
      gtk_widget_remove_css_class (GTK_WIDGET (self->text_label), "dim-label");
    }
  else
    {
      gtk_label_set_text (self->text_label, _("No text given"));
      gtk_widget_add_css_class (GTK_WIDGET (self->text_label), "dim-label");
    }
  gtk_widget_set_visible (self->whole_button, truncated);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "message.show-whole", truncated);

  gtk_label_set_text (self->code_label, caption != NULL ? caption : "");
  gtk_widget_set_visible (GTK_WIDGET (self->code_label), caption != NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "message.copy",
                                 text != NULL && text[0] != '\0');
}

/* gtk_widget_set_tooltip_text () asks the display where the pointer is,
 * a round trip to the X server for every row bound; a tooltip made when
 * it is about to show costs nothing until then. */
static gboolean
on_query_tooltip_cb (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard_mode,
                     GtkTooltip *tooltip,
                     gpointer    user_data)
{
  JdMessageRow *self = user_data;

  if (widget == GTK_WIDGET (self->severity_icon))
    gtk_tooltip_set_text (tooltip,
                          describe_severity (self->message != NULL
                                             ? jd_job_message_get_severity (self->message)
                                             : JD_MESSAGE_SEVERITY_INFO));
  else
    gtk_tooltip_set_text (tooltip, _("Copy Message"));

  return TRUE;
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JdMessageRow *self = JD_MESSAGE_ROW (widget);
  const char *text;

  if (self->message == NULL)
    return;

  text = jd_job_message_get_text (self->message);
  if (text == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  show_toast (widget, _("Message copied"));
}

static void
show_whole_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  JdMessageRow *self = JD_MESSAGE_ROW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (self->message == NULL)
    return;

  /* The window keeps its own copy of the text: the row may be bound to
   * another message while it is open. */
  dialog = jd_text_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               _("Message"),
                               jd_job_message_get_text (self->message));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
jd_message_row_dispose (GObject *object)
{
  JdMessageRow *self = (JdMessageRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_MESSAGE_ROW);
  g_clear_object (&self->message);

  G_OBJECT_CLASS (jd_message_row_parent_class)->dispose (object);
}

static void
jd_message_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JdMessageRow *self = JD_MESSAGE_ROW (object);

  switch (prop_id)
    {
    case PROP_MESSAGE:
      g_value_set_object (value, self->message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_message_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  JdMessageRow *self = JD_MESSAGE_ROW (object);

  switch (prop_id)
    {
    case PROP_MESSAGE:
      jd_message_row_set_message (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_message_row_class_init (JdMessageRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_message_row_dispose;
  object_class->get_property = jd_message_row_get_property;
  object_class->set_property = jd_message_row_set_property;

  properties[PROP_MESSAGE] =
    g_param_spec_object ("message", NULL, NULL,
                         JD_TYPE_JOB_MESSAGE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jobdesk/JobDesk/jd-message-row.ui");
  /* a box of ours, not a "filler" read by its type name */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  gtk_widget_class_bind_template_child (widget_class, JdMessageRow, severity_icon);
  gtk_widget_class_bind_template_child (widget_class, JdMessageRow, tool_label);
  gtk_widget_class_bind_template_child (widget_class, JdMessageRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, JdMessageRow, code_label);
  gtk_widget_class_bind_template_child (widget_class, JdMessageRow, whole_button);
  gtk_widget_class_bind_template_callback (widget_class, on_query_tooltip_cb);

  gtk_widget_class_install_action (widget_class, "message.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "message.show-whole", NULL, show_whole_action);
}

static void
jd_message_row_init (JdMessageRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  jd_accessible_label_list_row (GTK_WIDGET (self), self->severity_icon, self->tool_label, self->text_label, NULL);
  update (self);
}

GtkWidget *
jd_message_row_new (void)
{
  return g_object_new (JD_TYPE_MESSAGE_ROW, NULL);
}

JdJobMessage *
jd_message_row_get_message (JdMessageRow *self)
{
  g_return_val_if_fail (JD_IS_MESSAGE_ROW (self), NULL);

  return self->message;
}

void
jd_message_row_set_message (JdMessageRow *self,
                            JdJobMessage *message)
{
  g_return_if_fail (JD_IS_MESSAGE_ROW (self));
  g_return_if_fail (message == NULL || JD_IS_JOB_MESSAGE (message));

  if (!g_set_object (&self->message, message))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}
