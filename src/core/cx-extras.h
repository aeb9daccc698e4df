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
 *
 * They are kept as text, close to the bytes the writer puts out, in two
 * buffers per element: the attributes (' prefix:name="value"' each), and
 * the child elements one after the other, in runs of children that stand
 * at the same place. A kept element costs about its size in the file.
 *
 * The kept form of the children differs from what is written in three
 * ways, so that the writer can lay it out at any depth and in one pass:
 * each start tag has a byte after its '<' that says whether the
 * element's children are elements only (laid out one a line) or include
 * text (written as they are); only '&', '<' and (in attribute values) '"'
 * are escaped, the rest is escaped when written; and a namespace
 * declaration of an outermost element may be marked as one to leave out
 * where the root of the written file makes it already.
 */

#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* The byte after '<' in a kept start tag */
#define CX_KEPT_ELEMENTS  '\001'   /* children are elements only */
#define CX_KEPT_MIXED     '\002'   /* children include text */
/* In place of the space before a namespace declaration that the root may make */
#define CX_KEPT_ROOT_DECL '\003'

typedef struct _CxExtras CxExtras;

/* Whether the written root declares @prefix (NULL: the default namespace)
 * as @uri */
typedef gboolean (*CxNsDeclaredFunc) (const char *prefix,
                                      const char *uri,
                                      gpointer    user_data);

CxExtras *cx_extras_new              (void);
void      cx_extras_free             (CxExtras       *extras);
CxExtras *cx_extras_copy             (const CxExtras *extras);
gboolean  cx_extras_equal            (const CxExtras *a,
                                      const CxExtras *b);
void      cx_extras_set_ignore_positions (gboolean     ignore);
gsize     cx_extras_get_size         (const CxExtras *extras);
gsize     cx_extras_get_length       (const CxExtras *extras);

gboolean  cx_extras_has_attrs        (const CxExtras *extras);
gboolean  cx_extras_has_children     (const CxExtras *extras);
gboolean  cx_extras_is_empty         (const CxExtras *extras);

/* Building */
void      cx_extras_add_attr         (CxExtras       *extras,
                                      const char     *ns_uri,
                                      const char     *prefix,
                                      const char     *name,
                                      const char     *value);
void      cx_extras_add_child        (CxExtras       *extras,
                                      guint           position,
                                      xmlNodePtr      node);

/* Building the kept children bytes by bytes (the reader) */
gsize     cx_extras_kept_length      (const CxExtras *extras);
void      cx_extras_kept_append      (CxExtras       *extras,
                                      const char     *bytes,
                                      gsize           length);
void      cx_extras_kept_append_escaped (CxExtras    *extras,
                                      const char     *text,
                                      gsize           length,
                                      gboolean        in_attribute);
void      cx_extras_get_kept_bytes   (const CxExtras *extras,
                                      gsize           offset,
                                      gsize           length,
                                      char           *bytes);
void      cx_extras_kept_set_byte    (CxExtras       *extras,
                                      gsize           offset,
                                      char            byte);
void      cx_extras_kept_truncate    (CxExtras       *extras,
                                      gsize           length);
void      cx_extras_kept_end_child   (CxExtras       *extras,
                                      guint           position);
gboolean  cx_extras_kept_settle      (CxExtras       *extras,
                                      CxNsDeclaredFunc declared,
                                      gpointer        user_data);

/* Writing */
void      cx_extras_write_attrs      (const CxExtras *extras,
                                      GString        *out);
guint     cx_extras_get_n_runs       (const CxExtras *extras);
guint     cx_extras_get_run_position (const CxExtras *extras,
                                      guint           run);
void      cx_extras_write_run        (const CxExtras *extras,
                                      guint           run,
                                      guint           depth,
                                      GString        *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CxExtras, cx_extras_free)

G_END_DECLS
