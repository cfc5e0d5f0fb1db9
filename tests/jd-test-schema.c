/* jd-test-schema.c: tests/data/server-schema.json, answers generated from
 * it, and answers checked against it, for the contract test. */
#include "config.h"

#include <string.h>

#include "jd-json-reader.h"
#include "jd-test-schema.h"
#include "jd-test-util.h"

/* ------------------------------------------------------------------ */
/* The schema                                                          */

/* What a check found: one line per problem. */
typedef struct
{
  JdTestSchema *schema;
  GString      *problems;
} Checker;

void
jd_test_schema_free (JdTestSchema *schema)
{
  g_clear_object (&schema->parser);
  g_free (schema);
}

JdTestSchema *
jd_test_schema_load (void)
{
  g_autoptr(GBytes) bytes = jd_test_load_data ("server-schema.json");
  g_autoptr(GError) error = NULL;
  JdTestSchema *schema = g_new0 (JdTestSchema, 1);
  JsonObject *root;

  schema->parser = json_parser_new ();
  json_parser_load_from_data (schema->parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (schema->parser));
  schema->objects = json_object_get_object_member (root, "objects");
  schema->endpoints = json_object_get_array_member (root, "endpoints");

  return schema;
}

JsonObject *
jd_test_schema_fields (JdTestSchema *schema,
               const char *object)
{
  JsonObject *description = json_object_get_object_member (schema->objects, object);

  g_assert_nonnull (description);
  return json_object_get_object_member (description, "fields");
}

static const char *
field_string (JsonObject *field,
              const char *name)
{
  return json_object_get_string_member_with_default (field, name, NULL);
}

static gboolean
field_flag (JsonObject *field,
            const char *name)
{
  return json_object_get_boolean_member_with_default (field, name, FALSE);
}

/* json-glib raises a critical for a missing member */
JsonArray *
jd_test_schema_optional_array (JsonObject *object,
                const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* The object an array's elements or an object field are, or NULL. */
static const char *
field_object (JsonObject *field)
{
  JsonNode *items = json_object_get_member (field, "items");

  if (g_str_equal (field_string (field, "type"), "object"))
    return field_string (field, "object");

  if (items != NULL && JSON_NODE_HOLDS_VALUE (items))
    return json_node_get_string (items);

  return NULL;
}

/* The object an endpoint answers, and whether it is an array of them. */
const char *
jd_test_schema_answer (JsonObject *endpoint,
               gboolean   *is_array)
{
  JsonNode *answer = json_object_get_member (endpoint, "answer");

  *is_array = JSON_NODE_HOLDS_OBJECT (answer);
  if (*is_array)
    return json_object_get_string_member (json_node_get_object (answer), "array");

  return json_node_get_string (answer);
}


void
jd_test_schema_check (JdTestSchema *schema)
{
  static const char *const types[] = { "string", "integer", "boolean", "array", "object", NULL };
  static const char *const formats[] = { "object-id", "date-time", "duration", NULL };
  g_autoptr(GList) names = json_object_get_members (schema->objects);

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *fields = jd_test_schema_fields (schema, l->data);
      g_autoptr(GList) field_names = json_object_get_members (fields);

      g_assert_nonnull (field_names);
      for (GList *f = field_names; f != NULL; f = f->next)
        {
          JsonObject *field = json_object_get_object_member (fields, f->data);
          const char *type = field_string (field, "type");
          const char *format = field_string (field, "format");
          const char *object = field_object (field);

          g_test_message ("%s.%s", (char *) l->data, (char *) f->data);
          g_assert_true (g_strv_contains (types, type));
          g_assert_true (format == NULL || (g_str_equal (type, "string") && g_strv_contains (formats, format)));
          if (object != NULL)
            g_assert_true (json_object_has_member (schema->objects, object));
          if (g_str_equal (type, "object"))
            g_assert_nonnull (object);
        }
    }

  for (guint i = 0; i < json_array_get_length (schema->endpoints); i++)
    {
      JsonObject *endpoint = json_array_get_object_element (schema->endpoints, i);
      gboolean is_array;
      const char *object = jd_test_schema_answer (endpoint, &is_array);

      g_assert_nonnull (object);
      g_assert_true (json_object_has_member (schema->objects, object));
      g_assert_true (g_str_has_prefix (json_object_get_string_member (endpoint, "path"), "/"));
    }
}

/* ------------------------------------------------------------------ */
/* Generated answers                                                   */

/* A generated document, and the text each field's value must read as
 * in the model: "Object.field" → text. */
typedef struct
{
  JdTestSchema *schema;
  GHashTable   *expected;
  guint         counter;
} Generator;

static JsonNode *generate_object (Generator *gen, const char *object);

static char *
generate_date (guint n)
{
  g_autoptr(GDateTime) base = g_date_time_new_utc (2021, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) date = g_date_time_add_full (base, 0, 0, (int) n, (int) n % 24, (int) (n * 7) % 60,
                                                    (double) ((n * 13) % 60));

  return g_date_time_format (date, "%Y-%m-%dT%H:%M:%SZ");
}

/* A value of the field's type, its own; *expected is how the model shows it. */
static JsonNode *
generate_value (Generator  *gen,
                const char *object,
                const char *name,
                JsonObject *field,
                char      **expected)
{
  const char *type = field_string (field, "type");
  const char *format = field_string (field, "format");
  guint n = ++gen->counter;
  JsonNode *node;

  if (g_str_equal (type, "integer"))
    {
      *expected = g_strdup_printf ("%u", 1000 + 7 * n);
      return json_node_init_int (json_node_alloc (), 1000 + 7 * n);
    }

  if (g_str_equal (type, "boolean"))
    {
      /* every flag is FALSE until the Server says otherwise */
      *expected = g_strdup ("true");
      return json_node_init_boolean (json_node_alloc (), TRUE);
    }

  if (g_str_equal (type, "object"))
    {
      *expected = g_strdup ("object");
      return generate_object (gen, field_object (field));
    }

  if (g_str_equal (type, "array"))
    {
      JsonArray *array = json_array_new ();
      JsonNode *items = json_object_get_member (field, "items");

      if (field_object (field) != NULL)
        {
          json_array_add_element (array, generate_object (gen, field_object (field)));
          *expected = g_strdup ("1 item");
        }
      else if (items != NULL)
        {
          g_autofree char *first = g_strdup_printf ("%s-a%u", name, n);
          g_autofree char *second = g_strdup_printf ("%s-b%u", name, n);

          json_array_add_string_element (array, first);
          json_array_add_string_element (array, second);
          *expected = g_strconcat (first, ",", second, NULL);
        }
      else
        {
          *expected = g_strdup ("0 items");
        }

      node = json_node_init_array (json_node_alloc (), array);
      json_array_unref (array);
      return node;
    }

  g_assert_cmpstr (type, ==, "string");
  node = json_node_alloc ();

  if (g_strcmp0 (format, "object-id") == 0)
    {
      g_autofree char *id = g_strdup_printf ("c0de%020x", n);

      *expected = g_strdup (id);
      return json_node_init_string (node, id);
    }

  if (g_strcmp0 (format, "date-time") == 0)
    {
      g_autofree char *date = generate_date (n);

      *expected = g_strdup (date);
      return json_node_init_string (node, date);
    }

  if (g_strcmp0 (format, "duration") == 0)
    {
      guint hours = n % 24, minutes = (n * 7) % 60, seconds = (n * 13) % 60;
      g_autofree char *text = g_strdup_printf ("%u.%02u:%02u:%02u", n, hours, minutes, seconds);

      *expected = g_strdup_printf ("%s = %u s", text, ((n * 24 + hours) * 60 + minutes) * 60 + seconds);
      return json_node_init_string (node, text);
    }

  *expected = g_strdup_printf ("%s.%s.%u", object, name, n);
  return json_node_init_string (node, *expected);
}

/* Decoys: the plain fields other objects publish under names this one
 * does not have ("id" beside a PagedJobSummaryView's "jobId"), each with
 * a value of its own type. A reader that tries another object's name
 * before the published one reads a decoy. */
static void
add_decoys (Generator  *gen,
            const char *object,
            JsonObject *result)
{
  g_autoptr(GList) others = json_object_get_members (gen->schema->objects);

  for (GList *o = others; o != NULL; o = o->next)
    {
      JsonObject *fields = jd_test_schema_fields (gen->schema, o->data);
      g_autoptr(GList) names = json_object_get_members (fields);

      for (GList *l = names; l != NULL; l = l->next)
        {
          JsonObject *field = json_object_get_object_member (fields, l->data);
          const char *type = field_string (field, "type");
          g_autofree char *expected = NULL;

          if (json_object_has_member (result, l->data) ||
              g_str_equal (type, "array") || g_str_equal (type, "object"))
            continue;

          json_object_set_member (result, l->data, generate_value (gen, o->data, l->data, field, &expected));
        }
    }
}

/* Every field of the object, each with its own value, and decoys. */
static JsonNode *
generate_object (Generator  *gen,
                 const char *object)
{
  JsonObject *fields = jd_test_schema_fields (gen->schema, object);
  g_autoptr(GList) names = json_object_get_members (fields);
  JsonObject *result = json_object_new ();
  JsonNode *node;

  for (GList *l = names; l != NULL; l = l->next)
    {
      char *expected = NULL;
      JsonNode *value = generate_value (gen, object, l->data, json_object_get_object_member (fields, l->data),
                                        &expected);

      json_object_set_member (result, l->data, value);
      g_hash_table_replace (gen->expected, g_strdup_printf ("%s.%s", object, (char *) l->data), expected);
    }

  add_decoys (gen, object, result);

  node = json_node_init_object (json_node_alloc (), result);
  json_object_unref (result);
  return node;
}

/* The answer of an endpoint, as the schema says: an object, or an array
 * of one. */
static GBytes *
generate_answer (Generator  *gen,
                 const char *object,
                 gboolean    is_array)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = generate_object (gen, object);
  char *text;

  if (is_array)
    {
      JsonArray *array = json_array_new ();

      json_array_add_element (array, g_steal_pointer (&root));
      root = json_node_init_array (json_node_alloc (), array);
      json_array_unref (array);
    }

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  return g_bytes_new_take (text, strlen (text));
}

/* ------------------------------------------------------------------ */
/* Checked answers                                                     */

G_GNUC_PRINTF (3, 4)
static void
problem (Checker    *h,
         const char *where,
         const char *format,
         ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  g_string_append_printf (h->problems, "  %s: %s\n", where, text);
}

static void validate_object (Checker *h, JsonNode *node, const char *object, JsonArray *omits, const char *where);

/* 24 hexadecimal digits */
static gboolean
is_object_id (const char *text)
{
  gsize i;

  for (i = 0; text[i] != '\0'; i++)
    {
      if (!g_ascii_isxdigit (text[i]))
        return FALSE;
    }

  return i == 24;
}

/* One value against its field. */
static void
validate_value (Checker    *h,
                JsonNode   *node,
                JsonObject *field,
                const char *where)
{
  const char *type = field_string (field, "type");
  const char *format = field_string (field, "format");
  GType value_type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      if (!field_flag (field, "nullable"))
        problem (h, where, "null, but the schema does not allow it");
      return;
    }

  if (g_str_equal (type, "string"))
    {
      const char *text;
      double seconds;

      if (value_type != G_TYPE_STRING)
        {
          problem (h, where, "not a string");
          return;
        }

      text = json_node_get_string (node);
      if (g_strcmp0 (format, "object-id") == 0 && !is_object_id (text))
        problem (h, where, "\"%s\" is not an object ID", text);
      else if (g_strcmp0 (format, "date-time") == 0)
        {
          g_autoptr(GDateTime) date = jd_json_parse_date (text);

          if (date == NULL)
            problem (h, where, "\"%s\" is not a date-time", text);
        }
      else if (g_strcmp0 (format, "duration") == 0 && !jd_json_parse_duration (text, &seconds))
        problem (h, where, "\"%s\" is not a duration", text);
    }
  else if (g_str_equal (type, "integer"))
    {
      if (value_type != G_TYPE_INT64)
        problem (h, where, "not an integer");
    }
  else if (g_str_equal (type, "boolean"))
    {
      if (value_type != G_TYPE_BOOLEAN)
        problem (h, where, "not a boolean");
    }
  else if (g_str_equal (type, "object"))
    {
      validate_object (h, node, field_object (field), NULL, where);
    }
  else if (g_str_equal (type, "array"))
    {
      JsonNode *items = json_object_get_member (field, "items");
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          problem (h, where, "not an array");
          return;
        }

      array = json_node_get_array (node);
      for (guint i = 0; items != NULL && i < json_array_get_length (array); i++)
        {
          g_autofree char *element = g_strdup_printf ("%s[%u]", where, i);
          JsonNode *item = json_array_get_element (array, i);

          if (field_object (field) != NULL)
            validate_object (h, item, field_object (field), NULL, element);
          else
            validate_value (h, item, json_node_get_object (items), element);
        }
    }
}

/* Every published field there (but those omitted), with its type, and
 * nothing else. */
static void
validate_object (Checker    *h,
                 JsonNode   *node,
                 const char *object,
                 JsonArray  *omits,
                 const char *where)
{
  JsonObject *fields = jd_test_schema_fields (h->schema, object);
  g_autoptr(GList) names = json_object_get_members (fields);
  g_autoptr(GList) members = NULL;
  JsonObject *value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (h, where, "not an object (%s)", object);
      return;
    }

  value = json_node_get_object (node);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *field = json_object_get_object_member (fields, l->data);
      g_autofree char *member_where = g_strdup_printf ("%s.%s", where, (char *) l->data);
      gboolean omitted = FALSE;

      for (guint i = 0; omits != NULL && i < json_array_get_length (omits); i++)
        omitted |= g_str_equal (json_array_get_string_element (omits, i), l->data);

      if (omitted && json_object_has_member (value, l->data))
        problem (h, member_where, "sent, though this answer leaves it out");
      else if (!omitted && !json_object_has_member (value, l->data) && !field_flag (field, "optional"))
        problem (h, member_where, "missing (%s publishes it)", object);
      else if (json_object_has_member (value, l->data))
        validate_value (h, json_object_get_member (value, l->data), field, member_where);
    }

  members = json_object_get_members (value);
  for (GList *l = members; l != NULL; l = l->next)
    {
      if (!json_object_has_member (fields, l->data))
        problem (h, where, "\"%s\" is not a field of %s", (char *) l->data, object);
    }
}

GBytes *
jd_test_schema_generate (JdTestSchema *schema,
                         const char   *object,
                         gboolean      is_array,
                         guint         first_value,
                         GHashTable   *expected)
{
  Generator gen = { schema, expected, first_value };

  return generate_answer (&gen, object, is_array);
}

void
jd_test_schema_validate (JdTestSchema *schema,
                         JsonNode     *node,
                         const char   *object,
                         JsonArray    *omits,
                         const char   *where,
                         GString      *problems)
{
  Checker checker = { schema, problems };

  validate_object (&checker, node, object, omits, where);
}
