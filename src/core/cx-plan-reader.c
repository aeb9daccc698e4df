/* cx-plan-reader.c — reading .cxplan files, safely and strictly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is parsed by libxml2 into a tree with every door to the outside
 * shut: a document type declaration stops the parse at once (so no entity
 * is ever declared, let alone expanded), external entities go to a loader
 * that denies all (XML_PARSE_NONET alone still reads local files in 2.9),
 * XInclude is never processed and its elements are refused, and nesting
 * deeper than CX_MAX_DEPTH stops the parse. The tree is then walked once
 * against the outline of the format: whatever breaks a rule is refused
 * with the line it is on, and content in foreign namespaces is kept in
 * CxExtras at the place it stood.
 */

#define G_LOG_DOMAIN "cx-reader"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#include "cx-check.h"
#include "cx-format.h"
#include "cx-model-private.h"
#include "cx-plan-io.h"

#define XINCLUDE_NS_2001 "http://www.w3.org/2001/XInclude"
#define XINCLUDE_NS_2003 "http://www.w3.org/2003/XInclude"
#define CX_NAMESPACE_STEM "urn:cxplan:plan:"

G_DEFINE_QUARK (cx-plan-error-quark, cx_plan_error)

void
cx_diagnostic_free (CxDiagnostic *diagnostic)
{
  if (diagnostic == NULL)
    return;

  g_free (diagnostic->message);
  g_free (diagnostic);
}

static CxDiagnostic *
diagnostic_new (guint       line,
                const char *message)
{
  CxDiagnostic *diagnostic = g_new0 (CxDiagnostic, 1);

  diagnostic->line = line;
  diagnostic->message = g_strdup (message);

  return diagnostic;
}

typedef struct
{
  CxPlan      *plan;
  GPtrArray   *warnings;      /* CxDiagnostic */
  gboolean     newer_minor;   /* unknown content of ours is kept, not refused */
  guint        stray_text_line; /* of the first text where only elements go */
  gboolean     failed;
  CxPlanError  code;
  guint        line;
  char        *message;
} Reader;

/* The first refusal wins: later ones are consequences of it. */
G_GNUC_PRINTF (4, 5) static void
reader_fail (Reader      *r,
             CxPlanError  code,
             guint        line,
             const char  *format,
             ...)
{
  va_list args;

  if (r->failed)
    return;

  r->failed = TRUE;
  r->code = code;
  r->line = line;
  va_start (args, format);
  r->message = g_strdup_vprintf (format, args);
  va_end (args);
}

G_GNUC_PRINTF (3, 4) static void
reader_warn (Reader     *r,
             guint       line,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (r->warnings, diagnostic_new (line, message));
}

static inline guint
node_line (const xmlNode *node)
{
  long line = xmlGetLineNo (node);

  return line > 0 ? (guint) line : 0;
}

static inline gboolean
is_ours (const xmlNode *node)
{
  return node->ns != NULL && node->ns->href != NULL &&
         strcmp ((const char *) node->ns->href, CX_NAMESPACE) == 0;
}

static inline gboolean
name_is (const xmlNode *node,
         const char    *name)
{
  return strcmp ((const char *) node->name, name) == 0;
}

static gboolean
is_xml_space (const xmlChar *text)
{
  for (; *text != '\0'; text++)
    {
      if (*text != ' ' && *text != '\t' && *text != '\n' && *text != '\r')
        return FALSE;
    }

  return TRUE;
}

/* libxml2 gives a text node the line where it ends; a message about
 * stray text points at its first visible character. */
static guint
text_start_line (const xmlNode *node)
{
  const xmlChar *p = node->content;
  guint line = node_line (node);

  while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
    p++;
  for (; *p != '\0'; p++)
    {
      if (*p == '\n' && line > 1)
        line--;
    }

  return line;
}

static CxExtras *
extras_slot (CxExtras **slot)
{
  if (*slot == NULL)
    *slot = cx_extras_new ();

  return *slot;
}

/* ------------------------------------------------------------------ */
/* Attributes                                                          */

#define MAX_ATTRS 8

typedef struct
{
  const char *names[MAX_ATTRS + 1];  /* NULL-terminated */
  const char *values[MAX_ATTRS];
} Attrs;

static const char *
attr_value (xmlAttrPtr attr)
{
  xmlNodePtr text = attr->children;

  if (text == NULL)
    return "";
  if (text->next == NULL && text->type == XML_TEXT_NODE && text->content != NULL)
    return (const char *) text->content;

  return NULL;  /* several nodes: never with entities refused, but be safe */
}

/* Which namespace prefix a foreign attribute is written with. Every
 * namespace used by a foreign attribute is declared on the root when the
 * plan is written, so each URI gets one prefix, taken from the file where
 * that prefix is free. */
static const char *
plan_prefix_for (CxPlan     *plan,
                 const char *uri,
                 const char *prefix)
{
  CxNsDecl *decl;
  g_autofree char *fresh = NULL;

  if (strcmp (uri, (const char *) XML_XML_NAMESPACE) == 0)
    return "xml";

  for (guint i = 0; i < plan->ns_decls->len; i++)
    {
      decl = g_ptr_array_index (plan->ns_decls, i);
      if (strcmp (decl->uri, uri) == 0)
        return decl->prefix;
    }

  if (prefix == NULL || *prefix == '\0')
    prefix = "ns";

  for (guint n = 1; ; n++)
    {
      gboolean taken = FALSE;

      g_free (fresh);
      fresh = n == 1 ? g_strdup (prefix) : g_strdup_printf ("%s%u", prefix, n);
      if (strcmp (fresh, "xml") == 0 || strcmp (fresh, "xmlns") == 0)
        continue;
      for (guint i = 0; i < plan->ns_decls->len && !taken; i++)
        {
          decl = g_ptr_array_index (plan->ns_decls, i);
          taken = strcmp (decl->prefix, fresh) == 0;
        }
      if (!taken)
        break;
    }

  decl = g_new0 (CxNsDecl, 1);
  decl->prefix = g_steal_pointer (&fresh);
  decl->uri = g_strdup (uri);
  g_ptr_array_add (plan->ns_decls, decl);

  return decl->prefix;
}

/* Sorts the attributes of @node into the known ones of @attrs (by name)
 * and the foreign ones, which go to *@extras. */
static gboolean
read_attrs (Reader        *r,
            xmlNodePtr     node,
            Attrs         *attrs,
            CxExtras     **extras)
{
  for (guint i = 0; i < MAX_ATTRS; i++)
    attrs->values[i] = NULL;

  for (xmlAttrPtr attr = node->properties; attr != NULL; attr = attr->next)
    {
      const char *name = (const char *) attr->name;
      const char *value = attr_value (attr);
      g_autofree char *joined = NULL;

      if (value == NULL)
        value = joined = (char *) xmlNodeListGetString (node->doc, attr->children, 1);

      if (attr->ns == NULL)
        {
          guint i;

          for (i = 0; attrs->names[i] != NULL; i++)
            {
              if (strcmp (attrs->names[i], name) == 0)
                break;
            }

          if (attrs->names[i] != NULL)
            {
              /* XML itself forbids a repeated attribute */
              attrs->values[i] = value;
              continue;
            }

          if (!r->newer_minor)
            {
              reader_fail (r, CX_PLAN_ERROR_INVALID, node_line (node),
                           _("unknown attribute '%s' on <%s>"), name, (const char *) node->name);
              return FALSE;
            }

          reader_warn (r, node_line (node),
                       _("attribute '%s' on <%s> is from a newer version of the format; "
                         "it is kept as it is"), name, (const char *) node->name);
          cx_extras_add_attr (extras_slot (extras), NULL, NULL, name, value);
        }
      else
        {
          const char *uri = (const char *) attr->ns->href;
          const char *prefix;

          if (strcmp (uri, CX_NAMESPACE) == 0 && !r->newer_minor)
            {
              reader_fail (r, CX_PLAN_ERROR_INVALID, node_line (node),
                           _("unknown attribute '%s' on <%s>"), name, (const char *) node->name);
              return FALSE;
            }

          prefix = plan_prefix_for (r->plan, uri, (const char *) attr->ns->prefix);
          cx_extras_add_attr (extras_slot (extras), uri, prefix, name, value);
        }
    }

  return TRUE;
}

static gboolean
require_attr (Reader     *r,
              xmlNodePtr  node,
              const char *name,
              const char *value)
{
  if (value != NULL)
    return TRUE;

  reader_fail (r, CX_PLAN_ERROR_INVALID, node_line (node),
               _("<%s> is missing its required attribute '%s'"),
               (const char *) node->name, name);
  return FALSE;
}

static gboolean
parse_int (Reader     *r,
           xmlNodePtr  node,
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
      n = n * 10 + (*p - '0');
      if (n > 1000000)
        break;
    }
  if (negative)
    n = -n;

  if (*p != '\0' || n < min || n > max)
    {
      reader_fail (r, CX_PLAN_ERROR_INVALID, node_line (node),
                   _("%s '%s' on <%s> is out of range: it must be from %d to %d"),
                   name, value, (const char *) node->name, min, max);
      return FALSE;
    }

  *out = (int) n;
  return TRUE;

not_a_number:
  reader_fail (r, CX_PLAN_ERROR_INVALID, node_line (node),
               _("%s '%s' on <%s> is not a whole number"),
               name, value, (const char *) node->name);
  return FALSE;
}

static gboolean
parse_bool (Reader     *r,
            xmlNodePtr  node,
            const char *name,
            const char *value,
            gboolean   *out)
{
  if (value == NULL)
    *out = FALSE;
  else if (strcmp (value, "true") == 0)
    *out = TRUE;
  else if (strcmp (value, "false") == 0)
    *out = FALSE;
  else
    {
      reader_fail (r, CX_PLAN_ERROR_INVALID, node_line (node),
                   _("%s '%s' on <%s> must be 'true' or 'false'"),
                   name, value, (const char *) node->name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_enum (Reader     *r,
            xmlNodePtr  node,
            const char *name,
            const char *value,
            GType       type,
            int        *out)
{
  if (cx_enum_from_nick (type, value, out))
    return TRUE;

  reader_fail (r, CX_PLAN_ERROR_INVALID, node_line (node),
               _("unknown %s '%s' on <%s>"), name, value, (const char *) node->name);
  return FALSE;
}

/* A duplicate id is refused; the message points at the first use. */
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

static gboolean
take_id (Reader     *r,
         xmlNodePtr  node,
         const char *id,
         GObject    *object)
{
  GObject *other;

  if (!require_attr (r, node, "id", id))
    return FALSE;

  if (xmlValidateNCName ((const xmlChar *) id, 0) != 0)
    {
      reader_fail (r, CX_PLAN_ERROR_INVALID, node_line (node),
                   _("id '%s' on <%s> is not a valid name (letters, digits, '-', '_' "
                     "and '.', not starting with a digit)"),
                   id, (const char *) node->name);
      return FALSE;
    }

  other = g_hash_table_lookup (r->plan->ids, id);
  if (other != NULL)
    {
      reader_fail (r, CX_PLAN_ERROR_INVALID, node_line (node),
                   _("duplicate id '%s': it is already used on line %u"),
                   id, object_line (other));
      return FALSE;
    }

  cx_plan_register_id (r->plan, id, object);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Children                                                            */

/* Walks the element children of a node in order, handing out the known
 * ones (ours) and putting foreign ones aside in *extras, each with the
 * number of known elements written before it. Text other than white
 * space is refused: these elements hold elements only. */
typedef struct
{
  Reader             *r;
  xmlNodePtr          parent;
  xmlNodePtr          next;       /* the next node to look at */
  xmlNodePtr          pending;    /* a known element not yet taken */
  CxExtras          **extras;
  const char * const *allowed;    /* every known child name, for messages */
  guint               n_known;    /* known elements that will be written */
  int                 depth;
} Cursor;

static gboolean
allowed_name (const char * const *allowed,
              const xmlChar      *name)
{
  for (guint i = 0; allowed[i] != NULL; i++)
    {
      if (strcmp (allowed[i], (const char *) name) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
strip_blank_text (xmlNodePtr node)
{
  gboolean has_elements = FALSE;
  xmlNodePtr child;

  for (child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE)
        {
          has_elements = TRUE;
          strip_blank_text (child);
        }
    }

  /* Indentation between elements is layout, not content: the writer makes
   * its own. Text beside no element is content and stays. */
  child = node->children;
  while (child != NULL)
    {
      xmlNodePtr next = child->next;

      if (child->type == XML_COMMENT_NODE || child->type == XML_PI_NODE ||
          (has_elements && child->type == XML_TEXT_NODE && is_xml_space (child->content)))
        {
          xmlUnlinkNode (child);
          xmlFreeNode (child);
        }
      child = next;
    }
}

static gboolean
check_no_xinclude (Reader     *r,
                   xmlNodePtr  node)
{
  for (xmlNodePtr n = node; n != NULL; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE)
        continue;
      if (n->ns != NULL && n->ns->href != NULL &&
          (strcmp ((const char *) n->ns->href, XINCLUDE_NS_2001) == 0 ||
           strcmp ((const char *) n->ns->href, XINCLUDE_NS_2003) == 0))
        {
          reader_fail (r, CX_PLAN_ERROR_UNSAFE, node_line (n),
                       _("XInclude (<%s>) is not allowed in a .cxplan file"),
                       (const char *) n->name);
          return FALSE;
        }
      if (!check_no_xinclude (r, n->children))
        return FALSE;
    }

  return TRUE;
}

/* What the writer declares on the root: ours as the default namespace,
 * and the foreign ones of the plan's ns_decls. */
static gboolean
declared_on_root (const char *prefix,
                  const char *uri,
                  gpointer    user_data)
{
  CxPlan *plan = user_data;

  if (prefix == NULL)
    return strcmp (uri, CX_NAMESPACE) == 0;

  for (guint i = 0; i < plan->ns_decls->len; i++)
    {
      const CxNsDecl *decl = g_ptr_array_index (plan->ns_decls, i);

      if (strcmp (decl->prefix, prefix) == 0)
        return strcmp (decl->uri, uri) == 0;
    }

  return FALSE;
}

static gboolean
declares_default (xmlNodePtr node)
{
  for (xmlNsPtr ns = node->nsDef; ns != NULL; ns = ns->next)
    {
      if (ns->prefix == NULL)
        return TRUE;
    }

  return FALSE;
}

static void
keep_foreign (Cursor     *c,
              xmlNodePtr  node)
{
  xmlNodePtr copy;

  if (!check_no_xinclude (c->r, node->children) || !check_no_xinclude (c->r, node))
    return;

  copy = xmlDocCopyNode (node, NULL, 1);
  if (copy == NULL)
    {
      reader_fail (c->r, CX_PLAN_ERROR_TOO_LARGE, node_line (node),
                   _("out of memory while keeping <%s>"), (const char *) node->name);
      return;
    }
  strip_blank_text (copy);

  /* An element in no namespace would fall into ours under the default
   * namespace the writer declares: say so explicitly. */
  if (copy->ns == NULL && !declares_default (copy))
    xmlNewNs (copy, (const xmlChar *) "", NULL);

  cx_extras_add_child (extras_slot (c->extras), c->n_known, copy);
  cx_extras_hide_namespaces (g_ptr_array_index ((*c->extras)->children,
                                                (*c->extras)->children->len - 1),
                             declared_on_root, c->r->plan);
}

static void
cursor_init (Cursor             *c,
             Reader             *r,
             xmlNodePtr          parent,
             CxExtras          **extras,
             const char * const *allowed)
{
  c->r = r;
  c->parent = parent;
  c->next = parent->children;
  c->pending = NULL;
  c->extras = extras;
  c->allowed = allowed;
  c->n_known = 0;
}

/* Moves to the next known child element, keeping foreign ones aside. */
static xmlNodePtr
cursor_peek (Cursor *c)
{
  if (c->pending != NULL || c->r->failed)
    return c->pending;

  while (c->next != NULL)
    {
      xmlNodePtr node = c->next;

      c->next = node->next;

      switch (node->type)
        {
        case XML_ELEMENT_NODE:
          if (is_ours (node) && allowed_name (c->allowed, node->name))
            {
              c->pending = node;
              return node;
            }
          if (is_ours (node) && !c->r->newer_minor)
            {
              reader_fail (c->r, CX_PLAN_ERROR_INVALID, node_line (node),
                           _("unknown element <%s> in <%s>"),
                           (const char *) node->name, (const char *) c->parent->name);
              return NULL;
            }
          if (is_ours (node))
            reader_warn (c->r, node_line (node),
                         _("element <%s> in <%s> is from a newer version of the format; "
                           "it is kept as it is"),
                         (const char *) node->name, (const char *) c->parent->name);
          keep_foreign (c, node);
          if (c->r->failed)
            return NULL;
          break;

        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          if (!is_xml_space (node->content))
            {
              reader_fail (c->r, CX_PLAN_ERROR_INVALID,
                           c->r->stray_text_line != 0 ? c->r->stray_text_line
                                                      : text_start_line (node),
                           _("unexpected text in <%s>: it holds elements only"),
                           (const char *) c->parent->name);
              return NULL;
            }
          break;

        case XML_ENTITY_REF_NODE:
          reader_fail (c->r, CX_PLAN_ERROR_UNSAFE, node_line (c->parent),
                       _("entity references are not allowed in a .cxplan file"));
          return NULL;

        default:
          /* comments and processing instructions may be dropped */
          break;
        }
    }

  return NULL;
}

/* Takes the next known child if it is called @name. @written says
 * whether the writer will write it back (an empty optional element is
 * not), so foreign neighbours keep their place on the round trip. */
static xmlNodePtr
cursor_take (Cursor     *c,
             const char *name)
{
  xmlNodePtr node = cursor_peek (c);

  if (node == NULL || !name_is (node, name))
    return NULL;

  c->pending = NULL;
  return node;
}

static void
cursor_count (Cursor   *c,
              gboolean  written)
{
  if (written)
    c->n_known++;
}

/* Every known child was taken, or the one left is out of place. */
static gboolean
cursor_finish (Cursor *c)
{
  xmlNodePtr node = cursor_peek (c);

  if (c->r->failed)
    return FALSE;

  if (node != NULL)
    {
      reader_fail (c->r, CX_PLAN_ERROR_INVALID, node_line (node),
                   _("element <%s> is out of place in <%s>"),
                   (const char *) node->name, (const char *) c->parent->name);
      return FALSE;
    }

  return TRUE;
}

/* Whether @a comes before @b in the order of @allowed */
static gboolean
comes_before (const char * const *allowed,
              const char         *a,
              const char         *b)
{
  for (guint i = 0; allowed[i] != NULL; i++)
    {
      if (strcmp (allowed[i], a) == 0)
        return TRUE;
      if (strcmp (allowed[i], b) == 0)
        return FALSE;
    }

  return FALSE;
}

static gboolean
require_child (Reader     *r,
               Cursor     *c,
               xmlNodePtr  node,
               const char *name)
{
  xmlNodePtr next;

  if (node != NULL || r->failed)
    return node != NULL;

  next = cursor_peek (c);
  if (r->failed)
    return FALSE;

  if (next != NULL && comes_before (c->allowed, (const char *) next->name, name))
    reader_fail (r, CX_PLAN_ERROR_INVALID, node_line (next),
                 _("element <%s> is out of place in <%s>: it must come before <%s>"),
                 (const char *) next->name, (const char *) c->parent->name, name);
  else if (next != NULL)
    reader_fail (r, CX_PLAN_ERROR_INVALID, node_line (next),
                 _("<%s> is missing its <%s> (found <%s> in its place)"),
                 (const char *) c->parent->name, name, (const char *) next->name);
  else
    reader_fail (r, CX_PLAN_ERROR_INVALID, node_line (c->parent),
                 _("<%s> is missing its <%s>"), (const char *) c->parent->name, name);
  return FALSE;
}

/* The text of an element that holds text only. An empty text is NULL. */
static gboolean
read_text (Reader      *r,
           xmlNodePtr   node,
           char       **out)
{
  xmlNodePtr child;
  GString *joined = NULL;
  const char *single = NULL;

  for (child = node->children; child != NULL; child = child->next)
    {
      switch (child->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          if (single == NULL && joined == NULL)
            single = (const char *) child->content;
          else
            {
              if (joined == NULL)
                joined = g_string_new (single);
              g_string_append (joined, (const char *) child->content);
            }
          break;

        case XML_ELEMENT_NODE:
          if (joined != NULL)
            g_string_free (joined, TRUE);
          reader_fail (r, CX_PLAN_ERROR_INVALID, node_line (child),
                       _("<%s> holds text only, but contains the element <%s>"),
                       (const char *) node->name, (const char *) child->name);
          return FALSE;

        case XML_ENTITY_REF_NODE:
          if (joined != NULL)
            g_string_free (joined, TRUE);
          reader_fail (r, CX_PLAN_ERROR_UNSAFE, node_line (node),
                       _("entity references are not allowed in a .cxplan file"));
          return FALSE;

        default:
          break;
        }
    }

  g_free (*out);
  if (joined != NULL)
    {
      *out = cx_text_dup (joined->str);
      g_string_free (joined, TRUE);
    }
  else
    *out = cx_text_dup (single);

  return TRUE;
}

/* An element that holds text and no known attribute, such as <title>. */
static gboolean
read_text_element (Reader      *r,
                   xmlNodePtr   node,
                   char       **out,
                   CxExtras   **extras)
{
  Attrs attrs = { { NULL } };

  return read_attrs (r, node, &attrs, extras) && read_text (r, node, out);
}

static gboolean
written_text (const char     *text,
              const CxExtras *extras)
{
  return text != NULL || (extras != NULL && extras->attrs->len > 0);
}

/* An optional text element, taken if it is next. */
static gboolean
take_optional_text (Reader      *r,
                    Cursor      *c,
                    const char  *name,
                    char       **out,
                    CxExtras   **extras)
{
  xmlNodePtr node = cursor_take (c, name);

  if (node == NULL)
    return !r->failed;

  if (!read_text_element (r, node, out, extras))
    return FALSE;

  cursor_count (c, written_text (*out, *extras));
  return TRUE;
}
/* ------------------------------------------------------------------ */
/* The outline                                                         */

static gboolean
read_level (Reader      *r,
            xmlNodePtr   node,
            int         *level,
            char       **text,
            CxExtras   **extras)
{
  Attrs attrs = { { "level", NULL } };

  if (!read_attrs (r, node, &attrs, extras) ||
      !require_attr (r, node, "level", attrs.values[0]) ||
      !parse_int (r, node, "level", attrs.values[0], CX_LEVEL_MIN, CX_LEVEL_MAX, level))
    return FALSE;

  return read_text (r, node, text);
}

static gboolean
read_cell (Reader     *r,
           xmlNodePtr  node,
           CxStep     *step)
{
  Attrs attrs = { { "lane", NULL } };
  CxCell *cell = g_new0 (CxCell, 1);

  cell->line = node_line (node);
  g_ptr_array_add (step->cells, cell);

  if (!read_attrs (r, node, &attrs, &cell->extras) ||
      !require_attr (r, node, "lane", attrs.values[0]))
    return FALSE;

  /* the reference is kept as written; check CX008 says whether it resolves */
  cell->lane = g_strdup (attrs.values[0]);
  return read_text (r, node, &cell->text);
}

static gboolean
read_link (Reader     *r,
           xmlNodePtr  node,
           CxStep     *step)
{
  static const char * const no_children[] = { NULL };
  Attrs attrs = { { "kind", "step", NULL } };
  CxLink *link = g_new0 (CxLink, 1);
  Cursor c;
  int kind;

  link->line = node_line (node);
  g_ptr_array_add (step->links, link);

  if (!read_attrs (r, node, &attrs, &link->extras) ||
      !require_attr (r, node, "kind", attrs.values[0]) ||
      !parse_enum (r, node, "link kind", attrs.values[0], CX_TYPE_LINK_KIND, &kind) ||
      !require_attr (r, node, "step", attrs.values[1]))
    return FALSE;

  link->kind = kind;
  link->step = g_strdup (attrs.values[1]);

  cursor_init (&c, r, node, &link->extras, no_children);
  return cursor_finish (&c);
}

static gboolean
read_failure (Reader     *r,
              xmlNodePtr  node,
              CxStep     *step)
{
  static const char * const children[] = { "mode", "effect", NULL };
  Attrs attrs = { { "id", "severity", "occurrence", "detection", "leads-to", NULL } };
  g_autoptr(CxFailure) failure = g_object_new (CX_TYPE_FAILURE, NULL);
  const char * const score_names[] = { "severity", "occurrence", "detection" };
  int *scores[] = { &failure->severity, &failure->occurrence, &failure->detection };
  xmlNodePtr child;
  Cursor c;

  failure->line = node_line (node);

  if (!read_attrs (r, node, &attrs, &failure->x_self))
    return FALSE;

  failure->id = g_strdup (attrs.values[0]);
  if (!take_id (r, node, attrs.values[0], G_OBJECT (failure)))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    {
      if (!require_attr (r, node, score_names[i], attrs.values[i + 1]) ||
          !parse_int (r, node, score_names[i], attrs.values[i + 1],
                      CX_SCORE_MIN, CX_SCORE_MAX, scores[i]))
        return FALSE;
    }
  failure->leads_to = g_strdup (attrs.values[4]);

  failure->step = step;
  g_ptr_array_add (step->failures, g_object_ref (failure));

  cursor_init (&c, r, node, &failure->x_self, children);

  child = cursor_take (&c, "mode");
  if (!require_child (r, &c, child, "mode") ||
      !read_text_element (r, child, &failure->mode, &failure->x_mode))
    return FALSE;
  cursor_count (&c, TRUE);

  if (!take_optional_text (r, &c, "effect", &failure->effect, &failure->x_effect))
    return FALSE;

  return cursor_finish (&c);
}

static gboolean
read_step (Reader     *r,
           xmlNodePtr  node,
           CxPhase     phase)
{
  static const char * const children[] = {
    "title", "expected", "delivered", "emotion", "cell", "failure", "link", NULL
  };
  Attrs attrs = { { "id", "channel", "owner", "persona", "evidence",
                    "wow", "moment-of-truth", "recovers", NULL } };
  g_autoptr(CxStep) step = g_object_new (CX_TYPE_STEP, NULL);
  gboolean flag;
  xmlNodePtr child;
  Cursor c;
  int value;

  step->line = node_line (node);
  step->phase = phase;

  if (!read_attrs (r, node, &attrs, &step->x_self))
    return FALSE;

  step->id = g_strdup (attrs.values[0]);
  if (!take_id (r, node, attrs.values[0], G_OBJECT (step)))
    return FALSE;

  step->plan = r->plan;
  g_ptr_array_add (r->plan->steps[phase], g_object_ref (step));

  if (attrs.values[1] != NULL)
    {
      if (!parse_enum (r, node, "channel", attrs.values[1], CX_TYPE_CHANNEL, &value))
        return FALSE;
      step->channel = value;
    }
  step->owner = cx_text_dup (attrs.values[2]);
  step->persona = g_strdup (attrs.values[3]);
  if (attrs.values[4] != NULL)
    {
      if (!parse_enum (r, node, "evidence", attrs.values[4], CX_TYPE_EVIDENCE, &value))
        return FALSE;
      step->evidence = value;
    }
  if (!parse_bool (r, node, "wow", attrs.values[5], &flag))
    return FALSE;
  step->wow = flag;
  if (!parse_bool (r, node, "moment-of-truth", attrs.values[6], &flag))
    return FALSE;
  step->moment_of_truth = flag;
  step->recovers = g_strdup (attrs.values[7]);

  cursor_init (&c, r, node, &step->x_self, children);

  child = cursor_take (&c, "title");
  if (!require_child (r, &c, child, "title") ||
      !read_text_element (r, child, &step->title, &step->x_title))
    return FALSE;
  cursor_count (&c, TRUE);

  if ((child = cursor_take (&c, "expected")) != NULL)
    {
      if (!read_level (r, child, &step->expected_level, &step->expected_text, &step->x_expected))
        return FALSE;
      cursor_count (&c, TRUE);
    }

  if ((child = cursor_take (&c, "delivered")) != NULL)
    {
      if (!read_level (r, child, &step->delivered_level, &step->delivered_text,
                       &step->x_delivered))
        return FALSE;
      cursor_count (&c, TRUE);
    }

  if ((child = cursor_take (&c, "emotion")) != NULL)
    {
      Attrs emotion_attrs = { { "value", NULL } };

      if (!read_attrs (r, child, &emotion_attrs, &step->x_emotion) ||
          !require_attr (r, child, "value", emotion_attrs.values[0]) ||
          !parse_int (r, child, "value", emotion_attrs.values[0],
                      CX_EMOTION_MIN, CX_EMOTION_MAX, &value) ||
          !read_text (r, child, &step->emotion_text))
        return FALSE;
      step->emotion = value;
      step->has_emotion = TRUE;
      cursor_count (&c, TRUE);
    }

  while ((child = cursor_take (&c, "cell")) != NULL)
    {
      if (!read_cell (r, child, step))
        return FALSE;
      cursor_count (&c, TRUE);
    }

  while ((child = cursor_take (&c, "failure")) != NULL)
    {
      if (!read_failure (r, child, step))
        return FALSE;
      cursor_count (&c, TRUE);
    }

  while ((child = cursor_take (&c, "link")) != NULL)
    {
      if (!read_link (r, child, step))
        return FALSE;
      cursor_count (&c, TRUE);
    }

  return cursor_finish (&c);
}

static gboolean
read_phases (Reader     *r,
             xmlNodePtr  node)
{
  static const char * const children[] = { "phase", NULL };
  static const char * const phase_children[] = { "step", NULL };
  CxPlan *plan = r->plan;
  gboolean seen[CX_N_PHASES] = { FALSE, };
  CxPhase expected = CX_PHASE_BEFORE;
  xmlNodePtr phase_node;
  Attrs no_attrs = { { NULL } };
  Cursor c;

  if (!read_attrs (r, node, &no_attrs, &plan->extras[CX_PLAN_SLOT_PHASES]))
    return FALSE;

  cursor_init (&c, r, node, &plan->extras[CX_PLAN_SLOT_PHASES], children);

  while ((phase_node = cursor_take (&c, "phase")) != NULL)
    {
      Attrs attrs = { { "kind", NULL } };
      xmlNodePtr step_node;
      Cursor steps;
      int kind;

      if (!read_attrs (r, phase_node, &attrs,
                       &plan->extras[CX_PLAN_SLOT_PHASE_BEFORE + MIN (expected, CX_PHASE_RECOVERY)]) ||
          !require_attr (r, phase_node, "kind", attrs.values[0]) ||
          !parse_enum (r, phase_node, "phase kind", attrs.values[0], CX_TYPE_PHASE, &kind))
        return FALSE;

      if (expected >= CX_N_PHASES || seen[kind])
        {
          reader_fail (r, CX_PLAN_ERROR_INVALID, node_line (phase_node),
                       _("phase '%s' appears twice: each phase must appear exactly once"),
                       attrs.values[0]);
          return FALSE;
        }
      if ((CxPhase) kind != expected)
        {
          reader_fail (r, CX_PLAN_ERROR_INVALID, node_line (phase_node),
                       _("phase '%s' is out of order or phase '%s' is missing: "
                         "the phases are before, during, after and recovery, in that order"),
                       attrs.values[0], cx_enum_to_nick (CX_TYPE_PHASE, expected));
          return FALSE;
        }

      seen[kind] = TRUE;
      plan->phase_line[kind] = node_line (phase_node);

      cursor_init (&steps, r, phase_node, &plan->extras[CX_PLAN_SLOT_PHASE_BEFORE + kind],
                   phase_children);
      while ((step_node = cursor_take (&steps, "step")) != NULL)
        {
          if (!read_step (r, step_node, kind))
            return FALSE;
          cursor_count (&steps, TRUE);
        }
      if (!cursor_finish (&steps))
        return FALSE;

      cursor_count (&c, TRUE);
      expected++;
    }

  if (!cursor_finish (&c))
    return FALSE;

  if (expected < CX_N_PHASES)
    {
      reader_fail (r, CX_PLAN_ERROR_INVALID, node_line (node),
                   _("phase '%s' is missing: a plan has the phases before, during, after "
                     "and recovery, in that order"),
                   cx_enum_to_nick (CX_TYPE_PHASE, expected));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_lanes (Reader     *r,
            xmlNodePtr  node)
{
  static const char * const children[] = { "lane", NULL };
  static const char * const lane_children[] = { "name", NULL };
  guint emotion_line = 0;
  guint expectation_line = 0;
  Attrs no_attrs = { { NULL } };
  xmlNodePtr lane_node;
  Cursor c;

  if (!read_attrs (r, node, &no_attrs, &r->plan->extras[CX_PLAN_SLOT_LANES]))
    return FALSE;

  cursor_init (&c, r, node, &r->plan->extras[CX_PLAN_SLOT_LANES], children);

  while ((lane_node = cursor_take (&c, "lane")) != NULL)
    {
      Attrs attrs = { { "id", "kind", NULL } };
      g_autoptr(CxLane) lane = g_object_new (CX_TYPE_LANE, NULL);
      xmlNodePtr name;
      guint *once = NULL;
      Cursor lc;
      int kind;

      lane->line = node_line (lane_node);
      if (!read_attrs (r, lane_node, &attrs, &lane->x_self))
        return FALSE;
      lane->id = g_strdup (attrs.values[0]);
      if (!take_id (r, lane_node, attrs.values[0], G_OBJECT (lane)) ||
          !require_attr (r, lane_node, "kind", attrs.values[1]) ||
          !parse_enum (r, lane_node, "lane kind", attrs.values[1], CX_TYPE_LANE_KIND, &kind))
        return FALSE;
      lane->kind = kind;

      if (kind == CX_LANE_KIND_EMOTION)
        once = &emotion_line;
      else if (kind == CX_LANE_KIND_EXPECTATION)
        once = &expectation_line;
      if (once != NULL && *once != 0)
        {
          reader_fail (r, CX_PLAN_ERROR_INVALID, lane->line,
                       _("a second lane of kind '%s': a plan has at most one, "
                         "and the first is on line %u"),
                       attrs.values[1], *once);
          return FALSE;
        }
      if (once != NULL)
        *once = lane->line;

      g_ptr_array_add (r->plan->lanes, g_object_ref (lane));

      cursor_init (&lc, r, lane_node, &lane->x_self, lane_children);
      name = cursor_take (&lc, "name");
      if (!require_child (r, &lc, name, "name") ||
          !read_text_element (r, name, &lane->name, &lane->x_name))
        return FALSE;
      cursor_count (&lc, TRUE);
      if (!cursor_finish (&lc))
        return FALSE;

      cursor_count (&c, TRUE);
    }

  return cursor_finish (&c);
}

static gboolean
read_personas (Reader     *r,
               xmlNodePtr  node)
{
  static const char * const children[] = { "persona", NULL };
  static const char * const persona_children[] = { "name", "description", NULL };
  Attrs no_attrs = { { NULL } };
  xmlNodePtr persona_node;
  Cursor c;

  if (!read_attrs (r, node, &no_attrs, &r->plan->extras[CX_PLAN_SLOT_PERSONAS]))
    return FALSE;

  cursor_init (&c, r, node, &r->plan->extras[CX_PLAN_SLOT_PERSONAS], children);

  while ((persona_node = cursor_take (&c, "persona")) != NULL)
    {
      Attrs attrs = { { "id", "mood", NULL } };
      g_autoptr(CxPersona) persona = g_object_new (CX_TYPE_PERSONA, NULL);
      xmlNodePtr name;
      Cursor pc;

      persona->line = node_line (persona_node);
      if (!read_attrs (r, persona_node, &attrs, &persona->x_self))
        return FALSE;
      persona->id = g_strdup (attrs.values[0]);
      if (!take_id (r, persona_node, attrs.values[0], G_OBJECT (persona)))
        return FALSE;
      if (attrs.values[1] != NULL)
        {
          if (!parse_int (r, persona_node, "mood", attrs.values[1],
                          CX_EMOTION_MIN, CX_EMOTION_MAX, &persona->mood))
            return FALSE;
          persona->has_mood = TRUE;
        }

      g_ptr_array_add (r->plan->personas, g_object_ref (persona));

      cursor_init (&pc, r, persona_node, &persona->x_self, persona_children);
      name = cursor_take (&pc, "name");
      if (!require_child (r, &pc, name, "name") ||
          !read_text_element (r, name, &persona->name, &persona->x_name))
        return FALSE;
      cursor_count (&pc, TRUE);
      if (!take_optional_text (r, &pc, "description", &persona->description,
                               &persona->x_description) ||
          !cursor_finish (&pc))
        return FALSE;

      cursor_count (&c, TRUE);
    }

  return cursor_finish (&c);
}

static gboolean
is_check_id (const char *check)
{
  return strlen (check) == 5 && g_str_has_prefix (check, "CX") &&
         g_ascii_isdigit (check[2]) && g_ascii_isdigit (check[3]) && g_ascii_isdigit (check[4]);
}

static gboolean
read_settings (Reader     *r,
               xmlNodePtr  node)
{
  static const char * const children[] = { "threshold", "disable", NULL };
  static const char * const no_children[] = { NULL };
  CxPlan *plan = r->plan;
  Attrs no_attrs = { { NULL } };
  xmlNodePtr child;
  Cursor c;

  if (!read_attrs (r, node, &no_attrs, &plan->extras[CX_PLAN_SLOT_SETTINGS]))
    return FALSE;

  cursor_init (&c, r, node, &plan->extras[CX_PLAN_SLOT_SETTINGS], children);

  while ((child = cursor_take (&c, "threshold")) != NULL)
    {
      Attrs attrs = { { "name", "value", NULL } };
      CxThreshold *threshold = g_new0 (CxThreshold, 1);
      const CxThresholdInfo *info;
      Cursor none;

      threshold->line = node_line (child);
      g_ptr_array_add (plan->thresholds, threshold);

      if (!read_attrs (r, child, &attrs, &threshold->extras) ||
          !require_attr (r, child, "name", attrs.values[0]) ||
          !require_attr (r, child, "value", attrs.values[1]))
        return FALSE;

      info = cx_threshold_info_lookup (attrs.values[0], NULL);
      if (info == NULL)
        {
          reader_fail (r, CX_PLAN_ERROR_INVALID, threshold->line,
                       _("unknown threshold '%s': the thresholds are wow-drop, "
                         "expectation-gap, rpn, severity and weak-link"),
                       attrs.values[0]);
          return FALSE;
        }
      for (guint i = 0; i + 1 < plan->thresholds->len; i++)
        {
          const CxThreshold *other = g_ptr_array_index (plan->thresholds, i);

          if (strcmp (other->name, info->name) == 0)
            {
              reader_fail (r, CX_PLAN_ERROR_INVALID, threshold->line,
                           _("threshold '%s' is set twice: first on line %u"),
                           info->name, other->line);
              return FALSE;
            }
        }
      threshold->name = g_strdup (info->name);
      if (!parse_int (r, child, info->name, attrs.values[1], info->min, info->max,
                      &threshold->value))
        return FALSE;

      cursor_init (&none, r, child, &threshold->extras, no_children);
      if (!cursor_finish (&none))
        return FALSE;
      cursor_count (&c, TRUE);
    }

  while ((child = cursor_take (&c, "disable")) != NULL)
    {
      Attrs attrs = { { "check", NULL } };
      CxDisable *disable = g_new0 (CxDisable, 1);
      Cursor none;

      disable->line = node_line (child);
      g_ptr_array_add (plan->disables, disable);

      if (!read_attrs (r, child, &attrs, &disable->extras) ||
          !require_attr (r, child, "check", attrs.values[0]))
        return FALSE;
      if (!is_check_id (attrs.values[0]))
        {
          reader_fail (r, CX_PLAN_ERROR_INVALID, disable->line,
                       _("'%s' is not a check id: check ids are like CX005"),
                       attrs.values[0]);
          return FALSE;
        }
      disable->check = g_strdup (attrs.values[0]);
      if (!cx_check_lookup (disable->check, NULL))
        reader_warn (r, disable->line,
                     _("check %s is not known to this version; the setting is kept as it is"),
                     disable->check);

      cursor_init (&none, r, child, &disable->extras, no_children);
      if (!cursor_finish (&none))
        return FALSE;
      cursor_count (&c, TRUE);
    }

  return cursor_finish (&c);
}

static gboolean
is_utc_date_time (const char *text)
{
  g_autoptr(GDateTime) parsed = NULL;
  const char *p = text;
  static const char shape[] = "dddd-dd-ddTdd:dd:dd";

  for (guint i = 0; shape[i] != '\0'; i++, p++)
    {
      if (shape[i] == 'd' ? !g_ascii_isdigit (*p) : *p != shape[i])
        return FALSE;
    }
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (p[0] != 'Z' || p[1] != '\0')
    return FALSE;

  parsed = g_date_time_new_from_iso8601 (text, NULL);
  return parsed != NULL;
}

static gboolean
take_date (Reader      *r,
           Cursor      *c,
           const char  *name,
           char       **out,
           CxExtras   **extras)
{
  xmlNodePtr node = cursor_take (c, name);

  if (node == NULL)
    return !r->failed;

  if (!read_text_element (r, node, out, extras))
    return FALSE;

  if (*out != NULL && !is_utc_date_time (*out))
    {
      reader_fail (r, CX_PLAN_ERROR_INVALID, node_line (node),
                   _("<%s> '%s' is not a date and time in UTC such as 2026-11-22T10:00:00Z"),
                   name, *out);
      return FALSE;
    }

  cursor_count (c, written_text (*out, *extras));
  return TRUE;
}

static gboolean
written_container (const CxExtras *extras,
                   gboolean        has_content)
{
  return has_content || (extras != NULL && (extras->attrs->len > 0 || extras->children->len > 0));
}

static gboolean
read_plan (Reader     *r,
           xmlNodePtr  root)
{
  static const char * const children[] = {
    "title", "description", "author", "created", "modified",
    "settings", "personas", "lanes", "phases", NULL
  };
  CxPlan *plan = r->plan;
  xmlNodePtr child;
  Cursor c;

  cursor_init (&c, r, root, &plan->extras[CX_PLAN_SLOT_ROOT], children);

  child = cursor_take (&c, "title");
  if (!require_child (r, &c, child, "title") ||
      !read_text_element (r, child, &plan->title, &plan->extras[CX_PLAN_SLOT_TITLE]))
    return FALSE;
  cursor_count (&c, TRUE);

  if (!take_optional_text (r, &c, "description", &plan->description,
                           &plan->extras[CX_PLAN_SLOT_DESCRIPTION]) ||
      !take_optional_text (r, &c, "author", &plan->author, &plan->extras[CX_PLAN_SLOT_AUTHOR]) ||
      !take_date (r, &c, "created", &plan->created, &plan->extras[CX_PLAN_SLOT_CREATED]) ||
      !take_date (r, &c, "modified", &plan->modified, &plan->extras[CX_PLAN_SLOT_MODIFIED]))
    return FALSE;

  if ((child = cursor_take (&c, "settings")) != NULL)
    {
      if (!read_settings (r, child))
        return FALSE;
      cursor_count (&c, written_container (plan->extras[CX_PLAN_SLOT_SETTINGS],
                                           plan->thresholds->len + plan->disables->len > 0));
    }

  if ((child = cursor_take (&c, "personas")) != NULL)
    {
      if (!read_personas (r, child))
        return FALSE;
      cursor_count (&c, written_container (plan->extras[CX_PLAN_SLOT_PERSONAS],
                                           plan->personas->len > 0));
    }

  child = cursor_take (&c, "lanes");
  if (!require_child (r, &c, child, "lanes") || !read_lanes (r, child))
    return FALSE;
  cursor_count (&c, TRUE);

  child = cursor_take (&c, "phases");
  if (!require_child (r, &c, child, "phases") || !read_phases (r, child))
    return FALSE;
  cursor_count (&c, TRUE);

  return cursor_finish (&c);
}

/* The root: our element in our namespace, of a version we can read. */
static gboolean
read_root (Reader     *r,
           xmlNodePtr  root)
{
  Attrs attrs = { { "version", NULL } };
  const char *href = root->ns != NULL ? (const char *) root->ns->href : NULL;
  const char *version;
  guint64 major = 0, minor = 0;
  char *end = NULL;

  if (!name_is (root, "cxplan") || href == NULL || !g_str_has_prefix (href, CX_NAMESPACE_STEM))
    {
      if (href != NULL)
        reader_fail (r, CX_PLAN_ERROR_NOT_A_PLAN, node_line (root),
                     _("not a .cxplan plan: the root element is <%s> in the namespace '%s'"),
                     (const char *) root->name, href);
      else
        reader_fail (r, CX_PLAN_ERROR_NOT_A_PLAN, node_line (root),
                     _("not a .cxplan plan: the root element is <%s> with no namespace"),
                     (const char *) root->name);
      return FALSE;
    }

  /* A later major version may have moved to urn:cxplan:plan:2 */
  if (strcmp (href, CX_NAMESPACE) != 0)
    {
      guint64 ns_major = 0;

      if (!g_ascii_string_to_unsigned (href + strlen (CX_NAMESPACE_STEM), 10, 2, G_MAXUINT32,
                                       &ns_major, NULL))
        {
          reader_fail (r, CX_PLAN_ERROR_NOT_A_PLAN, node_line (root),
                       _("not a .cxplan plan: unknown namespace '%s'"), href);
          return FALSE;
        }
      reader_fail (r, CX_PLAN_ERROR_NEWER_VERSION, node_line (root),
                   _("made by a newer version of the program (format %" G_GUINT64_FORMAT ".0); "
                     "this version reads %d.x"),
                   ns_major, CX_FORMAT_MAJOR);
      return FALSE;
    }

  /* The version decides how unknown attributes are taken, so it is read
   * on its own first. */
  version = (const char *) xmlHasNsProp (root, (const xmlChar *) "version", NULL) != NULL
            ? attr_value (xmlHasNsProp (root, (const xmlChar *) "version", NULL)) : NULL;
  if (version == NULL)
    {
      reader_fail (r, CX_PLAN_ERROR_INVALID, node_line (root),
                   _("<cxplan> is missing its required attribute 'version'"));
      return FALSE;
    }

  if (!g_ascii_isdigit (version[0]) ||
      (major = g_ascii_strtoull (version, &end, 10), *end != '.') ||
      !g_ascii_isdigit (end[1]) ||
      (minor = g_ascii_strtoull (end + 1, &end, 10), *end != '\0') ||
      major > G_MAXUINT32 || minor > G_MAXUINT32)
    {
      reader_fail (r, CX_PLAN_ERROR_INVALID, node_line (root),
                   _("version '%s' is not a format version such as 1.0"), version);
      return FALSE;
    }

  if (major > CX_FORMAT_MAJOR)
    {
      reader_fail (r, CX_PLAN_ERROR_NEWER_VERSION, node_line (root),
                   _("made by a newer version of the program (format %s); "
                     "this version reads %d.x"),
                   version, CX_FORMAT_MAJOR);
      return FALSE;
    }
  if (major < CX_FORMAT_MAJOR)
    {
      reader_fail (r, CX_PLAN_ERROR_INVALID, node_line (root),
                   _("format version %s does not exist; this version reads %d.x"),
                   version, CX_FORMAT_MAJOR);
      return FALSE;
    }

  r->newer_minor = minor > CX_FORMAT_MINOR;
  if (r->newer_minor)
    reader_warn (r, node_line (root),
                 _("the plan was made in format %s, newer than this version's %s: "
                   "what this version does not know is kept as it is"),
                 version, CX_FORMAT_VERSION);

  g_free (r->plan->version);
  r->plan->version = g_strdup (version);
  r->plan->line = node_line (root);

  /* Foreign namespaces declared on the root stay declared there */
  for (xmlNsPtr ns = root->nsDef; ns != NULL; ns = ns->next)
    {
      if (ns->href == NULL || ns->prefix == NULL ||
          strcmp ((const char *) ns->href, CX_NAMESPACE) == 0)
        continue;
      plan_prefix_for (r->plan, (const char *) ns->href, (const char *) ns->prefix);
    }

  if (!read_attrs (r, root, &attrs, &r->plan->extras[CX_PLAN_SLOT_ROOT]))
    return FALSE;

  return read_plan (r, root);
}

/* ------------------------------------------------------------------ */
/* Parsing                                                             */

static xmlParserInputPtr
deny_external_entity (const char       *url,
                      const char       *id,
                      xmlParserCtxtPtr  ctxt)
{
  /* A .cxplan file never loads anything else: not a DTD, not an entity */
  return NULL;
}

static void
install_entity_loader (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (deny_external_entity);
      g_once_init_leave (&installed, 1);
    }
}

static void
on_internal_subset (void          *ctx,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = ctx;
  Reader *r = ctxt->_private;

  reader_fail (r, CX_PLAN_ERROR_UNSAFE, ctxt->input != NULL ? ctxt->input->line : 0,
               _("a document type declaration (<!DOCTYPE>) is not allowed in a .cxplan "
                 "file: it could declare entities or load other files"));
  xmlStopParser (ctxt);
}

static void
on_entity_decl (void          *ctx,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  xmlParserCtxtPtr ctxt = ctx;
  Reader *r = ctxt->_private;

  reader_fail (r, CX_PLAN_ERROR_UNSAFE, ctxt->input != NULL ? ctxt->input->line : 0,
               _("entity declarations are not allowed in a .cxplan file"));
  xmlStopParser (ctxt);
}

static void
on_start_element (void           *ctx,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             nb_namespaces,
                  const xmlChar **namespaces,
                  int             nb_attributes,
                  int             nb_defaulted,
                  const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = ctx;
  Reader *r = ctxt->_private;

  /* nameNr counts the open ancestors of this element */
  if (ctxt->nameNr >= CX_MAX_DEPTH)
    {
      reader_fail (r, CX_PLAN_ERROR_TOO_LARGE, ctxt->input != NULL ? ctxt->input->line : 0,
                   _("elements are nested more than %d deep"), CX_MAX_DEPTH);
      xmlStopParser (ctxt);
      return;
    }

  xmlSAX2StartElementNs (ctx, localname, prefix, uri, nb_namespaces, namespaces,
                         nb_attributes, nb_defaulted, attributes);
}

/* Elements of ours that hold elements only: text in them is refused,
 * and the message should point at the line where that text starts. */
static gboolean
holds_elements_only (const xmlNode *node)
{
  static const char * const names[] = {
    "cxplan", "settings", "personas", "persona", "lanes", "lane", "phases", "phase",
    "step", "failure", "link", "threshold", "disable", NULL
  };

  return node != NULL && node->type == XML_ELEMENT_NODE && is_ours (node) &&
         allowed_name (names, node->name);
}

static void
on_characters (void          *ctx,
               const xmlChar *text,
               int            length)
{
  xmlParserCtxtPtr ctxt = ctx;
  Reader *r = ctxt->_private;

  if (r->stray_text_line == 0 && holds_elements_only (ctxt->node))
    {
      int first = 0;

      while (first < length && (text[first] == ' ' || text[first] == '\t' ||
                                text[first] == '\n' || text[first] == '\r'))
        first++;

      if (first < length && ctxt->input != NULL)
        {
          /* the parser stands at the end of this run of text */
          int line = ctxt->input->line;

          for (int i = first; i < length; i++)
            {
              if (text[i] == '\n')
                line--;
            }
          r->stray_text_line = line > 0 ? (guint) line : 1;
        }
    }

  xmlSAX2Characters (ctx, text, length);
}

static guint
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
static char *
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

static xmlDocPtr
parse_document (Reader     *r,
                const char *data,
                gsize       length)
{
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc = NULL;
  const char *invalid = NULL;

  if (length == 0)
    {
      reader_fail (r, CX_PLAN_ERROR_MALFORMED, 1, _("the file is empty"));
      return NULL;
    }
  if (length > CX_MAX_FILE_SIZE)
    {
      reader_fail (r, CX_PLAN_ERROR_TOO_LARGE, 1,
                   _("the file is too large: a plan may be at most %u MiB"),
                   CX_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  if (!g_utf8_validate_len (data, length, &invalid))
    {
      if (*invalid == '\0')
        {
          reader_fail (r, CX_PLAN_ERROR_MALFORMED, line_of_offset (data, invalid - data),
                       _("not well-formed XML: the file contains a NUL byte"));
          return NULL;
        }
      reader_fail (r, CX_PLAN_ERROR_ENCODING, line_of_offset (data, invalid - data),
                   _("the text is not valid UTF-8: a .cxplan file is UTF-8 throughout"));
      return NULL;
    }

  install_entity_loader ();

  ctxt = xmlCreateMemoryParserCtxt (data, (int) length);
  if (ctxt == NULL)
    {
      reader_fail (r, CX_PLAN_ERROR_TOO_LARGE, 1, _("out of memory while reading"));
      return NULL;
    }

  ctxt->_private = r;
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES |
                           XML_PARSE_COMPACT | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  ctxt->sax->internalSubset = on_internal_subset;
  ctxt->sax->externalSubset = on_internal_subset;
  ctxt->sax->entityDecl = on_entity_decl;
  ctxt->sax->startElementNs = on_start_element;
  ctxt->sax->characters = on_characters;
  ctxt->sax->cdataBlock = on_characters;
  ctxt->loadsubset = 0;
  ctxt->replaceEntities = 0;

  xmlParseDocument (ctxt);

  if (!r->failed && (!ctxt->wellFormed || !ctxt->nsWellFormed))
    {
      const xmlError *error = xmlCtxtGetLastError (ctxt);
      g_autofree char *what = clean_libxml_message (error != NULL ? error->message : NULL);

      reader_fail (r, CX_PLAN_ERROR_MALFORMED, error != NULL && error->line > 0 ? error->line : 1,
                   _("not well-formed XML: %s"), what);
    }

  if (!r->failed && ctxt->myDoc != NULL && ctxt->myDoc->encoding != NULL &&
      g_ascii_strcasecmp ((const char *) ctxt->myDoc->encoding, "UTF-8") != 0 &&
      g_ascii_strcasecmp ((const char *) ctxt->myDoc->encoding, "UTF8") != 0)
    reader_fail (r, CX_PLAN_ERROR_ENCODING, 1,
                 _("the file declares the encoding '%s': a .cxplan file is UTF-8"),
                 (const char *) ctxt->myDoc->encoding);

  if (!r->failed && ctxt->myDoc != NULL && ctxt->myDoc->intSubset != NULL)
    reader_fail (r, CX_PLAN_ERROR_UNSAFE, 1,
                 _("a document type declaration (<!DOCTYPE>) is not allowed in a .cxplan file"));

  if (!r->failed)
    doc = g_steal_pointer (&ctxt->myDoc);
  else if (ctxt->myDoc != NULL)
    xmlFreeDoc (g_steal_pointer (&ctxt->myDoc));

  xmlFreeParserCtxt (ctxt);

  return doc;
}

static CxPlan *
read_data (const char    *data,
           gsize          length,
           const char    *display_name,
           GPtrArray    **warnings,
           CxDiagnostic **refusal,
           GError       **error)
{
  g_autoptr(CxPlan) plan = cx_plan_new ();
  Reader r = { 0, };
  xmlDocPtr doc;
  xmlNodePtr root;

  r.plan = plan;
  r.warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) cx_diagnostic_free);

  if (display_name == NULL)
    display_name = "<memory>";

  doc = parse_document (&r, data, length);
  if (doc != NULL)
    {
      root = xmlDocGetRootElement (doc);
      if (root == NULL)
        reader_fail (&r, CX_PLAN_ERROR_MALFORMED, 1, _("the file has no root element"));
      else
        read_root (&r, root);
      xmlFreeDoc (doc);
    }

  if (r.failed)
    {
      g_set_error (error, CX_PLAN_ERROR, r.code, "%s:%u: %s", display_name, r.line, r.message);
      if (refusal != NULL)
        *refusal = diagnostic_new (r.line, r.message);
      g_free (r.message);
      g_ptr_array_unref (r.warnings);
      return NULL;
    }

  if (warnings != NULL)
    *warnings = g_steal_pointer (&r.warnings);
  else
    g_ptr_array_unref (r.warnings);

  return g_steal_pointer (&plan);
}

/**
 * cx_plan_read_from_data:
 * @data: the bytes of a .cxplan file
 * @length: their length
 * @display_name: (nullable): the file's name in messages
 * @warnings: (out) (optional) (element-type CxDiagnostic): warnings on a plan read
 * @refusal: (out) (optional): on failure, the line and what is wrong
 * @error: a #GError in the %CX_PLAN_ERROR domain
 *
 * Reads a plan from memory, refusing whatever breaks the format with a
 * message that names the line.
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL with @error set
 */
CxPlan *
cx_plan_read_from_data (const char    *data,
                        gsize          length,
                        const char    *display_name,
                        GPtrArray    **warnings,
                        CxDiagnostic **refusal,
                        GError       **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_data (data != NULL ? data : "", length, display_name, warnings, refusal, error);
}

/**
 * cx_plan_read_from_file:
 * @file: a .cxplan file
 * @warnings: (out) (optional) (element-type CxDiagnostic): warnings on a plan read
 * @refusal: (out) (optional): on failure, the line and what is wrong
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError in the %CX_PLAN_ERROR domain
 *
 * Reads a plan from a file, reading no more than the size limit.
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL with @error set
 */
CxPlan *
cx_plan_read_from_file (GFile         *file,
                        GPtrArray    **warnings,
                        CxDiagnostic **refusal,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  guint8 buffer[65536];
  gssize n_read;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_basename (file);
  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    goto io_error;

  /* Read in chunks and stop past the limit: a file's reported size can
   * lie (a pipe, /dev/zero), the bytes cannot. */
  bytes = g_byte_array_new ();
  while ((n_read = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer,
                                        cancellable, &local_error)) > 0)
    {
      g_byte_array_append (bytes, buffer, n_read);
      if (bytes->len > CX_MAX_FILE_SIZE)
        break;
    }
  if (n_read < 0)
    goto io_error;

  return read_data ((const char *) bytes->data, bytes->len, name, warnings, refusal, error);

io_error:
  if (refusal != NULL)
    *refusal = diagnostic_new (0, local_error->message);
  g_set_error (error, CX_PLAN_ERROR, CX_PLAN_ERROR_IO, "%s:0: %s", name, local_error->message);
  return NULL;
}
