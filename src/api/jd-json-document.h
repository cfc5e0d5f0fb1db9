/* jd-json-document.h: the Server's bytes as a json-glib tree, and typed
 * reads of its members that never raise a critical.
 *
 * Private to the JSON readers (jd-json-reader.c). Every getter takes a
 * member of the given name, or else the first whose name matches without
 * regard to case, and answers "not given" (NULL, FALSE) for a member that
 * is missing or of the wrong type.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "jd-message-list.h"

G_BEGIN_DECLS

#define JD_JSON_MESSAGES_MEMBER "messages"

typedef struct _JdJsonDocument JdJsonDocument;

/* Parses bytes, refusing what is not JSON (JD_CLIENT_ERROR_BAD_RESPONSE).
 * With take_messages, the elements of the root object's "messages" arrays
 * (and, with take_root_array, of a root array) become JdMessageLists as
 * they are parsed; jd_json_document_messages () finds them again. */
JdJsonDocument *jd_json_document_parse           (GBytes          *bytes,
                                                  gboolean         take_messages,
                                                  gboolean         take_root_array,
                                                  GError         **error);
void            jd_json_document_free            (JdJsonDocument  *doc);
JsonNode       *jd_json_document_get_root        (JdJsonDocument  *doc);
/* NULL when the root is no object */
JsonObject     *jd_json_document_get_root_object (JdJsonDocument  *doc);
/* The messages of an array of the document; elements that are not
 * objects are counted as unreadable. */
JdMessageList  *jd_json_document_messages        (JdJsonDocument  *doc,
                                                  JsonArray       *array);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdJsonDocument, jd_json_document_free)

/* Appends one message object (JobMessageView) to list. */
void         jd_json_read_message_into (JsonObject    *object,
                                        JdMessageList *list);

JsonNode    *jd_json_lookup_member     (JsonObject  *object,
                                        const char  *name);
/* G_TYPE_INVALID for anything but a value (null, objects, arrays) */
GType        jd_json_value_type        (JsonNode    *node);
/* a JSON string, possibly invalid UTF-8 */
const char  *jd_json_get_string        (JsonObject  *object,
                                        const char  *name);
JsonArray   *jd_json_get_array         (JsonObject  *object,
                                        const char  *name);
JsonObject  *jd_json_get_object        (JsonObject  *object,
                                        const char  *name);
/* at most 64 KiB long */
gboolean     jd_json_is_short_text     (const char  *text);
char        *jd_json_dup_valid_utf8    (const char  *text);
/* a string, or a number as the Server wrote it; valid UTF-8 */
char        *jd_json_dup_text          (JsonObject  *object,
                                        const char  *name);
/* an integer, a double without a fraction, or a numeric string */
gboolean     jd_json_get_integer       (JsonObject  *object,
                                        const char  *name,
                                        gint64      *out_value);
/* true/false, "true"/"false" in any case, or 1/0 */
gboolean     jd_json_get_boolean       (JsonObject  *object,
                                        const char  *name,
                                        gboolean    *out_value);
/* a string that can be an ID: printable ASCII, no space, not too long */
const char  *jd_json_get_id            (JsonObject  *object,
                                        const char  *name);
GDateTime   *jd_json_get_date          (JsonObject  *object,
                                        const char  *name);

G_END_DECLS
