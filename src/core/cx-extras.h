/* cx-extras.h — content in foreign namespaces, kept where it stood
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every element the format knows may carry attributes and child elements
 * in namespaces that are not ours (extensions by other tools), and a file
 * of a newer minor version may carry elements of ours that this version
 * does not know. Both are kept here, per element, and written back in the
 * same place: attributes after the known ones, each child after the same
 * number of known child elements that preceded it when it was read.
 */

#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

typedef struct
{
  char *ns_uri;   /* NULL for an unknown attribute of a newer minor version */
  char *prefix;   /* as declared in the file; NULL when ns_uri is NULL */
  char *name;
  char *value;
} CxForeignAttr;

typedef struct
{
  guint      position;  /* how many known child elements precede it */
  xmlNodePtr node;      /* a deep copy, owning its namespace declarations */
  xmlNsPtr   hidden;    /* declarations the root makes already: kept for the
                         * node's references, but not written again */
} CxForeignChild;

typedef gboolean (*CxNsDeclaredFunc) (const char *prefix,
                                      const char *uri,
                                      gpointer    user_data);

typedef struct
{
  GPtrArray *attrs;     /* CxForeignAttr */
  GPtrArray *children;  /* CxForeignChild, in document order */
} CxExtras;

CxExtras *cx_extras_new            (void);
void      cx_extras_free           (CxExtras   *extras);
CxExtras *cx_extras_copy           (const CxExtras *extras);
void      cx_extras_add_attr       (CxExtras   *extras,
                                    const char *ns_uri,
                                    const char *prefix,
                                    const char *name,
                                    const char *value);
void      cx_extras_add_child      (CxExtras   *extras,
                                    guint       position,
                                    xmlNodePtr  node);
void      cx_extras_hide_namespaces (CxForeignChild  *child,
                                    CxNsDeclaredFunc declared,
                                    gpointer         user_data);
gboolean  cx_extras_has_children   (const CxExtras *extras);
gboolean  cx_extras_equal          (const CxExtras *a,
                                    const CxExtras *b);
void      cx_extras_set_ignore_positions (gboolean ignore);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CxExtras, cx_extras_free)

G_END_DECLS
