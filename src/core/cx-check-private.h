/* cx-check-private.h — what the check engine and its rules share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine (cx-check.c) gathers what needs the whole journey into a
 * CheckRun, then walks the plan and, on each element, runs the rules
 * (cx-check-rules.c) that may flag it. Never included outside src/core.
 */

#pragma once

#include <string.h>

#include "cx-check.h"
#include "cx-model-private.h"

G_BEGIN_DECLS

/* White space as XML counts it */
#define XML_SPACE " \t\r\n"

static inline gboolean
is_blank (const char *text)
{
  return text == NULL || text[strspn (text, XML_SPACE)] == '\0';
}

/* The wow index of CX001. For a group of steps, by_bar[t] holds the
 * journey indices, ascending, of the steps of the group whose level is at
 * most t: the steps that miss a wow whose bar is t. The groups: every step
 * (for a wow without a persona), the steps without a persona, and the
 * steps of each persona; the last two never overlap. */
typedef struct
{
  GArray *by_bar[CX_LEVEL_MAX + 1];   /* guint; [0] unused: a bar is at least 1 */
} WowGroup;

/* One run of the checks: what it gathers before its walk, and where the
 * walk stands */
typedef struct
{
  CxPlan     *plan;
  gboolean    enabled[CX_N_CHECKS];
  int         wow_drop;
  int         expectation_gap;
  int         rpn;
  int         severity;
  int         weak_link;

  GPtrArray  *journey;          /* CxStep, not owned: the main journey in order */
  WowGroup   *wow_everyone;     /* CX001; NULL when there is no wow */
  WowGroup   *wow_no_persona;
  GHashTable *wow_personas;     /* persona id (not owned) → WowGroup */
  int         median_twice;     /* CX007: twice the median; 0 when there is none */
  CxStep     *last_emotion;     /* CX006 */
  GHashTable *recovered;        /* CX003: the CxFailures a recovery step names */
  gboolean    has_failures;     /* CX004 */

  CxFinding   here;             /* the element the walk stands on; ids borrowed */
  guint       journey_index;

  GPtrArray  *findings;
} CheckRun;

typedef enum
{
  REF_RESOLVED,     /* or no reference at all */
  REF_MISSING,
  REF_WRONG_KIND,
} RefState;

/* cx-check.c: what @id names in the plan, if it is of @type */
RefState     cx_check_resolve      (CheckRun   *run,
                                    const char *id,
                                    GType       type,
                                    GObject   **object);

/* cx-check-rules.c: the rules for each kind of element, in check id order */
void         cx_check_run_phase    (CheckRun   *run,
                                    CxPhase     phase);
void         cx_check_run_step     (CheckRun   *run,
                                    CxStep     *step,
                                    CxPhase     phase);
/* @lanes_seen: the lanes of the step's cells before this one */
void         cx_check_run_cell     (CheckRun   *run,
                                    CxStep     *step,
                                    CxCell     *cell,
                                    GHashTable *lanes_seen);
void         cx_check_run_failure  (CheckRun   *run,
                                    CxFailure  *failure);
void         cx_check_run_link     (CheckRun   *run,
                                    CxStep     *step,
                                    CxLink     *link);

G_END_DECLS
