/* test-contract.c: the JSON readers and the sample server, both held
 * against one description of the wire format, tests/data/server-schema.json
 * (the Server's own schemas, DESIGN §1).
 *
 * Readers: for each answer a reader takes, a document is generated from
 * the schema with every published field set to a value of its own, and
 * decoys under the names other objects use; the table below says where
 * each field must arrive in the model, and each value is looked for
 * there. A reader that reads another name than the published one, or
 * tries another before it, misses the value.
 *
 * Sample server: every endpoint the app calls is called over real HTTP,
 * and each answer must hold every published field with its type, and no
 * field the schema does not list. A sample server that answers with
 * another name fails.
 *
 * So a reader and the sample server can no longer agree on a name the
 * Server does not use: each is held to the schema, not to the other.
 */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "jd-demo-data.h"
#include "jd-demo-server.h"
#include "jd-job-message.h"
#include "jd-job-output.h"
#include "jd-job-page.h"
#include "jd-json-reader.h"
#include "jd-test-util.h"
#include "jd-workflow-job.h"
#include "jd-workflow.h"

/* ------------------------------------------------------------------ */
/* The schema                                                          */

typedef struct
{
  JsonParser *parser;
  JsonObject *objects;    /* name → {fields: {name → field}} */
  JsonArray  *endpoints;
} Schema;

static void
schema_free (Schema *schema)
{
  g_clear_object (&schema->parser);
  g_free (schema);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Schema, schema_free)

static Schema *
schema_load (void)
{
  g_autoptr(GBytes) bytes = jd_test_load_data ("server-schema.json");
  g_autoptr(GError) error = NULL;
  Schema *schema = g_new0 (Schema, 1);
  JsonObject *root;

  schema->parser = json_parser_new ();
  json_parser_load_from_data (schema->parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (schema->parser));
  schema->objects = json_object_get_object_member (root, "objects");
  schema->endpoints = json_object_get_array_member (root, "endpoints");

  return schema;
}

static JsonObject *
schema_fields (Schema     *schema,
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
static JsonArray *
optional_array (JsonObject *object,
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
static const char *
answer_object (JsonObject *endpoint,
               gboolean   *is_array)
{
  JsonNode *answer = json_object_get_member (endpoint, "answer");

  *is_array = JSON_NODE_HOLDS_OBJECT (answer);
  if (*is_array)
    return json_object_get_string_member (json_node_get_object (answer), "array");

  return json_node_get_string (answer);
}

static void
test_schema_well_formed (void)
{
  static const char *const types[] = { "string", "integer", "boolean", "array", "object", NULL };
  static const char *const formats[] = { "object-id", "date-time", "duration", NULL };
  g_autoptr(Schema) schema = schema_load ();
  g_autoptr(GList) names = json_object_get_members (schema->objects);

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *fields = schema_fields (schema, l->data);
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
      const char *object = answer_object (endpoint, &is_array);

      g_assert_nonnull (object);
      g_assert_true (json_object_has_member (schema->objects, object));
      g_assert_true (g_str_has_prefix (json_object_get_string_member (endpoint, "path"), "/"));
    }
}

/* ------------------------------------------------------------------ */
/* Readers: generated documents                                        */

/* A generated document, and the text each field's value must read as
 * in the model: "Object.field" → text. */
typedef struct
{
  Schema     *schema;
  GHashTable *expected;
  guint       counter;
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

      return json_node_init_array (json_node_alloc (), array);
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
      JsonObject *fields = schema_fields (gen->schema, o->data);
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
  JsonObject *fields = schema_fields (gen->schema, object);
  g_autoptr(GList) names = json_object_get_members (fields);
  JsonObject *result = json_object_new ();

  for (GList *l = names; l != NULL; l = l->next)
    {
      char *expected = NULL;
      JsonNode *value = generate_value (gen, object, l->data, json_object_get_object_member (fields, l->data),
                                        &expected);

      json_object_set_member (result, l->data, value);
      g_hash_table_replace (gen->expected, g_strdup_printf ("%s.%s", object, (char *) l->data), expected);
    }

  add_decoys (gen, object, result);

  return json_node_init_object (json_node_alloc (), result);
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
    }

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  return g_bytes_new_take (text, strlen (text));
}

/* ------------------------------------------------------------------ */
/* Readers: where each field arrives                                   */

/* What the token reader gives. */
typedef struct
{
  char   *access_token;
  gint64  expires_in;
} TokenRead;

static char *
text_or_null (const char *text)
{
  return g_strdup (text != NULL ? text : "(null)");
}

static char *
date_text (GDateTime *date)
{
  g_autoptr(GDateTime) utc = NULL;

  if (date == NULL)
    return g_strdup ("(null)");

  utc = g_date_time_to_utc (date);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static char *
count_text (GListModel *list)
{
  return g_strdup_printf ("%u item", g_list_model_get_n_items (list));
}

static char *
flag_text (gboolean value)
{
  return g_strdup (value ? "true" : "false");
}

static char *
number_text (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

static char *
formats_text (const char * const *formats)
{
  return formats != NULL ? g_strjoinv (",", (char **) formats) : g_strdup ("(null)");
}

static char *
execution_time_text (JdWorkflowJob *job)
{
  return g_strdup_printf ("%s = %.0f s", jd_workflow_job_get_execution_time_text (job),
                          jd_workflow_job_get_execution_time (job));
}

static char *
e2_text (gboolean has,
         gboolean value)
{
  return flag_text (has && value);
}

#define GETTER(name, type, expression) \
  static char * name (gpointer part) { type *self = part; return expression; }

GETTER (job_id, JdJob, text_or_null (jd_job_get_id (self)))
GETTER (job_app_id, JdJob, text_or_null (jd_job_get_app_id (self)))
GETTER (job_created, JdJob, date_text (jd_job_get_created (self)))
GETTER (job_status, JdJob, text_or_null (jd_job_get_status (self)))
GETTER (job_disposition, JdJob, text_or_null (jd_job_get_disposition (self)))
GETTER (job_outputs, JdJob, count_text (jd_job_get_outputs (self)))
GETTER (job_messages, JdJob, count_text (jd_job_get_messages (self)))
GETTER (job_priority, JdJob, text_or_null (jd_job_get_priority (self)))
GETTER (job_worker_tag, JdJob, text_or_null (jd_job_get_worker_tag (self)))
GETTER (job_e2, JdJob, e2_text (jd_job_get_has_run_with_e2 (self), jd_job_get_run_with_e2 (self)))
GETTER (output_id, JdJobOutput, text_or_null (jd_job_output_get_id (self)))
GETTER (output_formats, JdJobOutput, formats_text (jd_job_output_get_formats (self)))
GETTER (output_file_name, JdJobOutput, text_or_null (jd_job_output_get_file_name (self)))
GETTER (message_code, JdJobMessage, number_text (jd_job_message_get_code (self)))
GETTER (message_text, JdJobMessage, text_or_null (jd_job_message_get_text (self)))
GETTER (message_tool, JdJobMessage, number_text (jd_job_message_get_tool_id (self)))
GETTER (row_id, JdWorkflowJob, text_or_null (jd_workflow_job_get_id (self)))
GETTER (row_created, JdWorkflowJob, date_text (jd_workflow_job_get_created (self)))
GETTER (row_status, JdWorkflowJob, text_or_null (jd_workflow_job_get_status (self)))
GETTER (row_priority, JdWorkflowJob, text_or_null (jd_workflow_job_get_priority (self)))
GETTER (row_worker_tag, JdWorkflowJob, text_or_null (jd_workflow_job_get_worker_tag (self)))
GETTER (row_e2, JdWorkflowJob, e2_text (jd_workflow_job_get_has_run_with_e2 (self), jd_workflow_job_get_run_with_e2 (self)))
GETTER (row_workflow_name, JdWorkflowJob, text_or_null (jd_workflow_job_get_workflow_name (self)))
GETTER (row_workflow_id, JdWorkflowJob, text_or_null (jd_workflow_job_get_workflow_id (self)))
GETTER (row_submitted_by, JdWorkflowJob, text_or_null (jd_workflow_job_get_submitted_by (self)))
GETTER (row_start_time, JdWorkflowJob, date_text (jd_workflow_job_get_start_time (self)))
GETTER (row_queue_time, JdWorkflowJob, date_text (jd_workflow_job_get_queue_time (self)))
GETTER (row_execution_time, JdWorkflowJob, execution_time_text (self))
GETTER (page_data, JdJobPage, count_text (jd_job_page_get_jobs (self)))
GETTER (page_pagination, JdJobPage, g_strdup (jd_job_page_get_has_pagination (self) ? "object" : "(none)"))
GETTER (page_current, JdJobPage, number_text (jd_job_page_get_current_page (self)))
GETTER (page_size, JdJobPage, number_text (jd_job_page_get_page_size (self)))
GETTER (page_total_items, JdJobPage, number_text (jd_job_page_get_total_items (self)))
GETTER (page_total_pages, JdJobPage, number_text (jd_job_page_get_total_pages (self)))
GETTER (page_has_next, JdJobPage, flag_text (jd_job_page_get_has_next_page (self)))
GETTER (page_has_previous, JdJobPage, flag_text (jd_job_page_get_has_previous_page (self)))
GETTER (workflow_id, JdWorkflow, text_or_null (jd_workflow_get_id (self)))
GETTER (workflow_name, JdWorkflow, text_or_null (jd_workflow_get_name (self)))
GETTER (workflow_owner, JdWorkflow, text_or_null (jd_workflow_get_owner_id (self)))
GETTER (workflow_created, JdWorkflow, date_text (jd_workflow_get_created (self)))
GETTER (workflow_run_count, JdWorkflow, number_text (jd_workflow_get_run_count (self)))
GETTER (workflow_worker_tag, JdWorkflow, text_or_null (jd_workflow_get_worker_tag (self)))
GETTER (workflow_comments, JdWorkflow, text_or_null (jd_workflow_get_comments (self)))
GETTER (workflow_version_id, JdWorkflow, text_or_null (jd_workflow_get_published_version_id (self)))
GETTER (workflow_mode, JdWorkflow, text_or_null (jd_workflow_get_execution_mode (self)))
GETTER (workflow_source, JdWorkflow, text_or_null (jd_workflow_get_source_app_id (self)))
GETTER (workflow_version, JdWorkflow, text_or_null (jd_workflow_get_published_version (self)))
GETTER (token_access, TokenRead, text_or_null (self->access_token))
GETTER (token_expires, TokenRead, number_text (self->expires_in))
GETTER (error_sentence, char, text_or_null (self))

#undef GETTER

/* Schema field → where it arrives; a field no model holds says why. */
static const struct
{
  const char *object;
  const char *field;
  char     *(*get) (gpointer part);
  const char *not_read;
} field_map[] = {
  { "JobView", "id", job_id, NULL },
  { "JobView", "appId", job_app_id, NULL },
  { "JobView", "createDateTime", job_created, NULL },
  { "JobView", "status", job_status, NULL },
  { "JobView", "disposition", job_disposition, NULL },
  { "JobView", "outputs", job_outputs, NULL },
  { "JobView", "messages", job_messages, NULL },
  { "JobView", "priority", job_priority, NULL },
  { "JobView", "workerTag", job_worker_tag, NULL },
  { "JobView", "runWithE2", job_e2, NULL },
  { "JobOutputView", "id", output_id, NULL },
  { "JobOutputView", "availableFormats", output_formats, NULL },
  { "JobOutputView", "fileName", output_file_name, NULL },
  { "JobMessageView", "status", message_code, NULL },
  { "JobMessageView", "text", message_text, NULL },
  { "JobMessageView", "toolId", message_tool, NULL },
  { "WorkflowJobView", "id", row_id, NULL },
  { "WorkflowJobView", "createDate", row_created, NULL },
  { "WorkflowJobView", "status", row_status, NULL },
  { "WorkflowJobView", "priority", row_priority, NULL },
  { "WorkflowJobView", "workerTag", row_worker_tag, NULL },
  { "WorkflowJobView", "runWithE2", row_e2, NULL },
  { "PagedJobSummaryView", "jobId", row_id, NULL },
  { "PagedJobSummaryView", "status", row_status, NULL },
  { "PagedJobSummaryView", "workflowName", row_workflow_name, NULL },
  { "PagedJobSummaryView", "workflowId", row_workflow_id, NULL },
  { "PagedJobSummaryView", "submittedBy", row_submitted_by, NULL },
  { "PagedJobSummaryView", "startTime", row_start_time, NULL },
  { "PagedJobSummaryView", "queueTime", row_queue_time, NULL },
  { "PagedJobSummaryView", "executionTime", row_execution_time, NULL },
  { "PagedJobSummaryView", "priority", row_priority, NULL },
  { "PagedJobSummaryViewPage", "data", page_data, NULL },
  { "PagedJobSummaryViewPage", "pagination", page_pagination, NULL },
  { "PaginationInfo", "currentPage", page_current, NULL },
  { "PaginationInfo", "pageSize", page_size, NULL },
  { "PaginationInfo", "totalItems", page_total_items, NULL },
  { "PaginationInfo", "totalPages", page_total_pages, NULL },
  { "PaginationInfo", "hasNextPage", page_has_next, NULL },
  { "PaginationInfo", "hasPreviousPage", page_has_previous, NULL },
  { "WorkflowView", "id", workflow_id, NULL },
  { "WorkflowView", "name", workflow_name, NULL },
  { "WorkflowView", "ownerId", workflow_owner, NULL },
  { "WorkflowView", "dateCreated", workflow_created, NULL },
  { "WorkflowView", "runCount", workflow_run_count, NULL },
  { "WorkflowView", "workerTag", workflow_worker_tag, NULL },
  { "WorkflowView", "comments", workflow_comments, NULL },
  { "WorkflowView", "publishedVersionId", workflow_version_id, NULL },
  { "WorkflowView", "versions", NULL, "the app shows no versions" },
  { "WorkflowView", "othersCanViewHistory", NULL, "the app shows no sharing settings" },
  { "WorkflowView", "othersCanExecute", NULL, "the app shows no sharing settings" },
  { "WorkflowView", "executionMode", workflow_mode, NULL },
  { "WorkflowVersionView", "versionId", NULL, "versions are not read" },
  { "WorkflowVersionView", "versionNumber", NULL, "versions are not read" },
  { "WorkflowVersionView", "dateCreated", NULL, "versions are not read" },
  { "WorkflowVersionView", "published", NULL, "versions are not read" },
  { "ReducedWorkflowView", "id", workflow_id, NULL },
  { "ReducedWorkflowView", "sourceAppId", workflow_source, NULL },
  { "ReducedWorkflowView", "name", workflow_name, NULL },
  { "ReducedWorkflowView", "ownerId", workflow_owner, NULL },
  { "ReducedWorkflowView", "dateCreated", workflow_created, NULL },
  { "ReducedWorkflowView", "publishedVersionNumber", workflow_version, NULL },
  { "ReducedWorkflowView", "isAmp", NULL, "the app does not tell AMP workflows apart" },
  { "ReducedWorkflowView", "executionMode", workflow_mode, NULL },
  { "TokenAnswer", "access_token", token_access, NULL },
  { "TokenAnswer", "token_type", NULL, "always bearer; every call sends Authorization: Bearer" },
  { "TokenAnswer", "expires_in", token_expires, NULL },
  { "OAuthError", "error", NULL, "shown only when error_description is missing (test-json-reader)" },
  { "OAuthError", "error_description", error_sentence, NULL },
};

/* Objects that no reader takes, and why. */
static const struct
{
  const char *object;
  const char *why;
} unread_objects[] = {
  { "WorkflowQuestionView", "the app does not ask a workflow's questions" },
};

/* Every JSON reader but those of tokens and refusals takes bytes and
 * answers a new object. */
typedef gpointer (*ObjectReader) (GBytes *bytes, GError **error);

/* What one reader made of a generated answer: the part of it that holds
 * the fields of each object. */
typedef struct
{
  const char *object;     /* the answer's object */
  gboolean    is_array;
  ObjectReader  read_json;  /* a reader that makes an object, or NULL */
  gpointer  (*read) (GBytes *bytes, GDestroyNotify *free_model);
  /* parts it takes out of the model go into keep (GObjects) */
  gpointer  (*part) (gpointer model, const char *object, GPtrArray *keep);
} Reader;

static gpointer
first_item (GListModel *list,
            GPtrArray  *keep)
{
  gpointer item = g_list_model_get_item (list, 0);

  g_assert_nonnull (item);
  g_ptr_array_add (keep, item);
  return item;
}

static gpointer
read_object (ObjectReader   reader,
             GBytes      *bytes)
{
  g_autoptr(GError) error = NULL;
  gpointer model = reader (bytes, &error);

  g_assert_no_error (error);
  g_assert_true (G_IS_OBJECT (model));
  return model;
}

static gpointer
job_part (gpointer    model,
          const char *object,
          GPtrArray  *keep)
{
  if (g_str_equal (object, "JobOutputView"))
    return first_item (jd_job_get_outputs (model), keep);
  if (g_str_equal (object, "JobMessageView"))
    return first_item (jd_job_get_messages (model), keep);
  return model;
}

static gpointer
list_part (gpointer    model,
           const char *object,
           GPtrArray  *keep)
{
  return first_item (model, keep);
}

/* the rows are the jobs of the page; the page holds its pagination */
static gpointer
page_part (gpointer    model,
           const char *object,
           GPtrArray  *keep)
{
  if (g_str_equal (object, "WorkflowJobView") || g_str_equal (object, "PagedJobSummaryView"))
    return first_item (jd_job_page_get_jobs (model), keep);
  return model;
}

static gpointer
same_part (gpointer    model,
           const char *object,
           GPtrArray  *keep)
{
  return model;
}

static void
token_read_free (gpointer data)
{
  TokenRead *token = data;

  g_free (token->access_token);
  g_free (token);
}

static gpointer
read_token (GBytes         *bytes,
            GDestroyNotify *free_model)
{
  g_autoptr(GError) error = NULL;
  TokenRead *token = g_new0 (TokenRead, 1);

  g_assert_true (jd_json_read_token (bytes, &token->access_token, &token->expires_in, &error));
  g_assert_no_error (error);
  *free_model = token_read_free;
  return token;
}

static gpointer
read_error (GBytes         *bytes,
            GDestroyNotify *free_model)
{
  char *sentence = jd_json_read_error_message (bytes);

  *free_model = g_free;
  return sentence;
}

static const Reader readers[] = {
  { "JobView", FALSE, (ObjectReader) jd_json_read_job, NULL, job_part },
  { "JobMessageView", TRUE, (ObjectReader) jd_json_read_messages, NULL, list_part },
  { "WorkflowJobView", TRUE, (ObjectReader) jd_json_read_workflow_jobs, NULL, page_part },
  { "PagedJobSummaryViewPage", FALSE, (ObjectReader) jd_json_read_job_page, NULL, page_part },
  { "ReducedWorkflowView", TRUE, (ObjectReader) jd_json_read_workflows, NULL, list_part },
  { "WorkflowView", FALSE, (ObjectReader) jd_json_read_workflow, NULL, same_part },
  { "TokenAnswer", FALSE, NULL, read_token, same_part },
  { "OAuthError", FALSE, NULL, read_error, same_part },
};

static void
test_readers_take_every_field (void)
{
  g_autoptr(Schema) schema = schema_load ();
  guint n_checked = 0;

  for (guint r = 0; r < G_N_ELEMENTS (readers); r++)
    {
      Generator gen = { schema, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free), r * 100 };
      g_autoptr(GBytes) bytes = generate_answer (&gen, readers[r].object, readers[r].is_array);
      g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);
      GDestroyNotify free_model = g_object_unref;
      gpointer model = readers[r].read_json != NULL
                       ? read_object (readers[r].read_json, bytes)
                       : readers[r].read (bytes, &free_model);

      g_test_message ("%s: %.*s", readers[r].object, (int) g_bytes_get_size (bytes),
                      (const char *) g_bytes_get_data (bytes, NULL));

      for (guint f = 0; f < G_N_ELEMENTS (field_map); f++)
        {
          g_autofree char *key = g_strdup_printf ("%s.%s", field_map[f].object, field_map[f].field);
          const char *expected = g_hash_table_lookup (gen.expected, key);
          g_autofree char *actual = NULL;

          if (expected == NULL || field_map[f].get == NULL)
            continue;

          actual = field_map[f].get (readers[r].part (model, field_map[f].object, keep));
          if (g_strcmp0 (actual, expected) != 0)
            g_error ("%s, read as %s: the model holds \"%s\", the Server sent \"%s\"",
                     key, readers[r].object, actual, expected);
          n_checked++;
        }

      free_model (model);
      g_hash_table_unref (gen.expected);
    }

  g_test_message ("%u published fields arrived where they belong", n_checked);
  g_assert_cmpuint (n_checked, >=, 50);
}

/* Every field of every object has its place in the table, and the table
 * names no field the schema does not. */
static void
test_readers_table_is_whole (void)
{
  g_autoptr(Schema) schema = schema_load ();
  g_autoptr(GList) names = json_object_get_members (schema->objects);
  g_autoptr(GHashTable) mapped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint f = 0; f < G_N_ELEMENTS (field_map); f++)
    {
      g_autofree char *key = g_strdup_printf ("%s.%s", field_map[f].object, field_map[f].field);

      g_test_message ("%s", key);
      g_assert_true (json_object_has_member (schema_fields (schema, field_map[f].object), field_map[f].field));
      g_assert_true ((field_map[f].get == NULL) != (field_map[f].not_read == NULL));
      g_assert_true (g_hash_table_add (mapped, g_steal_pointer (&key)));
    }

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *fields = schema_fields (schema, l->data);
      g_autoptr(GList) field_names = json_object_get_members (fields);
      gboolean unread = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (unread_objects); i++)
        unread |= g_str_equal (unread_objects[i].object, l->data);
      if (unread)
        continue;

      for (GList *f = field_names; f != NULL; f = f->next)
        {
          g_autofree char *key = g_strdup_printf ("%s.%s", (char *) l->data, (char *) f->data);

          if (!g_hash_table_contains (mapped, key))
            g_error ("%s is published, but the table does not say where a reader puts it", key);
        }
    }
}

/* ------------------------------------------------------------------ */
/* The sample server: every answer against the schema                  */

typedef struct
{
  JdDemoServer *server;
  SoupSession  *session;
  char         *curator;
  char         *viewer;
  Schema       *schema;
  GString      *problems;
  GHashTable   *exercised;   /* endpoint index */
} Harness;

static GBytes *
send_request (Harness    *h,
              const char *method,
              const char *path,
              const char *token,
              const char *form,
              guint      *status)
{
  g_autofree char *uri = g_strconcat (jd_demo_server_get_base_url (h->server), path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr(GError) error = NULL;
  GBytes *body;

  g_assert_nonnull (msg);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept", "application/json");
  if (token != NULL)
    {
      g_autofree char *bearer = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", bearer);
    }
  if (form != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (form, strlen (form));

      soup_message_set_request_body_from_bytes (msg, SOUP_FORM_MIME_TYPE_URLENCODED, bytes);
    }

  body = soup_session_send_and_read (h->session, msg, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (msg);
  return body;
}

static char *
request_token (Harness    *h,
               const char *key,
               const char *secret)
{
  g_autofree char *form = soup_form_encode ("grant_type", "client_credentials",
                                            "client_id", key, "client_secret", secret, NULL);
  g_autoptr(GBytes) body = NULL;
  g_autofree char *token = NULL;
  guint status;

  body = send_request (h, "POST", "/oauth2/token", NULL, form, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_true (jd_json_read_token (body, &token, NULL, NULL));
  return g_steal_pointer (&token);
}

static Harness *
harness_new (void)
{
  Harness *h = g_new0 (Harness, 1);
  g_autoptr(GError) error = NULL;

  h->server = jd_demo_server_new ();
  jd_demo_server_start_thread (h->server, 0, &error);
  g_assert_no_error (error);
  h->session = soup_session_new ();
  soup_session_set_proxy_resolver (h->session, NULL);
  h->schema = schema_load ();
  h->problems = g_string_new (NULL);
  h->exercised = g_hash_table_new (NULL, NULL);
  h->curator = request_token (h, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
  h->viewer = request_token (h, JD_DEMO_VIEWER_API_KEY, JD_DEMO_VIEWER_API_SECRET);

  return h;
}

static void
harness_free (Harness *h)
{
  jd_demo_server_stop (h->server);
  g_assert_finalize_object (h->server);
  g_assert_finalize_object (h->session);
  g_free (h->curator);
  g_free (h->viewer);
  schema_free (h->schema);
  g_string_free (h->problems, TRUE);
  g_hash_table_unref (h->exercised);
  g_free (h);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Harness, harness_free)

G_GNUC_PRINTF (3, 4)
static void
problem (Harness    *h,
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

static void validate_object (Harness *h, JsonNode *node, const char *object, JsonArray *omits, const char *where);

static gboolean
is_object_id (const char *text)
{
  return jd_demo_data_is_object_id (text);
}

/* One value against its field. */
static void
validate_value (Harness    *h,
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
validate_object (Harness    *h,
                 JsonNode   *node,
                 const char *object,
                 JsonArray  *omits,
                 const char *where)
{
  JsonObject *fields = schema_fields (h->schema, object);
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

/* The schema's endpoint for this call: method, path template and status. */
static gint
find_endpoint (Harness    *h,
               const char *method,
               const char *path_template,
               const char *query,
               guint       status)
{
  for (guint i = 0; i < json_array_get_length (h->schema->endpoints); i++)
    {
      JsonObject *endpoint = json_array_get_object_element (h->schema->endpoints, i);
      JsonArray *endpoint_query = optional_array (endpoint, "query");
      guint endpoint_status = (guint) json_object_get_int_member_with_default (endpoint, "status", 200);
      gboolean query_matches = TRUE;

      if (!g_str_equal (json_object_get_string_member (endpoint, "method"), method) ||
          !g_str_equal (json_object_get_string_member (endpoint, "path"), path_template) ||
          endpoint_status != status)
        continue;

      /* "includeMessages=false" picks its own entry; names alone do not */
      for (guint k = 0; endpoint_query != NULL && k < json_array_get_length (endpoint_query); k++)
        {
          const char *part = json_array_get_string_element (endpoint_query, k);

          if (strchr (part, '=') != NULL)
            query_matches &= query != NULL && strstr (query, part) != NULL;
        }

      if (query_matches)
        return (gint) i;
    }

  return -1;
}

/* Calls the endpoint and holds its answer against the schema. */
static void
check_call (Harness    *h,
            const char *method,
            const char *path_template,
            const char *id,
            const char *query,
            const char *token,
            const char *form,
            guint       expected_status)
{
  g_autofree char *path = NULL;
  g_autofree char *where = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *endpoint;
  JsonNode *root;
  const char *object;
  gboolean is_array;
  guint status;
  gint index;

  if (id != NULL)
    {
      const char *brace = strchr (path_template, '{');
      const char *end = brace != NULL ? strchr (brace, '}') : NULL;

      g_assert_nonnull (end);
      path = g_strdup_printf ("%.*s%s%s%s", (int) (brace - path_template), path_template, id, end + 1,
                              query != NULL ? query : "");
    }
  else
    {
      path = g_strconcat (path_template, query, NULL);
    }

  where = g_strdup_printf ("%s %s", method, path);
  index = find_endpoint (h, method, path_template, query, expected_status);
  g_assert_cmpint (index, >=, 0);
  endpoint = json_array_get_object_element (h->schema->endpoints, index);
  g_hash_table_add (h->exercised, GINT_TO_POINTER (index));

  body = send_request (h, method, path, token, form, &status);
  if (status != expected_status)
    {
      problem (h, where, "status %u, not %u", status, expected_status);
      return;
    }

  json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), &error);
  if (error != NULL)
    {
      problem (h, where, "no JSON: %s", error->message);
      return;
    }

  root = json_parser_get_root (parser);
  object = answer_object (endpoint, &is_array);
  if (!is_array)
    {
      validate_object (h, root, object, optional_array (endpoint, "omits"), where);
    }
  else if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      problem (h, where, "not an array of %s", object);
    }
  else
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *element = g_strdup_printf ("%s [%u]", where, i);

          validate_object (h, json_array_get_element (array, i), object, NULL, element);
        }
    }
}

static void
test_server_answers_match_schema (void)
{
  /* the sparse job is a Server that strays from its schema, on purpose:
   * it is what the readers' tolerance is tested with */
  static const char *const jobs[] = {
    JD_DEMO_JOB_SUCCESS, JD_DEMO_JOB_WARNING, JD_DEMO_JOB_ERROR, JD_DEMO_JOB_FAILED,
    JD_DEMO_JOB_CANCELLED, JD_DEMO_JOB_QUEUED, JD_DEMO_JOB_RUNNING, JD_DEMO_JOB_CREATED,
    JD_DEMO_JOB_INITIALIZING, JD_DEMO_JOB_NO_MESSAGES, JD_DEMO_JOB_MANY_MESSAGES,
    JD_DEMO_JOB_PROGRESSING, JD_DEMO_JOB_LONG_QUEUED,
  };
  static const char *const workflow_jobs_queries[] = {
    "", "?status=Queued", "?status=Complete&resultCode=Error&limit=5",
    "?sortField=priority&direction=asc&offset=3&limit=7",
  };
  static const char *const jobs_queries[] = {
    "", "?allUsers=true&limit=200", "?allUsers=true&statuses=Queued,Running,Initializing,Created",
    "?allUsers=true&priorities=High,Critical&sortField=Priority&direction=asc",
    "?users=" JD_DEMO_USER_CURATOR_ID ",Kenji%20Watanabe&completedAfter=2024-01-01&completedBefore=2025-01-01",
    "?allUsers=true&workflowNames=Weekly%20Sales%20Rollup&sortField=AppName&offset=20&limit=20",
  };
  static const char *const workflows_queries[] = { "?view=Default", "?view=Full", "?name=sales&view=Default" };
  static const char *const workflows[] = { JD_DEMO_WORKFLOW_SALES, JD_DEMO_WORKFLOW_INVENTORY };
  g_autoptr(Harness) h = harness_new ();
  guint n_called = 0;

  check_call (h, "POST", "/oauth2/token", NULL, NULL, NULL,
              "grant_type=client_credentials&client_id=demo&client_secret=demo", 200);
  check_call (h, "POST", "/oauth2/token", NULL, NULL, NULL,
              "grant_type=client_credentials&client_id=demo&client_secret=wrong", 400);
  check_call (h, "POST", "/oauth2/token", NULL, NULL, NULL, "grant_type=password", 400);

  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      check_call (h, "GET", "/v3/jobs/{jobId}", jobs[i], "?includeMessages=true", h->curator, NULL, 200);
      check_call (h, "GET", "/v3/jobs/{jobId}", jobs[i], "?includeMessages=false", h->viewer, NULL, 200);
      check_call (h, "GET", "/v3/jobs/{jobId}/messages", jobs[i], NULL, h->curator, NULL, 200);
    }
  check_call (h, "GET", "/v3/jobs/{jobId}", JD_DEMO_JOB_HUGE, "?includeMessages=false", h->curator, NULL, 200);

  for (guint w = 0; w < G_N_ELEMENTS (workflows); w++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (workflow_jobs_queries); i++)
        check_call (h, "GET", "/v3/workflows/{workflowId}/jobs", workflows[w], workflow_jobs_queries[i],
                    h->curator, NULL, 200);
      check_call (h, "GET", "/v3/workflows/{workflowId}", workflows[w], NULL, h->curator, NULL, 200);
    }

  for (guint i = 0; i < G_N_ELEMENTS (jobs_queries); i++)
    check_call (h, "GET", "/v3/jobs", NULL, jobs_queries[i], h->curator, NULL, 200);

  for (guint i = 0; i < G_N_ELEMENTS (workflows_queries); i++)
    check_call (h, "GET", "/v3/workflows", NULL, workflows_queries[i], h->curator, NULL, 200);

  /* last: these change the jobs */
  check_call (h, "DELETE", "/v3/jobs/{jobId}", JD_DEMO_JOB_RUNNING, NULL, h->curator, NULL, 200);
  check_call (h, "DELETE", "/v3/jobs/{jobId}", JD_DEMO_JOB_QUEUED, NULL, h->curator, NULL, 200);

  if (h->problems->len > 0)
    g_error ("The sample server strays from tests/data/server-schema.json:\n%s", h->problems->str);

  /* every endpoint the app calls was called */
  for (guint i = 0; i < json_array_get_length (h->schema->endpoints); i++)
    {
      JsonObject *endpoint = json_array_get_object_element (h->schema->endpoints, i);

      if (!json_object_get_boolean_member_with_default (endpoint, "called_by_app", TRUE))
        continue;
      if (!g_hash_table_contains (h->exercised, GINT_TO_POINTER (i)))
        g_error ("%s %s was not called", json_object_get_string_member (endpoint, "method"),
                 json_object_get_string_member (endpoint, "path"));
      n_called++;
    }
  g_assert_cmpuint (n_called, ==, 10);
}

/* The validation fails where it should: a sample of each mistake. */
static void
test_server_validation_can_fail (void)
{
  static const struct { const char *object; const char *json; const char *problem; } cases[] = {
    { "WorkflowJobView", "{\"id\":\"66ebd18d3d6200007e000d8c\",\"createDate\":\"2024-09-19T10:02:54Z\",\"status\":\"Queued\","
      "\"priority\":\"Low\",\"workerTag\":\"\",\"runWithE2\":true,\"disposition\":\"None\"}",
      "\"disposition\" is not a field of WorkflowJobView" },
    { "PaginationInfo", "{\"currentPage\":1,\"pageSize\":2,\"totalItems\":\"3\",\"totalPages\":2,\"hasNextPage\":true,"
      "\"hasPreviousPage\":false}", "x.totalItems: not an integer" },
    { "PagedJobSummaryView", "{\"id\":\"66ebd18d3d6200007e000d8c\"}", "x.jobId: missing" },
    { "PagedJobSummaryView", "{\"jobId\":\"66ebd18d3d6200007e000d8c\",\"status\":null}", "x.status: null" },
    { "PagedJobSummaryView", "{\"executionTime\":\"five minutes\"}", "is not a duration" },
    { "JobView", "{\"outputs\":[{\"id\":\"o1\"}]}", "x.outputs[0].id: \"o1\" is not an object ID" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Harness h = { 0, };
      g_autoptr(JsonNode) node = json_from_string (cases[i].json, NULL);

      h.schema = schema_load ();
      h.problems = g_string_new (NULL);
      validate_object (&h, node, cases[i].object, NULL, "x");
      g_test_message ("%s", h.problems->str);
      g_assert_nonnull (strstr (h.problems->str, cases[i].problem));
      schema_free (h.schema);
      g_string_free (h.problems, TRUE);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/api/contract/schema/well-formed", test_schema_well_formed);
  g_test_add_func ("/api/contract/readers/take-every-published-field", test_readers_take_every_field);
  g_test_add_func ("/api/contract/readers/table-covers-the-schema", test_readers_table_is_whole);
  g_test_add_func ("/api/contract/server/answers-match-the-schema", test_server_answers_match_schema);
  g_test_add_func ("/api/contract/server/validation-finds-strays", test_server_validation_can_fail);

  return g_test_run ();
}
