/* cx-hostile-gen.h — plans shaped to make a reader slow or hungry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each shape grows with @n in one direction that could cost a reader more
 * than the bytes it adds: many namespaces, many attributes, long values,
 * deep or wide foreign content, white space, warnings. All are valid
 * plans within the reader's limits (the reader reads them), except
 * CX_HOSTILE_DISTINCT_NAMESPACES, which it refuses once it declares more
 * namespaces than CX_MAX_NAMESPACES allows. Used by test-reader-bounds and
 * by the benchmark.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CX_HOSTILE_NAMESPACES,           /* steps declaring one of 100 namespaces under one prefix */
  CX_HOSTILE_DISTINCT_NAMESPACES,  /* every step its own namespace: refused past the limit */
  CX_HOSTILE_REDECLARED,           /* foreign subtrees 60 deep, the prefix declared anew on each */
  CX_HOSTILE_ROOT_NAMESPACES,      /* 120 namespaces on the root, foreign children using them */
  CX_HOSTILE_ATTRIBUTES,           /* foreign elements with CX_MAX_ATTRIBUTES attributes */
  CX_HOSTILE_LONG_VALUES,          /* attributes of 8 KiB, full of what is escaped */
  CX_HOSTILE_WIDE,                 /* one step with many empty foreign children */
  CX_HOSTILE_DEEP,                 /* foreign subtrees to the depth limit */
  CX_HOSTILE_WIDE_NEWER,           /* a newer minor version's unknown elements: warnings */
  CX_HOSTILE_BLANK,                /* white space between foreign and known elements */
  CX_HOSTILE_KNOWN_ATTRS,          /* a foreign attribute on every link */
  CX_HOSTILE_STEPS,                /* plain steps, for comparison */
  CX_N_HOSTILE
} CxHostileShape;

const char *cx_hostile_shape_name (CxHostileShape shape);
gboolean    cx_hostile_shape_from_name (const char     *name,
                                        CxHostileShape *shape);
/* Roughly how many bytes one unit of @shape takes */
gsize       cx_hostile_unit_size  (CxHostileShape shape);
char       *cx_hostile_generate   (CxHostileShape shape,
                                   guint          n,
                                   gsize         *length);

G_END_DECLS
