/* jd-object-id.h: finding a job or workflow ID in pasted text.
 *
 * IDs are MongoDB ObjectIds: 24 hexadecimal characters. Users paste them
 * inside sentences, log lines and Server URLs; we take the one ID the text
 * holds and refuse text that holds none, or several different ones, before
 * any request is sent.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  JD_OBJECT_ID_JOB,
  JD_OBJECT_ID_WORKFLOW,
} JdObjectIdKind;

#define JD_OBJECT_ID_LENGTH 24

gboolean  jd_object_id_is_valid (const char *id);
/* returns the ID in lower case, or NULL with JD_CLIENT_ERROR_INVALID_INPUT */
char     *jd_object_id_extract  (const char      *text,
                                 JdObjectIdKind   kind,
                                 GError         **error);

G_END_DECLS
