/* jd-history.h: every job looked up, newest first, kept in
 * $XDG_DATA_HOME/jobdesk/history.json (written off the main loop).
 *
 * A GListModel of JdHistoryItem; the first 20 are the "recent lookups".
 */
#pragma once

#include <gio/gio.h>

#include "jd-job.h"

G_BEGIN_DECLS

#define JD_HISTORY_MAX_ITEMS 500
#define JD_HISTORY_RECENT    20

#define JD_TYPE_HISTORY_ITEM (jd_history_item_get_type ())
G_DECLARE_FINAL_TYPE (JdHistoryItem, jd_history_item, JD, HISTORY_ITEM, GObject)

const char *jd_history_item_get_job_id (JdHistoryItem *self);
GDateTime  *jd_history_item_get_time   (JdHistoryItem *self);
/* "Completed · Success", or the empty string when not known */
const char *jd_history_item_get_status (JdHistoryItem *self);

#define JD_TYPE_HISTORY (jd_history_get_type ())
G_DECLARE_FINAL_TYPE (JdHistory, jd_history, JD, HISTORY, GObject)

/* settings: where the history was kept before (moved once into the file). */
JdHistory *jd_history_new        (GSettings  *settings);
/* Puts the job first, with now as its time and its status. */
void       jd_history_add_job    (JdHistory  *self,
                                  JdJob      *job);
/* Updates the last known status of a job already in the history. */
void       jd_history_update_job (JdHistory  *self,
                                  JdJob      *job);
void       jd_history_clear      (JdHistory  *self);
/* Waits (a few seconds at most) for the writes under way: at quit. */
void       jd_history_finish_writing (JdHistory *self);
/* A short status text for a job: "Running", "Completed · Warning". */
char      *jd_history_describe_job (JdJob    *job);

G_END_DECLS
