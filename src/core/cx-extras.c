/* cx-extras.c — foreign content, kept as text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See cx-extras.h for the kept form. Buffers grow to the next power of
 * two (at least 8 bytes), so appending costs constant time on average and
 * no capacity needs storing; a run is a stretch of the children buffer
 * whose elements all stand after the same number of known children.
 */

#define G_LOG_DOMAIN "cx-extras"

#include "config.h"

#include <string.h>

#include "cx-extras-private.h"

/* ------------------------------------------------------------------ */
/* Buffers                                                             */

static gsize
capacity_for (gsize length,
              gsize minimum)
{
  gsize capacity = minimum;

  if (length == 0)
    return 0;
  while (capacity < length)
    capacity <<= 1;

  return capacity;
}

/* Makes room for @extra more bytes after @length in *@buffer */
static char *
reserve (char  **buffer,
         gsize   length,
         gsize   extra)
{
  gsize capacity = capacity_for (length, 8);

  g_return_val_if_fail (extra <= G_MAXSIZE / 2 - length, *buffer + length);

  if (length + extra > capacity || *buffer == NULL)
    *buffer = g_realloc (*buffer, capacity_for (length + extra, 8));

  return *buffer + length;
}

static void
append (char        **buffer,
        gsize        *length,
        const char   *bytes,
        gsize         n)
{
  if (n == 0)
    return;
  memcpy (reserve (buffer, *length, n), bytes, n);
  *length += n;
}

static void
append_str (char       **buffer,
            gsize       *length,
            const char  *text)
{
  append (buffer, length, text, strlen (text));
}

/* The kept escapes: only what would break the kept form */
static void
append_escaped (char       **buffer,
                gsize       *length,
                const char  *text,
                gsize        n,
                gboolean     in_attribute)
{
  const char *run = text;
  const char *end = text + n;

  for (const char *p = text; p < end; p++)
    {
      const char *entity;

      switch (*p)
        {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '"': entity = in_attribute ? "&quot;" : NULL; break;
        default: entity = NULL; break;
        }
      if (entity == NULL)
        continue;

      append (buffer, length, run, p - run);
      append_str (buffer, length, entity);
      run = p + 1;
    }

  append (buffer, length, run, end - run);
}

/* ------------------------------------------------------------------ */

CxExtras *
cx_extras_new (void)
{
  return g_new0 (CxExtras, 1);
}

void
cx_extras_free (CxExtras *extras)
{
  if (extras == NULL)
    return;

  g_free (extras->attrs);
  g_free (extras->kept);
  g_free (extras->runs);
  g_free (extras);
}

static char *
dup_buffer (const char *bytes,
            gsize       length,
            gsize       minimum)
{
  char *copy;

  if (length == 0)
    return NULL;
  copy = g_malloc (capacity_for (length, minimum));
  memcpy (copy, bytes, length);

  return copy;
}

CxExtras *
cx_extras_copy (const CxExtras *extras)
{
  CxExtras *copy;

  if (extras == NULL)
    return NULL;

  copy = cx_extras_new ();
  copy->attrs = dup_buffer (extras->attrs, extras->attrs_len, 8);
  copy->attrs_len = extras->attrs_len;
  copy->kept = dup_buffer (extras->kept, extras->kept_len, 8);
  copy->kept_len = extras->kept_len;
  copy->runs = (CxForeignRun *) dup_buffer ((const char *) extras->runs,
                                            extras->n_runs * sizeof (CxForeignRun),
                                            sizeof (CxForeignRun));
  copy->n_runs = extras->n_runs;

  return copy;
}

/* Whether cx_extras_equal() compares the children's positions; off only
 * inside cx_plan_equal_as_written(), on the thread that runs it */
static _Thread_local gboolean ignore_positions;

void
cx_extras_set_ignore_positions (gboolean ignore)
{
  ignore_positions = ignore;
}

/* The same attributes, and the same children in the same places (or, while
 * positions are ignored, in the same order: each kept element is whole in
 * itself, so equal bytes are equal children) */
gboolean
cx_extras_equal (const CxExtras *a,
                 const CxExtras *b)
{
  static const CxExtras none = { 0, };

  if (a == NULL)
    a = &none;
  if (b == NULL)
    b = &none;

  if (a->attrs_len != b->attrs_len || a->kept_len != b->kept_len)
    return FALSE;

  if (!ignore_positions)
    {
      if (a->n_runs != b->n_runs)
        return FALSE;
      for (guint i = 0; i < a->n_runs; i++)
        {
          if (a->runs[i].position != b->runs[i].position || a->runs[i].end != b->runs[i].end)
            return FALSE;
        }
    }

  return (a->attrs_len == 0 || memcmp (a->attrs, b->attrs, a->attrs_len) == 0) &&
         (a->kept_len == 0 || memcmp (a->kept, b->kept, a->kept_len) == 0);
}

/**
 * cx_extras_get_size:
 * @extras: (nullable): foreign content
 *
 * Returns: the bytes of memory @extras holds, itself included
 */
gsize
cx_extras_get_size (const CxExtras *extras)
{
  if (extras == NULL)
    return 0;

  return sizeof *extras + capacity_for (extras->attrs_len, 8) +
         capacity_for (extras->kept_len, 8) +
         capacity_for (extras->n_runs * sizeof (CxForeignRun), sizeof (CxForeignRun));
}

/* The bytes kept, attributes and children: what counts against the
 * reader's budget */
gsize
cx_extras_get_length (const CxExtras *extras)
{
  return extras != NULL ? extras->attrs_len + extras->kept_len : 0;
}

gboolean
cx_extras_has_attrs (const CxExtras *extras)
{
  return extras != NULL && extras->attrs_len > 0;
}

gboolean
cx_extras_has_children (const CxExtras *extras)
{
  return extras != NULL && extras->n_runs > 0;
}

gboolean
cx_extras_is_empty (const CxExtras *extras)
{
  return !cx_extras_has_attrs (extras) && !cx_extras_has_children (extras);
}

/**
 * cx_extras_add_attr:
 * @extras: foreign content
 * @ns_uri: (nullable): the attribute's namespace; %NULL for an unknown
 *   attribute of a newer minor version
 * @prefix: (nullable): the prefix the written file declares for @ns_uri
 * @name: its local name
 * @value: (nullable): its value
 *
 * Keeps an attribute, to be written after those already kept.
 */
void
cx_extras_add_attr (CxExtras   *extras,
                    const char *ns_uri,
                    const char *prefix,
                    const char *name,
                    const char *value)
{
  g_return_if_fail (extras != NULL);
  g_return_if_fail (name != NULL);

  append (&extras->attrs, &extras->attrs_len, " ", 1);
  if (ns_uri != NULL && prefix != NULL)
    {
      append_str (&extras->attrs, &extras->attrs_len, prefix);
      append (&extras->attrs, &extras->attrs_len, ":", 1);
    }
  append_str (&extras->attrs, &extras->attrs_len, name);
  append (&extras->attrs, &extras->attrs_len, "=\"", 2);
  if (value != NULL)
    append_escaped (&extras->attrs, &extras->attrs_len, value, strlen (value), TRUE);
  append (&extras->attrs, &extras->attrs_len, "\"", 1);
}

/* ------------------------------------------------------------------ */
/* The kept children, built a piece at a time                          */

gsize
cx_extras_kept_length (const CxExtras *extras)
{
  return extras->kept_len;
}

void
cx_extras_kept_append (CxExtras   *extras,
                       const char *bytes,
                       gsize       length)
{
  append (&extras->kept, &extras->kept_len, bytes, length);
}

void
cx_extras_kept_append_escaped (CxExtras   *extras,
                               const char *text,
                               gsize       length,
                               gboolean    in_attribute)
{
  append_escaped (&extras->kept, &extras->kept_len, text, length, in_attribute);
}

void
cx_extras_get_kept_bytes (const CxExtras *extras,
                          gsize           offset,
                          gsize           length,
                          char           *bytes)
{
  g_return_if_fail (offset + length <= extras->kept_len);

  memcpy (bytes, extras->kept + offset, length);
}

void
cx_extras_kept_set_byte (CxExtras *extras,
                         gsize     offset,
                         char      byte)
{
  g_return_if_fail (offset < extras->kept_len);

  extras->kept[offset] = byte;
}

/* Drops what was appended after @length (white space found to be layout) */
void
cx_extras_kept_truncate (CxExtras *extras,
                         gsize     length)
{
  g_return_if_fail (length <= extras->kept_len);
  g_return_if_fail (extras->n_runs == 0 || length >= extras->runs[extras->n_runs - 1].end);

  extras->kept_len = length;
}

/* Everything appended since the last child is a child at @position */
void
cx_extras_kept_end_child (CxExtras *extras,
                          guint     position)
{
  CxForeignRun *last = extras->n_runs > 0 ? &extras->runs[extras->n_runs - 1] : NULL;

  if (last != NULL && last->position == position)
    {
      last->end = extras->kept_len;
      return;
    }

  g_return_if_fail (last == NULL || last->position < position);

  if (extras->n_runs + 1 > capacity_for (extras->n_runs, 1))
    extras->runs = g_renew (CxForeignRun, extras->runs, capacity_for (extras->n_runs + 1, 1));
  extras->runs[extras->n_runs].position = position;
  extras->runs[extras->n_runs].end = extras->kept_len;
  extras->n_runs++;
}

/* A kept declaration at @p (just after its CX_KEPT_ROOT_DECL): its prefix
 * (NULL for the default namespace) and URI, and where it ends. */
static const char *
parse_declaration (const char  *p,
                   const char  *end,
                   char       **prefix,
                   char       **uri)
{
  const char *equals = memchr (p, '=', end - p);
  const char *value_end;

  g_assert (equals != NULL && equals + 1 < end && equals[1] == '"');
  value_end = memchr (equals + 2, '"', end - (equals + 2));
  g_assert (value_end != NULL);

  *prefix = equals - p > 5 ? g_strndup (p + 6, equals - (p + 6)) : NULL;
  *uri = g_strndup (equals + 2, value_end - (equals + 2));

  return value_end + 1;
}

/**
 * cx_extras_kept_settle:
 * @extras: foreign content
 * @declared: says which declarations the written root makes
 * @user_data: for @declared
 *
 * Once the root's declarations are all known: leaves out the marked
 * declarations of outermost kept elements that the root makes already,
 * and keeps the others as plain ones.
 *
 * Returns: whether any declaration was left out
 */
gboolean
cx_extras_kept_settle (CxExtras         *extras,
                       CxNsDeclaredFunc  declared,
                       gpointer          user_data)
{
  const char *end;
  char *to;
  gsize from = 0;
  guint run = 0;
  gboolean dropped = FALSE;

  if (extras == NULL || extras->kept_len == 0 ||
      memchr (extras->kept, CX_KEPT_ROOT_DECL, extras->kept_len) == NULL)
    return FALSE;

  end = extras->kept + extras->kept_len;
  to = extras->kept;
  while (from < extras->kept_len)
    {
      const char *marker = memchr (extras->kept + from, CX_KEPT_ROOT_DECL,
                                   extras->kept_len - from);
      gsize upto = marker != NULL ? (gsize) (marker - extras->kept) : extras->kept_len;
      gsize removed = (extras->kept + from) - to;
      g_autofree char *prefix = NULL;
      g_autofree char *uri = NULL;
      const char *after;

      /* runs ending before the marker move back by what was removed so far */
      while (run < extras->n_runs && extras->runs[run].end <= upto)
        extras->runs[run++].end -= removed;

      memmove (to, extras->kept + from, upto - from);
      to += upto - from;
      if (marker == NULL)
        break;

      after = parse_declaration (marker + 1, end, &prefix, &uri);
      if (declared (prefix, uri, user_data))
        dropped = TRUE;
      else
        {
          *to++ = ' ';
          memmove (to, marker + 1, after - (marker + 1));
          to += after - (marker + 1);
        }
      from = after - extras->kept;
    }

  extras->kept_len = to - extras->kept;

  return dropped;
}

/* ------------------------------------------------------------------ */
/* From a libxml2 node (for callers that build content by hand)        */

static gboolean
has_text_child (xmlNodePtr node)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        return TRUE;
    }

  return FALSE;
}

static gboolean
has_kept_child (xmlNodePtr node)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE || child->type == XML_TEXT_NODE ||
          child->type == XML_CDATA_SECTION_NODE)
        return TRUE;
    }

  return FALSE;
}

static void
append_qname (CxExtras      *extras,
              xmlNsPtr       ns,
              const xmlChar *name)
{
  if (ns != NULL && ns->prefix != NULL)
    {
      append_str (&extras->kept, &extras->kept_len, (const char *) ns->prefix);
      append (&extras->kept, &extras->kept_len, ":", 1);
    }
  append_str (&extras->kept, &extras->kept_len, (const char *) name);
}

static void
append_node (CxExtras   *extras,
             xmlNodePtr  node)
{
  char flag = has_text_child (node) ? CX_KEPT_MIXED : CX_KEPT_ELEMENTS;

  append (&extras->kept, &extras->kept_len, "<", 1);
  append (&extras->kept, &extras->kept_len, &flag, 1);
  append_qname (extras, node->ns, node->name);

  for (xmlNsPtr ns = node->nsDef; ns != NULL; ns = ns->next)
    {
      if (ns->href == NULL || g_strcmp0 ((const char *) ns->prefix, "xml") == 0)
        continue;
      append_str (&extras->kept, &extras->kept_len, " xmlns");
      if (ns->prefix != NULL)
        {
          append (&extras->kept, &extras->kept_len, ":", 1);
          append_str (&extras->kept, &extras->kept_len, (const char *) ns->prefix);
        }
      append (&extras->kept, &extras->kept_len, "=\"", 2);
      append_str (&extras->kept, &extras->kept_len, (const char *) ns->href);
      append (&extras->kept, &extras->kept_len, "\"", 1);
    }

  for (xmlAttrPtr attr = node->properties; attr != NULL; attr = attr->next)
    {
      xmlChar *value = xmlNodeListGetString (node->doc, attr->children, 1);

      append (&extras->kept, &extras->kept_len, " ", 1);
      append_qname (extras, attr->ns, attr->name);
      append (&extras->kept, &extras->kept_len, "=\"", 2);
      if (value != NULL)
        append_escaped (&extras->kept, &extras->kept_len, (const char *) value,
                        strlen ((const char *) value), TRUE);
      append (&extras->kept, &extras->kept_len, "\"", 1);
      xmlFree (value);
    }

  if (!has_kept_child (node))
    {
      append (&extras->kept, &extras->kept_len, "/>", 2);
      return;
    }

  append (&extras->kept, &extras->kept_len, ">", 1);
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE)
        append_node (extras, child);
      else if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) &&
               child->content != NULL)
        append_escaped (&extras->kept, &extras->kept_len, (const char *) child->content,
                        strlen ((const char *) child->content), FALSE);
    }
  append (&extras->kept, &extras->kept_len, "</", 2);
  append_qname (extras, node->ns, node->name);
  append (&extras->kept, &extras->kept_len, ">", 1);
}

/**
 * cx_extras_add_child:
 * @extras: foreign content
 * @position: how many known child elements precede it
 * @node: (transfer full): an element, with everything in it
 *
 * Keeps @node (and frees it) as a child after the children kept so far,
 * which must not stand after more known children than @position.
 */
void
cx_extras_add_child (CxExtras   *extras,
                     guint       position,
                     xmlNodePtr  node)
{
  g_return_if_fail (extras != NULL);
  g_return_if_fail (node != NULL && node->type == XML_ELEMENT_NODE);

  append_node (extras, node);
  cx_extras_kept_end_child (extras, position);
  xmlFreeNode (node);
}
