/* jd-json-slices.h: a big array of messages read in slices on a thread
 * pool, each slice with a json-glib parser of its own.
 *
 * Private to the JSON readers (jd-json-document.c), which cut the array
 * while scanning the bytes.
 */
#pragma once

#include <glib.h>

#include "jd-message-list.h"

G_BEGIN_DECLS

typedef struct _JdJsonSlices JdJsonSlices;

/* Reads one slice "[…]" (copied, with brackets added) into a list of
 * messages, or NULL when it is not JSON. Called on the pool's threads. */
typedef JdMessageList *(*JdJsonSliceReader) (const char *data,
                                             gsize       length);

/* Starts reading the elements between bounds[0] and bounds[n_slices]
 * (offsets of the array's '[', of the separating commas it is cut at,
 * and of its ']') in data, which must stay alive and unchanged until
 * jd_json_slices_finish (), each slice with reader. The pool's
 * threads begin at once; the caller can do other work meanwhile. */
JdJsonSlices  *jd_json_slices_start  (const char        *data,
                                      const gsize       *bounds,
                                      guint              n_slices,
                                      JdJsonSliceReader  reader);
/* Helps with the slices that are left, waits for the rest and joins the
 * messages in order. NULL with JD_CLIENT_ERROR_BAD_RESPONSE when a slice
 * is not JSON, as the whole array would not be. Frees slices. */
JdMessageList *jd_json_slices_finish (JdJsonSlices  *slices,
                                      GError       **error);

G_END_DECLS
