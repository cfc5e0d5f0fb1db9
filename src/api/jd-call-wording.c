/* jd-call-wording.c: what a failed call tells the user, in words.
 *
 * One place for every sentence a call can end with, so that they read
 * alike: what happened, then what to do. A library's words (GIO's "Error
 * receiving data: Connection reset by peer", TLS's, libsoup's) are kept in
 * the error's detail for a details area; they are English, technical, and
 * would break our sentence in two.
 */
#define G_LOG_DOMAIN "jd-client"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "jd-call-wording.h"
#include "jd-client-error.h"
#include "jd-json-reader.h"

/* An address quoted in a sentence is cut to this many characters. */
#define MAX_QUOTED_ADDRESS 120

gboolean
jd_call_wording_body_is_html (GBytes *bytes)
{
  gsize size = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;
  gsize i = 0;

  while (i < size && g_ascii_isspace (data[i]))
    i++;

  return i < size && data[i] == '<';
}

GError *
jd_call_wording_cancelled (void)
{
  return g_error_new_literal (JD_CLIENT_ERROR, JD_CLIENT_ERROR_CANCELLED,
                              _("The request was cancelled."));
}

GError *
jd_call_wording_timeout (guint seconds)
{
  return g_error_new (JD_CLIENT_ERROR, JD_CLIENT_ERROR_TIMEOUT,
                      g_dngettext (GETTEXT_PACKAGE,
                                   "The server did not answer within %u second. It may be busy or unreachable; try again later.",
                                   "The server did not answer within %u seconds. It may be busy or unreachable; try again later.",
                                   seconds),
                      seconds);
}

GError *
jd_call_wording_invalid_address (const GError *cause)
{
  return jd_client_error_new_detailed (JD_CLIENT_ERROR_INVALID_INPUT, cause != NULL ? cause->message : NULL,
                                       "%s", _("The request address is not valid. Check the server address."));
}

static GError *
tls_error (const GError         *cause,
           GTlsCertificateFlags  flags)
{
  const char *problem;

  if (g_error_matches (cause, G_TLS_ERROR, G_TLS_ERROR_NOT_TLS))
    problem = _("The server does not speak HTTPS at this address. Check the port, or whether the address should start with http://.");
  else if (flags & G_TLS_CERTIFICATE_UNKNOWN_CA)
    problem = _("The server’s certificate is not signed by an authority this computer trusts (it may be self-signed). Ask your administrator for the certificate authority and install it on this computer.");
  else if (flags & G_TLS_CERTIFICATE_BAD_IDENTITY)
    problem = _("The server’s certificate belongs to another address. Check the server address.");
  else if (flags & G_TLS_CERTIFICATE_EXPIRED)
    problem = _("The server’s certificate has expired. Tell the server’s administrator.");
  else if (flags & G_TLS_CERTIFICATE_NOT_ACTIVATED)
    problem = _("The server’s certificate is not valid yet. Check this computer’s date and time.");
  else if (flags & G_TLS_CERTIFICATE_REVOKED)
    problem = _("The server’s certificate has been revoked. Tell the server’s administrator.");
  else if (flags & G_TLS_CERTIFICATE_INSECURE)
    problem = _("The server’s certificate uses insecure cryptography. Tell the server’s administrator.");
  else
    problem = _("The secure connection to the server failed. Check the address and try again.");

  return jd_client_error_new_detailed (JD_CLIENT_ERROR_TLS, cause->message,
                                       "%s %s", problem, _("Job Desk sent nothing to it."));
}

GError *
jd_call_wording_transport (const GError         *cause,
                           const char           *host,
                           GTlsCertificateFlags  tls_flags)
{
  JdClientError code = JD_CLIENT_ERROR_NETWORK;
  g_autofree char *sentence = NULL;

  if (host == NULL)
    host = "";

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return jd_call_wording_cancelled ();

  if (cause->domain == G_TLS_ERROR || tls_flags != 0)
    return tls_error (cause, tls_flags);

  if (cause->domain == G_RESOLVER_ERROR)
    sentence = g_strdup_printf (_("The server “%s” could not be found. Check the address and your network connection."), host);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    sentence = g_strdup_printf (_("Nothing answers at “%s”. Check the address and port, or whether the server is running."), host);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
           g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE))
    sentence = g_strdup (_("There is no network connection to the server. Check your network and try again."));
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      code = JD_CLIENT_ERROR_TIMEOUT;
      sentence = g_strdup (_("The server stopped answering. It may be busy or unreachable; try again later."));
    }
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
    {
      code = JD_CLIENT_ERROR_BAD_RESPONSE;
      sentence = g_strdup (_("The server’s answer was cut off before its end. Try again."));
    }
  else if (cause->domain == SOUP_SESSION_ERROR)
    {
      code = JD_CLIENT_ERROR_BAD_RESPONSE;
      sentence = g_strdup (_("The server’s answer is not valid HTTP. A proxy or another program may be answering at this address."));
    }
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
           g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE))
    sentence = g_strdup (_("The connection to the server was cut off before the answer was complete. Try again; if this keeps happening, tell the server’s administrator."));
  else
    sentence = g_strdup (_("The connection to the server was lost. Check your network and try again."));

  return jd_client_error_new_detailed (code, cause->message, "%s", sentence);
}

static const char *
subject_noun (JdCallSubject subject)
{
  switch (subject)
    {
    case JD_CALL_SUBJECT_JOB:
    case JD_CALL_SUBJECT_MESSAGES:
    case JD_CALL_SUBJECT_CANCEL_JOB:
      return _("job");
    case JD_CALL_SUBJECT_WORKFLOW:
      return _("workflow");
    case JD_CALL_SUBJECT_OUTPUT:
      return _("output");
    case JD_CALL_SUBJECT_NONE:
    case JD_CALL_SUBJECT_WORKFLOWS:
    case JD_CALL_SUBJECT_RECENT_JOBS:
    default:
      return _("item");
    }
}

static guint
parse_retry_after (const char *value)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = NULL;
  guint64 seconds;

  if (value == NULL)
    return 0;

  if (g_ascii_string_to_unsigned (value, 10, 0, 24 * 3600, &seconds, NULL))
    return seconds;

  when = soup_date_time_new_from_http_string (value);
  if (when == NULL)
    return 0;

  now = g_date_time_new_now_utc ();
  seconds = MAX (0, g_date_time_difference (when, now) / G_USEC_PER_SEC);
  return MIN (seconds, 24 * 3600);
}

GError *
jd_call_wording_status (guint          status,
                        JdCallSubject  subject,
                        const char    *subject_id,
                        gboolean       pasted_token,
                        const char    *retry_after_header,
                        GBytes        *body)
{
  g_autofree char *said = NULL;
  g_autofree char *sentence = NULL;
  const char *id = subject_id != NULL ? subject_id : "";
  guint retry_after = 0;
  JdClientError code;
  GError *error;

  if (body != NULL && !jd_call_wording_body_is_html (body))
    said = jd_json_read_error_message (body);

  switch (status)
    {
    case SOUP_STATUS_BAD_REQUEST:
      code = JD_CLIENT_ERROR_BAD_REQUEST;
      /* Mostly a job that ended meanwhile; the Server's words say which. */
      if (subject == JD_CALL_SUBJECT_CANCEL_JOB)
        sentence = g_strdup (_("The server would not cancel this job; it may have ended meanwhile. Refresh to see how it stands."));
      else
        sentence = g_strdup (_("The server refused the request as not valid. Check that the address is the Server’s Web API, or tell the server’s administrator if this keeps happening."));
      break;

    case SOUP_STATUS_UNAUTHORIZED:
      code = JD_CLIENT_ERROR_UNAUTHORIZED;
      if (pasted_token)
        sentence = g_strdup (_("The server refused the access token; it may have expired. Get a new token and paste it."));
      else
        sentence = g_strdup (_("The server no longer accepts your sign-in. Sign in again."));
      break;

    case SOUP_STATUS_FORBIDDEN:
      code = JD_CLIENT_ERROR_FORBIDDEN;
      if (subject == JD_CALL_SUBJECT_MESSAGES)
        sentence = g_strdup (_("Only Curators may load all messages of a job, and the server refused this account."));
      else if (subject == JD_CALL_SUBJECT_CANCEL_JOB)
        sentence = g_strdup (_("You may not cancel this job: only its owner or a Curator can."));
      else if (subject == JD_CALL_SUBJECT_WORKFLOWS)
        sentence = g_strdup (_("This account may not list workflows. Paste a workflow ID instead."));
      else if (subject == JD_CALL_SUBJECT_RECENT_JOBS)
        sentence = g_strdup (_("This account may not list recent jobs across workflows."));
      else
        sentence = g_strdup_printf (_("This account may not see this %s. Ask its owner to share it with you, or an administrator for access."),
                                    subject_noun (subject));
      break;

    case SOUP_STATUS_NOT_FOUND:
      code = JD_CLIENT_ERROR_NOT_FOUND;
      if (subject == JD_CALL_SUBJECT_JOB || subject == JD_CALL_SUBJECT_MESSAGES ||
          subject == JD_CALL_SUBJECT_CANCEL_JOB)
        sentence = g_strdup_printf (_("There is no job %s on this server, or it is not shared with you: you see the jobs you ran and those of schedules shared with you. Check the ID, or ask the job’s owner to share its schedule."), id);
      else if (subject == JD_CALL_SUBJECT_WORKFLOW)
        sentence = g_strdup_printf (_("There is no workflow %s on this server, or it is not shared with you."), id);
      else if (subject == JD_CALL_SUBJECT_OUTPUT)
        sentence = g_strdup (_("This output is no longer on the server."));
      else if (subject == JD_CALL_SUBJECT_RECENT_JOBS || subject == JD_CALL_SUBJECT_WORKFLOWS)
        {
          code = JD_CLIENT_ERROR_NOT_SUPPORTED;
          sentence = g_strdup (_("This server does not offer this list."));
        }
      else
        sentence = g_strdup (_("The server does not know this address. Check that the address ends in /webapi."));
      break;

    case SOUP_STATUS_METHOD_NOT_ALLOWED:
    case SOUP_STATUS_NOT_IMPLEMENTED:
      code = JD_CLIENT_ERROR_NOT_SUPPORTED;
      sentence = g_strdup (_("This server does not support this request; it may be an older version. Check that the address is the Server’s Web API (it usually ends in /webapi), or ask the server’s administrator."));
      break;

    case SOUP_STATUS_REQUEST_TIMEOUT:
      code = JD_CLIENT_ERROR_TIMEOUT;
      sentence = g_strdup (_("The server gave up waiting for the request. Try again."));
      break;

    case 429: /* Too Many Requests: not named by libsoup 3.2 */
      retry_after = parse_retry_after (retry_after_header);
      code = JD_CLIENT_ERROR_RATE_LIMITED;
      if (retry_after > 0)
        sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "The server is receiving too many requests. Try again in %u second.",
                                                 "The server is receiving too many requests. Try again in %u seconds.",
                                                 retry_after),
                                    retry_after);
      else
        sentence = g_strdup (_("The server is receiving too many requests. Try again in a minute."));
      break;

    case SOUP_STATUS_BAD_GATEWAY:
    case SOUP_STATUS_GATEWAY_TIMEOUT:
      code = JD_CLIENT_ERROR_SERVER;
      sentence = g_strdup_printf (_("A gateway between you and the server got no answer from the server (error %u). The server may be down or restarting; try again later."), status);
      break;

    case SOUP_STATUS_SERVICE_UNAVAILABLE:
      code = JD_CLIENT_ERROR_SERVER;
      sentence = g_strdup (_("The server is unavailable right now (error 503); it may be restarting or under maintenance. Try again later."));
      break;

    default:
      if (status >= 500 && status < 600)
        {
          code = JD_CLIENT_ERROR_SERVER;
          sentence = g_strdup_printf (_("The server ran into an error of its own (error %u). Try again later, or tell the server’s administrator."), status);
        }
      else if (status >= 400 && status < 500)
        {
          code = JD_CLIENT_ERROR_BAD_REQUEST;
          sentence = g_strdup_printf (_("The server refused the request (error %u). Check the server address, or tell the server’s administrator if this keeps happening."), status);
        }
      else
        {
          code = JD_CLIENT_ERROR_BAD_RESPONSE;
          sentence = g_strdup_printf (_("The server gave an answer Job Desk does not understand (status %u). Check that the address is the Server’s Web API, or try again later."), status);
        }
      break;
    }

  /* The Server's own words are part of what it answered, not a library's. */
  if (said != NULL)
    error = g_error_new (JD_CLIENT_ERROR, code, _("%s The server said: “%s”"), sentence, said);
  else
    error = g_error_new_literal (JD_CLIENT_ERROR, code, sentence);

  jd_client_error_set_retry_after (error, retry_after);
  return error;
}

GError *
jd_call_wording_token_refused (GBytes *body)
{
  g_autofree char *said = jd_call_wording_body_is_html (body) ? NULL : jd_json_read_error_message (body);
  const char *sentence = _("The server refused the API key and secret. Check them in the Server under My Profile → Keys. An administrator must first give your account API access.");

  if (said != NULL)
    return g_error_new (JD_CLIENT_ERROR, JD_CLIENT_ERROR_UNAUTHORIZED, _("%s The server said: “%s”"), sentence, said);

  return g_error_new_literal (JD_CLIENT_ERROR, JD_CLIENT_ERROR_UNAUTHORIZED, sentence);
}

GError *
jd_call_wording_no_web_api (void)
{
  return g_error_new_literal (JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_FOUND,
                              _("No Alteryx Server Web API answers at this address. The Web API address usually ends in /webapi."));
}

GError *
jd_call_wording_no_token (void)
{
  return g_error_new_literal (JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                              _("The server’s sign-in answer holds no access token. Check that the address is the Server’s Web API."));
}

GError *
jd_call_wording_web_page (gboolean token_endpoint)
{
  if (token_endpoint)
    return g_error_new_literal (JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                                _("This address answers with a web page, not with the Server’s Web API. The Web API address usually ends in /webapi."));

  return g_error_new_literal (JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                              _("The server answered with a web page instead of data. A proxy or login page may stand in front of the Server’s Web API."));
}

GError *
jd_call_wording_not_json (const char *type)
{
  /* No type, or a generic one: let the parser decide. */
  if (type == NULL ||
      g_str_has_suffix (type, "json") ||
      g_ascii_strcasecmp (type, "text/plain") == 0 ||
      g_ascii_strcasecmp (type, "application/octet-stream") == 0)
    return NULL;

  if (g_ascii_strcasecmp (type, "text/html") == 0 || g_ascii_strcasecmp (type, "application/xhtml+xml") == 0)
    return jd_call_wording_web_page (FALSE);

  return jd_client_error_new_detailed (JD_CLIENT_ERROR_BAD_RESPONSE, type, "%s",
                                       _("The server answered in a format Job Desk cannot read instead of JSON. Check that the address is the Server’s Web API."));
}

GError *
jd_call_wording_cut_off (void)
{
  return g_error_new_literal (JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                              _("The server’s answer was cut off before its end. Try again."));
}

GError *
jd_call_wording_too_large (gsize limit)
{
  /* Token and error answers have a limit below 1 MB. */
  if (limit >= 1024 * 1024)
    return g_error_new (JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                        _("The server’s answer is larger than %u MB, more than Job Desk reads."),
                        (guint) (limit / (1024 * 1024)));

  return g_error_new (JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                      _("The server’s answer is larger than %u KB, more than Job Desk reads."),
                      (guint) (limit / 1024));
}

GError *
jd_call_wording_unreadable (const GError *reader_error)
{
  GError *error;

  if (!g_error_matches (reader_error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE))
    return g_error_copy (reader_error);

  /* The reader says what is wrong with the answer; the user also needs to
   * hear what to do about it. */
  error = g_error_new (JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE, "%s %s", reader_error->message,
                       _("Check that the address is the Server’s Web API, or try again later."));
  jd_client_error_set_detail (error, jd_client_error_get_detail (reader_error));
  return error;
}

GError *
jd_call_wording_redirect_nowhere (guint status)
{
  return g_error_new (JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                      _("The server sent Job Desk elsewhere without saying where (status %u)."), status);
}

/* An address fit to quote: escaped by GUri, and not endless. */
static char *
quotable_address (const char *address)
{
  g_autofree char *cut = NULL;

  if (g_utf8_strlen (address, -1) <= MAX_QUOTED_ADDRESS)
    return g_strdup (address);

  cut = g_utf8_substring (address, 0, MAX_QUOTED_ADDRESS);
  return g_strconcat (cut, "…", NULL);
}

GError *
jd_call_wording_redirect_elsewhere (GUri       *target,
                                    const char *location)
{
  const char *scheme = g_uri_get_scheme (target);
  const char *host = g_uri_get_host (target);
  g_autofree char *whole = g_uri_to_string (target);
  g_autofree char *shown = NULL;

  /* file:, data: and the like have no server to name: "another address
   * ()" would say nothing. */
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    return jd_client_error_new_detailed (JD_CLIENT_ERROR_REDIRECT, location, "%s",
                                         _("The server sent Job Desk on to an address that is not a web address. Job Desk did not follow, so your credentials went nowhere else. Tell the server’s administrator."));

  /* A web address without a server name ("http:/webapi/…", a proxy's
   * typo) is quoted whole, as it leads nowhere Job Desk could follow. */
  shown = quotable_address (host != NULL && *host != '\0' ? host : whole);
  return jd_client_error_new_detailed (JD_CLIENT_ERROR_REDIRECT, location,
                                       _("The server sent Job Desk on to another address (%s). Job Desk did not follow, so your credentials went nowhere else. If the server moved, sign in with its new address."),
                                       shown);
}

GError *
jd_call_wording_redirect_loop (void)
{
  return g_error_new_literal (JD_CLIENT_ERROR, JD_CLIENT_ERROR_REDIRECT,
                              _("The server keeps sending Job Desk around in a circle of addresses. Tell the server’s administrator."));
}

GError *
jd_call_wording_download_cut_off (void)
{
  return g_error_new_literal (JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                              _("The download was cut off before its end, so nothing was saved. Try again."));
}

GError *
jd_call_wording_download_web_page (void)
{
  return g_error_new_literal (JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                              _("The server answered with a web page instead of the file, so nothing was saved. Your sign-in at a login page in front of the Server may have expired: sign in there in your browser, then try again."));
}

GError *
jd_call_wording_download_json_error (const char *said)
{
  if (said != NULL)
    return g_error_new (JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                        _("Instead of the file, the server answered “%s”, so nothing was saved. Try again later, or tell the server’s administrator."), said);

  return g_error_new_literal (JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                              _("The server answered with an error instead of the file, so nothing was saved. Try again later."));
}

GError *
jd_call_wording_file (const GError *cause)
{
  const char *sentence;

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
      g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    sentence = _("Job Desk may not write into this folder. Choose another folder.");
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    sentence = _("The disk is full. Make room, or choose another disk.");
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
           g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
    sentence = _("The folder to save into is no longer there. Choose another folder.");
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    sentence = _("A folder of this name is in the way. Choose another name.");
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_FILENAME_TOO_LONG) ||
           g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME))
    sentence = _("This file name cannot be used here. Choose a shorter or simpler name.");
  else
    sentence = _("The file could not be saved. Choose another folder, or try again.");

  return jd_client_error_new_detailed (JD_CLIENT_ERROR_FILE, cause != NULL ? cause->message : NULL, "%s", sentence);
}
