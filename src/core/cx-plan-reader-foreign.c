/* cx-plan-reader-foreign.c — keeping content in foreign namespaces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An element in another namespace (or one of ours from a newer minor
 * version) is kept, with everything inside it, as text in the CxExtras of
 * the element that holds it (see cx-extras.h), with the number of known
 * elements written before it: the writer puts it back in the same place.
 * It is written as its SAX events come, so keeping costs about the size
 * of what is kept, in time and in memory, however it is shaped.
 *
 * Namespaces: every namespace a foreign attribute of a known element uses
 * is declared on the written root, one prefix a URI (the file's own where
 * it is free). So is every namespace a kept element takes from outside
 * what is kept (declared on the root or on a known element of the file),
 * and names are written with the root's prefix for it: one declaration,
 * however many elements use it. Declarations made inside what is kept
 * stay where they are; those of an outermost kept element that the root
 * makes already are left out. Every lookup is a hash table's, and the
 * declarations in scope at once stay within CX_MAX_NAMESPACES in the
 * written file, so that it reads back within the same bounds.
 */

#define G_LOG_DOMAIN "cx-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cx-plan-reader-private.h"

#define XINCLUDE_NS_2001 "http://www.w3.org/2001/XInclude"
#define XINCLUDE_NS_2003 "http://www.w3.org/2003/XInclude"

#define NO_TEXT G_MAXSIZE

/* The key of the default namespace in kept_scope: no prefix is empty */
#define DEFAULT_KEY ""

gboolean
is_xinclude (const xmlChar *uri)
{
  return uri != NULL && (strcmp ((const char *) uri, XINCLUDE_NS_2001) == 0 ||
                         strcmp ((const char *) uri, XINCLUDE_NS_2003) == 0);
}

void
foreign_init (Reader *r)
{
  r->root_by_prefix = g_hash_table_new (g_str_hash, g_str_equal);
  r->root_by_uri = g_hash_table_new (g_str_hash, g_str_equal);
  r->fresh_counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r->kept_scope = g_hash_table_new (g_str_hash, g_str_equal);
  r->kept_decls = g_array_new (FALSE, FALSE, sizeof (KeptDecl));
  r->unsettled = g_hash_table_new (g_direct_hash, g_direct_equal);
}

void
foreign_clear (Reader *r)
{
  g_clear_pointer (&r->root_by_prefix, g_hash_table_unref);
  g_clear_pointer (&r->root_by_uri, g_hash_table_unref);
  g_clear_pointer (&r->fresh_counters, g_hash_table_unref);
  g_clear_pointer (&r->kept_scope, g_hash_table_unref);
  g_clear_pointer (&r->kept_decls, g_array_unref);
  g_clear_pointer (&r->unsettled, g_hash_table_unref);
}

/* Declarations in scope in the written file, at the deepest kept element:
 * ours as the default, the root's, and those on the way down to it */
static gboolean
namespaces_fit (Reader *r)
{
  guint n_root = r->plan->ns_decls->len;

  r->stats.n_namespaces = n_root;
  if (1 + n_root + r->stats.max_chain <= CX_MAX_NAMESPACES)
    return TRUE;

  reader_fail (r, CX_PLAN_ERROR_TOO_LARGE, reader_line (r),
               _("the plan uses too many namespaces: written back, it would have more than %u "
                 "namespace declarations in scope at once, the most a .cxplan file may have "
                 "(%u on its root, and %u on an element of another namespace and those "
                 "around it)"),
               CX_MAX_NAMESPACES, 1 + n_root, r->stats.max_chain);
  return FALSE;
}

/* Which prefix the written root declares @uri with, declaring it if it is
 * not yet: the file's own @prefix when it is free, else the first of
 * PREFIX2, PREFIX3… that is. A counter per prefix remembers where the
 * search stopped, so finding a free one costs constant time on average.
 * NULL when the plan would declare more namespaces than it may. */
const char *
plan_prefix_for (Reader     *r,
                 const char *uri,
                 const char *prefix)
{
  g_autofree char *fresh = NULL;
  const char *base;
  CxNsDecl *decl;
  guint n;

  if (strcmp (uri, (const char *) XML_XML_NAMESPACE) == 0)
    return "xml";

  r->stats.n_probes++;
  decl = g_hash_table_lookup (r->root_by_uri, uri);
  if (decl != NULL)
    return decl->prefix;

  base = prefix != NULL && *prefix != '\0' ? prefix : "ns";
  n = GPOINTER_TO_UINT (g_hash_table_lookup (r->fresh_counters, base));
  if (n == 0)
    n = 1;
  for (;; n++)
    {
      g_free (fresh);
      fresh = n == 1 ? g_strdup (base) : g_strdup_printf ("%s%u", base, n);
      r->stats.n_probes++;
      if (strcmp (fresh, "xml") != 0 && strcmp (fresh, "xmlns") != 0 &&
          !g_hash_table_contains (r->root_by_prefix, fresh))
        break;
    }
  g_hash_table_insert (r->fresh_counters, g_strdup (base), GUINT_TO_POINTER (n + 1));

  decl = g_new0 (CxNsDecl, 1);
  decl->prefix = g_steal_pointer (&fresh);
  decl->uri = g_strdup (uri);
  g_ptr_array_add (r->plan->ns_decls, decl);
  g_hash_table_insert (r->root_by_prefix, decl->prefix, decl);
  g_hash_table_insert (r->root_by_uri, decl->uri, decl);

  if (!namespaces_fit (r))
    return NULL;

  return decl->prefix;
}

/* Whether the written root declares @prefix (NULL: the default) as @uri */
static gboolean
declared_on_root (const char *prefix,
                  const char *uri,
                  gpointer    user_data)
{
  Reader *r = user_data;
  const CxNsDecl *decl;

  if (prefix == NULL)
    return strcmp (uri, CX_NAMESPACE) == 0;

  r->stats.n_probes++;
  decl = g_hash_table_lookup (r->root_by_prefix, prefix);

  return decl != NULL && strcmp (decl->uri, uri) == 0;
}

/* ------------------------------------------------------------------ */
/* The declarations in scope inside the kept element                   */

static gpointer
scope_key (const xmlChar *prefix)
{
  return prefix != NULL ? (gpointer) prefix : (gpointer) DEFAULT_KEY;
}

static const KeptDecl *
scope_lookup (Reader        *r,
              const xmlChar *prefix)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (r->kept_scope, scope_key (prefix)));

  r->stats.n_probes++;
  if (index == 0)
    return NULL;

  return &g_array_index (r->kept_decls, KeptDecl, index - 1);
}

static void
scope_push (Reader        *r,
            const xmlChar *prefix,
            const xmlChar *uri)
{
  KeptDecl decl = { prefix, uri, 0 };

  r->stats.n_probes++;
  decl.shadowed = GPOINTER_TO_UINT (g_hash_table_lookup (r->kept_scope, scope_key (prefix)));
  g_array_append_val (r->kept_decls, decl);
  g_hash_table_insert (r->kept_scope, scope_key (prefix), GUINT_TO_POINTER (r->kept_decls->len));
}

static void
scope_pop (Reader *r,
           guint   mark)
{
  while (r->kept_decls->len > mark)
    {
      const KeptDecl *decl = &g_array_index (r->kept_decls, KeptDecl, r->kept_decls->len - 1);
      gpointer key = scope_key (decl->prefix);

      r->stats.n_probes++;
      if (decl->shadowed != 0)
        g_hash_table_insert (r->kept_scope, key, GUINT_TO_POINTER (decl->shadowed));
      else
        g_hash_table_remove (r->kept_scope, key);
      g_array_set_size (r->kept_decls, r->kept_decls->len - 1);
    }
}

/* ------------------------------------------------------------------ */

/* Counts what was kept since @before (cx_extras_get_length()) against
 * the budget */
static gboolean
kept_grew (Reader   *r,
           CxExtras *extras,
           gsize     before)
{
  gsize now = cx_extras_get_length (extras);
  g_autofree char *size = NULL;

  if (now >= before)
    r->stats.foreign_bytes += now - before;
  else
    r->stats.foreign_bytes -= before - now;

  if (r->stats.foreign_bytes <= reader_foreign_budget ())
    return TRUE;

  size = g_format_size_full (reader_foreign_budget (), G_FORMAT_SIZE_IEC_UNITS);
  reader_fail (r, CX_PLAN_ERROR_TOO_LARGE, reader_line (r),
               _("the plan holds more than %s of content that this version does not know "
                 "(in other namespaces, or of a newer version of the format), the most it "
                 "keeps to write back"),
               size);
  return FALSE;
}

/**
 * keep_attr:
 * @r: the reader
 * @frame: a known element
 * @uri: (nullable): the attribute's namespace; %NULL for one of ours
 *   from a newer minor version
 * @prefix: (nullable): its prefix in the file
 * @name: its local name
 * @value: its value
 *
 * Keeps a foreign attribute of a known element, to be written back after
 * its known ones.
 *
 * Returns: %FALSE when the reader failed (a limit reached)
 */
gboolean
keep_attr (Reader     *r,
           Frame      *frame,
           const char *uri,
           const char *prefix,
           const char *name,
           const char *value)
{
  CxExtras *extras = extras_of (frame);
  gsize before = cx_extras_get_length (extras);
  const char *written = NULL;

  if (uri != NULL)
    {
      written = plan_prefix_for (r, uri, prefix);
      if (written == NULL)
        return FALSE;
    }

  cx_extras_add_attr (extras, uri, written, name, value);

  return kept_grew (r, extras, before);
}

/* ------------------------------------------------------------------ */
/* Kept elements                                                       */

typedef struct
{
  const char    *prefix;    /* as written: NULL for none */
  const xmlChar *declare;   /* declare prefix → uri on the element itself */
  const xmlChar *declare_prefix;
} Written;

/* How a name in @uri with @prefix (from the file) is written. A
 * declaration inside what is kept goes on as it is; a namespace from
 * outside is the root's, but where a kept declaration would hide the
 * root's prefix, the element declares the file's own. */
static gboolean
resolve (Reader        *r,
         const xmlChar *prefix,
         const xmlChar *uri,
         gboolean       is_element,
         Written       *written)
{
  const KeptDecl *decl;
  const char *root_prefix;

  memset (written, 0, sizeof *written);

  if (uri == NULL)
    return TRUE;
  if (prefix != NULL && strcmp ((const char *) prefix, "xml") == 0)
    {
      written->prefix = "xml";
      return TRUE;
    }

  decl = scope_lookup (r, prefix);
  if (decl != NULL && strcmp ((const char *) decl->uri, (const char *) uri) == 0)
    {
      written->prefix = (const char *) prefix;
      return TRUE;
    }

  /* Ours: the root's default namespace, for an element (an attribute has
   * no default), unless a kept default hides it */
  if (strcmp ((const char *) uri, CX_NAMESPACE) == 0)
    {
      if (is_element && scope_lookup (r, NULL) == NULL)
        return TRUE;
    }
  else
    {
      root_prefix = plan_prefix_for (r, (const char *) uri, (const char *) prefix);
      if (root_prefix == NULL)
        return FALSE;
      if (scope_lookup (r, (const xmlChar *) root_prefix) == NULL)
        {
          written->prefix = root_prefix;
          return TRUE;
        }
    }

  /* Declared on the element, with the file's prefix, which no kept
   * declaration holds (else it would have been found) */
  written->prefix = (const char *) prefix;
  written->declare = uri;
  written->declare_prefix = prefix;
  return TRUE;
}

static void
append_str (CxExtras   *extras,
            const char *text)
{
  cx_extras_kept_append (extras, text, strlen (text));
}

static void
append_declaration (CxExtras      *extras,
                    char           lead,
                    const xmlChar *prefix,
                    const xmlChar *uri)
{
  cx_extras_kept_append (extras, &lead, 1);
  append_str (extras, "xmlns");
  if (prefix != NULL)
    {
      cx_extras_kept_append (extras, ":", 1);
      append_str (extras, (const char *) prefix);
    }
  cx_extras_kept_append (extras, "=\"", 2);
  append_str (extras, (const char *) uri);
  cx_extras_kept_append (extras, "\"", 1);
}

static void
append_qname (CxExtras      *extras,
              const char    *prefix,
              const xmlChar *localname)
{
  if (prefix != NULL)
    {
      append_str (extras, prefix);
      cx_extras_kept_append (extras, ":", 1);
    }
  append_str (extras, (const char *) localname);
}

static gboolean
is_xml_space (const xmlChar *text,
              int            length)
{
  for (int i = 0; i < length; i++)
    {
      if (text[i] != ' ' && text[i] != '\t' && text[i] != '\n' && text[i] != '\r')
        return FALSE;
    }

  return TRUE;
}

/* Before a child or at the end: the run of text so far is content, or,
 * white space beside elements, layout the writer makes its own */
static void
end_text_run (Frame    *frame,
              CxExtras *extras)
{
  if (frame->text_at == NO_TEXT)
    return;

  if (frame->text_blank && frame->has_elements)
    cx_extras_kept_truncate (extras, frame->text_at);
  else
    frame->has_text = TRUE;
  frame->text_at = NO_TEXT;
}

static void
close_start_tag (Frame    *frame,
                 CxExtras *extras)
{
  if (frame->tag_open)
    {
      cx_extras_kept_append (extras, ">", 1);
      frame->tag_open = FALSE;
    }
}

gboolean
foreign_start (Reader         *r,
               Frame          *parent,
               const xmlChar  *localname,
               const xmlChar  *prefix,
               const xmlChar  *uri,
               const xmlChar **namespaces,
               int             n_namespaces,
               const SaxAttrs *attrs)
{
  gboolean outermost = parent->kind != KIND_FOREIGN;
  g_autofree Written *heap_names = NULL;
  Written stack_names[16];
  Written *attr_names = stack_names;
  const char flag = CX_KEPT_ELEMENTS;
  Frame frame = { 0, };
  CxExtras *extras;
  Written name;
  gsize before;
  guint n_declared = 0;

  if (*parent->extras == NULL)
    *parent->extras = cx_extras_new ();
  extras = *parent->extras;
  before = cx_extras_get_length (extras);

  if (!outermost)
    {
      close_start_tag (parent, extras);
      parent->has_elements = TRUE;
      end_text_run (parent, extras);
    }

  frame.kind = KIND_FOREIGN;
  frame.line = reader_line (r);
  frame.extras = parent->extras;
  frame.text_at = NO_TEXT;
  frame.tag_open = TRUE;
  frame.scope_mark = r->kept_decls->len;

  /* The element's own declarations are in scope for its names */
  for (int i = 0; i < n_namespaces; i++)
    scope_push (r, namespaces[i * 2], namespaces[i * 2 + 1]);

  if (!resolve (r, prefix, uri, TRUE, &name))
    return FALSE;
  if (attrs->n > (int) G_N_ELEMENTS (stack_names))
    attr_names = heap_names = g_new0 (Written, attrs->n);
  for (int a = 0; a < attrs->n; a++)
    {
      if (!resolve (r, attrs->raw[a * 5 + 1], attrs->raw[a * 5 + 2], FALSE, &attr_names[a]))
        return FALSE;
    }

  frame.kept_start = cx_extras_kept_length (extras);
  cx_extras_kept_append (extras, "<", 1);
  cx_extras_kept_append (extras, &flag, 1);
  frame.name_at = cx_extras_kept_length (extras);
  append_qname (extras, name.prefix, localname);
  frame.name_length = cx_extras_kept_length (extras) - frame.name_at;

  for (int i = 0; i < n_namespaces; i++)
    {
      const xmlChar *decl_prefix = namespaces[i * 2];
      const xmlChar *decl_uri = namespaces[i * 2 + 1];

      /* What the root declares already, an outermost element need not */
      if (outermost && declared_on_root ((const char *) decl_prefix, (const char *) decl_uri, r))
        continue;
      append_declaration (extras, outermost ? CX_KEPT_ROOT_DECL : ' ', decl_prefix, decl_uri);
      if (outermost)
        g_hash_table_add (r->unsettled, extras);
      n_declared++;
    }

  /* Declarations of namespaces from outside that the root's prefix cannot
   * reach, each once; and an element in no namespace says so, where the
   * default in scope in the written file would be ours */
  for (int a = -1; a < attrs->n; a++)
    {
      const Written *w = a < 0 ? &name : &attr_names[a];
      const KeptDecl *decl;

      if (w->declare == NULL)
        continue;
      decl = scope_lookup (r, w->declare_prefix);
      if (decl != NULL && strcmp ((const char *) decl->uri, (const char *) w->declare) == 0)
        continue;
      append_declaration (extras, ' ', w->declare_prefix, w->declare);
      scope_push (r, w->declare_prefix, w->declare);
      n_declared++;
    }
  if (uri == NULL)
    {
      const KeptDecl *decl = scope_lookup (r, NULL);

      if (decl == NULL || *decl->uri != '\0')
        {
          append_declaration (extras, ' ', NULL, (const xmlChar *) "");
          scope_push (r, NULL, (const xmlChar *) "");
          n_declared++;
        }
    }

  for (int a = 0; a < attrs->n; a++)
    {
      g_autofree char *value = attr_value_dup (attrs->raw[a * 5 + 3], attrs->raw[a * 5 + 4]);

      cx_extras_kept_append (extras, " ", 1);
      append_qname (extras, attr_names[a].prefix, attrs->raw[a * 5]);
      cx_extras_kept_append (extras, "=\"", 2);
      cx_extras_kept_append_escaped (extras, value, strlen (value), TRUE);
      cx_extras_kept_append (extras, "\"", 1);
    }

  frame.chain = (outermost ? 0 : parent->chain) + n_declared;
  if (frame.chain > r->stats.max_chain)
    {
      r->stats.max_chain = frame.chain;
      if (!namespaces_fit (r))
        return FALSE;
    }

  /* the stack may move: @parent is not used after this */
  g_array_append_val (r->stack, frame);

  return kept_grew (r, extras, before);
}

void
foreign_text (Reader        *r,
              Frame         *frame,
              const xmlChar *text,
              int            length)
{
  CxExtras *extras = *frame->extras;
  gsize before = cx_extras_get_length (extras);

  close_start_tag (frame, extras);
  if (frame->text_at == NO_TEXT)
    {
      frame->text_at = cx_extras_kept_length (extras);
      frame->text_blank = TRUE;
    }
  if (frame->text_blank && !is_xml_space (text, length))
    frame->text_blank = FALSE;

  cx_extras_kept_append_escaped (extras, (const char *) text, length, FALSE);
  kept_grew (r, extras, before);
}

void
foreign_end (Reader *r,
             Frame  *frame,
             Frame  *parent)
{
  CxExtras *extras = *frame->extras;
  gsize before = cx_extras_get_length (extras);

  end_text_run (frame, extras);

  if (frame->tag_open)
    cx_extras_kept_append (extras, "/>", 2);
  else
    {
      char stack_name[128];
      char *name = frame->name_length < sizeof stack_name ? stack_name
                                                           : g_malloc (frame->name_length);

      /* copied first: appending may move the buffer it is in */
      cx_extras_get_kept_bytes (extras, frame->name_at, frame->name_length, name);
      cx_extras_kept_append (extras, "</", 2);
      cx_extras_kept_append (extras, name, frame->name_length);
      cx_extras_kept_append (extras, ">", 1);
      if (name != stack_name)
        g_free (name);
    }

  if (frame->has_text)
    cx_extras_kept_set_byte (extras, frame->kept_start + 1, CX_KEPT_MIXED);

  scope_pop (r, frame->scope_mark);

  if (parent->kind != KIND_FOREIGN)
    cx_extras_kept_end_child (extras, parent->n_written);

  kept_grew (r, extras, before);
}

/* Once the root's declarations are all known: outermost kept elements
 * leave out those it makes (see cx_extras_kept_settle()) */
gboolean
foreign_settle (Reader *r)
{
  GHashTableIter iter;
  gpointer extras;

  g_hash_table_iter_init (&iter, r->unsettled);
  while (g_hash_table_iter_next (&iter, &extras, NULL))
    cx_extras_kept_settle (extras, declared_on_root, r);
  g_hash_table_remove_all (r->unsettled);

  return TRUE;
}
