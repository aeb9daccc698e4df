/* cx-plan-reader-foreign.c — keeping content in foreign namespaces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An element in another namespace (or one of ours from a newer minor
 * version) is built, with everything inside it, into a small libxml2
 * tree of its own and kept in the CxExtras of the element that holds it,
 * with the number of known elements written before it: the writer puts
 * it back in the same place.
 */

#define G_LOG_DOMAIN "cx-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cx-plan-reader-private.h"

#define XINCLUDE_NS_2001 "http://www.w3.org/2001/XInclude"
#define XINCLUDE_NS_2003 "http://www.w3.org/2003/XInclude"

gboolean
is_xinclude (const xmlChar *uri)
{
  return uri != NULL && (strcmp ((const char *) uri, XINCLUDE_NS_2001) == 0 ||
                         strcmp ((const char *) uri, XINCLUDE_NS_2003) == 0);
}

/* Which prefix a foreign attribute is written with. Every namespace used
 * by a foreign attribute is declared on the root when the plan is
 * written, so each URI gets one prefix, the file's own where it is free. */
const char *
plan_prefix_for (CxPlan     *plan,
                 const char *uri,
                 const char *prefix)
{
  g_autofree char *fresh = NULL;
  CxNsDecl *decl;

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

/* The namespace @prefix → @uri as seen from @node: the declaration in
 * scope in the kept tree, or a new one on @node itself (the file declared
 * it further out, where the kept tree does not reach). */
static xmlNsPtr
namespace_for (xmlNodePtr     node,
               const xmlChar *prefix,
               const xmlChar *uri)
{
  xmlNsPtr ns;

  if (prefix != NULL && strcmp ((const char *) prefix, "xml") == 0)
    return xmlSearchNs (NULL, node, prefix);

  ns = xmlSearchNs (NULL, node, prefix);
  if (ns != NULL && ns->href != NULL && strcmp ((const char *) ns->href, (const char *) uri) == 0)
    return ns;

  return xmlNewNs (node, uri, prefix);
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
  Frame frame = { 0, };
  xmlNodePtr node;

  node = xmlNewDocNode (NULL, NULL, localname, NULL);
  if (node == NULL)
    {
      reader_fail (r, CX_PLAN_ERROR_TOO_LARGE, reader_line (r),
                   _("out of memory while keeping <%s>"), (const char *) localname);
      return FALSE;
    }

  if (parent->kind == KIND_FOREIGN)
    xmlAddChild (parent->node, node);

  for (int i = 0; i < n_namespaces; i++)
    xmlNewNs (node, namespaces[i * 2 + 1], namespaces[i * 2]);

  if (uri != NULL)
    xmlSetNs (node, namespace_for (node, prefix, uri));

  for (int a = 0; a < attrs->n; a++)
    {
      const xmlChar *name = attrs->raw[a * 5];
      const xmlChar *attr_prefix = attrs->raw[a * 5 + 1];
      const xmlChar *attr_uri = attrs->raw[a * 5 + 2];
      g_autofree char *value = attr_value_dup (attrs->raw[a * 5 + 3], attrs->raw[a * 5 + 4]);

      if (attr_uri == NULL)
        xmlNewProp (node, name, (const xmlChar *) value);
      else
        xmlNewNsProp (node, namespace_for (node, attr_prefix, attr_uri), name,
                      (const xmlChar *) value);
    }

  frame.kind = KIND_FOREIGN;
  frame.line = reader_line (r);
  frame.node = node;
  frame.owns_node = parent->kind != KIND_FOREIGN;
  frame.extras = parent->extras;
  g_array_append_val (r->stack, frame);

  return TRUE;
}

void
foreign_text (Frame         *frame,
              const xmlChar *text,
              int            length)
{
  xmlNodePtr last = frame->node->last;

  if (last != NULL && last->type == XML_TEXT_NODE)
    xmlNodeAddContentLen (last, text, length);
  else
    xmlAddChild (frame->node, xmlNewTextLen (text, length));
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

/* Indentation between elements is layout, not content: the writer makes
 * its own. Text beside no element is content and stays. */
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

  if (!has_elements)
    return;

  child = node->children;
  while (child != NULL)
    {
      xmlNodePtr next = child->next;

      if (child->type == XML_TEXT_NODE && is_xml_space (child->content))
        {
          xmlUnlinkNode (child);
          xmlFreeNode (child);
        }
      child = next;
    }
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

void
foreign_end (Reader *r,
             Frame  *frame,
             Frame  *parent)
{
  xmlNodePtr node = frame->node;
  CxExtras *extras;

  /* an inner element is in its parent's tree already */
  if (parent->kind == KIND_FOREIGN)
    return;

  strip_blank_text (node);

  /* An element in no namespace would fall into ours under the default
   * namespace the writer declares: say so explicitly. */
  if (node->ns == NULL && !declares_default (node))
    xmlNewNs (node, (const xmlChar *) "", NULL);

  if (*parent->extras == NULL)
    *parent->extras = cx_extras_new ();
  extras = *parent->extras;

  cx_extras_add_child (extras, parent->n_written, node);
  cx_extras_hide_namespaces (g_ptr_array_index (extras->children, extras->children->len - 1),
                             declared_on_root, r->plan);
}
