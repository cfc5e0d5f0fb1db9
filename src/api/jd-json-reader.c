/* jd-json-reader.c: pure functions from a Server's JSON to our models.
 *
 * Everything here runs on worker threads: no global state. The readers
 * follow DESIGN §1 "Be tolerant, be honest": a member that is missing or
 * of the wrong type is "not given", never a crash or a json-glib critical,
 * so every read goes through the small typed helpers below.
 *
 * Two things json-glib 1.6 does not do for us:
 *
 *  - It parses recursively without a limit, so 100,000 '[' overflow the
 *    stack. Before parsing we scan the bytes once and refuse nesting deeper
 *    than MAX_DEPTH, and anything outside strings that JSON does not allow
 *    (json-glib also takes comments, single quotes and "var x =", which
 *    would let nesting hide from the scan).
 *
 *  - Its tree costs about 700 bytes per message object, so a job with
 *    100,000 messages would take some 80 MB on top of its 11 MB of text.
 *    While the parser runs, we take each element of a "messages" array out
 *    of the tree as soon as it is complete and keep it as a 16-byte entry
 *    of a JdMessageList instead.
 */
#define G_LOG_DOMAIN "jd-json-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "jd-client-error.h"
#include "jd-job-output.h"
#include "jd-job-private.h"
#include "jd-json-reader.h"
#include "jd-message-list.h"
#include "jd-workflow-job.h"
#include "jd-workflow.h"

/* Deeper nesting than any answer of the Server needs. */
#define MAX_DEPTH 512
/* An ID longer than this is not an ID. */
#define MAX_ID_LENGTH 256
/* Text longer than this (bytes) is no status, name or message a Server
 * writes; shown, it would stall the UI. Such a field is "not given". */
#define MAX_TEXT_LENGTH (64 * 1024)
/* A token is sent in a header of every request. */
#define MAX_TOKEN_LENGTH (64 * 1024)
/* The most of a Server's sentence we show. */
#define MAX_ERROR_MESSAGE_CHARS 300
/* When the token endpoint does not say how long a token lives. */
#define DEFAULT_EXPIRES_IN 3600

#define MESSAGES_MEMBER "messages"


/* Reading members without ever raising a critical */

/* The member of that name; when there is none, the first member whose name
 * matches without regard to case ("Id", "STATUS"). */
static JsonNode *
lookup_member (JsonObject *object,
               const char *name)
{
  JsonObjectIter iter;
  const char *member_name;
  JsonNode *node;

  node = json_object_get_member (object, name);
  if (node != NULL)
    return node;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member_name, &node))
    {
      if (g_ascii_strcasecmp (member_name, name) == 0)
        return node;
    }

  return NULL;
}

static GType
value_type (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return G_TYPE_INVALID;

  return json_node_get_value_type (node);
}

/* The member if it is a JSON string, else NULL; may be invalid UTF-8
 * (json-glib lets "\ud800" through). */
static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = lookup_member (object, name);

  if (value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static JsonArray *
get_array (JsonObject *object,
           const char *name)
{
  JsonNode *node = lookup_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  return json_node_get_array (node);
}

static JsonObject *
get_object (JsonObject *object,
            const char *name)
{
  JsonNode *node = lookup_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

/* A bounded strlen (): no need to walk all of a 50 MB string. */
static gboolean
is_short_text (const char *text)
{
  for (gsize i = 0; i <= MAX_TEXT_LENGTH; i++)
    {
      if (text[i] == '\0')
        return TRUE;
    }

  return FALSE;
}

static char *
dup_valid_utf8 (const char *text)
{
  if (text == NULL || !is_short_text (text))
    return NULL;

  if (g_utf8_validate (text, -1, NULL))
    return g_strdup (text);

  return g_utf8_make_valid (text, -1);
}

/* Text for a field that is a string in the Swagger, but which a Server
 * may give as a number (an enum serialized as its value): the number is
 * shown as it is. */
static char *
dup_text (JsonObject *object,
          const char *name)
{
  JsonNode *node = lookup_member (object, name);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  switch (value_type (node))
    {
    case G_TYPE_STRING:
      return dup_valid_utf8 (json_node_get_string (node));

    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

    case G_TYPE_DOUBLE:
      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%g", json_node_get_double (node)));

    default:
      return NULL;
    }
}

/* A whole number given as a JSON integer, as a double without a fraction,
 * or as a numeric string ("12", " -1 "). */
static gboolean
get_integer (JsonObject *object,
             const char *name,
             gint64     *out_value)
{
  JsonNode *node = lookup_member (object, name);

  switch (value_type (node))
    {
    case G_TYPE_INT64:
      *out_value = json_node_get_int (node);
      return TRUE;

    case G_TYPE_DOUBLE:
      {
        double value = json_node_get_double (node);

        /* the bounds are exact powers of two, so the cast below is defined */
        if (!(value >= -9223372036854775808.0 && value < 9223372036854775808.0) ||
            value != (double)(gint64)value)
          return FALSE;

        *out_value = (gint64)value;
        return TRUE;
      }

    case G_TYPE_STRING:
      {
        g_autofree char *text = g_strstrip (g_strdup (json_node_get_string (node)));

        return g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64,
                                         out_value, NULL);
      }

    default:
      return FALSE;
    }
}

/* true/false, "true"/"false" in any case, or 1/0. */
static gboolean
get_boolean (JsonObject *object,
             const char *name,
             gboolean   *out_value)
{
  JsonNode *node = lookup_member (object, name);

  switch (value_type (node))
    {
    case G_TYPE_BOOLEAN:
      *out_value = json_node_get_boolean (node);
      return TRUE;

    case G_TYPE_INT64:
      if (json_node_get_int (node) != 0 && json_node_get_int (node) != 1)
        return FALSE;
      *out_value = json_node_get_int (node) == 1;
      return TRUE;

    case G_TYPE_STRING:
      {
        g_autofree char *text = g_strstrip (g_strdup (json_node_get_string (node)));

        if (g_ascii_strcasecmp (text, "true") == 0)
          *out_value = TRUE;
        else if (g_ascii_strcasecmp (text, "false") == 0)
          *out_value = FALSE;
        else
          return FALSE;
        return TRUE;
      }

    default:
      return FALSE;
    }
}

/* IDs end up in URLs and in the UI: refuse anything that does not look
 * like one (empty, very long, white space, control or non-ASCII bytes). */
static gboolean
is_sane_id (const char *id)
{
  gsize i;

  if (id == NULL)
    return FALSE;

  for (i = 0; id[i] != '\0'; i++)
    {
      guchar c = id[i];

      if (i >= MAX_ID_LENGTH || c <= ' ' || c >= 0x7f)
        return FALSE;
    }

  return i > 0;
}

static const char *
get_id (JsonObject *object,
        const char *name)
{
  const char *id = get_string (object, name);

  return is_sane_id (id) ? id : NULL;
}

static GDateTime *
get_date (JsonObject *object,
          const char *name)
{
  return jd_json_parse_date (get_string (object, name));
}


/* Scanning the bytes before json-glib sees them */

typedef struct
{
  const char *data;          /* without a byte order mark */
  gsize       length;
  char        root;          /* '{', '[', '"', or 'v' for another value */
  GArray     *member_arrays; /* gboolean: is the n-th array directly in the
                              * root object its "messages" member? */
} Scan;

static gboolean
is_json_structure_char (char c)
{
  /* what may stand outside strings: structure, numbers, true/false/null */
  return strchr ("{}[]:,-+.0123456789eEtruefalsn", c) != NULL && c != '\0';
}

static gboolean
scan_json (const char  *data,
           gsize        length,
           Scan        *scan,
           GError     **error)
{
  gsize key_start = 0;
  gsize key_length = 0;
  gboolean root_done = FALSE;
  guint depth = 0;
  gsize i = 0;

  /* some Windows servers start UTF-8 with a byte order mark */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  scan->data = data;
  scan->length = length;
  scan->root = '\0';

  while (i < length && g_ascii_isspace (data[i]))
    i++;

  if (i == length)
    {
      g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                           _("The server’s answer is empty."));
      return FALSE;
    }

  for (; i < length; i++)
    {
      char c = data[i];

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        continue;

      if (root_done && depth == 0)
        goto not_json;

      if (c == '"')
        {
          gsize start = ++i;

          while (i < length && data[i] != '"')
            i += data[i] == '\\' ? 2 : 1;

          if (i >= length)
            goto not_json;

          if (depth == 0)
            {
              if (scan->root != '\0')
                goto not_json;
              scan->root = '"';
              root_done = TRUE;
            }
          else if (depth == 1 && scan->root == '{')
            {
              key_start = start;
              key_length = i - start;
            }

          continue;
        }

      switch (c)
        {
        case '{':
        case '[':
          if (depth == 0)
            {
              if (scan->root != '\0')
                goto not_json;
              scan->root = c;
            }
          else if (depth == 1 && scan->root == '{' && c == '[')
            {
              gboolean is_messages = key_length == strlen (MESSAGES_MEMBER) &&
                                     g_ascii_strncasecmp (data + key_start, MESSAGES_MEMBER,
                                                          key_length) == 0;

              g_array_append_val (scan->member_arrays, is_messages);
            }

          if (++depth > MAX_DEPTH)
            {
              g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                                   _("The server’s answer is nested too deeply to read."));
              return FALSE;
            }
          break;

        case '}':
        case ']':
          if (depth == 0)
            goto not_json;
          if (--depth == 0)
            root_done = TRUE;
          break;

        default:
          if (!is_json_structure_char (c))
            goto not_json;
          if (depth == 0)
            {
              /* one value only: "1 2" is two */
              if (scan->root != '\0' && scan->root != 'v')
                goto not_json;
              if (scan->root == 'v' && g_ascii_isspace (data[i - 1]))
                goto not_json;
              scan->root = 'v';
            }
          break;
        }
    }

  if (depth == 0)
    return TRUE;

not_json:
  g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                       _("The server’s answer is not valid JSON."));
  return FALSE;
}


/* Parsing, with the messages taken out of the tree as they come */

typedef struct
{
  JsonArray     *array;  /* owned: only compared, to find the list again */
  JdMessageList *list;
} TakenArray;

typedef struct
{
  JsonParser    *parser;
  Scan           scan;
  gboolean       take_root_array;
  GArray        *taken;         /* TakenArray */

  /* while parsing */
  guint          depth;
  guint          n_member_arrays;
  guint          taking_depth;  /* depth of the array being taken, or 0 */
  JdMessageList *taking;
} Document;

static void
clear_taken_array (gpointer data)
{
  TakenArray *taken = data;

  g_clear_pointer (&taken->array, json_array_unref);
  g_clear_object (&taken->list);
}

static void
document_free (Document *doc)
{
  g_clear_object (&doc->parser);
  g_clear_pointer (&doc->scan.member_arrays, g_array_unref);
  g_clear_pointer (&doc->taken, g_array_unref);
  g_clear_object (&doc->taking);
  g_free (doc);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Document, document_free)

static void
read_message (JsonObject    *object,
              JdMessageList *list)
{
  const char *text = get_string (object, "text");
  g_autofree char *copy = NULL;
  gint64 code = 0;
  gint64 tool_id = JD_JOB_MESSAGE_NO_TOOL;

  /* a message without a usable code is information */
  if (!get_integer (object, "status", &code) || code < 0 || code > G_MAXUINT32)
    code = 0;

  if (!get_integer (object, "toolId", &tool_id) || tool_id < G_MININT32 || tool_id > G_MAXINT32)
    tool_id = JD_JOB_MESSAGE_NO_TOOL;

  /* the common case, a valid string, is appended without a copy */
  if (text == NULL || !is_short_text (text))
    text = copy = dup_text (object, "text");
  else if (!g_utf8_validate (text, -1, NULL))
    text = copy = g_utf8_make_valid (text, -1);

  jd_message_list_append (list, (guint)code, text, (gint32)tool_id);
}

static void
on_object_start_cb (JsonParser *parser,
                    gpointer    user_data)
{
  Document *doc = user_data;

  doc->depth++;
}

static void
on_object_end_cb (JsonParser *parser,
                  JsonObject *object,
                  gpointer    user_data)
{
  Document *doc = user_data;

  doc->depth--;
}

static void
on_array_start_cb (JsonParser *parser,
                   gpointer    user_data)
{
  Document *doc = user_data;
  gboolean take = FALSE;

  if (doc->depth == 0)
    {
      take = doc->take_root_array;
    }
  else if (doc->depth == 1 && doc->scan.root == '{')
    {
      guint n = doc->n_member_arrays++;

      /* the scan saw the same arrays in the same order */
      take = n < doc->scan.member_arrays->len &&
             g_array_index (doc->scan.member_arrays, gboolean, n);
    }

  doc->depth++;

  if (take && doc->taking == NULL)
    {
      doc->taking = jd_message_list_new ();
      doc->taking_depth = doc->depth;
    }
}

static void
on_array_element_cb (JsonParser *parser,
                     JsonArray  *array,
                     int         index_,
                     gpointer    user_data)
{
  Document *doc = user_data;
  guint last;
  JsonNode *node;

  if (doc->taking == NULL || doc->depth != doc->taking_depth)
    return;

  last = json_array_get_length (array);
  if (last == 0)
    return;
  last--;

  node = json_array_get_element (array, last);
  if (JSON_NODE_HOLDS_OBJECT (node))
    read_message (json_node_get_object (node), doc->taking);

  json_array_remove_element (array, last);
}

static void
on_array_end_cb (JsonParser *parser,
                 JsonArray  *array,
                 gpointer    user_data)
{
  Document *doc = user_data;

  if (doc->taking != NULL && doc->depth == doc->taking_depth)
    {
      TakenArray taken;

      taken.array = json_array_ref (array);
      taken.list = g_steal_pointer (&doc->taking);
      g_array_append_val (doc->taken, taken);
      doc->taking_depth = 0;
    }

  doc->depth--;
}

/* Parses bytes, refusing what is not JSON. With take_messages, the
 * elements of the root object's "messages" arrays (and, with
 * take_root_array, of a root array) become JdMessageLists as they are
 * parsed; messages_from_array () finds them again. */
static Document *
document_parse (GBytes    *bytes,
                gboolean   take_messages,
                gboolean   take_root_array,
                GError   **error)
{
  g_autoptr(Document) doc = g_new0 (Document, 1);
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize length = 0;

  doc->scan.member_arrays = g_array_new (FALSE, FALSE, sizeof (gboolean));
  doc->taken = g_array_new (FALSE, TRUE, sizeof (TakenArray));
  g_array_set_clear_func (doc->taken, clear_taken_array);

  data = bytes != NULL ? g_bytes_get_data (bytes, &length) : NULL;
  if (length == 0)
    {
      g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                           _("The server’s answer is empty."));
      return NULL;
    }

  if (length > G_MAXSSIZE)
    {
      g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                           _("The server’s answer is too large."));
      return NULL;
    }

  if (!scan_json (data, length, &doc->scan, error))
    return NULL;

  doc->parser = json_parser_new ();
  doc->take_root_array = take_messages && take_root_array;

  if (take_messages)
    {
      g_signal_connect (doc->parser, "object-start", G_CALLBACK (on_object_start_cb), doc);
      g_signal_connect (doc->parser, "object-end", G_CALLBACK (on_object_end_cb), doc);
      g_signal_connect (doc->parser, "array-start", G_CALLBACK (on_array_start_cb), doc);
      g_signal_connect (doc->parser, "array-element", G_CALLBACK (on_array_element_cb), doc);
      g_signal_connect (doc->parser, "array-end", G_CALLBACK (on_array_end_cb), doc);
    }

  if (!json_parser_load_from_data (doc->parser, doc->scan.data, doc->scan.length, &local_error))
    {
      g_debug ("Unreadable JSON: %s", local_error->message);
      g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                           _("The server’s answer is not valid JSON."));
      return NULL;
    }

  if (take_messages)
    g_signal_handlers_disconnect_by_data (doc->parser, doc);

  if (json_parser_get_root (doc->parser) == NULL)
    {
      g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                           _("The server’s answer is empty."));
      return NULL;
    }

  return g_steal_pointer (&doc);
}

static JsonNode *
document_get_root (Document *doc)
{
  return json_parser_get_root (doc->parser);
}

static JsonObject *
document_get_root_object (Document *doc)
{
  JsonNode *root = document_get_root (doc);

  return JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
}

/* The messages of an array: the list made while parsing when the array
 * was taken, else read now. Elements that are not objects are skipped. */
static JdMessageList *
messages_from_array (Document  *doc,
                     JsonArray *array)
{
  JdMessageList *list;
  guint length;

  for (guint i = 0; i < doc->taken->len; i++)
    {
      TakenArray *taken = &g_array_index (doc->taken, TakenArray, i);

      if (taken->array == array)
        return g_object_ref (taken->list);
    }

  list = jd_message_list_new ();
  length = json_array_get_length (array);

  for (guint i = 0; i < length; i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        read_message (json_node_get_object (node), list);
    }

  return list;
}


/* Jobs */

static char **
read_formats (JsonObject *object)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = lookup_member (object, "availableFormats");

  if (value_type (node) == G_TYPE_STRING)
    {
      /* a Server may give "Raw, Csv" instead of ["Raw", "Csv"] */
      g_auto(GStrv) parts = g_strsplit (json_node_get_string (node), ",", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_autofree char *part = dup_valid_utf8 (g_strstrip (parts[i]));

          if (part != NULL && part[0] != '\0')
            g_strv_builder_add (builder, part);
        }
    }
  else if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint length = json_array_get_length (array);

      for (guint i = 0; i < length; i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          g_autofree char *format = NULL;

          if (value_type (element) != G_TYPE_STRING)
            continue;

          format = dup_valid_utf8 (json_node_get_string (element));
          if (format != NULL && format[0] != '\0')
            g_strv_builder_add (builder, format);
        }
    }

  return g_strv_builder_end (builder);
}

static GListModel *
read_outputs (JsonArray *array)
{
  GListStore *store = g_list_store_new (JD_TYPE_JOB_OUTPUT);
  guint length = json_array_get_length (array);

  for (guint i = 0; i < length; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(JdJobOutput) output = NULL;
      g_autofree char *file_name = NULL;
      g_auto(GStrv) formats = NULL;
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      object = json_node_get_object (node);
      file_name = dup_text (object, "fileName");
      formats = read_formats (object);
      /* without an ID it cannot be downloaded, but its name is still news */
      output = jd_job_output_new (get_id (object, "id"), file_name,
                                  (const char * const *)formats);
      g_list_store_append (store, output);
    }

  return G_LIST_MODEL (store);
}

static JdJob *
read_job (Document    *doc,
          JsonObject  *object,
          GError     **error)
{
  g_autoptr(JdJob) job = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *status = NULL;
  g_autofree char *disposition = NULL;
  g_autofree char *priority = NULL;
  g_autofree char *worker_tag = NULL;
  const char *id = get_id (object, "id");
  JsonArray *outputs;
  JsonArray *messages;
  gboolean run_with_e2;

  if (id == NULL)
    {
      g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                           _("The server’s answer does not say which job it is."));
      return NULL;
    }

  job = jd_job_new (id);

  jd_job_set_app_id (job, get_id (object, "appId"));

  created = get_date (object, "createDateTime");
  if (created == NULL)
    created = get_date (object, "createDate");
  jd_job_set_created (job, created);

  status = dup_text (object, "status");
  jd_job_set_status (job, status);
  disposition = dup_text (object, "disposition");
  jd_job_set_disposition (job, disposition);
  priority = dup_text (object, "priority");
  jd_job_set_priority (job, priority);
  worker_tag = dup_text (object, "workerTag");
  jd_job_set_worker_tag (job, worker_tag);

  if (get_boolean (object, "runWithE2", &run_with_e2))
    jd_job_set_run_with_e2 (job, run_with_e2);

  outputs = get_array (object, "outputs");
  if (outputs != NULL)
    {
      g_autoptr(GListModel) model = read_outputs (outputs);

      jd_job_set_outputs (job, model);
    }

  /* "messages": null, as with includeMessages=false, is not included */
  messages = get_array (object, MESSAGES_MEMBER);
  if (messages != NULL)
    {
      g_autoptr(JdMessageList) list = messages_from_array (doc, messages);

      jd_job_set_messages (job, G_LIST_MODEL (list));
    }

  return g_steal_pointer (&job);
}

/**
 * jd_json_read_job:
 * @bytes: the answer of GET /v3/jobs/{id}
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the job, or %NULL with
 *   %JD_CLIENT_ERROR_BAD_RESPONSE
 */
JdJob *
jd_json_read_job (GBytes  *bytes,
                  GError **error)
{
  g_autoptr(Document) doc = NULL;
  JsonObject *object;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = document_parse (bytes, TRUE, FALSE, error);
  if (doc == NULL)
    return NULL;

  object = document_get_root_object (doc);
  if (object == NULL)
    {
      g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                           _("The server’s answer is not a job."));
      return NULL;
    }

  return read_job (doc, object, error);
}

static gboolean
looks_like_message (JsonObject *object)
{
  return lookup_member (object, "status") != NULL ||
         lookup_member (object, "text") != NULL ||
         lookup_member (object, "toolId") != NULL;
}

/**
 * jd_json_read_messages:
 * @bytes: the answer of GET /v3/jobs/{id}/messages
 * @error: return location for a #GError
 *
 * Takes an array of messages, an object holding "messages", or a single
 * message object.
 *
 * Returns: (transfer full): a #JdMessageList, or %NULL with
 *   %JD_CLIENT_ERROR_BAD_RESPONSE
 */
GListModel *
jd_json_read_messages (GBytes  *bytes,
                       GError **error)
{
  g_autoptr(Document) doc = NULL;
  JsonNode *root;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = document_parse (bytes, TRUE, TRUE, error);
  if (doc == NULL)
    return NULL;

  root = document_get_root (doc);

  if (JSON_NODE_HOLDS_ARRAY (root))
    return G_LIST_MODEL (messages_from_array (doc, json_node_get_array (root)));

  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      JsonNode *messages = lookup_member (object, MESSAGES_MEMBER);

      if (messages != NULL && JSON_NODE_HOLDS_ARRAY (messages))
        return G_LIST_MODEL (messages_from_array (doc, json_node_get_array (messages)));

      if (messages != NULL && JSON_NODE_HOLDS_NULL (messages))
        return G_LIST_MODEL (jd_message_list_new ());

      if (messages == NULL && looks_like_message (object))
        {
          JdMessageList *list = jd_message_list_new ();

          read_message (object, list);
          return G_LIST_MODEL (list);
        }
    }

  g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                       _("The server’s answer is not a list of messages."));
  return NULL;
}


/* Jobs of a workflow */

static gpointer
read_workflow_job (JsonObject *object)
{
  g_autoptr(JdWorkflowJob) job = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *status = NULL;
  g_autofree char *disposition = NULL;
  g_autofree char *priority = NULL;
  g_autofree char *worker_tag = NULL;
  g_autofree char *workflow_name = NULL;
  const char *id = get_id (object, "id");
  gboolean run_with_e2;

  /* a row without an ID could not be opened */
  if (id == NULL)
    return NULL;

  job = jd_workflow_job_new (id);

  created = get_date (object, "createDate");
  if (created == NULL)
    created = get_date (object, "createDateTime");
  jd_workflow_job_set_created (job, created);

  status = dup_text (object, "status");
  jd_workflow_job_set_status (job, status);
  disposition = dup_text (object, "disposition");
  jd_workflow_job_set_disposition (job, disposition);
  priority = dup_text (object, "priority");
  jd_workflow_job_set_priority (job, priority);
  worker_tag = dup_text (object, "workerTag");
  jd_workflow_job_set_worker_tag (job, worker_tag);

  if (get_boolean (object, "runWithE2", &run_with_e2))
    jd_workflow_job_set_run_with_e2 (job, run_with_e2);

  workflow_name = dup_text (object, "workflowName");
  if (workflow_name == NULL)
    workflow_name = dup_text (object, "appName");
  if (workflow_name == NULL)
    workflow_name = dup_text (object, "name");
  jd_workflow_job_set_workflow_name (job, workflow_name);

  return g_steal_pointer (&job);
}

typedef gpointer (*ReadItemFunc) (JsonObject *object);

/* A GListStore of what read_item makes of each object of the array;
 * elements that are not objects, or that it refuses, are skipped. */
static GListModel *
read_list (JsonArray    *array,
           GType         item_type,
           ReadItemFunc  read_item)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *store = g_list_store_new (item_type);
  guint length = json_array_get_length (array);

  for (guint i = 0; i < length; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gpointer item;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      item = read_item (json_node_get_object (node));
      if (item != NULL)
        g_ptr_array_add (items, item);
      else
        g_debug ("Skipped item %u of a list: it has no usable ID", i);
    }

  g_list_store_splice (store, 0, 0, items->pdata, items->len);

  return G_LIST_MODEL (store);
}

/* The array at the root, or in the first of the named members that holds one. */
static JsonArray *
find_list (Document           *doc,
           const char * const *members)
{
  JsonNode *root = document_get_root (doc);
  JsonObject *object;

  if (JSON_NODE_HOLDS_ARRAY (root))
    return json_node_get_array (root);

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  object = json_node_get_object (root);
  for (guint i = 0; members[i] != NULL; i++)
    {
      JsonArray *array = get_array (object, members[i]);

      if (array != NULL)
        return array;
    }

  return NULL;
}

/**
 * jd_json_read_workflow_jobs:
 * @bytes: the answer of GET /v3/workflows/{id}/jobs
 * @error: return location for a #GError
 *
 * Takes an array, or an object holding "jobs" or "data". Rows without a
 * usable ID are left out.
 *
 * Returns: (transfer full): a #GListModel of #JdWorkflowJob, or %NULL
 *   with %JD_CLIENT_ERROR_BAD_RESPONSE
 */
GListModel *
jd_json_read_workflow_jobs (GBytes  *bytes,
                            GError **error)
{
  static const char * const members[] = { "jobs", "data", NULL };
  g_autoptr(Document) doc = NULL;
  JsonArray *array;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = document_parse (bytes, FALSE, FALSE, error);
  if (doc == NULL)
    return NULL;

  array = find_list (doc, members);
  if (array == NULL)
    {
      g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                           _("The server’s answer is not a list of jobs."));
      return NULL;
    }

  return read_list (array, JD_TYPE_WORKFLOW_JOB, read_workflow_job);
}

/**
 * jd_json_read_job_page:
 * @bytes: the answer of GET /v3/jobs
 * @total_items: (out) (optional): the number of jobs on all pages, or -1
 *   when the Server did not say
 * @has_next_page: (out) (optional): whether another page follows; %FALSE
 *   when the Server did not say
 * @error: return location for a #GError
 *
 * Takes {data: [...], pagination: {totalItems, hasNextPage, ...}}, and
 * also a bare array (a page with no pagination).
 *
 * Returns: (transfer full): a #GListModel of #JdWorkflowJob, or %NULL
 *   with %JD_CLIENT_ERROR_BAD_RESPONSE
 */
GListModel *
jd_json_read_job_page (GBytes   *bytes,
                       gint64   *total_items,
                       gboolean *has_next_page,
                       GError  **error)
{
  static const char * const members[] = { "data", "jobs", NULL };
  g_autoptr(Document) doc = NULL;
  JsonObject *root_object;
  JsonObject *pagination = NULL;
  JsonArray *array;
  gint64 total = -1;
  gboolean has_next = FALSE;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = document_parse (bytes, FALSE, FALSE, error);
  if (doc == NULL)
    return NULL;

  array = find_list (doc, members);
  if (array == NULL)
    {
      g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                           _("The server’s answer is not a list of jobs."));
      return NULL;
    }

  root_object = document_get_root_object (doc);
  if (root_object != NULL)
    pagination = get_object (root_object, "pagination");

  if (pagination != NULL)
    {
      if (!get_integer (pagination, "totalItems", &total) || total < 0)
        total = -1;
      if (!get_boolean (pagination, "hasNextPage", &has_next))
        has_next = FALSE;
    }

  if (total_items != NULL)
    *total_items = total;
  if (has_next_page != NULL)
    *has_next_page = has_next;

  return read_list (array, JD_TYPE_WORKFLOW_JOB, read_workflow_job);
}


/* Workflows */

static gpointer
read_workflow (JsonObject *object)
{
  g_autoptr(JdWorkflow) workflow = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *name = NULL;
  g_autofree char *version = NULL;
  const char *id = get_id (object, "id");

  if (id == NULL)
    return NULL;

  name = dup_text (object, "name");
  workflow = jd_workflow_new (id, name);

  jd_workflow_set_owner_id (workflow, get_id (object, "ownerId"));

  created = get_date (object, "dateCreated");
  if (created == NULL)
    created = get_date (object, "createDate");
  jd_workflow_set_created (workflow, created);

  /* a number in the Swagger, a string on some Servers */
  version = dup_text (object, "publishedVersionNumber");
  jd_workflow_set_published_version (workflow, version);

  return g_steal_pointer (&workflow);
}

/**
 * jd_json_read_workflows:
 * @bytes: the answer of GET /v3/workflows
 * @error: return location for a #GError
 *
 * Takes an array, or an object holding "data" or "workflows". Workflows
 * without a usable ID are left out.
 *
 * Returns: (transfer full): a #GListModel of #JdWorkflow, or %NULL with
 *   %JD_CLIENT_ERROR_BAD_RESPONSE
 */
GListModel *
jd_json_read_workflows (GBytes  *bytes,
                        GError **error)
{
  static const char * const members[] = { "data", "workflows", NULL };
  g_autoptr(Document) doc = NULL;
  JsonArray *array;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = document_parse (bytes, FALSE, FALSE, error);
  if (doc == NULL)
    return NULL;

  array = find_list (doc, members);
  if (array == NULL)
    {
      g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                           _("The server’s answer is not a list of workflows."));
      return NULL;
    }

  return read_list (array, JD_TYPE_WORKFLOW, read_workflow);
}


/* Tokens and refusals */

/* A token goes into a header: printable ASCII only. */
static gboolean
is_usable_token (const char *token)
{
  gsize i;

  if (token == NULL)
    return FALSE;

  for (i = 0; token[i] != '\0'; i++)
    {
      guchar c = token[i];

      if (i >= MAX_TOKEN_LENGTH || c <= ' ' || c >= 0x7f)
        return FALSE;
    }

  return i > 0;
}

/**
 * jd_json_read_token:
 * @bytes: the answer of POST /oauth2/token
 * @access_token: (out) (optional): the token
 * @expires_in: (out) (optional): seconds it lives; 3600 when the Server
 *   leaves it out or names no positive number
 * @error: return location for a #GError
 *
 * Returns: whether the answer held a usable token; %FALSE with
 *   %JD_CLIENT_ERROR_BAD_RESPONSE otherwise
 */
gboolean
jd_json_read_token (GBytes  *bytes,
                    char   **access_token,
                    gint64  *expires_in,
                    GError **error)
{
  g_autoptr(Document) doc = NULL;
  JsonObject *object;
  const char *token;
  gint64 lifetime;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  doc = document_parse (bytes, FALSE, FALSE, error);
  if (doc == NULL)
    return FALSE;

  object = document_get_root_object (doc);
  token = object != NULL ? get_string (object, "access_token") : NULL;

  if (!is_usable_token (token))
    {
      g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                           _("The server’s answer holds no access token."));
      return FALSE;
    }

  if (!get_integer (object, "expires_in", &lifetime) || lifetime <= 0)
    lifetime = DEFAULT_EXPIRES_IN;

  /* so that now + lifetime, in microseconds, cannot overflow */
  lifetime = MIN (lifetime, G_MAXINT32);

  if (access_token != NULL)
    *access_token = g_strdup (token);
  if (expires_in != NULL)
    *expires_in = lifetime;

  return TRUE;
}

/* One line of at most MAX_ERROR_MESSAGE_CHARS characters, or NULL when
 * nothing but white space is left. */
static char *
tidy_error_message (const char *text)
{
  g_autofree char *valid = dup_valid_utf8 (text);
  g_autoptr(GString) line = NULL;
  guint n_chars = 0;

  if (valid == NULL)
    return NULL;

  g_strstrip (valid);

  line = g_string_new (NULL);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n_chars == MAX_ERROR_MESSAGE_CHARS)
        {
          /* cut at a character and say so */
          const char *end = g_utf8_offset_to_pointer (line->str, MAX_ERROR_MESSAGE_CHARS - 1);

          g_string_truncate (line, end - line->str);
          g_string_append (line, "…");
          break;
        }

      /* no new lines or control characters in a sentence we show */
      if (g_unichar_iscntrl (c) || g_unichar_isspace (c))
        {
          if (line->len > 0 && line->str[line->len - 1] != ' ')
            {
              g_string_append_c (line, ' ');
              n_chars++;
            }
          continue;
        }

      g_string_append_unichar (line, c);
      n_chars++;
    }

  g_strchomp (line->str);
  if (line->str[0] == '\0')
    return NULL;

  return g_strdup (line->str);
}

static char *
read_error_object (JsonObject *object,
                   guint       depth)
{
  static const char * const members[] = { "message", "error_description", "error", NULL };

  for (guint i = 0; members[i] != NULL; i++)
    {
      JsonNode *node = lookup_member (object, members[i]);
      char *message = NULL;

      if (value_type (node) == G_TYPE_STRING)
        message = tidy_error_message (json_node_get_string (node));
      else if (node != NULL && JSON_NODE_HOLDS_OBJECT (node) && depth == 0)
        /* {"error": {"message": "..."}} */
        message = read_error_object (json_node_get_object (node), depth + 1);

      if (message != NULL)
        return message;
    }

  return NULL;
}

/**
 * jd_json_read_error_message:
 * @bytes: (nullable): the body of a refusal
 *
 * Finds the sentence a refusal carries: a "message" member (in any case),
 * else OAuth 2's "error_description", else "error". It comes back on one
 * line and at most 300 characters long.
 *
 * Returns: (transfer full) (nullable): the sentence, or %NULL for bodies
 *   that are empty, HTML, not JSON, or carry none
 */
char *
jd_json_read_error_message (GBytes *bytes)
{
  g_autoptr(Document) doc = NULL;
  JsonNode *root;

  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    return NULL;

  doc = document_parse (bytes, FALSE, FALSE, NULL);
  if (doc == NULL)
    return NULL;

  root = document_get_root (doc);

  /* "Authorization has been denied for this request." as a bare string */
  if (value_type (root) == G_TYPE_STRING)
    return tidy_error_message (json_node_get_string (root));

  if (JSON_NODE_HOLDS_OBJECT (root))
    return read_error_object (json_node_get_object (root), 0);

  return NULL;
}


/* Dates */

/**
 * jd_json_parse_date:
 * @text: (nullable): an ISO 8601 date and time
 *
 * Takes fractional seconds, "Z", offsets, and no zone at all, which
 * means UTC. "0001-01-01T00:00:00", the default date of .NET, means the
 * Server had none.
 *
 * Returns: (transfer full) (nullable): the time, or %NULL when @text is
 *   missing or cannot be read
 */
GDateTime *
jd_json_parse_date (const char *text)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) date = NULL;
  char buffer[64];
  gsize length;

  if (text == NULL)
    return NULL;

  while (g_ascii_isspace (*text))
    text++;

  length = 0;
  while (text[length] != '\0' && length < sizeof buffer)
    length++;
  if (length == sizeof buffer)
    return NULL;

  memcpy (buffer, text, length + 1);
  g_strchomp (buffer);
  if (buffer[0] == '\0')
    return NULL;

  utc = g_time_zone_new_utc ();
  date = g_date_time_new_from_iso8601 (buffer, utc);

  if (date == NULL || g_date_time_get_year (date) <= 1)
    return NULL;

  return g_steal_pointer (&date);
}
