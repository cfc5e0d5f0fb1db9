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

/* The words the UI shows for a tool ID ("Tool 12", "Engine"), which the
 * search matches too; NULL for JD_JOB_MESSAGE_NO_TOOL. */
char                 *jd_message_dup_tool_label              (gint32                tool_id);

G_END_DECLS
