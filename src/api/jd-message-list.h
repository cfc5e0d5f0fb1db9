/* jd-message-list.h: a compact GListModel of job messages.
 *
 * A job can carry 100,000 messages. They are stored as small structs with
 * their texts in one string chunk; a JdJobMessage is made only when a row
 * or a filter asks for one.
 */
#pragma once

#include <gio/gio.h>

#include "jd-job-message.h"

G_BEGIN_DECLS

#define JD_TYPE_MESSAGE_LIST (jd_message_list_get_type ())
G_DECLARE_FINAL_TYPE (JdMessageList, jd_message_list, JD, MESSAGE_LIST, GObject)

JdMessageList     *jd_message_list_new          (void);
void               jd_message_list_append       (JdMessageList *self,
                                                 guint          code,
                                                 const char    *text,
                                                 gint32         tool_id);
/* cheap reads that make no object, for filters and counts */
guint              jd_message_list_get_code     (JdMessageList *self,
                                                 guint          position);
JdMessageSeverity  jd_message_list_get_severity (JdMessageList *self,
                                                 guint          position);
const char        *jd_message_list_get_text     (JdMessageList *self,
                                                 guint          position);
gint32             jd_message_list_get_tool_id  (JdMessageList *self,
                                                 guint          position);
guint              jd_message_list_count_severity (JdMessageList     *self,
                                                   JdMessageSeverity  severity);
/* elements of the Server's answer that were no message (not objects) */
void               jd_message_list_add_unreadable   (JdMessageList *self);
guint              jd_message_list_get_n_unreadable (JdMessageList *self);
/* only the first messages: the answer was larger than Job Desk reads */
void               jd_message_list_set_cut_off      (JdMessageList *self);
gboolean           jd_message_list_get_cut_off      (JdMessageList *self);
/* moves other's messages to the end of self (slices of one array) */
void               jd_message_list_take_all         (JdMessageList *self,
                                                     JdMessageList *other);

G_END_DECLS
