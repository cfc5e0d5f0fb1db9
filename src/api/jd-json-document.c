/* jd-json-document.c: the Server's bytes as a json-glib tree, read
 * without ever raising a critical.
 *
 * The JSON readers (jd-json-reader.c) build on this. Everything here runs
 * on worker threads: no global state. A member that is missing or of the
 * wrong type is "not given", never a crash or a json-glib critical, so
 * every read goes through the small typed helpers below.
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
#include <string.h>

#include "jd-client-error.h"
#include "jd-json-document.h"
#include "jd-json-reader.h"
#include "jd-json-slices.h"

/* Deeper nesting than any answer of the Server needs. */
#define MAX_DEPTH 512
/* An ID longer than this is not an ID. */
#define MAX_ID_LENGTH 256
/* Text longer than this (bytes) is no status, name or message a Server
 * writes; shown, it would stall the UI. Such a field is "not given". */
#define MAX_TEXT_LENGTH (64 * 1024)
/* A big array of messages is parsed in slices of this many elements on a
 * thread pool (jd-json-slices.c): above SLICE_MIN_ELEMENTS elements or
 * SLICE_MIN_BYTES bytes, where one parser's time starts to show. */
#define SLICE_ELEMENTS     8192
#define SLICE_MIN_ELEMENTS 20000
#define SLICE_MIN_BYTES    (2 * 1024 * 1024)


/* Reading members without ever raising a critical */

/* The member of that name; when there is none, the first member whose name
 * matches without regard to case ("Id", "STATUS"). */
JsonNode *
jd_json_lookup_member (JsonObject *object,
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

GType
jd_json_value_type (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return G_TYPE_INVALID;

  return json_node_get_value_type (node);
}

/* The member if it is a JSON string, else NULL; may be invalid UTF-8
 * (json-glib lets "\ud800" through). */
const char *
jd_json_get_string (JsonObject *object,
                    const char *name)
{
  JsonNode *node = jd_json_lookup_member (object, name);

  if (jd_json_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

JsonArray *
jd_json_get_array (JsonObject *object,
                   const char *name)
{
  JsonNode *node = jd_json_lookup_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  return json_node_get_array (node);
}

JsonObject *
jd_json_get_object (JsonObject *object,
                    const char *name)
{
  JsonNode *node = jd_json_lookup_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

/* A bounded strlen (): no need to walk all of a 50 MB string. */
gboolean
jd_json_is_short_text (const char *text)
{
  for (gsize i = 0; i <= MAX_TEXT_LENGTH; i++)
    {
      if (text[i] == '\0')
        return TRUE;
    }

  return FALSE;
}

char *
jd_json_dup_valid_utf8 (const char *text)
{
  if (text == NULL || !jd_json_is_short_text (text))
    return NULL;

  if (g_utf8_validate (text, -1, NULL))
    return g_strdup (text);

  return g_utf8_make_valid (text, -1);
}

/* Text for a field that is a string in the Swagger, but which a Server
 * may give as a number (an enum serialized as its value): the number is
 * shown as it is. */
char *
jd_json_dup_text (JsonObject *object,
                  const char *name)
{
  JsonNode *node = jd_json_lookup_member (object, name);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  switch (jd_json_value_type (node))
    {
    case G_TYPE_STRING:
      return jd_json_dup_valid_utf8 (json_node_get_string (node));

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
gboolean
jd_json_get_integer (JsonObject *object,
                     const char *name,
                     gint64     *out_value)
{
  JsonNode *node = jd_json_lookup_member (object, name);

  switch (jd_json_value_type (node))
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
gboolean
jd_json_get_boolean (JsonObject *object,
                     const char *name,
                     gboolean   *out_value)
{
  JsonNode *node = jd_json_lookup_member (object, name);

  switch (jd_json_value_type (node))
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

const char *
jd_json_get_id (JsonObject *object,
                const char *name)
{
  const char *id = jd_json_get_string (object, name);

  return is_sane_id (id) ? id : NULL;
}

GDateTime *
jd_json_get_date (JsonObject *object,
                  const char *name)
{
  return jd_json_parse_date (jd_json_get_string (object, name));
}


/* Scanning the bytes before json-glib sees them */

/* The one array of messages the scan may cut into slices: the root array
 * or the root object's "messages" member. */
typedef struct
{
  GArray     *bounds;        /* gsize: the '[', every SLICE_ELEMENTS-th
                              * separating ',', then the ']' */
  guint       inner_depth;   /* depth of its elements */
  guint       n_separators;
  guint       found : 1;
  guint       open : 1;      /* the scan is inside it */
  guint       ambiguous : 1; /* more than one "messages" array: not cut */
} ScanArray;

typedef struct
{
  const char *data;          /* without a byte order mark */
  gsize       length;
  char        root;          /* '{', '[', '"', or 'v' for another value */
  GArray     *member_arrays; /* gboolean: is the n-th array directly in the
                              * root object its "messages" member? */
  ScanArray   messages;
} Scan;

static void
scan_array_start (ScanArray *array,
                  gsize      offset,
                  guint      inner_depth)
{
  if (array->found)
    {
      array->ambiguous = TRUE;
      return;
    }

  array->found = TRUE;
  array->open = TRUE;
  array->inner_depth = inner_depth;
  g_array_append_val (array->bounds, offset);
}

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
              if (c == '[')
                scan_array_start (&scan->messages, i, 1);
            }
          else if (depth == 1 && scan->root == '{' && c == '[')
            {
              gboolean is_messages = key_length == strlen (JD_JSON_MESSAGES_MEMBER) &&
                                     g_ascii_strncasecmp (data + key_start, JD_JSON_MESSAGES_MEMBER,
                                                          key_length) == 0;

              g_array_append_val (scan->member_arrays, is_messages);
              if (is_messages)
                scan_array_start (&scan->messages, i, 2);
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
          if (scan->messages.open && depth + 1 == scan->messages.inner_depth)
            {
              g_array_append_val (scan->messages.bounds, i);
              scan->messages.open = FALSE;
            }
          break;

        case ',':
          if (depth > 0)
            {
              if (scan->messages.open && depth == scan->messages.inner_depth &&
                  ++scan->messages.n_separators % SLICE_ELEMENTS == 0)
                g_array_append_val (scan->messages.bounds, i);
              break;
            }
          /* at the top, a comma is as wrong as anything else */
          G_GNUC_FALLTHROUGH;

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

struct _JdJsonDocument
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
};

static void
clear_taken_array (gpointer data)
{
  TakenArray *taken = data;

  g_clear_pointer (&taken->array, json_array_unref);
  g_clear_object (&taken->list);
}

void
jd_json_document_free (JdJsonDocument *doc)
{
  g_clear_object (&doc->parser);
  g_clear_pointer (&doc->scan.member_arrays, g_array_unref);
  g_clear_pointer (&doc->scan.messages.bounds, g_array_unref);
  g_clear_pointer (&doc->taken, g_array_unref);
  g_clear_object (&doc->taking);
  g_free (doc);
}

void
jd_json_read_message_into (JsonObject    *object,
                           JdMessageList *list)
{
  const char *text = jd_json_get_string (object, "text");
  g_autofree char *copy = NULL;
  gint64 code = 0;
  gint64 tool_id = JD_JOB_MESSAGE_NO_TOOL;

  /* a message without a usable code is information */
  if (!jd_json_get_integer (object, "status", &code) || code < 0 || code > G_MAXUINT32)
    code = 0;

  if (!jd_json_get_integer (object, "toolId", &tool_id) || tool_id < G_MININT32 || tool_id > G_MAXINT32)
    tool_id = JD_JOB_MESSAGE_NO_TOOL;

  /* the common case, a valid string, is appended without a copy */
  if (text == NULL || !jd_json_is_short_text (text))
    text = copy = jd_json_dup_text (object, "text");
  else if (!g_utf8_validate (text, -1, NULL))
    text = copy = g_utf8_make_valid (text, -1);

  jd_message_list_append (list, (guint)code, text, (gint32)tool_id);
}

static void
on_object_start_cb (JsonParser *parser,
                    gpointer    user_data)
{
  JdJsonDocument *doc = user_data;

  doc->depth++;
}

static void
on_object_end_cb (JsonParser *parser,
                  JsonObject *object,
                  gpointer    user_data)
{
  JdJsonDocument *doc = user_data;

  doc->depth--;
}

static void
on_array_start_cb (JsonParser *parser,
                   gpointer    user_data)
{
  JdJsonDocument *doc = user_data;
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
  JdJsonDocument *doc = user_data;
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
    jd_json_read_message_into (json_node_get_object (node), doc->taking);
  else
    jd_message_list_add_unreadable (doc->taking);

  json_array_remove_element (array, last);
}

static void
on_array_end_cb (JsonParser *parser,
                 JsonArray  *array,
                 gpointer    user_data)
{
  JdJsonDocument *doc = user_data;

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

static JdJsonDocument *
new_document (void)
{
  JdJsonDocument *doc = g_new0 (JdJsonDocument, 1);

  doc->scan.member_arrays = g_array_new (FALSE, FALSE, sizeof (gboolean));
  doc->scan.messages.bounds = g_array_new (FALSE, FALSE, sizeof (gsize));
  doc->taken = g_array_new (FALSE, TRUE, sizeof (TakenArray));
  g_array_set_clear_func (doc->taken, clear_taken_array);

  return doc;
}

/* json-glib's part, once the scan has passed. */
static gboolean
load_scanned (JdJsonDocument  *doc,
              gboolean         take_messages,
              GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  doc->parser = json_parser_new ();

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
      return FALSE;
    }

  if (take_messages)
    g_signal_handlers_disconnect_by_data (doc->parser, doc);

  if (json_parser_get_root (doc->parser) == NULL)
    {
      g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                           _("The server’s answer is empty."));
      return FALSE;
    }

  return TRUE;
}

/* Whether the messages array is big enough for slices to pay off. */
static gboolean
should_slice (JdJsonDocument *doc)
{
  ScanArray *array = &doc->scan.messages;
  gsize open, close;

  /* a root array is messages only when the caller says so */
  if (!array->found || array->ambiguous || array->open ||
      (array->inner_depth == 1 && !doc->take_root_array))
    return FALSE;

  /* the '[', at least one cut, the ']' */
  if (array->bounds->len < 3)
    return FALSE;

  open = g_array_index (array->bounds, gsize, 0);
  close = g_array_index (array->bounds, gsize, array->bounds->len - 1);

  return array->n_separators >= SLICE_MIN_ELEMENTS || close - open > SLICE_MIN_BYTES;
}

/* Reads a slice "[…]" of a big messages array (jd-json-slices.c, on its
 * threads) without scanning it again: the scan of the whole answer has
 * checked its nesting and characters. Its root array is taken as
 * messages; the parser and its tree go as soon as the list is made. */
static JdMessageList *
read_slice (const char *data,
            gsize       length)
{
  g_autoptr(JdJsonDocument) doc = new_document ();
  JsonNode *root;

  g_return_val_if_fail (length >= 2 && data[0] == '[' && data[length - 1] == ']', NULL);

  doc->scan.data = data;
  doc->scan.length = length;
  doc->scan.root = '[';
  doc->take_root_array = TRUE;

  if (!load_scanned (doc, TRUE, NULL))
    return NULL;

  root = jd_json_document_get_root (doc);
  if (!JSON_NODE_HOLDS_ARRAY (root))
    return NULL;

  return jd_json_document_messages (doc, json_node_get_array (root));
}

/* The document with its messages array emptied is parsed here, while the
 * pool reads the array's slices; their list then stands for the array. */
static JdJsonDocument *
parse_in_slices (JdJsonDocument  *doc,
                 GError         **error)
{
  GArray *bounds = doc->scan.messages.bounds;
  const char *data = doc->scan.data;
  gsize open = g_array_index (bounds, gsize, 0);
  gsize close = g_array_index (bounds, gsize, bounds->len - 1);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JdJsonDocument) rest = NULL;
  g_autoptr(JdMessageList) messages = NULL;
  g_autoptr(GBytes) rest_bytes = NULL;
  JdJsonSlices *slices;
  GString *text;

  slices = jd_json_slices_start (data, (const gsize *) (void *) bounds->data, bounds->len - 1,
                                 read_slice);

  /* everything but the array's elements: "…,"messages":[],…" */
  text = g_string_sized_new (open + 1 + doc->scan.length - close);
  g_string_append_len (text, data, open + 1);
  g_string_append_len (text, data + close, doc->scan.length - close);
  rest_bytes = g_string_free_to_bytes (text);
  rest = jd_json_document_parse (rest_bytes, TRUE, doc->take_root_array, &local_error);

  messages = jd_json_slices_finish (slices, rest != NULL ? error : NULL);
  if (rest == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (messages == NULL)
    return NULL;

  /* the emptied array is the one taken from the rest; nothing else is */
  g_assert (rest->taken->len == 1);
  g_set_object (&g_array_index (rest->taken, TakenArray, 0).list, messages);

  return g_steal_pointer (&rest);
}

/* Parses bytes, refusing what is not JSON. With take_messages, the
 * elements of the root object's "messages" arrays (and, with
 * take_root_array, of a root array) become JdMessageLists as they are
 * parsed; jd_json_document_messages () finds them again. */
JdJsonDocument *
jd_json_document_parse (GBytes    *bytes,
                        gboolean   take_messages,
                        gboolean   take_root_array,
                        GError   **error)
{
  g_autoptr(JdJsonDocument) doc = new_document ();
  const char *data;
  gsize length = 0;

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

  doc->take_root_array = take_messages && take_root_array;

  if (take_messages && should_slice (doc))
    return parse_in_slices (doc, error);

  if (!load_scanned (doc, take_messages, error))
    return NULL;

  return g_steal_pointer (&doc);
}

JsonNode *
jd_json_document_get_root (JdJsonDocument *doc)
{
  return json_parser_get_root (doc->parser);
}

JsonObject *
jd_json_document_get_root_object (JdJsonDocument *doc)
{
  JsonNode *root = jd_json_document_get_root (doc);

  return JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
}

/* The messages of an array: the list made while parsing when the array
 * was taken, else read now. Elements that are not objects are counted as
 * unreadable. */
JdMessageList *
jd_json_document_messages (JdJsonDocument *doc,
                           JsonArray      *array)
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
        jd_json_read_message_into (json_node_get_object (node), list);
      else
        jd_message_list_add_unreadable (list);
    }

  return list;
}
