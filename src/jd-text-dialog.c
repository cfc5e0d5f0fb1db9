/* jd-text-dialog.c: the whole of a text too long for a row.
 *
 * A row shows the first JD_DISPLAY_TEXT_MAX_CHARS characters of a
 * message; "Show Whole Message" opens this window with all of it in a
 * read-only GtkTextView, which lays out only the lines it shows. Hidden
 * characters are shown as symbols here too (jd-display-text.h), so what
 * the user reads is what the text holds; "Copy" copies the exact text.
 * Long words get places to break, as in the rows: Pango breaks a word
 * wider than the view at a cost that grows with the square of its
 * length (11 s for one of 60,000 characters).
 */
#define G_LOG_DOMAIN "jd-text-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-display-text.h"
#include "jd-text-dialog.h"

struct _JdTextDialog
{
  AdwWindow        parent_instance;

  AdwWindowTitle  *window_title;
  AdwToastOverlay *toast_overlay;
  GtkTextView     *text_view;

  char            *text;
};

G_DEFINE_FINAL_TYPE (JdTextDialog, jd_text_dialog, ADW_TYPE_WINDOW)

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JdTextDialog *self = JD_TEXT_DIALOG (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->text != NULL ? self->text : "");
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Copied")));
}

/* The view holds the breaks jd_display_text_prepare () put into long
 * words; a selection is copied without them. */
static void
on_copy_clipboard_cb (GtkTextView  *view,
                      JdTextDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *selected = NULL;
  g_auto(GStrv) pieces = NULL;
  g_autofree char *joined = NULL;

  g_signal_stop_emission_by_name (view, "copy-clipboard");

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return;

  selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  pieces = g_strsplit (selected, "\xe2\x80\x8b", -1);
  joined = g_strjoinv (NULL, pieces);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (view)), joined);
}

static void
jd_text_dialog_finalize (GObject *object)
{
  JdTextDialog *self = (JdTextDialog *)object;

  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (jd_text_dialog_parent_class)->finalize (object);
}

static void
jd_text_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), JD_TYPE_TEXT_DIALOG);

  G_OBJECT_CLASS (jd_text_dialog_parent_class)->dispose (object);
}

static void
jd_text_dialog_class_init (JdTextDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_text_dialog_dispose;
  object_class->finalize = jd_text_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jobdesk/JobDesk/jd-text-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JdTextDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, JdTextDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JdTextDialog, text_view);

  gtk_widget_class_install_action (widget_class, "text-dialog.copy", NULL, copy_action);
}

static void
jd_text_dialog_init (JdTextDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->text_view, "copy-clipboard",
                           G_CALLBACK (on_copy_clipboard_cb), self, 0);
}

GtkWidget *
jd_text_dialog_new (GtkWindow  *parent,
                    const char *title,
                    const char *text)
{
  JdTextDialog *self;
  g_autofree char *shown = NULL;
  g_autofree char *subtitle = NULL;
  glong n_chars;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (JD_TYPE_TEXT_DIALOG,
                       "transient-for", parent,
                       "title", title,
                       NULL);
  self->text = g_strdup (text != NULL ? text : "");

  shown = jd_display_text_prepare (self->text, G_MAXSIZE,
                                   JD_DISPLAY_TEXT_MULTI_LINE | JD_DISPLAY_TEXT_BREAK_RUNS, NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), shown, -1);

  n_chars = g_utf8_strlen (self->text, -1);
  /* Translators: how long the text in the window is */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%ld character", "%ld characters", n_chars),
                              n_chars);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  return GTK_WIDGET (self);
}

const char *
jd_text_dialog_get_text (JdTextDialog *self)
{
  g_return_val_if_fail (JD_IS_TEXT_DIALOG (self), NULL);

  return self->text;
}
