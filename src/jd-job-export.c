/* jd-job-export.c: a job in forms other programs read.
 *
 * The Server's JSON, re-indented; the messages as CSV for a spreadsheet;
 * a curl command that repeats the lookup. The first two can be large (a
 * job with 100,000 messages is about 11 MB), so they run on a worker
 * thread and the window stays responsive.
 */
#define G_LOG_DOMAIN "jd-job-export"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "jd-job-export.h"
#include "jd-job-message.h"
#include "jd-message-list.h"

/* Bytes gathered before each write to the file. */
#define CSV_CHUNK (64 * 1024)

/* ------------------------------------------------------------------ */
/* JSON                                                                */

/* The messages as the Server writes them. Reads the list's plain arrays
 * only, which is safe on a worker thread: a JdMessageList does not change
 * once built. */
static JsonNode *
messages_to_json (JdMessageList *messages)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (messages));
  JsonArray *array = json_array_sized_new (n);
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *message = json_object_new ();
      gint32 tool_id = jd_message_list_get_tool_id (messages, i);

      json_object_set_int_member (message, "status", jd_message_list_get_code (messages, i));
      json_object_set_string_member (message, "text", jd_message_list_get_text (messages, i));
      if (tool_id != JD_JOB_MESSAGE_NO_TOOL)
        json_object_set_int_member (message, "toolId", tool_id);
      json_array_add_object_element (array, message);
    }

  json_node_take_array (node, array);
  return node;
}

char *
jd_job_export_pretty_json (GBytes      *json,
                           GListModel  *messages,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(GError) parse_error = NULL;
  gsize size = 0;
  const char *data;

  g_return_val_if_fail (json != NULL, NULL);

  g_return_val_if_fail (messages == NULL || JD_IS_MESSAGE_LIST (messages), NULL);

  /* Immutable nodes are cheaper; only a new "messages" needs to write. */
  parser = messages != NULL ? json_parser_new () : json_parser_new_immutable ();
  data = g_bytes_get_data (json, &size);
  if (!json_parser_load_from_data (parser, data, size, &parse_error) ||
      json_parser_get_root (parser) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The server’s answer for this job is not valid JSON, so it cannot be copied as JSON."));
      return NULL;
    }

  if (messages != NULL && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    json_object_set_member (json_node_get_object (json_parser_get_root (parser)), "messages",
                            messages_to_json (JD_MESSAGE_LIST (messages)));

  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_indent_char (generator, ' ');
  json_generator_set_root (generator, json_parser_get_root (parser));

  return json_generator_to_data (generator, NULL);
}

typedef struct
{
  GBytes     *json;
  GListModel *messages;
} PrettyJson;

static void
pretty_json_free (PrettyJson *pretty)
{
  g_bytes_unref (pretty->json);
  g_clear_object (&pretty->messages);
  g_free (pretty);
}

static void
pretty_json_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  PrettyJson *pretty = task_data;
  GError *error = NULL;
  char *text;

  text = jd_job_export_pretty_json (pretty->json, pretty->messages, &error);
  if (text == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, text, g_free);
}

void
jd_job_export_pretty_json_async (GBytes              *json,
                                 GListModel          *messages,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PrettyJson *pretty;

  g_return_if_fail (json != NULL);
  g_return_if_fail (messages == NULL || JD_IS_MESSAGE_LIST (messages));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, jd_job_export_pretty_json_async);
  /* References, not copies: the job keeps both alive anyway. */
  pretty = g_new0 (PrettyJson, 1);
  pretty->json = g_bytes_ref (json);
  pretty->messages = messages != NULL ? g_object_ref (messages) : NULL;
  g_task_set_task_data (task, pretty, (GDestroyNotify) pretty_json_free);
  g_task_run_in_thread (task, pretty_json_thread);
}

char *
jd_job_export_pretty_json_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* CSV                                                                 */

char *
jd_job_export_csv_field (const char *text)
{
  GString *field;

  if (text == NULL)
    return g_strdup ("");

  /* RFC 4180: quote a field that holds a separator, a quote or a line
   * break, and double the quotes inside. */
  if (strpbrk (text, ",\"\r\n") == NULL)
    return g_strdup (text);

  field = g_string_sized_new (strlen (text) + 2);
  g_string_append_c (field, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (field, '"');
      g_string_append_c (field, *p);
    }
  g_string_append_c (field, '"');

  return g_string_free (field, FALSE);
}

char *
jd_job_export_suggest_csv_name (const char *job_id)
{
  g_return_val_if_fail (job_id != NULL, NULL);

  /* Translators: the file name suggested for a job's messages; %s is
   * the job ID. Keep ".csv". */
  return g_strdup_printf (_("job-%s-messages.csv"), job_id);
}

static const char *
severity_word (JdMessageSeverity severity)
{
  switch (severity)
    {
    case JD_MESSAGE_SEVERITY_ERROR:
      return C_("message severity in a CSV file", "Error");
    case JD_MESSAGE_SEVERITY_WARNING:
      return C_("message severity in a CSV file", "Warning");
    case JD_MESSAGE_SEVERITY_FILE:
      return C_("message severity in a CSV file", "File");
    case JD_MESSAGE_SEVERITY_INFO:
    default:
      return C_("message severity in a CSV file", "Info");
    }
}

static void
append_field (GString    *line,
              const char *text)
{
  g_autofree char *field = jd_job_export_csv_field (text);

  g_string_append (line, field);
}

/* A message is the Server's text, written by whatever a workflow does;
 * a spreadsheet would run one that starts like a formula ("=HYPERLINK…").
 * A leading apostrophe keeps it text, as OWASP advises for CSV files. */
static void
append_message_text (GString    *line,
                     const char *text)
{
  g_autofree char *guarded = NULL;

  if (text != NULL && text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL)
    text = guarded = g_strconcat ("'", text, NULL);

  append_field (line, text);
}

static void
append_row (GString           *csv,
            JdMessageSeverity  severity,
            guint              code,
            gint32             tool_id,
            const char        *text)
{
  g_string_append (csv, severity_word (severity));
  g_string_append_printf (csv, ",%u,", code & ~JD_JOB_MESSAGE_TRANSIENT_FLAG);
  /* The engine is tool -1; a message without a tool leaves the cell empty. */
  if (tool_id != JD_JOB_MESSAGE_NO_TOOL)
    g_string_append_printf (csv, "%d", tool_id);
  g_string_append_c (csv, ',');
  append_message_text (csv, text);
  g_string_append (csv, "\r\n");
}

static gboolean
flush_csv (GOutputStream  *out,
           GString        *csv,
           GCancellable   *cancellable,
           GError        **error)
{
  if (csv->len == 0)
    return TRUE;

  if (!g_output_stream_write_all (out, csv->str, csv->len, NULL, cancellable, error))
    return FALSE;

  g_string_truncate (csv, 0);
  return TRUE;
}

gint64
jd_job_export_write_messages_csv (GListModel    *messages,
                                  GFile         *file,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GString) csv = NULL;
  g_autoptr(GCancellable) abandon = NULL;
  JdMessageList *list = NULL;
  guint n;

  g_return_val_if_fail (messages == NULL || G_IS_LIST_MODEL (messages), -1);
  g_return_val_if_fail (G_IS_FILE (file), -1);

  /* Written to a temporary file beside it and renamed at the end, so a
   * failure leaves the old file (or none) behind. */
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, error);
  if (out == NULL)
    return -1;

  if (messages != NULL && JD_IS_MESSAGE_LIST (messages))
    list = JD_MESSAGE_LIST (messages);
  n = messages != NULL ? g_list_model_get_n_items (messages) : 0;

  csv = g_string_sized_new (CSV_CHUNK + 1024);
  g_string_append_printf (csv, "%s,%s,%s,%s\r\n",
                          C_("CSV column", "Severity"),
                          C_("CSV column", "Code"),
                          C_("CSV column", "Tool ID"),
                          C_("CSV column", "Message"));

  for (guint i = 0; i < n; i++)
    {
      /* The list's own getters make no object per message. */
      if (list != NULL)
        append_row (csv,
                    jd_message_list_get_severity (list, i),
                    jd_message_list_get_code (list, i),
                    jd_message_list_get_tool_id (list, i),
                    jd_message_list_get_text (list, i));
      else
        {
          g_autoptr(JdJobMessage) message = g_list_model_get_item (messages, i);

          append_row (csv,
                      jd_job_message_get_severity (message),
                      jd_job_message_get_code (message),
                      jd_job_message_get_tool_id (message),
                      jd_job_message_get_text (message));
        }

      if (csv->len >= CSV_CHUNK && !flush_csv (G_OUTPUT_STREAM (out), csv, cancellable, error))
        goto failed;
    }

  if (!flush_csv (G_OUTPUT_STREAM (out), csv, cancellable, error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error))
    goto failed;

  return n;

failed:
  /* Closing with a cancelled cancellable drops the temporary file and
   * keeps what was there before. */
  abandon = g_cancellable_new ();
  g_cancellable_cancel (abandon);
  g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
  return -1;
}

typedef struct
{
  GListModel *messages;
  GFile      *file;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->messages);
  g_clear_object (&data->file);
  g_free (data);
}

static void
save_csv_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;
  gint64 written;

  written = jd_job_export_write_messages_csv (data->messages, data->file, cancellable, &error);
  if (written < 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, written);
}

void
jd_job_export_save_messages_csv_async (GListModel          *messages,
                                       GFile               *file,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (messages == NULL || G_IS_LIST_MODEL (messages));
  g_return_if_fail (G_IS_FILE (file));

  /* The job's message list is never changed once read (new messages
   * come as a new list), so the worker may read it while the UI does. */
  data = g_new0 (SaveData, 1);
  data->messages = messages != NULL ? g_object_ref (messages) : NULL;
  data->file = g_object_ref (file);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, jd_job_export_save_messages_csv_async);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_csv_thread);
}

gint64
jd_job_export_save_messages_csv_finish (GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), -1);

  return g_task_propagate_int (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* curl                                                                */

char *
jd_job_export_curl_command (const char *base_url,
                            const char *job_id)
{
  g_autofree char *escaped = NULL;
  g_autofree char *url = NULL;
  g_autofree char *quoted_url = NULL;
  g_autofree char *quoted_auth = NULL;

  g_return_val_if_fail (base_url != NULL, NULL);
  g_return_val_if_fail (job_id != NULL, NULL);

  escaped = g_uri_escape_string (job_id, NULL, FALSE);
  url = g_strdup_printf ("%s/v3/jobs/%s?includeMessages=true", base_url, escaped);
  /* Single quotes keep "?", "&" and "$" from the shell. */
  quoted_url = g_shell_quote (url);
  quoted_auth = g_shell_quote ("Authorization: Bearer " JD_JOB_EXPORT_TOKEN_PLACEHOLDER);

  return g_strdup_printf ("curl -s -H %s -H 'Accept: application/json' %s", quoted_auth, quoted_url);
}
