/* jd-output-download.c: one output being saved to a file.
 *
 * Rows of the output list come and go (a refresh or another lookup
 * rebuilds them), so the download is not a row's: it holds itself in a
 * table of running downloads until it ends, and a row that shows the same
 * output finds it there again. The toast that says how it ended goes to
 * the window it started in; closing that window cancels it.
 */
#define G_LOG_DOMAIN "jd-output-download"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-error-text.h"
#include "jd-display-text.h"
#include "jd-output-download.h"
#include "jd-toast.h"

struct _JdOutputDownload
{
  GObject       parent_instance;

  JdClient     *client;
  char         *job_id;
  char         *output_id;
  char         *format;
  GFile        *file;
  GWeakRef      toast_overlay;
  GCancellable *cancellable;
  double        fraction;
  gboolean      running;
};

enum {
  PROP_0,
  PROP_FRACTION,
  PROP_RUNNING,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (JdOutputDownload, jd_output_download, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

/* "job-id/output-id" -> the running JdOutputDownload (a reference) */
static GHashTable *running_downloads;

static char *
make_key (const char *job_id,
          const char *output_id)
{
  return g_strconcat (job_id, "/", output_id, NULL);
}

static void
show_toast (JdOutputDownload *self,
            const char       *title)
{
  g_autoptr(AdwToastOverlay) overlay = g_weak_ref_get (&self->toast_overlay);

  if (overlay != NULL)
    jd_toast_show_in (overlay, title);
}

typedef struct
{
  GWeakRef  overlay;
  char     *heading;
  GError   *error;
} Failure;

static void
failure_free (gpointer  data,
              GClosure *closure)
{
  Failure *failure = data;

  g_weak_ref_clear (&failure->overlay);
  g_free (failure->heading);
  g_error_free (failure->error);
  g_free (failure);
}

/* The whole sentence, and what the library said, in a dialog: a toast
 * holds one short line. */
static void
on_failure_details_cb (AdwToast *toast,
                       Failure  *failure)
{
  g_autoptr(GtkWidget) overlay = g_weak_ref_get (&failure->overlay);
  GtkRoot *root = overlay != NULL ? gtk_widget_get_root (overlay) : NULL;
  GtkWidget *dialog;
  GtkWidget *details;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   failure->heading, failure->error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  details = jd_error_details_new (failure->error);
  if (details != NULL)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), details);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "“out.csv” was not saved", with the why one click away. */
static void
show_failure (JdOutputDownload *self,
              const char       *display_name,
              const GError     *error)
{
  g_autoptr(AdwToastOverlay) overlay = g_weak_ref_get (&self->toast_overlay);
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  Failure *failure;
  AdwToast *toast;

  if (overlay == NULL)
    return;

  /* Translators: %s is the name of the file that was to be written */
  title = g_strdup_printf (_("“%s” was not saved"), display_name);
  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("Details"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);

  failure = g_new0 (Failure, 1);
  g_weak_ref_init (&failure->overlay, overlay);
  failure->heading = g_strdup_printf (_("“%s” Was Not Saved"), display_name);
  failure->error = g_error_copy (error);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_failure_details_cb),
                         failure, failure_free, 0);
  adw_toast_overlay_add_toast (overlay, toast);
}

/* Ends the download for everyone watching; it may still be in flight
 * (cancelled), and its callback then finds it no longer running. */
static void
finish (JdOutputDownload *self)
{
  g_autoptr(JdOutputDownload) hold = g_object_ref (self);
  g_autoptr(AdwToastOverlay) overlay = g_weak_ref_get (&self->toast_overlay);
  g_autofree char *key = NULL;

  if (!self->running)
    return;

  self->running = FALSE;

  if (overlay != NULL)
    g_signal_handlers_disconnect_by_data (overlay, self);
  g_weak_ref_set (&self->toast_overlay, NULL);

  key = make_key (self->job_id, self->output_id);
  if (running_downloads != NULL && g_hash_table_lookup (running_downloads, key) == self)
    g_hash_table_remove (running_downloads, key);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
on_progress_cb (goffset  current_num_bytes,
                goffset  total_num_bytes,
                gpointer user_data)
{
  JdOutputDownload *self = user_data;

  if (!self->running)
    return;

  /* Without a Content-Length the size is unknown. */
  if (total_num_bytes > 0)
    self->fraction = CLAMP ((double) current_num_bytes / (double) total_num_bytes, 0.0, 1.0);
  else
    self->fraction = -1.0;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

static void
on_download_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(JdOutputDownload) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *base_name = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *title = NULL;

  jd_client_download_output_finish (JD_CLIENT (source), result, &error);

  /* Cancelled: the user asked, or the window closed. Say nothing. */
  if (jd_client_error_is_cancelled (error) || !self->running)
    {
      finish (self);
      return;
    }

  base_name = g_file_get_basename (self->file);
  {
    g_autofree char *name = g_filename_display_name (base_name);

    /* a name typed or kept in the file chooser may still be long or hold
     * hidden characters: the toast shows it capped and visible */
    display_name = jd_display_text_for_line (name, NULL);
  }

  if (error != NULL)
    show_failure (self, display_name, error);
  else
    {
      /* Translators: %s is the name of the file that was written */
      title = g_strdup_printf (_("Saved “%s”"), display_name);
      show_toast (self, title);
    }

  finish (self);
}

static void
on_toast_overlay_destroy_cb (JdOutputDownload *self)
{
  jd_output_download_cancel (self);
}

static void
jd_output_download_finalize (GObject *object)
{
  JdOutputDownload *self = (JdOutputDownload *)object;

  g_weak_ref_clear (&self->toast_overlay);
  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  g_clear_pointer (&self->job_id, g_free);
  g_clear_pointer (&self->output_id, g_free);
  g_clear_pointer (&self->format, g_free);

  G_OBJECT_CLASS (jd_output_download_parent_class)->finalize (object);
}

static void
jd_output_download_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  JdOutputDownload *self = JD_OUTPUT_DOWNLOAD (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_output_download_class_init (JdOutputDownloadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jd_output_download_finalize;
  object_class->get_property = jd_output_download_get_property;

  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL,
                         -1.0, 1.0, 0.0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jd_output_download_init (JdOutputDownload *self)
{
  g_weak_ref_init (&self->toast_overlay, NULL);
}

/**
 * jd_output_download_start:
 * @client: the client of the Server the job ran on
 * @job_id: the job
 * @output_id: the output
 * @format: one of the output's formats
 * @file: where to write it (replaced)
 * @toast_overlay: (nullable): where to say how it ended
 *
 * Starts the download, or returns the one already running for this
 * output.
 *
 * Returns: (transfer none): the running download
 */
JdOutputDownload *
jd_output_download_start (JdClient        *client,
                          const char      *job_id,
                          const char      *output_id,
                          const char      *format,
                          GFile           *file,
                          AdwToastOverlay *toast_overlay)
{
  JdOutputDownload *self;
  char *key;

  g_return_val_if_fail (JD_IS_CLIENT (client), NULL);
  g_return_val_if_fail (job_id != NULL, NULL);
  g_return_val_if_fail (output_id != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (toast_overlay == NULL || ADW_IS_TOAST_OVERLAY (toast_overlay), NULL);

  self = jd_output_download_find (job_id, output_id);
  if (self != NULL)
    return self;

  if (running_downloads == NULL)
    running_downloads = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  self = g_object_new (JD_TYPE_OUTPUT_DOWNLOAD, NULL);
  self->client = g_object_ref (client);
  self->job_id = g_strdup (job_id);
  self->output_id = g_strdup (output_id);
  self->format = g_strdup (format);
  self->file = g_object_ref (file);
  self->cancellable = g_cancellable_new ();
  self->running = TRUE;

  key = make_key (job_id, output_id);
  g_hash_table_insert (running_downloads, key, self);

  if (toast_overlay != NULL)
    {
      g_weak_ref_set (&self->toast_overlay, toast_overlay);
      g_signal_connect_object (toast_overlay, "destroy",
                               G_CALLBACK (on_toast_overlay_destroy_cb), self,
                               G_CONNECT_SWAPPED);
    }

  jd_client_download_output_async (client, job_id, output_id, format, file,
                                   on_progress_cb, self,
                                   self->cancellable,
                                   on_download_cb, g_object_ref (self));

  return self;
}

JdOutputDownload *
jd_output_download_find (const char *job_id,
                         const char *output_id)
{
  g_autofree char *key = NULL;

  if (running_downloads == NULL || job_id == NULL || output_id == NULL)
    return NULL;

  key = make_key (job_id, output_id);
  return g_hash_table_lookup (running_downloads, key);
}

const char *
jd_output_download_get_job_id (JdOutputDownload *self)
{
  g_return_val_if_fail (JD_IS_OUTPUT_DOWNLOAD (self), NULL);

  return self->job_id;
}

const char *
jd_output_download_get_output_id (JdOutputDownload *self)
{
  g_return_val_if_fail (JD_IS_OUTPUT_DOWNLOAD (self), NULL);

  return self->output_id;
}

GFile *
jd_output_download_get_file (JdOutputDownload *self)
{
  g_return_val_if_fail (JD_IS_OUTPUT_DOWNLOAD (self), NULL);

  return self->file;
}

double
jd_output_download_get_fraction (JdOutputDownload *self)
{
  g_return_val_if_fail (JD_IS_OUTPUT_DOWNLOAD (self), 0.0);

  return self->fraction;
}

gboolean
jd_output_download_get_running (JdOutputDownload *self)
{
  g_return_val_if_fail (JD_IS_OUTPUT_DOWNLOAD (self), FALSE);

  return self->running;
}

void
jd_output_download_cancel (JdOutputDownload *self)
{
  g_return_if_fail (JD_IS_OUTPUT_DOWNLOAD (self));

  if (!self->running)
    return;

  g_cancellable_cancel (self->cancellable);
  finish (self);
}
