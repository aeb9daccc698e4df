/* cx-plan-reader-input.c — the bytes, before libxml2 parses them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A .cxplan file is UTF-8, at most CX_MAX_FILE_SIZE bytes, without a NUL:
 * all checked here, once, before the parse. And where libxml2's messages
 * need tidying, and where an offset falls in lines.
 */

#define G_LOG_DOMAIN "cx-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cx-plan-reader-private.h"

guint
line_of_offset (const char *data,
                gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        line++;
    }

  return line;
}

/* libxml2's messages start with a capital and sometimes with the name of
 * the function that failed ("xmlParseCharRef: invalid xmlChar value 0") */
char *
clean_libxml_message (const char *message)
{
  const char *start = message != NULL ? message : "";
  const char *colon = strstr (start, ": ");
  char *text;

  if (g_str_has_prefix (start, "xml") && colon != NULL && strchr (start, ' ') > colon)
    start = colon + 2;

  text = g_strdup (start);
  g_strstrip (text);
  if (g_ascii_isupper (text[0]) && !g_ascii_isupper (text[1]))
    text[0] = g_ascii_tolower (text[0]);

  return text;
}

/* A .cxplan file is UTF-8. An XML declaration naming another encoding
 * is refused before libxml2 sees it: it would convert through iconv,
 * and bytes that are not valid in the named encoding end in a parse
 * error about something else, with libxml2 writing to stderr. */
static gboolean
declares_utf8 (Reader     *r,
               const char *data,
               gsize       length)
{
  g_autofree char *declared = NULL;
  const char *end, *p;
  gsize head = MIN (length, 512);

  if (head >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      head -= 3;
    }
  if (head < 5 || memcmp (data, "<?xml", 5) != 0)
    return TRUE;

  end = g_strstr_len (data, head, "?>");
  if (end == NULL)
    return TRUE;  /* libxml2 will say what is wrong with it */

  p = g_strstr_len (data, end - data, "encoding");
  if (p == NULL)
    return TRUE;
  p += strlen ("encoding");
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '='))
    p++;
  if (p >= end || (*p != '"' && *p != '\''))
    return TRUE;

  {
    const char *close = memchr (p + 1, *p, end - (p + 1));

    if (close == NULL)
      return TRUE;
    declared = g_strndup (p + 1, close - (p + 1));
  }

  if (g_ascii_strcasecmp (declared, "UTF-8") == 0 || g_ascii_strcasecmp (declared, "UTF8") == 0)
    return TRUE;

  reader_fail (r, CX_PLAN_ERROR_ENCODING, line_of_offset (data, p - data),
               _("the file declares the encoding '%s': a .cxplan file is UTF-8"), declared);
  return FALSE;
}

/* Where @data stops being UTF-8 without NUL, or NULL if it is all that.
 * The first NUL is found first, by memchr() (in vector registers);
 * before it, plans are mostly ASCII: runs of it are skipped 64 bytes at
 * a time, then eight, where no byte has its high bit set, and GLib
 * validates each other character alone (g_utf8_validate_len() on the
 * whole file took a tenth of reading it). */
static const char *
find_invalid_utf8 (const char *data,
                   gsize       length)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  const char *p = data;
  const char *end = data + length;
  const char *nul = memchr (data, '\0', length);
  /* the runs stop at the NUL, which the loop over characters refuses */
  const char *ascii_end = nul != NULL ? nul : end;

  while (p < end)
    {
      guchar c;
      gsize n;

      while (ascii_end - p >= 64)
        {
          guint64 w0, w1, w2, w3, w4, w5, w6, w7;

          memcpy (&w0, p, 8);
          memcpy (&w1, p + 8, 8);
          memcpy (&w2, p + 16, 8);
          memcpy (&w3, p + 24, 8);
          memcpy (&w4, p + 32, 8);
          memcpy (&w5, p + 40, 8);
          memcpy (&w6, p + 48, 8);
          memcpy (&w7, p + 56, 8);
          if (((w0 | w1 | w2 | w3 | w4 | w5 | w6 | w7) & high) != 0)
            break;
          p += 64;
        }
      if (p == end)
        break;

      if (ascii_end - p >= 8)
        {
          guint64 word;

          memcpy (&word, p, sizeof word);
          if ((word & high) == 0)
            {
              p += 8;
              continue;
            }
        }

      c = (guchar) *p;
      if (c != 0 && c < 0x80)
        {
          p++;
          continue;
        }
      n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
      if (n == 0 || (gsize) (end - p) < n || !g_utf8_validate_len (p, n, NULL))
        return p;
      p += n;
    }

  return NULL;
}

gboolean
check_bytes (Reader     *r,
             const char *data,
             gsize       length)
{
  const char *invalid = NULL;

  if (length == 0)
    {
      reader_fail (r, CX_PLAN_ERROR_MALFORMED, 1, _("the file is empty"));
      return FALSE;
    }
  if (length > CX_MAX_FILE_SIZE)
    {
      reader_fail (r, CX_PLAN_ERROR_TOO_LARGE, 1,
                   _("the file is too large: a plan may be at most %u MiB"),
                   CX_MAX_FILE_SIZE / (1024 * 1024));
      return FALSE;
    }
  if ((invalid = find_invalid_utf8 (data, length)) != NULL)
    {
      guint line = line_of_offset (data, invalid - data);

      if (*invalid == '\0')
        reader_fail (r, CX_PLAN_ERROR_MALFORMED, line,
                     _("not well-formed XML: the file contains a NUL byte"));
      else
        reader_fail (r, CX_PLAN_ERROR_ENCODING, line,
                     _("the text is not valid UTF-8: a .cxplan file is UTF-8 throughout"));
      return FALSE;
    }

  return declares_utf8 (r, data, length);
}

