/* jd-job-message.h: one message the engine wrote while running a job. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  JD_MESSAGE_SEVERITY_ERROR,
  JD_MESSAGE_SEVERITY_WARNING,
  JD_MESSAGE_SEVERITY_FILE,
  JD_MESSAGE_SEVERITY_INFO,
} JdMessageSeverity;

/* the engine's own messages carry tool ID -1; this one means "not given" */
#define JD_JOB_MESSAGE_NO_TOOL G_MININT32
#define JD_JOB_MESSAGE_TRANSIENT_FLAG 0x40000000u

#define JD_TYPE_JOB_MESSAGE (jd_job_message_get_type ())
G_DECLARE_FINAL_TYPE (JdJobMessage, jd_job_message, JD, JOB_MESSAGE, GObject)

JdJobMessage      *jd_job_message_new          (guint       code,
                                                const char *text,
                                                gint32      tool_id);
guint              jd_job_message_get_code     (JdJobMessage *self);
JdMessageSeverity  jd_job_message_get_severity (JdJobMessage *self);
gboolean           jd_job_message_get_transient (JdJobMessage *self);
const char        *jd_job_message_get_text     (JdJobMessage *self);
gint32             jd_job_message_get_tool_id  (JdJobMessage *self);

/* the code with the transient flag cleared decides the severity */
JdMessageSeverity  jd_message_severity_from_code (guint code);

G_END_DECLS
