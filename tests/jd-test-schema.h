/* jd-test-schema.h: tests/data/server-schema.json for the contract test:
 * the Server's objects field by field, answers generated from them, and
 * answers checked against them. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  JsonParser *parser;
  JsonObject *objects;    /* name → {fields: {name → field}} */
  JsonArray  *endpoints;
} JdTestSchema;

JdTestSchema *jd_test_schema_load            (void);
void          jd_test_schema_free            (JdTestSchema  *schema);
/* Asserts that every type, format and object the schema names is known. */
void          jd_test_schema_check           (JdTestSchema  *schema);
/* name → field */
JsonObject   *jd_test_schema_fields          (JdTestSchema  *schema,
                                              const char    *object);
/* The object an endpoint answers, and whether an array of them. */
const char   *jd_test_schema_answer          (JsonObject    *endpoint,
                                              gboolean      *is_array);
/* The member if it is an array, else NULL (json-glib would complain). */
JsonArray    *jd_test_schema_optional_array  (JsonObject    *object,
                                              const char    *name);
/* An answer with every field of the object (or an array of one) set to a
 * value of its own, from first_value on, and decoys under the names other
 * objects use; expected gets "Object.field" → how a model shows it. */
GBytes       *jd_test_schema_generate        (JdTestSchema  *schema,
                                              const char    *object,
                                              gboolean       is_array,
                                              guint          first_value,
                                              GHashTable    *expected);
/* Appends a line to problems for every field missing, of the wrong type
 * or not in the schema. */
void          jd_test_schema_validate        (JdTestSchema  *schema,
                                              JsonNode      *node,
                                              const char    *object,
                                              JsonArray     *omits,
                                              const char    *where,
                                              GString       *problems);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdTestSchema, jd_test_schema_free)

G_END_DECLS
