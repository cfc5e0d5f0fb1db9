/* jd-display-text.c: server-supplied text made fit for the screen.
 *
 * See the header for why. Everything here walks the text once, a
 * character at a time, and stops as soon as the cap is reached: the
 * point is that a 60 MB string costs no more than a 2,000-character one.
 */
#define G_LOG_DOMAIN "jd-display-text"

#include "config.h"

#include <string.h>

#include "jd-display-text.h"

#define ELLIPSIS           "…"
#define LINE_BREAK_SYMBOL  "⏎"
#define ZERO_WIDTH_SPACE   "\xe2\x80\x8b"
/* The extension kept when a file name is shortened, if it is no longer
 * than this (".xlsx", ".yxdb"; not half of a long name after a dot). */
#define MAX_EXTENSION_BYTES 16

/* Format characters (Cf) that print something: the prepended
 * concatenation marks of Arabic, Syriac and Kaithi. */
static gboolean
is_visible_format (gunichar c)
{
  return (c >= 0x0600 && c <= 0x0605) ||
         c == 0x06DD || c == 0x070F || c == 0x0890 || c == 0x0891 ||
         c == 0x08E2 || c == 0x110BD || c == 0x110CD;
}

gboolean
jd_display_text_is_hidden_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:              /* C0, DEL, C1 */
    case G_UNICODE_LINE_SEPARATOR:       /* U+2028 */
    case G_UNICODE_PARAGRAPH_SEPARATOR:  /* U+2029 */
      return TRUE;

    case G_UNICODE_FORMAT:
      /* U+061C, U+200B–200F, U+202A–202E, U+2060–2069, U+FEFF, the
       * interlinear annotations, the tag characters, … */
      return !is_visible_format (c);

    default:
      break;
    }

  switch (c)
    {
    case 0x034F:  /* combining grapheme joiner */
    case 0x115F:  /* Hangul choseong filler */
    case 0x1160:  /* Hangul jungseong filler */
    case 0x17B4:  /* Khmer vowel inherent aq */
    case 0x17B5:  /* Khmer vowel inherent aa */
    case 0x180B:  /* Mongolian free variation selectors */
    case 0x180C:
    case 0x180D:
    case 0x180F:
    case 0x3164:  /* Hangul filler */
    case 0xFFA0:  /* halfwidth Hangul filler */
      return TRUE;

    default:
      return FALSE;
    }
}

static gboolean
is_line_break (gunichar c)
{
  return c == '\n' || c == 0x2028 || c == 0x2029;
}

/* Appends how c is shown; returns the number of characters appended. */
static gsize
append_visible (GString            *out,
                gunichar            c,
                gunichar            next,
                JdDisplayTextFlags  flags)
{
  gboolean multi_line = (flags & JD_DISPLAY_TEXT_MULTI_LINE) != 0;

  if (!jd_display_text_is_hidden_char (c))
    {
      g_string_append_unichar (out, c);
      return 1;
    }

  if (is_line_break (c))
    {
      if (multi_line)
        {
          g_string_append_c (out, '\n');
          return 1;
        }
      g_string_append (out, LINE_BREAK_SYMBOL);
      return 1;
    }

  if (c == '\t')
    {
      /* A tab hides nothing; a single line shows it as a space. */
      g_string_append_c (out, multi_line ? '\t' : ' ');
      return 1;
    }

  if (c == '\r')
    {
      /* Windows line ends: the line feed that follows stands for both. */
      if (next == '\n')
        return 0;
      if (multi_line)
        {
          g_string_append_c (out, '\n');
          return 1;
        }
      g_string_append (out, LINE_BREAK_SYMBOL);
      return 1;
    }

  /* C0 controls and DEL have pictures of their own (␀, ␇, ␡). */
  if (c < 0x20)
    {
      g_string_append_unichar (out, 0x2400 + c);
      return 1;
    }
  if (c == 0x7F)
    {
      g_string_append_unichar (out, 0x2421);
      return 1;
    }

  {
    gsize before = out->len;
    gsize n_chars;

    g_string_append_printf (out, "⟨U+%04" G_GINT32_MODIFIER "X⟩", (gint32) c);
    n_chars = g_utf8_strlen (out->str + before, out->len - before);
    return n_chars;
  }
}

char *
jd_display_text_prepare (const char         *text,
                         gsize               max_chars,
                         JdDisplayTextFlags  flags,
                         gboolean           *truncated)
{
  g_autofree char *valid = NULL;
  GString *out;
  const char *p;
  gsize n_chars = 0;
  gsize run = 0;
  gboolean cut = FALSE;

  if (truncated != NULL)
    *truncated = FALSE;

  if (text == NULL)
    return g_strdup ("");

  /* Only the part that can be shown is looked at: a long text must not
   * be walked, let alone copied, whole. A character takes at most four
   * bytes and gives at least one shown (a "\r\n" two bytes and one), so
   * this many bytes hold more than max_chars. */
  if (max_chars < G_MAXSIZE / 8)
    {
      gsize bound = (max_chars + 2) * 4;
      gsize length = 0;

      while (length < bound && text[length] != '\0')
        length++;

      if (!g_utf8_validate (text, length, NULL))
        text = valid = g_utf8_make_valid (text, length);
      else if (length == bound)
        text = valid = g_strndup (text, length);
    }
  else if (!g_utf8_validate (text, -1, NULL))
    {
      text = valid = g_utf8_make_valid (text, -1);
    }

  out = g_string_sized_new (MIN (strlen (text), max_chars) + 16);

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      gsize before_len = out->len;
      gsize added;

      added = append_visible (out, c, g_utf8_get_char (next), flags);
      if (n_chars + added > max_chars)
        {
          /* Never half a marker: drop it whole. */
          g_string_truncate (out, before_len);
          cut = TRUE;
          break;
        }
      n_chars += added;

      if ((flags & JD_DISPLAY_TEXT_BREAK_RUNS) != 0)
        {
          if (g_unichar_isspace (c) || is_line_break (c))
            run = 0;
          else if ((run += added) >= JD_DISPLAY_TEXT_MAX_RUN && next[0] != '\0')
            {
              g_string_append (out, ZERO_WIDTH_SPACE);
              run = 0;
            }
        }
    }

  if (cut)
    {
      g_string_append (out, ELLIPSIS);
      if (truncated != NULL)
        *truncated = TRUE;
    }

  return g_string_free (out, FALSE);
}

char *
jd_display_text_for_label (const char *text,
                           gboolean   *truncated)
{
  return jd_display_text_prepare (text, JD_DISPLAY_TEXT_MAX_CHARS,
                                  JD_DISPLAY_TEXT_MULTI_LINE | JD_DISPLAY_TEXT_BREAK_RUNS,
                                  truncated);
}

char *
jd_display_text_for_line (const char *text,
                          gboolean   *truncated)
{
  return jd_display_text_prepare (text, JD_DISPLAY_TEXT_MAX_LINE_CHARS,
                                  JD_DISPLAY_TEXT_NONE, truncated);
}

char *
jd_display_text_for_tooltip (const char *text,
                             gboolean   *truncated)
{
  return jd_display_text_prepare (text, JD_DISPLAY_TEXT_MAX_CHARS,
                                  JD_DISPLAY_TEXT_MULTI_LINE, truncated);
}

gboolean
jd_display_text_has_hidden (const char         *text,
                            JdDisplayTextFlags  flags)
{
  gboolean multi_line = (flags & JD_DISPLAY_TEXT_MULTI_LINE) != 0;

  if (text == NULL)
    return FALSE;

  if (!g_utf8_validate (text, -1, NULL))
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!jd_display_text_is_hidden_char (c))
        continue;
      if (multi_line && (c == '\n' || c == '\t' || (c == '\r' && p[1] == '\n')))
        continue;
      return TRUE;
    }

  return FALSE;
}

/* Cuts name to at most max bytes at a character boundary. */
static void
truncate_utf8 (GString *name,
               gsize    max)
{
  const char *end;

  if (name->len <= max)
    return;

  end = g_utf8_find_prev_char (name->str, name->str + max + 1);
  g_string_truncate (name, end != NULL ? (gsize) (end - name->str) : 0);
}

static void
strip_spaces (GString *name)
{
  gsize start = 0;

  while (start < name->len && name->str[start] == ' ')
    start++;
  g_string_erase (name, 0, start);

  while (name->len > 0 && name->str[name->len - 1] == ' ')
    g_string_truncate (name, name->len - 1);
}

char *
jd_display_text_safe_file_name (const char *name)
{
  g_autofree char *valid = NULL;
  GString *out;
  const char *dot;

  if (name == NULL)
    return g_strdup ("");

  if (!g_utf8_validate (name, -1, NULL))
    name = valid = g_utf8_make_valid (name, -1);

  out = g_string_sized_new (MIN (strlen (name), 4 * JD_DISPLAY_TEXT_MAX_FILE_NAME));

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\')
        g_string_append_c (out, '_');
      else if (jd_display_text_is_hidden_char (c))
        {
          /* Controls and line breaks stand between two words: keep the
           * gap. Format characters and fillers show nothing: drop them,
           * so "invoice\u202Eslx.exe" is saved as what it is, an .exe. */
          if (g_unichar_type (c) == G_UNICODE_CONTROL ||
              g_unichar_type (c) == G_UNICODE_LINE_SEPARATOR ||
              g_unichar_type (c) == G_UNICODE_PARAGRAPH_SEPARATOR)
            g_string_append_c (out, '_');
        }
      else if (g_unichar_isspace (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);

      /* Far past what can be kept: the rest cannot change the start, and
       * the extension is read from the original below. */
      if (out->len > 4 * JD_DISPLAY_TEXT_MAX_FILE_NAME)
        break;
    }

  strip_spaces (out);

  /* A leading dot would hide the file, and "." and ".." are no names. */
  while (out->len > 0 && out->str[0] == '.')
    out->str[0] = '_';

  if (out->len > JD_DISPLAY_TEXT_MAX_FILE_NAME)
    {
      /* Keep the extension of the whole name, made safe the same way. */
      g_autofree char *extension = NULL;

      dot = strrchr (name, '.');
      if (dot != NULL && dot != name && strlen (dot) <= MAX_EXTENSION_BYTES)
        {
          extension = jd_display_text_safe_file_name (dot + 1);
          if (extension[0] == '\0' || strchr (extension, ' ') != NULL)
            g_clear_pointer (&extension, g_free);
        }

      if (extension != NULL)
        {
          truncate_utf8 (out, JD_DISPLAY_TEXT_MAX_FILE_NAME - strlen (extension) - 1);
          strip_spaces (out);
          g_string_append_c (out, '.');
          g_string_append (out, extension);
        }
      else
        {
          truncate_utf8 (out, JD_DISPLAY_TEXT_MAX_FILE_NAME);
          strip_spaces (out);
        }
    }

  return g_string_free (out, FALSE);
}
