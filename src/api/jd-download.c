/* jd-download.c: streams a download's body into a file.
 *
 * The steps, each asynchronous: read up to SNIFF_SIZE bytes (or the whole
 * body, if smaller) and decide whether they are the file at all; create a
 * hidden temporary file beside the destination; write what was read and
 * the rest of the body into it; close it; move it over the destination.
 * The task returns exactly once; whatever fails, the temporary file goes
 * and the destination is as it was.
 */
#define G_LOG_DOMAIN "jd-client"

#include "config.h"

#include <string.h>

#include "jd-call-wording.h"
#include "jd-client-error.h"
#include "jd-download.h"
#include "jd-json-reader.h"

/* Enough to hold any error answer, and the head of any page. */
#define SNIFF_SIZE     (64 * 1024)
#define READ_CHUNK     (256 * 1024)
#define MAX_TEMP_TRIES 3

typedef struct
{
  GInputStream          *body;
  char                  *content_type;
  goffset                expected;
  char                  *format;
  GFile                 *destination;
  GFileProgressCallback  progress;
  gpointer               progress_data;
  JdDownloadActivity     activity;
  gpointer               activity_data;

  GByteArray            *head;       /* the first bytes, until written */
  GBytes                *chunk;      /* being written */
  GFile                 *temp;
  GFileOutputStream     *output;
  guint                  temp_tries;
  goffset                received;
} Download;

static void
download_free (Download *download)
{
  g_clear_object (&download->body);
  g_free (download->content_type);
  g_free (download->format);
  g_clear_object (&download->destination);
  g_clear_pointer (&download->head, g_byte_array_unref);
  g_clear_pointer (&download->chunk, g_bytes_unref);
  g_clear_object (&download->temp);
  g_clear_object (&download->output);
  g_free (download);
}

static void read_next (GTask *task);

/* Nothing half-written stays behind: the temporary file goes, and the
 * destination was never touched. */
static void
fail (GTask  *task,
      GError *error)
{
  Download *download = g_task_get_task_data (task);

  if (download->output != NULL)
    {
      g_autoptr(GCancellable) cancelled = g_cancellable_new ();

      g_cancellable_cancel (cancelled);
      g_output_stream_close (G_OUTPUT_STREAM (download->output), cancelled, NULL);
      g_clear_object (&download->output);
    }

  if (download->temp != NULL)
    g_file_delete (download->temp, NULL, NULL);

  g_task_return_error (task, error);
  g_object_unref (task);
}

static void
fail_file (GTask        *task,
           const GError *cause)
{
  /* A cancelled write is the caller's cancel, not a full disk. */
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    fail (task, g_error_copy (cause));
  else
    fail (task, jd_call_wording_file (cause));
}

static gboolean
name_has_suffix (GFile      *file,
                 const char *suffix)
{
  g_autofree char *name = g_file_get_basename (file);
  gsize name_length = name != NULL ? strlen (name) : 0;
  gsize suffix_length = strlen (suffix);

  return name_length > suffix_length &&
         g_ascii_strcasecmp (name + name_length - suffix_length, suffix) == 0;
}

static gboolean
format_is (const char *format,
           const char *name)
{
  return format != NULL && g_ascii_strcasecmp (format, name) == 0;
}

static gboolean
type_is (const char *type,
         const char *name)
{
  return type != NULL && g_ascii_strcasecmp (type, name) == 0;
}

/* A web page, not merely XML (workflows and many outputs are XML). */
static gboolean
looks_like_web_page (const guint8 *data,
                     gsize         size)
{
  static const char * const openings[] = { "<!doctype html", "<html", "<head", "<body", NULL };
  gsize i = 0;

  /* A UTF-8 byte order mark, then white space. */
  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < size && g_ascii_isspace (data[i]))
    i++;

  for (guint k = 0; openings[k] != NULL; k++)
    {
      gsize length = strlen (openings[k]);

      if (size - i >= length && g_ascii_strncasecmp ((const char *) data + i, openings[k], length) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Decides from the first bytes whether they are the file at all. whole:
 * they are the whole body. */
static GError *
check_head (Download *download,
            gboolean  whole)
{
  const guint8 *data = download->head->data;
  gsize size = download->head->len;
  const char *type = download->content_type;
  gboolean wants_html = format_is (download->format, "Html") || format_is (download->format, "Htm") ||
                        name_has_suffix (download->destination, ".html") ||
                        name_has_suffix (download->destination, ".htm");
  gboolean wants_json = format_is (download->format, "Json") ||
                        name_has_suffix (download->destination, ".json");

  if (!wants_html &&
      (type_is (type, "text/html") || type_is (type, "application/xhtml+xml") ||
       looks_like_web_page (data, size)))
    return jd_call_wording_download_web_page ();

  /* {"message": "Output not found"} with 200: small, whole, and it says
   * why. A file of another format cannot be that. */
  if (!wants_json && whole && size > 0)
    {
      gsize i = 0;

      while (i < size && g_ascii_isspace (data[i]))
        i++;

      if (i < size && data[i] == '{')
        {
          g_autoptr(GBytes) bytes = g_bytes_new (data, size);
          g_autofree char *said = jd_json_read_error_message (bytes);

          if (said != NULL)
            return jd_call_wording_download_json_error (said);
          if (type != NULL && g_str_has_suffix (type, "json"))
            return jd_call_wording_download_json_error (NULL);
        }
    }

  return NULL;
}

static void
on_moved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_move_finish (G_FILE (source), result, &error))
    {
      fail_file (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
on_closed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  Download *download = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!g_output_stream_close_finish (G_OUTPUT_STREAM (source), result, &error))
    {
      g_clear_object (&download->output);
      fail_file (task, error);
      return;
    }

  g_clear_object (&download->output);
  g_file_move_async (download->temp, download->destination,
                     G_FILE_COPY_OVERWRITE | G_FILE_COPY_NOFOLLOW_SYMLINKS,
                     G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                     NULL, NULL, on_moved_cb, task);
}

static void
on_written_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  Download *download = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&download->chunk, g_bytes_unref);

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL, &error))
    {
      fail_file (task, error);
      return;
    }

  if (download->progress != NULL)
    download->progress (download->received, download->expected, download->progress_data);

  read_next (task);
}

static void
write_chunk (GTask  *task,
             GBytes *bytes)
{
  Download *download = g_task_get_task_data (task);

  /* write_all_async does not keep the buffer alive. */
  g_clear_pointer (&download->chunk, g_bytes_unref);
  download->chunk = g_bytes_ref (bytes);
  g_output_stream_write_all_async (G_OUTPUT_STREAM (download->output),
                                   g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                                   on_written_cb, task);
}

static void
on_read_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  Download *download = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (bytes == NULL)
    {
      fail (task, g_steal_pointer (&error));
      return;
    }

  if (g_bytes_get_size (bytes) == 0)
    {
      if (download->expected >= 0 && download->received < download->expected)
        {
          fail (task, jd_call_wording_download_cut_off ());
          return;
        }

      g_output_stream_close_async (G_OUTPUT_STREAM (download->output), G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task), on_closed_cb, task);
      return;
    }

  /* A download may take long; what must not happen is silence. */
  if (download->activity != NULL)
    download->activity (download->activity_data);
  download->received += g_bytes_get_size (bytes);
  write_chunk (task, bytes);
}

static void
read_next (GTask *task)
{
  Download *download = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (download->body, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task), on_read_cb, task);
}

static void create_temp (GTask *task);

static void
on_temp_created_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GTask *task = user_data;
  Download *download = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) head = NULL;

  download->output = g_file_create_finish (G_FILE (source), result, &error);
  if (download->output == NULL)
    {
      /* Not ours to delete. */
      g_clear_object (&download->temp);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS) && download->temp_tries < MAX_TEMP_TRIES)
        create_temp (task);
      else
        fail_file (task, error);
      return;
    }

  head = g_byte_array_free_to_bytes (g_steal_pointer (&download->head));
  if (g_bytes_get_size (head) == 0)
    {
      read_next (task);
      return;
    }

  write_chunk (task, head);
}

/* ".name.1a2b3c4d.part" beside the destination: the same file system, so
 * that the last step is a rename, and hidden from the file chooser. */
static void
create_temp (GTask *task)
{
  Download *download = g_task_get_task_data (task);
  g_autoptr(GFile) parent = g_file_get_parent (download->destination);
  g_autofree char *name = g_file_get_basename (download->destination);
  g_autofree char *temp_name = NULL;

  if (parent == NULL || name == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME, "no parent folder");

      fail_file (task, error);
      return;
    }

  /* Leave room for the decoration within a file system's 255 bytes. */
  if (strlen (name) > 200)
    name[200] = '\0';

  download->temp_tries++;
  temp_name = g_strdup_printf (".%s.%08x.part", name, g_random_int ());
  download->temp = g_file_get_child (parent, temp_name);
  g_file_create_async (download->temp, G_FILE_CREATE_NONE, G_PRIORITY_DEFAULT,
                       g_task_get_cancellable (task), on_temp_created_cb, task);
}

static void sniff_next (GTask *task);

static void
on_sniffed_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  Download *download = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GError *refusal;
  gsize size;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (bytes == NULL)
    {
      fail (task, g_steal_pointer (&error));
      return;
    }

  size = g_bytes_get_size (bytes);
  g_byte_array_append (download->head, g_bytes_get_data (bytes, NULL), size);
  download->received += size;
  if (size > 0 && download->activity != NULL)
    download->activity (download->activity_data);

  if (size > 0 && download->head->len < SNIFF_SIZE)
    {
      sniff_next (task);
      return;
    }

  refusal = check_head (download, size == 0);
  if (refusal != NULL)
    {
      fail (task, refusal);
      return;
    }

  /* A short body ends here; the cut-off check comes after writing. */
  create_temp (task);
}

static void
sniff_next (GTask *task)
{
  Download *download = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (download->body, SNIFF_SIZE - download->head->len, G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task), on_sniffed_cb, task);
}

void
jd_download_start (const JdDownloadSpec *spec,
                   GCancellable         *cancellable,
                   GAsyncReadyCallback   callback,
                   gpointer              user_data)
{
  Download *download = g_new0 (Download, 1);
  GTask *task;

  g_return_if_fail (G_IS_INPUT_STREAM (spec->body));
  g_return_if_fail (G_IS_FILE (spec->destination));

  download->body = g_object_ref (spec->body);
  download->content_type = g_strdup (spec->content_type);
  download->expected = spec->expected > 0 ? spec->expected : -1;
  download->format = g_strdup (spec->format);
  download->destination = g_object_ref (spec->destination);
  download->progress = spec->progress;
  download->progress_data = spec->progress_data;
  download->activity = spec->activity;
  download->activity_data = spec->activity_data;
  download->head = g_byte_array_sized_new (SNIFF_SIZE);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, jd_download_start);
  /* The caller words cancellation itself. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, download, (GDestroyNotify) download_free);

  sniff_next (task);
}

gboolean
jd_download_finish (GAsyncResult  *result,
                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
