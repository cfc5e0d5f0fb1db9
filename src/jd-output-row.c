/* jd-output-row.c: one row of a job's output list.
 *
 * Shows the file name as the Server gave it (a Windows or UNC path, often
 * long), the formats it comes in, a copy button, and "Save Output…": a
 * menu of formats, a file chooser, then a download with a progress bar
 * and a cancel button inside the row.
 *
 * The list view rebinds and rebuilds rows (a refresh brings the same
 * outputs as new objects), so the download is a JdOutputDownload of its
 * own; a row shows the one running for its output, whoever started it.
 *
 * The name is the Server's, so it is shown with its hidden characters
 * made visible ("invoice⟨U+202E⟩slx.exe", not "invoiceexe.xls") and
 * capped (jd-display-text.h); the suggested file name drops them, and
 * "Copy File Name" copies the exact name.
 */
#define G_LOG_DOMAIN "jd-output-row"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "jd-accessible.h"
#include "jd-display-text.h"
#include "jd-output-download.h"
#include "jd-output-row.h"
#include "jd-text-dialog.h"
#include "jd-toast.h"

struct _JdOutputRow
{
  AdwBin                parent_instance;

  GtkLabel             *name_label;
  GtkLabel             *formats_label;
  GtkRevealer          *progress_revealer;
  GtkProgressBar       *progress_bar;
  GtkMenuButton        *save_button;
  GtkWidget            *copy_button;

  JdJobOutput          *output;
  char                 *job_id;
  JdClient             *client;
  GtkFileChooserNative *chooser;
  JdOutputDownload     *download;   /* the one for output, while it runs */
  gboolean              name_truncated;
};

enum {
  PROP_0,
  PROP_OUTPUT,
  PROP_JOB_ID,
  PROP_CLIENT,
  PROP_DOWNLOADING,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (JdOutputRow, jd_output_row, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

/* The formats of the legacy download endpoint (DESIGN §1). */
typedef struct
{
  const char *format;
  const char *extension;   /* NULL: keep the original one */
  const char *label;
} FormatInfo;

static const FormatInfo known_formats[] = {
  { "Raw",  NULL,   NULL },
  { "Yxdb", "yxdb", N_("Alteryx Database (.yxdb)") },
  { "Csv",  "csv",  N_("CSV (.csv)") },
  { "Xlsx", "xlsx", N_("Excel Workbook (.xlsx)") },
  { "Docx", "docx", N_("Word Document (.docx)") },
  { "Pdf",  "pdf",  N_("PDF Document (.pdf)") },
  { "Html", "html", N_("Web Page (.html)") },
  { "Zip",  "zip",  N_("ZIP Archive (.zip)") },
  { "Shp",  "shp",  N_("Shapefile (.shp)") },
  { "Kml",  "kml",  N_("KML (.kml)") },
  { "Tab",  "tab",  N_("MapInfo Table (.tab)") },
  { "Mif",  "mif",  N_("MapInfo Interchange (.mif)") },
  { "Dbf",  "dbf",  N_("dBASE Table (.dbf)") },
  { "Tde",  "tde",  N_("Tableau Data Extract (.tde)") },
};

static const FormatInfo *
find_format (const char *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_formats); i++)
    {
      if (g_ascii_strcasecmp (known_formats[i].format, format) == 0)
        return &known_formats[i];
    }

  return NULL;
}

static gboolean
is_raw (const char *format)
{
  return g_ascii_strcasecmp (format, "Raw") == 0;
}

/* The last part of a Windows, UNC or POSIX path, without the
 * "|||Sheet1"-style suffix Alteryx puts after spreadsheet names. */
static char *
dup_base_name (const char *file_name)
{
  const char *base = file_name;
  const char *bars;

  if (file_name == NULL)
    return NULL;

  for (const char *p = file_name; *p != '\0'; p++)
    {
      if (*p == '\\' || *p == '/')
        base = p + 1;
    }

  bars = strstr (base, "|||");
  return bars != NULL ? g_strndup (base, bars - base) : g_strdup (base);
}

static const char *
find_extension (const char *base_name)
{
  const char *dot = strrchr (base_name, '.');

  /* ".profile" has no extension, and "name." an empty one */
  if (dot == NULL || dot == base_name || dot[1] == '\0')
    return NULL;

  return dot + 1;
}

char *
jd_output_suggest_file_name (const char *file_name,
                             const char *format)
{
  g_autofree char *unsafe = dup_base_name (file_name);
  /* Without hidden characters, so the extension read below is the one
   * the file really has. */
  g_autofree char *base = unsafe != NULL ? jd_display_text_safe_file_name (unsafe) : NULL;
  g_autofree char *stem = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *suggestion = NULL;
  const FormatInfo *info;
  const char *extension;
  const char *original;

  g_return_val_if_fail (format != NULL, NULL);

  if (base == NULL || base[0] == '\0' || g_str_equal (base, ".") || g_str_equal (base, ".."))
    {
      g_free (base);
      /* Translators: a file name suggested for an output the Server gave no name */
      base = g_strdup (_("output"));
    }

  if (is_raw (format))
    return g_steal_pointer (&base);

  info = find_format (format);
  if (info != NULL)
    extension = info->extension;
  else
    extension = lower = g_ascii_strdown (format, -1);

  original = find_extension (base);
  stem = original != NULL ? g_strndup (base, original - 1 - base) : g_strdup (base);

  /* Again, for the length with the new extension (and a format name
   * the Server made up). */
  suggestion = g_strconcat (stem, ".", extension, NULL);
  return jd_display_text_safe_file_name (suggestion);
}

/* The words of the save menu. */
static char *
describe_format (const char *format,
                 const char *file_name)
{
  g_autofree char *base = dup_base_name (file_name);
  const FormatInfo *info;
  const char *original;

  if (is_raw (format))
    {
      original = base != NULL ? find_extension (base) : NULL;
      if (original != NULL)
        {
          /* Translators: the output as the job wrote it; %s is its extension, like xlsx */
          return g_strdup_printf (_("Original File (.%s)"), original);
        }
      return g_strdup (_("Original File"));
    }

  info = find_format (format);
  if (info != NULL)
    return g_strdup (_(info->label));

  /* A format we do not know: its name is the best we have. */
  return g_strdup (format);
}

static void
show_toast (GtkWidget  *widget,
            const char *title)
{
  jd_toast_show (widget, title);
}

/* ------------------------------------------------------------------ */
/* State                                                               */

static gboolean
can_download (JdOutputRow *self)
{
  return self->output != NULL &&
         self->client != NULL &&
         self->job_id != NULL &&
         jd_job_output_get_id (self->output) != NULL &&
         jd_job_output_get_formats (self->output)[0] != NULL;
}

static void
update_actions (JdOutputRow *self)
{
  const char *file_name = self->output != NULL ? jd_job_output_get_file_name (self->output) : NULL;
  gboolean can_save = can_download (self) && self->download == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "output.copy", file_name != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "output.show-name", self->name_truncated);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "output.save", can_save);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "output.cancel-download", self->download != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), can_save);

  if (self->download != NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button), _("Downloading…"));
  else if (self->output != NULL &&
           (jd_job_output_get_id (self->output) == NULL ||
            jd_job_output_get_formats (self->output)[0] == NULL))
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button),
                                 _("The Server offers no way to download this output"));
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button), _("Save Output…"));

  gtk_revealer_set_reveal_child (self->progress_revealer, self->download != NULL);
}

/* Built when the button is first pressed: a menu model makes GTK build
 * its popover at once, and rows appear in bulk while a job loads. */
static void
create_save_menu (GtkMenuButton *button,
                  gpointer       user_data)
{
  JdOutputRow *self = user_data;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  const char * const *formats;
  const char *file_name;

  if (self->output == NULL)
    {
      gtk_menu_button_set_menu_model (self->save_button, NULL);
      return;
    }

  formats = jd_job_output_get_formats (self->output);
  file_name = jd_job_output_get_file_name (self->output);

  for (guint i = 0; formats[i] != NULL; i++)
    {
      g_autofree char *label = describe_format (formats[i], file_name);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "output.save", "s", formats[i]);
      g_menu_append_item (section, item);
    }

  g_menu_append_section (menu, _("Save As"), G_MENU_MODEL (section));

  /* A name longer than the row shows can be read whole here. */
  if (self->name_truncated)
    {
      g_autoptr(GMenu) name_section = g_menu_new ();

      g_menu_append (name_section, _("Show Whole File Name"), "output.show-name");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (name_section));
    }

  gtk_menu_button_set_menu_model (self->save_button, G_MENU_MODEL (menu));
}

static void
update_menu (JdOutputRow *self)
{
  /* Dropping the model keeps the create-popup function: a new output
   * gets its own menu on the next press. */
  gtk_menu_button_set_menu_model (self->save_button, NULL);
  gtk_menu_button_set_create_popup_func (self->save_button, create_save_menu, self, NULL);
}

static void
update (JdOutputRow *self)
{
  const char *file_name = NULL;
  g_autofree char *formats_text = NULL;
  g_autofree char *tooltip = NULL;
  gboolean truncated = FALSE;

  if (self->output != NULL)
    {
      const char * const *formats = jd_job_output_get_formats (self->output);

      file_name = jd_job_output_get_file_name (self->output);
      if (formats[0] != NULL)
        formats_text = g_strjoinv (" · ", (char **) formats);
      else
        formats_text = g_strdup (_("No formats given"));
    }

  if (file_name != NULL && file_name[0] != '\0')
    {
      g_autofree char *shown = jd_display_text_for_line (file_name, &truncated);

      gtk_label_set_text (self->name_label, shown);
      gtk_widget_remove_css_class (GTK_WIDGET (self->name_label), "dim-label");
      /* The name is ellipsized in the middle: the tooltip has more of it
       * (all of it up to the cap; "Show Whole File Name" the rest). */
      tooltip = jd_display_text_for_tooltip (file_name, NULL);
    }
  else
    {
      gtk_label_set_text (self->name_label, _("No file name given"));
      gtk_widget_add_css_class (GTK_WIDGET (self->name_label), "dim-label");
    }

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_label), tooltip);
  self->name_truncated = truncated;
  gtk_label_set_text (self->formats_label, formats_text != NULL ? formats_text : "");

  update_menu (self);
  update_actions (self);
}

static void
update_progress (JdOutputRow *self)
{
  double fraction;

  if (self->download == NULL)
    return;

  /* Below 0 the size is unknown: show that it moves. */
  fraction = jd_output_download_get_fraction (self->download);
  if (fraction < 0.0)
    gtk_progress_bar_pulse (self->progress_bar);
  else
    gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
on_download_fraction_cb (JdOutputRow      *self,
                         GParamSpec       *pspec,
                         JdOutputDownload *download)
{
  update_progress (self);
}

static void watch_download (JdOutputRow      *self,
                            JdOutputDownload *download);

static void
on_download_running_cb (JdOutputRow      *self,
                        GParamSpec       *pspec,
                        JdOutputDownload *download)
{
  if (!jd_output_download_get_running (download))
    watch_download (self, NULL);
}

static void
watch_download (JdOutputRow      *self,
                JdOutputDownload *download)
{
  gboolean was_downloading = self->download != NULL;

  if (self->download == download)
    return;

  if (self->download != NULL)
    g_signal_handlers_disconnect_by_data (self->download, self);
  g_set_object (&self->download, download);

  if (download != NULL)
    {
      g_signal_connect_object (download, "notify::fraction",
                               G_CALLBACK (on_download_fraction_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (download, "notify::running",
                               G_CALLBACK (on_download_running_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
      update_progress (self);
    }

  update_actions (self);

  if (was_downloading != (download != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOWNLOADING]);
}

/* After a rebind, or when a download ends. */
static void
find_download (JdOutputRow *self)
{
  const char *output_id = self->output != NULL ? jd_job_output_get_id (self->output) : NULL;

  watch_download (self, jd_output_download_find (self->job_id, output_id));
}

/* ------------------------------------------------------------------ */
/* Saving                                                              */

void
jd_output_row_save_to (JdOutputRow *self,
                       const char  *format,
                       GFile       *file)
{
  GtkWidget *overlay;
  JdOutputDownload *download;

  g_return_if_fail (JD_IS_OUTPUT_ROW (self));
  g_return_if_fail (format != NULL);
  g_return_if_fail (G_IS_FILE (file));

  if (!can_download (self) || self->download != NULL)
    return;

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  download = jd_output_download_start (self->client,
                                       self->job_id,
                                       jd_job_output_get_id (self->output),
                                       format,
                                       file,
                                       overlay != NULL ? ADW_TOAST_OVERLAY (overlay) : NULL);
  watch_download (self, download);
}

static void
on_chooser_response_cb (JdOutputRow          *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  g_autofree char *format = g_strdup (g_object_get_data (G_OBJECT (chooser), "format"));
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);

  if (file != NULL)
    jd_output_row_save_to (self, format, file);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JdOutputRow *self = JD_OUTPUT_ROW (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  g_autofree char *suggestion = NULL;
  GtkRoot *root;

  if (!can_download (self) || self->download != NULL || self->chooser != NULL)
    return;

  root = gtk_widget_get_root (widget);
  suggestion = jd_output_suggest_file_name (jd_job_output_get_file_name (self->output), format);

  self->chooser = gtk_file_chooser_native_new (_("Save Output"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), suggestion);
  g_object_set_data_full (G_OBJECT (self->chooser), "format", g_strdup (format), g_free);
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
cancel_download_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  JdOutputRow *self = JD_OUTPUT_ROW (widget);

  /* The user asked, so nothing is said. */
  if (self->download != NULL)
    jd_output_download_cancel (self->download);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JdOutputRow *self = JD_OUTPUT_ROW (widget);
  const char *file_name;

  if (self->output == NULL || (file_name = jd_job_output_get_file_name (self->output)) == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), file_name);
  show_toast (widget, _("File name copied"));
}

static void
show_name_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JdOutputRow *self = JD_OUTPUT_ROW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (self->output == NULL)
    return;

  dialog = jd_text_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               _("File Name"),
                               jd_job_output_get_file_name (self->output));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
jd_output_row_dispose (GObject *object)
{
  JdOutputRow *self = (JdOutputRow *)object;

  /* The download carries on without the row: it is the user's file. */
  if (self->download != NULL)
    g_signal_handlers_disconnect_by_data (self->download, self);
  g_clear_object (&self->download);

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_OUTPUT_ROW);
  g_clear_object (&self->output);
  g_clear_object (&self->client);
  g_clear_pointer (&self->job_id, g_free);

  G_OBJECT_CLASS (jd_output_row_parent_class)->dispose (object);
}

static void
jd_output_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  JdOutputRow *self = JD_OUTPUT_ROW (object);

  switch (prop_id)
    {
    case PROP_OUTPUT:
      g_value_set_object (value, self->output);
      break;

    case PROP_JOB_ID:
      g_value_set_string (value, self->job_id);
      break;

    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_DOWNLOADING:
      g_value_set_boolean (value, self->download != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_output_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  JdOutputRow *self = JD_OUTPUT_ROW (object);

  switch (prop_id)
    {
    case PROP_OUTPUT:
      jd_output_row_set_output (self, g_value_get_object (value));
      break;

    case PROP_JOB_ID:
      jd_output_row_set_job_id (self, g_value_get_string (value));
      break;

    case PROP_CLIENT:
      jd_output_row_set_client (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_output_row_class_init (JdOutputRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_output_row_dispose;
  object_class->get_property = jd_output_row_get_property;
  object_class->set_property = jd_output_row_set_property;

  properties[PROP_OUTPUT] =
    g_param_spec_object ("output", NULL, NULL,
                         JD_TYPE_JOB_OUTPUT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* the job the output belongs to, which the download needs */
  properties[PROP_JOB_ID] =
    g_param_spec_string ("job-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         JD_TYPE_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DOWNLOADING] =
    g_param_spec_boolean ("downloading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jobdesk/JobDesk/jd-output-row.ui");
  /* a box of ours, not a "filler" read by its type name */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  gtk_widget_class_bind_template_child (widget_class, JdOutputRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, JdOutputRow, formats_label);
  gtk_widget_class_bind_template_child (widget_class, JdOutputRow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, JdOutputRow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, JdOutputRow, save_button);
  gtk_widget_class_bind_template_child (widget_class, JdOutputRow, copy_button);

  gtk_widget_class_install_action (widget_class, "output.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "output.show-name", NULL, show_name_action);
  gtk_widget_class_install_action (widget_class, "output.save", "s", save_action);
  gtk_widget_class_install_action (widget_class, "output.cancel-download", NULL, cancel_download_action);
}

static void
jd_output_row_init (JdOutputRow *self)
{
  /* The toggle button inside save_button is labelled by it: one name,
   * "Save output", for both (a label of its own would be read twice). */
  gtk_widget_init_template (GTK_WIDGET (self));
  jd_accessible_label_list_row (GTK_WIDGET (self), self->name_label, NULL);

  update (self);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

GtkWidget *
jd_output_row_new (void)
{
  return g_object_new (JD_TYPE_OUTPUT_ROW, NULL);
}

JdJobOutput *
jd_output_row_get_output (JdOutputRow *self)
{
  g_return_val_if_fail (JD_IS_OUTPUT_ROW (self), NULL);

  return self->output;
}

void
jd_output_row_set_output (JdOutputRow *self,
                          JdJobOutput *output)
{
  g_return_if_fail (JD_IS_OUTPUT_ROW (self));
  g_return_if_fail (output == NULL || JD_IS_JOB_OUTPUT (output));

  if (!g_set_object (&self->output, output))
    return;

  update (self);
  find_download (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTPUT]);
}

const char *
jd_output_row_get_job_id (JdOutputRow *self)
{
  g_return_val_if_fail (JD_IS_OUTPUT_ROW (self), NULL);

  return self->job_id;
}

void
jd_output_row_set_job_id (JdOutputRow *self,
                          const char  *job_id)
{
  g_return_if_fail (JD_IS_OUTPUT_ROW (self));

  if (g_strcmp0 (self->job_id, job_id) == 0)
    return;

  g_free (self->job_id);
  self->job_id = g_strdup (job_id);

  find_download (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOB_ID]);
}

JdClient *
jd_output_row_get_client (JdOutputRow *self)
{
  g_return_val_if_fail (JD_IS_OUTPUT_ROW (self), NULL);

  return self->client;
}

void
jd_output_row_set_client (JdOutputRow *self,
                          JdClient    *client)
{
  g_return_if_fail (JD_IS_OUTPUT_ROW (self));
  g_return_if_fail (client == NULL || JD_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

gboolean
jd_output_row_get_downloading (JdOutputRow *self)
{
  g_return_val_if_fail (JD_IS_OUTPUT_ROW (self), FALSE);

  return self->download != NULL;
}

GtkFileChooserNative *
jd_output_row_get_chooser (JdOutputRow *self)
{
  g_return_val_if_fail (JD_IS_OUTPUT_ROW (self), NULL);

  return self->chooser;
}
