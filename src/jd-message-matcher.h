/* jd-message-matcher.h: which messages of a JdMessageList a severity and
 * a search text keep.
 *
 * A matcher is made on the main thread and may then run on any one
 * thread: it holds its own reference to the list (which never changes
 * once it is filled) and copies of the filter's settings. The message
 * filter model runs it in place for small lists and on a worker thread
 * for big ones (jd-message-filter-model.c).
 */
#pragma once

#include <gio/gio.h>

#include "jd-message-filter-model.h"
#include "jd-message-list.h"

G_BEGIN_DECLS

typedef struct _JdMessageMatcher JdMessageMatcher;

/* needle: the search trimmed and folded (lower-case ASCII when
 * needle_is_ascii, else g_utf8_casefold ()), or NULL for none. */
JdMessageMatcher *jd_message_matcher_new   (JdMessageList       *list,
                                            JdMessageFilterKind  kind,
                                            const char          *needle,
                                            gboolean             needle_is_ascii);
void              jd_message_matcher_free  (JdMessageMatcher    *matcher);

/* The positions that match, ascending: of those in among (ascending), or
 * of all the list's when among is NULL. NULL when cancelled meanwhile
 * (looked at every few thousand messages). */
GArray           *jd_message_matcher_run   (JdMessageMatcher    *matcher,
                                            GArray              *among,
                                            GCancellable        *cancellable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdMessageMatcher, jd_message_matcher_free)

G_END_DECLS
