/* jd-history-page.h: every job looked up, searchable, one click to reopen. */
#pragma once

#include <adwaita.h>

#include "jd-history.h"

G_BEGIN_DECLS

#define JD_TYPE_HISTORY_PAGE (jd_history_page_get_type ())
G_DECLARE_FINAL_TYPE (JdHistoryPage, jd_history_page, JD, HISTORY_PAGE, AdwBin)

GtkWidget  *jd_history_page_new         (void);
JdHistory  *jd_history_page_get_history (JdHistoryPage *self);
void        jd_history_page_set_history (JdHistoryPage *self,
                                         JdHistory     *history);
void        jd_history_page_set_search  (JdHistoryPage *self,
                                         const char    *text);
/* The rows shown now, after the search. */
GListModel *jd_history_page_get_shown   (JdHistoryPage *self);
/* Clears the history without asking (the button asks first). */
void        jd_history_page_clear       (JdHistoryPage *self);

/* Signal "job-activated" (const char *job_id). */

G_END_DECLS
