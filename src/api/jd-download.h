/* jd-download.h: streams a download's body into a file.
 *
 * Private to the API layer. The first bytes are looked at before anything
 * is written: a web page (an expired login in front of the Server) or a
 * small JSON error where a file of another kind was asked for is an error,
 * and nothing is left on disk. The body goes into a temporary file beside
 * the destination, which takes the destination's place only when the
 * whole body has arrived; a failure removes it.
 *
 * Errors are JD_CLIENT_ERROR for what the answer or the file did, and the
 * stream's own error (GIO's, libsoup's) for a failed read, which the
 * caller words with what it knows of the connection.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Something arrived: the caller's deadline for silence starts anew. */
typedef void (*JdDownloadActivity) (gpointer user_data);

typedef struct
{
  GInputStream          *body;
  const char            *content_type;   /* the answer's, or NULL */
  goffset                expected;       /* Content-Length, or -1 */
  const char            *format;         /* what was asked for: Csv, Raw, Json… */
  GFile                 *destination;
  GFileProgressCallback  progress;
  gpointer               progress_data;
  JdDownloadActivity     activity;
  gpointer               activity_data;
} JdDownloadSpec;

void     jd_download_start  (const JdDownloadSpec *spec,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data);
gboolean jd_download_finish (GAsyncResult         *result,
                             GError              **error);

G_END_DECLS
