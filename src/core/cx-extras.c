/* cx-extras.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cx-extras"

#include "config.h"

#include <string.h>

#include "cx-extras.h"

static void
foreign_attr_free (gpointer data)
{
  CxForeignAttr *attr = data;

  g_free (attr->ns_uri);
  g_free (attr->prefix);
  g_free (attr->name);
  g_free (attr->value);
  g_free (attr);
}

static void
foreign_child_free (gpointer data)
{
  CxForeignChild *child = data;

  g_clear_pointer (&child->node, xmlFreeNode);
  g_clear_pointer (&child->hidden, xmlFreeNsList);
  g_free (child);
}

CxExtras *
cx_extras_new (void)
{
  CxExtras *extras = g_new0 (CxExtras, 1);

  extras->attrs = g_ptr_array_new_with_free_func (foreign_attr_free);
  extras->children = g_ptr_array_new_with_free_func (foreign_child_free);

  return extras;
}

void
cx_extras_free (CxExtras *extras)
{
  if (extras == NULL)
    return;

  g_ptr_array_unref (extras->attrs);
  g_ptr_array_unref (extras->children);
  g_free (extras);
}

void
cx_extras_add_attr (CxExtras   *extras,
                    const char *ns_uri,
                    const char *prefix,
                    const char *name,
                    const char *value)
{
  CxForeignAttr *attr;

  g_return_if_fail (extras != NULL);
  g_return_if_fail (name != NULL);

  attr = g_new0 (CxForeignAttr, 1);
  attr->ns_uri = g_strdup (ns_uri);
  attr->prefix = g_strdup (prefix);
  attr->name = g_strdup (name);
  attr->value = g_strdup (value != NULL ? value : "");
  g_ptr_array_add (extras->attrs, attr);
}

void
cx_extras_add_child (CxExtras   *extras,
                     guint       position,
                     xmlNodePtr  node)
{
  CxForeignChild *child;

  g_return_if_fail (extras != NULL);
  g_return_if_fail (node != NULL);

  child = g_new0 (CxForeignChild, 1);
  child->position = position;
  child->node = node;
  g_ptr_array_add (extras->children, child);
}

/* Moves the namespace declarations of a kept element that the written
 * root declares already (@declared says which) out of its nsDef list, so
 * they are not written twice; its nodes still point at them. */
void
cx_extras_hide_namespaces (CxForeignChild   *child,
                           CxNsDeclaredFunc  declared,
                           gpointer          user_data)
{
  xmlNsPtr *link;

  g_return_if_fail (child != NULL && child->node != NULL);

  link = &child->node->nsDef;
  while (*link != NULL)
    {
      xmlNsPtr ns = *link;

      if (ns->href != NULL &&
          declared ((const char *) ns->prefix, (const char *) ns->href, user_data))
        {
          *link = ns->next;
          ns->next = child->hidden;
          child->hidden = ns;
        }
      else
        link = &ns->next;
    }
}

static gboolean
in_ns_list (const char *prefix,
            const char *uri,
            gpointer    user_data)
{
  for (xmlNsPtr ns = user_data; ns != NULL; ns = ns->next)
    {
      if (g_strcmp0 ((const char *) ns->prefix, prefix) == 0 &&
          g_strcmp0 ((const char *) ns->href, uri) == 0)
        return TRUE;
    }

  return FALSE;
}

gboolean
cx_extras_has_children (const CxExtras *extras)
{
  return extras != NULL && extras->children->len > 0;
}

CxExtras *
cx_extras_copy (const CxExtras *extras)
{
  CxExtras *copy;

  if (extras == NULL)
    return NULL;

  copy = cx_extras_new ();
  for (guint i = 0; i < extras->attrs->len; i++)
    {
      const CxForeignAttr *attr = g_ptr_array_index (extras->attrs, i);

      cx_extras_add_attr (copy, attr->ns_uri, attr->prefix, attr->name, attr->value);
    }
  for (guint i = 0; i < extras->children->len; i++)
    {
      CxForeignChild *child = g_ptr_array_index (extras->children, i);
      CxForeignChild *child_copy;
      xmlNsPtr *tail = &child->node->nsDef;
      xmlNodePtr node;

      /* Put the hidden declarations back while copying, so the copy's
       * references resolve to the same prefixes, then hide them again. */
      while (*tail != NULL)
        tail = &(*tail)->next;
      *tail = child->hidden;
      node = xmlDocCopyNode (child->node, NULL, 1);
      *tail = NULL;

      cx_extras_add_child (copy, child->position, node);
      child_copy = g_ptr_array_index (copy->children, copy->children->len - 1);
      cx_extras_hide_namespaces (child_copy, in_ns_list, child->hidden);
    }

  return copy;
}

static char *
dump_node (xmlNodePtr node)
{
  xmlBufferPtr buf = xmlBufferCreate ();
  char *ret;

  xmlNodeDump (buf, NULL, node, 0, 0);
  ret = g_strndup ((const char *) xmlBufferContent (buf), xmlBufferLength (buf));
  xmlBufferFree (buf);

  return ret;
}

/* Whether cx_extras_equal() compares the children's positions; off only
 * inside cx_plan_equal_as_written(), on the thread that runs it */
static _Thread_local gboolean ignore_positions;

void
cx_extras_set_ignore_positions (gboolean ignore)
{
  ignore_positions = ignore;
}

gboolean
cx_extras_equal (const CxExtras *a,
                 const CxExtras *b)
{
  guint n_a_attrs = a != NULL ? a->attrs->len : 0;
  guint n_b_attrs = b != NULL ? b->attrs->len : 0;
  guint n_a_children = a != NULL ? a->children->len : 0;
  guint n_b_children = b != NULL ? b->children->len : 0;

  if (n_a_attrs != n_b_attrs || n_a_children != n_b_children)
    return FALSE;

  for (guint i = 0; i < n_a_attrs; i++)
    {
      const CxForeignAttr *x = g_ptr_array_index (a->attrs, i);
      const CxForeignAttr *y = g_ptr_array_index (b->attrs, i);

      if (g_strcmp0 (x->ns_uri, y->ns_uri) != 0 ||
          g_strcmp0 (x->name, y->name) != 0 ||
          g_strcmp0 (x->value, y->value) != 0)
        return FALSE;
    }

  for (guint i = 0; i < n_a_children; i++)
    {
      const CxForeignChild *x = g_ptr_array_index (a->children, i);
      const CxForeignChild *y = g_ptr_array_index (b->children, i);
      g_autofree char *dx = NULL;
      g_autofree char *dy = NULL;

      if (x->position != y->position && !ignore_positions)
        return FALSE;
      dx = dump_node (x->node);
      dy = dump_node (y->node);
      if (strcmp (dx, dy) != 0)
        return FALSE;
    }

  return TRUE;
}
