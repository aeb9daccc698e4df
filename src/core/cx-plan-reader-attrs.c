/* cx-plan-reader-attrs.c — the attributes of known elements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sorting attributes into known and foreign ones, and reading the values
 * the format allows: whole numbers in range, booleans, kinds, ids.
 */

#define G_LOG_DOMAIN "cx-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cx-plan-reader-private.h"
#include "cx-validate.h"

/* ------------------------------------------------------------------ */
/* Attributes                                                          */

/* Appends the value of an attribute and a NUL; libxml2 leaves an '&'
 * in a value as "&#38;" */
static void
append_value (GString       *out,
              const xmlChar *value,
              const xmlChar *end)
{
  const char *from = (const char *) value;
  const char *stop = (const char *) end;
  const char *amp;

  while ((amp = memchr (from, '&', stop - from)) != NULL)
    {
      g_string_append_len (out, from, amp - from);
      g_string_append_c (out, '&');
      from = amp + (stop - amp >= 5 && memcmp (amp, "&#38;", 5) == 0 ? 5 : 1);
    }
  g_string_append_len (out, from, stop - from);
  g_string_append_c (out, '\0');
}

CxExtras *
extras_of (Frame *frame)
{
  if (*frame->extras == NULL)
    *frame->extras = cx_extras_new ();

  return *frame->extras;
}

const char *
element_name (Frame *frame)
{
  return kind_info (frame->kind)->name;
}

/* Sorts the attributes into the known ones, by @names, and the foreign
 * ones, which go to the frame's extras. */
gboolean
read_attrs (Reader             *r,
            Frame              *frame,
            const SaxAttrs     *attrs,
            const char * const *names,
            Values             *values)
{
  gssize offsets[MAX_KNOWN_ATTRS];

  for (guint i = 0; i < MAX_KNOWN_ATTRS; i++)
    offsets[i] = -1;
  g_string_truncate (r->scratch, 0);

  for (int a = 0; a < attrs->n; a++)
    {
      const char *name = (const char *) attrs->raw[a * 5];
      const char *prefix = (const char *) attrs->raw[a * 5 + 1];
      const char *uri = (const char *) attrs->raw[a * 5 + 2];
      g_autofree char *copy = NULL;
      guint i;

      if (uri == NULL)
        {
          /* the first letters differ mostly: strcmp() only where they do not */
          for (i = 0; names != NULL && names[i] != NULL; i++)
            {
              if (names[i][0] == name[0] && strcmp (names[i], name) == 0)
                break;
            }

          /* XML itself forbids an attribute twice */
          if (names != NULL && names[i] != NULL)
            {
              g_assert (i < MAX_KNOWN_ATTRS);
              offsets[i] = r->scratch->len;
              append_value (r->scratch, attrs->raw[a * 5 + 3], attrs->raw[a * 5 + 4]);
              continue;
            }

          if (!r->newer_minor)
            {
              reader_fail (r, CX_PLAN_ERROR_INVALID, frame->line,
                           _("unknown attribute '%s' on <%s>"), name, element_name (frame));
              return FALSE;
            }

          reader_warn (r, frame->line,
                       _("attribute '%s' on <%s> is from a newer version of the format; "
                         "it is kept as it is"), name, element_name (frame));
          copy = attr_value_dup (attrs->raw[a * 5 + 3], attrs->raw[a * 5 + 4]);
          if (!keep_attr (r, frame, NULL, NULL, name, copy))
            return FALSE;
        }
      else
        {
          if (strcmp (uri, CX_NAMESPACE) == 0 && !r->newer_minor)
            {
              reader_fail (r, CX_PLAN_ERROR_INVALID, frame->line,
                           _("unknown attribute '%s' on <%s>"), name, element_name (frame));
              return FALSE;
            }

          copy = attr_value_dup (attrs->raw[a * 5 + 3], attrs->raw[a * 5 + 4]);
          if (!keep_attr (r, frame, uri, prefix, name, copy))
            return FALSE;
        }
    }

  /* the buffer has stopped moving */
  for (guint i = 0; i < MAX_KNOWN_ATTRS; i++)
    values->values[i] = offsets[i] >= 0 ? r->scratch->str + offsets[i] : NULL;

  return TRUE;
}

gboolean
require_attr (Reader     *r,
              Frame      *frame,
              const char *name,
              const char *value)
{
  if (value != NULL)
    return TRUE;

  reader_fail (r, CX_PLAN_ERROR_INVALID, frame->line,
               _("<%s> is missing its required attribute '%s'"), element_name (frame), name);
  return FALSE;
}

gboolean
parse_int (Reader     *r,
           Frame      *frame,
           const char *name,
           const char *value,
           int         min,
           int         max,
           int        *out)
{
  const char *p = value;
  gboolean negative = FALSE;
  gint64 n = 0;

  if (*p == '+' || *p == '-')
    negative = *p++ == '-';

  if (*p == '\0')
    goto not_a_number;

  for (; *p != '\0'; p++)
    {
      if (*p < '0' || *p > '9')
        goto not_a_number;
      if (n <= 1000000)
        n = n * 10 + (*p - '0');
    }
  if (negative)
    n = -n;

  if (n < min || n > max)
    {
      reader_fail (r, CX_PLAN_ERROR_INVALID, frame->line,
                   _("%s '%s' on <%s> is out of range: it must be from %d to %d"),
                   name, value, element_name (frame), min, max);
      return FALSE;
    }

  *out = (int) n;
  return TRUE;

not_a_number:
  reader_fail (r, CX_PLAN_ERROR_INVALID, frame->line,
               _("%s '%s' on <%s> is not a whole number"), name, value, element_name (frame));
  return FALSE;
}

gboolean
parse_bool (Reader     *r,
            Frame      *frame,
            const char *name,
            const char *value,
            gboolean   *out)
{
  if (value == NULL || strcmp (value, "false") == 0)
    *out = FALSE;
  else if (strcmp (value, "true") == 0)
    *out = TRUE;
  else
    {
      reader_fail (r, CX_PLAN_ERROR_INVALID, frame->line,
                   _("%s '%s' on <%s> must be 'true' or 'false'"),
                   name, value, element_name (frame));
      return FALSE;
    }

  return TRUE;
}

gboolean
parse_enum (Reader     *r,
            Frame      *frame,
            const char *name,
            const char *value,
            GType       type,
            int        *out)
{
  if (cx_enum_from_nick (type, value, out))
    return TRUE;

  reader_fail (r, CX_PLAN_ERROR_INVALID, frame->line,
               _("unknown %s '%s' on <%s>"), name, value, element_name (frame));
  return FALSE;
}

static guint
object_line (GObject *object)
{
  if (CX_IS_STEP (object))
    return CX_STEP (object)->line;
  if (CX_IS_FAILURE (object))
    return CX_FAILURE (object)->line;
  if (CX_IS_PERSONA (object))
    return CX_PERSONA (object)->line;
  if (CX_IS_LANE (object))
    return CX_LANE (object)->line;
  return 0;
}

/* A valid, unused id; a duplicate points at the first use */
gboolean
take_id (Reader     *r,
         Frame      *frame,
         const char *id,
         GObject    *object)
{
  GObject *other;

  if (!require_attr (r, frame, "id", id))
    return FALSE;

  if (!cx_validate_id (id, NULL))
    {
      reader_fail (r, CX_PLAN_ERROR_INVALID, frame->line,
                   _("id '%s' on <%s> is not a valid name (letters, digits, '-', '_' "
                     "and '.', not starting with a digit)"),
                   id, element_name (frame));
      return FALSE;
    }

  /* registered unless taken: one lookup for the common case */
  if (!cx_plan_register_id (r->plan, id, object))
    {
      other = g_hash_table_lookup (r->plan->ids, id);
      reader_fail (r, CX_PLAN_ERROR_INVALID, frame->line,
                   _("duplicate id '%s': it is already used on line %u"),
                   id, object_line (other));
      return FALSE;
    }

  return TRUE;
}

