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

#include "jd-message-list.h"

G_BEGIN_DECLS

/* The nicks match the "message-filter" enum of the GSettings schema, so
 * the property binds to the key directly. */
typedef enum
{
  JD_MESSAGE_FILTER_ALL,
  JD_MESSAGE_FILTER_ERRORS,
  JD_MESSAGE_FILTER_WARNINGS,
  JD_MESSAGE_FILTER_FILES,
  JD_MESSAGE_FILTER_INFO,
} JdMessageFilterKind;

#define JD_TYPE_MESSAGE_FILTER_KIND (jd_message_filter_kind_get_type ())
GType jd_message_filter_kind_get_type (void) G_GNUC_CONST;

/* The words the UI shows for a tool ID ("Tool 12", "Engine"), which the
 * search matches too; NULL for JD_JOB_MESSAGE_NO_TOOL. */
char *jd_message_dup_tool_label (gint32 tool_id);

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
