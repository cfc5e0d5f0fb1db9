/* jd-message-filter-model.h: a job's messages, narrowed by severity and
 * by a search text.
 *
 * A GListModel over a job's messages that stays fast for a million of
 * them: it reads a JdMessageList position by position (no object per
 * message) and keeps the positions that match; a big search runs on a
 * worker thread.
 */
#pragma once

#include <gio/gio.h>

#include "jd-job-message.h"
#include "jd-message-matcher.h"

G_BEGIN_DECLS

#define JD_TYPE_MESSAGE_FILTER_MODEL (jd_message_filter_model_get_type ())
G_DECLARE_FINAL_TYPE (JdMessageFilterModel, jd_message_filter_model, JD, MESSAGE_FILTER_MODEL, GObject)

JdMessageFilterModel *jd_message_filter_model_new            (GListModel           *model);
GListModel           *jd_message_filter_model_get_model      (JdMessageFilterModel *self);
void                  jd_message_filter_model_set_model      (JdMessageFilterModel *self,
                                                              GListModel           *model);
JdMessageFilterKind   jd_message_filter_model_get_kind       (JdMessageFilterModel *self);
void                  jd_message_filter_model_set_kind       (JdMessageFilterModel *self,
                                                              JdMessageFilterKind   kind);
const char           *jd_message_filter_model_get_search     (JdMessageFilterModel *self);
void                  jd_message_filter_model_set_search     (JdMessageFilterModel *self,
                                                              const char           *search);
/* All messages of the model, whatever the filter. */
guint                 jd_message_filter_model_get_n_total    (JdMessageFilterModel *self);
guint                 jd_message_filter_model_count_severity (JdMessageFilterModel *self,
                                                              JdMessageSeverity     severity);
/* TRUE while a search of a big list runs on a worker thread: the model
 * still holds the matches of the filter before; "busy" is notified when
 * the new ones are in. */
gboolean              jd_message_filter_model_get_busy       (JdMessageFilterModel *self);
/* TRUE when the kind or the search leaves messages out. */
gboolean              jd_message_filter_model_is_filtering   (JdMessageFilterModel *self);

G_END_DECLS
