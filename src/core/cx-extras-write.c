/* cx-extras-write.c — foreign content, written back as the file had it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kept form (see cx-extras.h) is laid out in one pass: kept children
 * as libxml2's xmlNodeDump wrote them when they were trees (one element a
 * line, two spaces deeper, except inside an element that holds text),
 * and the escapes the kept form leaves out put in.
 */

#define G_LOG_DOMAIN "cx-extras"

#include "config.h"

#include <string.h>

#include "cx-extras-private.h"

/* libxml2's indentation, which the kept children were always written
 * with: two spaces a level, no deeper than 30 levels */
#define MAX_INDENT_LEVEL 30

static void
indent (GString *out,
        guint    level)
{
  static const char spaces[] = "                                                            ";

  g_string_append_len (out, spaces, 2 * MIN (level, MAX_INDENT_LEVEL));
}

typedef enum
{
  ESCAPE_TEXT,        /* text of a kept element */
  ESCAPE_ATTR,        /* an attribute of a kept element: not ASCII as references */
  ESCAPE_KNOWN_ATTR,  /* a foreign attribute of a known element */
} Escape;

/* What a byte becomes, beyond the kept escapes: NULL when it stays */
static const char *
escape_of (guchar byte,
           Escape how)
{
  switch (byte)
    {
    case '>': return "&gt;";
    case '\r': return "&#13;";
    case '\n': return how == ESCAPE_TEXT ? NULL : "&#10;";
    case '\t': return how == ESCAPE_TEXT ? NULL : "&#9;";
    default: return NULL;
    }
}

/* Writes kept text or an attribute value as the file has it */
static void
write_escaped (GString    *out,
               const char *p,
               const char *end,
               Escape      how)
{
  const char *run = p;

  while (p < end)
    {
      guchar byte = *p;
      const char *entity;

      if (byte >= 0x80 && how == ESCAPE_ATTR)
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (out, run, p - run);
          g_string_append_printf (out, "&#x%X;", g_utf8_get_char (p));
          run = p = next;
          continue;
        }

      entity = byte < 0x80 ? escape_of (byte, how) : NULL;
      if (entity != NULL)
        {
          g_string_append_len (out, run, p - run);
          g_string_append (out, entity);
          run = p + 1;
        }
      p++;
    }

  g_string_append_len (out, run, end - run);
}

static gboolean
is_declaration (const char *name,
                gsize       length)
{
  return length >= 5 && memcmp (name, "xmlns", 5) == 0 && (length == 5 || name[5] == ':');
}

/* Writes the attributes of a kept start tag, from @p just after its name,
 * up to its end, and says whether the element is empty. */
static const char *
write_attributes (GString    *out,
                  const char *p,
                  const char *end,
                  Escape      how,
                  gboolean   *empty)
{
  while (p < end)
    {
      const char *equals;
      const char *value_end;

      if (*p == '/' || *p == '>')
        {
          *empty = *p == '/';
          return p + (*empty ? 2 : 1);
        }

      /* ' ' or CX_KEPT_ROOT_DECL, a name, '="', a value, '"' */
      equals = memchr (p, '=', end - p);
      g_assert (equals != NULL);
      value_end = memchr (equals + 2, '"', end - (equals + 2));
      g_assert (value_end != NULL);

      g_string_append_c (out, ' ');
      g_string_append_len (out, p + 1, equals + 2 - (p + 1));
      if (is_declaration (p + 1, equals - (p + 1)))
        g_string_append_len (out, equals + 2, value_end - (equals + 2));
      else
        write_escaped (out, equals + 2, value_end, how);
      g_string_append_c (out, '"');
      p = value_end + 1;
    }

  *empty = TRUE;
  return p;
}

/* The end of a kept element's name: a space, a marker, '/' or '>' */
static const char *
name_end (const char *p,
          const char *end)
{
  while (p < end && *p != ' ' && *p != CX_KEPT_ROOT_DECL && *p != '/' && *p != '>')
    p++;

  return p;
}

/* Writes one outermost kept element (the caller indents its first line
 * and ends its last) as libxml2's xmlNodeDump (level @depth, formatted)
 * wrote it: children one a line, two spaces deeper, except inside an
 * element that has text, which is written as it stands. */
static const char *
write_element (GString    *out,
               const char *p,
               const char *end,
               guint       depth)
{
  guint level = depth;
  gboolean format = TRUE;
  guint unformatted_level = 0;
  gboolean first = TRUE;

  while (p < end)
    {
      if (p[0] == '<' && p[1] == '/')
        {
          const char *close = memchr (p, '>', end - p);

          g_assert (close != NULL);
          level--;
          if (format)
            indent (out, level);
          g_string_append_len (out, p, close + 1 - p);
          p = close + 1;
          if (!format && level == unformatted_level)
            format = TRUE;
          if (level == depth)
            return p;
          if (format)
            g_string_append_c (out, '\n');
        }
      else if (p[0] == '<')
        {
          char flag = p[1];
          const char *name = p + 2;
          const char *after_name = name_end (name, end);
          gboolean empty;

          if (!first && format)
            indent (out, level);
          g_string_append_c (out, '<');
          g_string_append_len (out, name, after_name - name);
          p = write_attributes (out, after_name, end, ESCAPE_ATTR, &empty);
          if (empty)
            {
              g_string_append (out, "/>");
              if (first)
                return p;
              if (format)
                g_string_append_c (out, '\n');
            }
          else
            {
              if (format && flag == CX_KEPT_MIXED)
                {
                  format = FALSE;
                  unformatted_level = level;
                }
              g_string_append_c (out, '>');
              if (format)
                g_string_append_c (out, '\n');
              level++;
            }
          first = FALSE;
        }
      else
        {
          const char *lt = memchr (p, '<', end - p);

          g_assert (lt != NULL);
          write_escaped (out, p, lt, ESCAPE_TEXT);
          p = lt;
        }
    }

  return p;
}

void
cx_extras_write_attrs (const CxExtras *extras,
                       GString        *out)
{
  gboolean empty;

  if (extras == NULL || extras->attrs_len == 0)
    return;

  write_attributes (out, extras->attrs, extras->attrs + extras->attrs_len, ESCAPE_KNOWN_ATTR,
                    &empty);
}

guint
cx_extras_get_n_runs (const CxExtras *extras)
{
  return extras != NULL ? extras->n_runs : 0;
}

guint
cx_extras_get_run_position (const CxExtras *extras,
                            guint           run)
{
  g_return_val_if_fail (extras != NULL && run < extras->n_runs, G_MAXUINT);

  return extras->runs[run].position;
}

/**
 * cx_extras_write_run:
 * @extras: foreign content
 * @run: which run of children
 * @depth: how deep they stand in the written file
 * @out: where to write them, one a line
 *
 * Writes the kept children of a run as the file has them.
 */
void
cx_extras_write_run (const CxExtras *extras,
                     guint           run,
                     guint           depth,
                     GString        *out)
{
  const char *p;
  const char *end;

  g_return_if_fail (extras != NULL && run < extras->n_runs);

  p = extras->kept + (run > 0 ? extras->runs[run - 1].end : 0);
  end = extras->kept + extras->runs[run].end;
  while (p < end)
    {
      indent (out, depth);
      p = write_element (out, p, end, depth);
      g_string_append_c (out, '\n');
    }
}
