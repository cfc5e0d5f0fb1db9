/* jd-lookup-page.h: the job-ID entry, recent lookups, and the state of the
 * lookup: empty, loading, failed, signed out, or the job itself. */
#pragma once

#include <adwaita.h>

#include "jd-client.h"
#include "jd-history.h"
#include "jd-job.h"
#include "jd-job-follower.h"
#include "jd-lookup-state.h"

G_BEGIN_DECLS

#define JD_TYPE_LOOKUP_PAGE (jd_lookup_page_get_type ())
G_DECLARE_FINAL_TYPE (JdLookupPage, jd_lookup_page, JD, LOOKUP_PAGE, AdwBin)

GtkWidget  *jd_lookup_page_new          (void);
JdClient   *jd_lookup_page_get_client   (JdLookupPage *self);
void        jd_lookup_page_set_client   (JdLookupPage *self,
                                         JdClient     *client);
GSettings  *jd_lookup_page_get_settings (JdLookupPage *self);
void        jd_lookup_page_set_settings (JdLookupPage *self,
                                         GSettings    *settings);
/* Finds the job ID in text; refuses text without one, sending nothing. */
gboolean    jd_lookup_page_look_up_text (JdLookupPage *self,
                                         const char   *text);
/* Shows the ID and looks the job up when the page is first shown (at
 * once if it is): a restored tab sends nothing until selected. */
void        jd_lookup_page_look_up_when_shown (JdLookupPage *self,
                                               const char   *job_id);
/* FALSE for a page still waiting to be shown before its lookup. */
gboolean    jd_lookup_page_get_looked_up (JdLookupPage *self);
/* Looks up what the entry holds. */
void        jd_lookup_page_look_up      (JdLookupPage *self);
void        jd_lookup_page_refresh      (JdLookupPage *self);
void        jd_lookup_page_cancel       (JdLookupPage *self);
void        jd_lookup_page_focus_entry  (JdLookupPage *self);
JdJob      *jd_lookup_page_get_job      (JdLookupPage *self);
/* What the page shows ("state"). */
JdLookupState jd_lookup_page_get_state  (JdLookupPage *self);
gboolean    jd_lookup_page_copy_all_file_names (JdLookupPage *self);
JdHistory  *jd_lookup_page_get_history  (JdLookupPage *self);
void        jd_lookup_page_set_history  (JdLookupPage *self,
                                         JdHistory    *history);
/* The ID being shown or looked up, or NULL. */
const char *jd_lookup_page_get_job_id   (JdLookupPage *self);
/* For the tab: the job ID, or "New Lookup". */
const char *jd_lookup_page_get_title    (JdLookupPage *self);
/* Nothing looked up yet, nothing under way. */
gboolean    jd_lookup_page_is_blank     (JdLookupPage *self);
JdJobFollower *jd_lookup_page_get_follower (JdLookupPage *self);

G_END_DECLS
