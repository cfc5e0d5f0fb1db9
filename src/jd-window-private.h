/* jd-window-private.h: the window's parts, for the tests. The lookup
 * page is the one in the selected tab. */
#pragma once

#include "jd-history-page.h"
#include "jd-lookup-page.h"
#include "jd-recent-jobs-page.h"
#include "jd-window.h"
#include "jd-workflow-page.h"

G_BEGIN_DECLS

JdLookupPage   *jd_window_get_lookup_page    (JdWindow *self);
JdWorkflowPage *jd_window_get_workflow_page  (JdWindow *self);
JdHistoryPage  *jd_window_get_history_page   (JdWindow *self);
JdRecentJobsPage *jd_window_get_recent_jobs_page (JdWindow *self);
AdwTabView     *jd_window_get_tab_view       (JdWindow *self);
GtkWindow      *jd_window_get_sign_in_dialog (JdWindow *self);
AdwViewStack   *jd_window_get_view_stack     (JdWindow *self);
/* How long a job may take to show before its tab is not reopened. */
void            jd_window_set_layout_deadline (JdWindow *self,
                                               guint     milliseconds);

G_END_DECLS
