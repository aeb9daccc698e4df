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

/* What a byte is to the pass, looked up once a byte rather than compared
 * with each of the bytes that matter; after a loop over a name or white
 * space, the kind of the byte it stopped at says what comes next */
enum
{
  SPACE = 1 << 0,           /* between the parts of a tag */
  ENDS_NAME = 1 << 1,       /* an element's name */
  ENDS_ATTR_NAME = 1 << 2,  /* an attribute's name */
  GT = 1 << 3,
  SLASH = 1 << 4,
  EQUALS = 1 << 5,
  QUOTE = 1 << 6,
  NOT_START = 1 << 7,       /* after '<': not a start tag */
};

#define ENDS_ALL (SPACE | ENDS_NAME | ENDS_ATTR_NAME)

static const guint8 kinds[256] = {
  ['\t'] = ENDS_ALL,
  ['\n'] = ENDS_ALL,
  ['\r'] = ENDS_ALL,
  [' '] = ENDS_ALL,
  ['>'] = ENDS_NAME | ENDS_ATTR_NAME | GT,
  ['/'] = ENDS_NAME | ENDS_ATTR_NAME | SLASH | NOT_START,
  ['='] = ENDS_ATTR_NAME | EQUALS,
  ['"'] = QUOTE,
  ['\''] = QUOTE,
  ['!'] = NOT_START,
  ['?'] = NOT_START,
};

#define KIND(c) (kinds[(guchar) (c)])

/* Values are short, mostly under eight bytes: read eight bytes at once,
 * in a word where the lowest address is the lowest byte, one test finds
 * the closing quote in a few instructions, without the call to memchr()
 * (tens of them for a short search, and the registers it takes saved
 * around it) */
#define ONES G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* The high bit of the lowest zero byte of @w is set, and of none below
 * it (a borrow only starts at a zero byte); bytes above it may have
 * theirs set too */
#define ZERO_BYTES(w) (((w) - ONES) & ~(w) & HIGHS)

static inline guint64
load_word (const char *p)
{
  guint64 word;

  memcpy (&word, p, sizeof word);
  return GUINT64_FROM_LE (word);
}

/* The index of the lowest byte of @mask (not 0) with its high bit set */
static inline guint
lowest_byte (guint64 mask)
{
#if defined(__GNUC__) || defined(__clang__)
  return __builtin_ctzll (mask) / 8;
#else
  guint i = 0;

  for (; (mask & 0x80) == 0; mask >>= 8)
    i++;
  return i;
#endif
}

/* The index of the lowest byte of @word (not 0) that is not 0 */
static inline guint
lowest_set_byte (guint64 word)
{
#if defined(__GNUC__) || defined(__clang__)
  return __builtin_ctzll (word) / 8;
#else
  guint i = 0;

  for (; (word & 0xFF) == 0; word >>= 8)
    i++;
  return i;
#endif
}

/* memchr(), inlined */
static inline const char *
find_byte (const char *p,
           const char *end,
           char        c)
{
  const guint64 pattern = ONES * (guchar) c;

  for (; end - p >= 8; p += 8)
    {
      guint64 zeros = ZERO_BYTES (load_word (p) ^ pattern);

      if (zeros != 0)
        return p + lowest_byte (zeros);
    }
  for (; p < end; p++)
    {
      if (*p == c)
        return p;
    }

  return NULL;
}

/* The next '<' from @p. Between tags, the text is mostly a line break
 * and the indentation, under 16 bytes: skipped here, a word of eight
 * spaces at a time, faster than memchr() finds the '<' after it. */
static inline const char *
find_lt (const char *p,
         const char *end)
{
  const guint64 spaces = ONES * ' ';

  if (*p == '\n' && end - p >= 17)
    {
      guint64 others = load_word (p + 1) ^ spaces;   /* 0 for each space */
      const char *q = p + 1;

      if (others == 0)
        {
          q += 8;
          others = load_word (q) ^ spaces;
        }
      if (others != 0)
        {
          /* the lowest byte that is not 0: the first that is not a space */
          q += lowest_set_byte (others);
          if (*q == '<')
            return q;
        }
    }

  return memchr (p, '<', end - p);
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

/* The end of the name at @p: the first byte of @kind. Unbounded, there is
 * one before @end (the last '>'), and four bytes are looked at a turn. */
G_ALWAYS_INLINE static inline const char *
skip_name (const char *p,
           const char *end,
           gboolean    bounded,
           guint8      kind)
{
  if (bounded)
    {
      while (p < end && !(KIND (*p) & kind))
        p++;
      return p;
    }

  for (;; p += 4)
    {
      if (KIND (p[0]) & kind)
        return p;
      if (KIND (p[1]) & kind)
        return p + 1;
      if (KIND (p[2]) & kind)
        return p + 2;
      if (KIND (p[3]) & kind)
        return p + 3;
    }
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
  guint8 kind = 0;

  q = skip_name (q, end, bounded, ENDS_NAME);
  kind = bounded && q >= end ? 0 : KIND (*q);
  out->name_end = q;

  for (;;)
    {
      const char *attr_name;
      const char *close;

      while ((!bounded || q < end) && ((kind = KIND (*q)) & SPACE))
        q++;
      if (bounded && q >= end)
        return TAG_NOT_WELL_FORMED;
      if (kind & (GT | SLASH))
        {
          if (kind & GT)
            {
              out->empty = FALSE;
              out->end = q + 1;
              break;
            }
          if ((bounded && q + 1 >= end) || q[1] != '>')
            return TAG_NOT_WELL_FORMED;
          out->empty = TRUE;
          out->end = q + 2;
          break;
        }

      attr_name = q;
      q = skip_name (q, end, bounded, ENDS_ATTR_NAME);
      kind = bounded && q >= end ? 0 : KIND (*q);
      /* the counts only change past the checks that end the tag here, and
       * the count that grows is the only one that can go over its limit
       * (the other was checked when it last grew) */
      if (is_declaration (attr_name, q))
        n_declarations++;
      else
        n_attributes++;
      while ((!bounded || q < end) && ((kind = KIND (*q)) & SPACE))
        q++;
      if ((bounded && q >= end) || !(kind & EQUALS))
        return TAG_NOT_WELL_FORMED;
      q++;
      while ((!bounded || q < end) && ((kind = KIND (*q)) & SPACE))
        q++;
      if ((bounded && q >= end) || !(kind & QUOTE))
        return TAG_NOT_WELL_FORMED;
      /* unbounded, a value that does not end before the last '>' takes
       * the tag past it */
      close = find_byte (q + 1, bounded ? end : last_gt, *q);
      if (close == NULL)
        return bounded ? TAG_NOT_WELL_FORMED : TAG_PAST_LAST_GT;
      q = close + 1;

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
  const char *p = data;          /* where the last markup ended */
  const char *next_poll = data + MIN (length, POLL_BYTES);
  const char *last_gt;           /* a start tag before it is read unbounded */
  const char *check_at;          /* the nearer of the two: one compare a tag */
  guint declared[CX_MAX_DEPTH];  /* declarations on each open element */
  guint depth = 0;
  guint in_scope = 0;

  memset (result, 0, sizeof *result);

#if defined(__GLIBC__) && defined(_GNU_SOURCE)
  last_gt = length > 0 ? memrchr (data, '>', length) : NULL;
#else
  for (last_gt = end; last_gt > data && last_gt[-1] != '>'; last_gt--)
    ;
  last_gt = last_gt > data ? last_gt - 1 : NULL;
#endif
  if (last_gt == NULL)
    last_gt = data;   /* no tag starts before it */
  check_at = MIN (next_poll, last_gt);

  while (p < end)
    {
      const char *tag = find_lt (p, end);
      const char *q;

      if (tag == NULL || tag + 1 >= end)
        {
          p = end;   /* text to the end: nothing more to find */
          break;
        }

      if (tag >= check_at)
        {
          if (tag >= next_poll)
            {
              if (cancellable != NULL && g_cancellable_is_cancelled (cancellable))
                {
                  result->result = PRESCAN_CANCELLED;
                  break;
                }
              next_poll = tag + POLL_BYTES;
            }
          check_at = MIN (next_poll, last_gt);
        }

      if (KIND (tag[1]) & NOT_START)
        {
          if (tag[1] == '/')
            {
              /* before the last '>', the loop needs no end check */
              if (tag < last_gt)
                for (q = tag + 2; *q != '>'; q++)
                  ;
              else
                q = memchr (tag + 2, '>', end - (tag + 2));
              if (q == NULL || depth == 0)
                break;
              depth--;
              in_scope -= declared[depth];
              p = q + 1;
              continue;
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
              p = q + 3;
              continue;
            }

          q = memmem (tag + 2, end - (tag + 2), "?>", 2);
          if (q == NULL)
            break;
          p = q + 2;
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
            found (result, PRESCAN_TOO_MANY_ATTRIBUTES, data, tag, start.name_end, p);
            goto done;
          case TAG_TOO_MANY_NAMESPACES:
            found (result, PRESCAN_TOO_MANY_NAMESPACES, data, tag, start.name_end, p);
            goto done;
          case TAG_NOT_WELL_FORMED:
          case TAG_PAST_LAST_GT:
          default:
            goto not_well_formed;
          }

        p = start.end;
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
