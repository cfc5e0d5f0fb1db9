/* jd-search-provider.h: Job Desk in GNOME Shell's search.
 *
 * Exports org.gnome.Shell.SearchProvider2 on the app's bus connection. A
 * job ID, or text holding one, is a result; so is every recent lookup
 * whose ID starts with what was typed (4 hexadecimal characters or more).
 * A result shows the job's status and disposition from the signed-in
 * server, or what the history last knew when the server does not answer
 * in time. Activating a result emits "activate-job"; the Shell's "more
 * results" emits "launch-search". What the provider needs from the app
 * comes in: the history, and a function that returns the current client.
 */
#pragma once

#include <gio/gio.h>

#include "jd-client.h"
#include "jd-history.h"

G_BEGIN_DECLS

/* How long GetResultMetas waits for the server before answering from the
 * history, by default. */
#define JD_SEARCH_PROVIDER_METAS_TIMEOUT_MS 2000
/* The fewest characters of an ID that match recent lookups. */
#define JD_SEARCH_PROVIDER_MIN_PREFIX 4
#define JD_SEARCH_PROVIDER_MAX_RESULTS 10

/* Returns the client of the server signed in to (not a new reference),
 * or NULL; then *pending says whether a sign-in is under way (the saved
 * one being restored), worth waiting for. */
typedef JdClient *(*JdSearchProviderClientFunc) (gpointer  user_data,
                                                 gboolean *pending);

#define JD_TYPE_SEARCH_PROVIDER (jd_search_provider_get_type ())
G_DECLARE_FINAL_TYPE (JdSearchProvider, jd_search_provider, JD, SEARCH_PROVIDER, GObject)

JdSearchProvider *jd_search_provider_new        (JdHistory                  *history,
                                                 JdSearchProviderClientFunc  get_client,
                                                 gpointer                    user_data);
gboolean          jd_search_provider_register   (JdSearchProvider           *self,
                                                 GDBusConnection            *connection,
                                                 const char                 *object_path,
                                                 GError                    **error);
void              jd_search_provider_unregister (JdSearchProvider           *self);
/* Call when the client changes: lookups waiting for a sign-in start. */
void              jd_search_provider_client_changed (JdSearchProvider       *self);
/* The result IDs for these terms, as GetInitialResultSet answers. */
char            **jd_search_provider_find       (JdSearchProvider           *self,
                                                 const char * const         *terms);
void              jd_search_provider_set_metas_timeout (JdSearchProvider    *self,
                                                        guint                milliseconds);

G_END_DECLS
