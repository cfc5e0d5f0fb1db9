/* jd-json-cut-off.h: the first part of a job's JSON, past what Job Desk
 * reads, made whole again.
 *
 * Private to the API layer. When a job or its messages are larger than
 * the client's limit, the call keeps the bytes up to the limit; this
 * closes them after the last complete message, so that the usual readers
 * can show the messages that came.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The prefix of a root object holding a "messages" array (GET
 * /v3/jobs/{id}), or of a root array of messages (GET …/messages), cut
 * after its last complete message (or its last complete member after the
 * array) and closed: valid JSON of the same shape. NULL when the cut is
 * anywhere else (before the array, in an object that is no job), or the
 * bytes are no JSON. *in_messages tells whether messages were cut. */
GBytes *jd_json_close_cut_off (GBytes   *prefix,
                               gboolean *in_messages);

G_END_DECLS
