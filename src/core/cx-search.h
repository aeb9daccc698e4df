/* cx-search.h — finding a step, a cell or a failure by its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cx-model.h"

G_BEGIN_DECLS

/* Where a text was found */
typedef enum
{
  CX_SEARCH_STEP,      /* the step's title, owner, or its levels' and emotion's words */
  CX_SEARCH_CELL,      /* a cell of the step in @lane */
  CX_SEARCH_FAILURE,   /* a failure's description or effect */
} CxSearchKind;

typedef struct
{
  CxSearchKind  kind;
  CxStep       *step;     /* (not owned) the step found, or holding the cell or failure */
  CxLane       *lane;     /* (not owned) for a cell */
  CxFailure    *failure;  /* (not owned) for a failure */
} CxSearchMatch;

/* Every place @needle appears in @plan, ignoring case and accents, in
 * journey order (the map's columns): a step's own texts, then its cells
 * top to bottom, then its failures. (element-type CxSearchMatch) */
GArray *cx_plan_search (CxPlan     *plan,
                        const char *needle);

G_END_DECLS
