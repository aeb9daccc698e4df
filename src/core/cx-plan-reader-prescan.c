/* cx-plan-reader-prescan.c — what libxml2 would spend square time on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libxml2 2.9 compares every attribute of a start tag with each one before
 * it, and every namespace declaration with those of the same tag; it looks
 * each prefix (and the default namespace of each element) up through all
 * the declarations in scope, newest first. One element with many
 * attributes, or many declarations kept in scope over many elements, costs
 * it time that grows with the square of the file. Before libxml2 sees the
 * bytes, this pass goes through the tags (with memchr, skipping text,
 * comments, processing instructions and CDATA sections) and finds the
 * first start tag over CX_MAX_ATTRIBUTES or CX_MAX_NAMESPACES; the reader
 * then gives libxml2 only the bytes before it.
 *
 * It reads well-formed XML as libxml2 does. Where the bytes are not
 * well-formed it stops, and finds nothing: libxml2 stops at the first
 * error too (the reader halts it there), before reaching anything later.
 * The same where a document type declaration starts (refused at once) and
 * past CX_MAX_DEPTH (refused there).
 */

#define G_LOG_DOMAIN "cx-reader"

#include "config.h"

#include <string.h>

#include "cx-plan-reader-private.h"

/* How often the pass looks at its cancellable */
#define POLL_BYTES (1024 * 1024)

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static const char *
skip_spaces (const char *p,
             const char *end)
{
  while (p < end && is_space (*p))
    p++;

  return p;
}

/* xmlns and xmlns:PREFIX */
static gboolean
is_declaration (const char *name,
                const char *name_end)
{
  gsize length = name_end - name;

  return length >= 5 && memcmp (name, "xmlns", 5) == 0 && (length == 5 || name[5] == ':');
}

static gboolean
starts_with (const char *p,
             const char *end,
             const char *prefix)
{
  gsize length = strlen (prefix);

  return (gsize) (end - p) >= length && memcmp (p, prefix, length) == 0;
}

static void
found (Prescan       *result,
       PrescanResult  what,
       const char    *data,
       const char    *tag,
       const char    *name_end,
       const char    *prev_end)
{
  const char *name = tag + 1;

  result->result = what;
  result->offset = tag - data;
  result->prev_end = prev_end - data;
  /* a name may be long: the message shows its start */
  result->name = g_utf8_make_valid (name, MIN (name_end - name, 64));
}

/**
 * prescan:
 * @data: the bytes of a file, valid UTF-8
 * @length: their length
 * @cancellable: (nullable): polled every MiB
 * @result: (out caller-allocates): where the first element over a limit is;
 *   its name is to be freed
 * @stats: counts the bytes gone through
 *
 * Finds the first start tag with more than CX_MAX_ATTRIBUTES attributes,
 * or with which more than CX_MAX_NAMESPACES namespace declarations would
 * be in scope, in time linear in @length.
 */
void
prescan (const char   *data,
         gsize         length,
         GCancellable *cancellable,
         Prescan      *result,
         CxReadStats  *stats)
{
  const char *end = data + length;
  const char *p = data;
  const char *prev_end = data;   /* where the last markup ended */
  const char *next_poll = data + MIN (length, POLL_BYTES);
  guint declared[CX_MAX_DEPTH];  /* declarations on each open element */
  guint depth = 0;
  guint in_scope = 0;

  memset (result, 0, sizeof *result);

  while (p < end)
    {
      const char *tag = memchr (p, '<', end - p);
      const char *q;

      if (tag == NULL || tag + 1 >= end)
        {
          p = end;   /* text to the end: nothing more to find */
          break;
        }

      if (tag >= next_poll)
        {
          if (cancellable != NULL && g_cancellable_is_cancelled (cancellable))
            {
              result->result = PRESCAN_CANCELLED;
              break;
            }
          next_poll = tag + POLL_BYTES;
        }

      if (tag[1] == '!')
        {
          if (starts_with (tag, end, "<!--"))
            q = memmem (tag + 4, end - (tag + 4), "-->", 3);
          else if (starts_with (tag, end, "<![CDATA["))
            q = memmem (tag + 9, end - (tag + 9), "]]>", 3);
          else
            break;   /* a document type declaration, or not XML */
          if (q == NULL)
            break;
          p = prev_end = q + 3;
          continue;
        }

      if (tag[1] == '?')
        {
          q = memmem (tag + 2, end - (tag + 2), "?>", 2);
          if (q == NULL)
            break;
          p = prev_end = q + 2;
          continue;
        }

      if (tag[1] == '/')
        {
          q = memchr (tag + 2, '>', end - (tag + 2));
          if (q == NULL || depth == 0)
            break;
          depth--;
          in_scope -= declared[depth];
          p = prev_end = q + 1;
          continue;
        }

      /* A start tag: a name, then attributes up to '>' or '/>' */
      {
        const char *name_end = tag + 1;
        guint n_attributes = 0;
        guint n_declarations = 0;
        gboolean empty;

        while (name_end < end && !is_space (*name_end) && *name_end != '/' && *name_end != '>')
          name_end++;

        for (q = name_end; ; )
          {
            const char *attr_name;
            const char *attr_name_end;
            const char *close;

            q = skip_spaces (q, end);
            if (q >= end)
              goto not_well_formed;
            if (*q == '>')
              {
                empty = FALSE;
                q++;
                break;
              }
            if (*q == '/')
              {
                if (q + 1 >= end || q[1] != '>')
                  goto not_well_formed;
                empty = TRUE;
                q += 2;
                break;
              }

            attr_name = q;
            while (q < end && !is_space (*q) && *q != '=' && *q != '>' && *q != '/')
              q++;
            attr_name_end = q;
            q = skip_spaces (q, end);
            if (q >= end || *q != '=')
              goto not_well_formed;
            q = skip_spaces (q + 1, end);
            if (q >= end || (*q != '"' && *q != '\''))
              goto not_well_formed;
            close = memchr (q + 1, *q, end - (q + 1));
            if (close == NULL)
              goto not_well_formed;
            q = close + 1;

            if (is_declaration (attr_name, attr_name_end))
              n_declarations++;
            else
              n_attributes++;

            if (n_attributes > CX_MAX_ATTRIBUTES)
              {
                found (result, PRESCAN_TOO_MANY_ATTRIBUTES, data, tag, name_end, prev_end);
                goto done;
              }
            if (in_scope + n_declarations > CX_MAX_NAMESPACES)
              {
                found (result, PRESCAN_TOO_MANY_NAMESPACES, data, tag, name_end, prev_end);
                goto done;
              }
          }

        p = prev_end = q;
        /* the reader refuses an element this deep: nothing after it is read */
        if (depth + 1 > CX_MAX_DEPTH)
          break;
        if (!empty)
          {
            declared[depth++] = n_declarations;
            in_scope += n_declarations;
          }
      }
    }

not_well_formed:
done:
  if (stats != NULL)
    stats->n_prescanned += (result->result != PRESCAN_OK ? data + result->offset : p) - data;
}

void
prescan_clear (Prescan *result)
{
  g_clear_pointer (&result->name, g_free);
}
