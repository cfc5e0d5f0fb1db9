/* jd-message-row.h: one row of a job's message list. */
#pragma once

#include <adwaita.h>

#include "jd-job-message.h"

G_BEGIN_DECLS

#define JD_TYPE_MESSAGE_ROW (jd_message_row_get_type ())
G_DECLARE_FINAL_TYPE (JdMessageRow, jd_message_row, JD, MESSAGE_ROW, AdwBin)

GtkWidget    *jd_message_row_new         (void);
JdJobMessage *jd_message_row_get_message (JdMessageRow *self);
void          jd_message_row_set_message (JdMessageRow *self,
                                          JdJobMessage *message);

G_END_DECLS
