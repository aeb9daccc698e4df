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

/* What a byte ends or skips in a start tag, looked up once a byte rather
 * than compared with each of the bytes that matter */
enum
{
  SPACE = 1 << 0,           /* between the parts of a tag */
  ENDS_NAME = 1 << 1,       /* an element's name */
  ENDS_ATTR_NAME = 1 << 2,  /* an attribute's name */
};

#define ENDS_ALL (SPACE | ENDS_NAME | ENDS_ATTR_NAME)

static const guint8 kinds[256] = {
  ['\t'] = ENDS_ALL,
  ['\n'] = ENDS_ALL,
  ['\r'] = ENDS_ALL,
  [' '] = ENDS_ALL,
  ['/'] = ENDS_NAME | ENDS_ATTR_NAME,
  ['>'] = ENDS_NAME | ENDS_ATTR_NAME,
  ['='] = ENDS_ATTR_NAME,
};

#define IS(c, kind) ((kinds[(guchar) (c)] & (kind)) != 0)

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

typedef enum
{
  TAG_READ,
  TAG_NOT_WELL_FORMED,
  TAG_TOO_MANY_ATTRIBUTES,
  TAG_TOO_MANY_NAMESPACES,
  TAG_PAST_LAST_GT,         /* unbounded: to be read again, bounded */
} TagRead;

typedef struct
{
  const char *name_end;
  const char *end;          /* past its '>' */
  guint       n_declarations;
  gboolean    empty;
} StartTag;

/* Reads the start tag at @tag: a name, then attributes up to '>' or '/>'.
 * Unbounded, it starts before @last_gt, the last '>' of the bytes, and
 * stays before it: every loop over a name or white space stops at a '>',
 * so none needs to look at @end (a loop a byte shorter). Only a quoted
 * value can take it past @last_gt, and then it says so. Inlined, with
 * @bounded constant, for a copy of each. */
G_ALWAYS_INLINE static inline TagRead
read_start_tag (const char *tag,
                const char *end,
                const char *last_gt,
                gboolean    bounded,
                guint       in_scope,
                StartTag   *out)
{
  const char *q = tag + 1;
  guint n_attributes = 0;
  guint n_declarations = 0;

  while ((!bounded || q < end) && !IS (*q, ENDS_NAME))
    q++;
  out->name_end = q;

  for (;;)
    {
      const char *attr_name;
      const char *close;

      while ((!bounded || q < end) && IS (*q, SPACE))
        q++;
      if (bounded && q >= end)
        return TAG_NOT_WELL_FORMED;
      if (*q == '>')
        {
          out->empty = FALSE;
          out->end = q + 1;
          break;
        }
      if (*q == '/')
        {
          if ((bounded && q + 1 >= end) || q[1] != '>')
            return TAG_NOT_WELL_FORMED;
          out->empty = TRUE;
          out->end = q + 2;
          break;
        }

      attr_name = q;
      while ((!bounded || q < end) && !IS (*q, ENDS_ATTR_NAME))
        q++;
      /* the counts only change past the checks that end the tag here, and
       * the count that grows is the only one that can go over its limit
       * (the other was checked when it last grew) */
      if (is_declaration (attr_name, q))
        n_declarations++;
      else
        n_attributes++;
      while ((!bounded || q < end) && IS (*q, SPACE))
        q++;
      if ((bounded && q >= end) || *q != '=')
        return TAG_NOT_WELL_FORMED;
      q++;
      while ((!bounded || q < end) && IS (*q, SPACE))
        q++;
      if ((bounded && q >= end) || (*q != '"' && *q != '\''))
        return TAG_NOT_WELL_FORMED;
      close = memchr (q + 1, *q, end - (q + 1));
      if (close == NULL)
        return TAG_NOT_WELL_FORMED;
      q = close + 1;
      if (!bounded && q > last_gt)
        return TAG_PAST_LAST_GT;

      if (n_attributes > CX_MAX_ATTRIBUTES)
        return TAG_TOO_MANY_ATTRIBUTES;
      if (in_scope + n_declarations > CX_MAX_NAMESPACES)
        return TAG_TOO_MANY_NAMESPACES;
    }

  out->n_declarations = n_declarations;
  return TAG_READ;
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
  const char *last_gt;           /* a tag before it is read unbounded */
  guint declared[CX_MAX_DEPTH];  /* declarations on each open element */
  guint depth = 0;
  guint in_scope = 0;

  memset (result, 0, sizeof *result);

#ifdef __GLIBC__
  last_gt = length > 0 ? memrchr (data, '>', length) : NULL;
#else
  for (last_gt = end; last_gt > data && last_gt[-1] != '>'; last_gt--)
    ;
  last_gt = last_gt > data ? last_gt - 1 : NULL;
#endif
  if (last_gt == NULL)
    last_gt = data;   /* no tag starts before it */

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

      {
        StartTag start;
        TagRead read = TAG_PAST_LAST_GT;

        if (tag < last_gt)
          read = read_start_tag (tag, end, last_gt, FALSE, in_scope, &start);
        if (read == TAG_PAST_LAST_GT)
          read = read_start_tag (tag, end, last_gt, TRUE, in_scope, &start);

        switch (read)
          {
          case TAG_READ:
            break;
          case TAG_TOO_MANY_ATTRIBUTES:
            found (result, PRESCAN_TOO_MANY_ATTRIBUTES, data, tag, start.name_end, prev_end);
            goto done;
          case TAG_TOO_MANY_NAMESPACES:
            found (result, PRESCAN_TOO_MANY_NAMESPACES, data, tag, start.name_end, prev_end);
            goto done;
          case TAG_NOT_WELL_FORMED:
          case TAG_PAST_LAST_GT:
          default:
            goto not_well_formed;
          }

        p = prev_end = start.end;
        /* the reader refuses an element this deep: nothing after it is read */
        if (depth + 1 > CX_MAX_DEPTH)
          break;
        if (!start.empty)
          {
            declared[depth++] = start.n_declarations;
            in_scope += start.n_declarations;
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
