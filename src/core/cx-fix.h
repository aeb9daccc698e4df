/* cx-fix.h — the remedy of a finding, when it is mechanical
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cx-check.h"
#include "cx-history.h"

G_BEGIN_DECLS

typedef enum
{
  CX_FIX_NONE,
  CX_FIX_ADD_RECOVERY_STEP,   /* CX003: a recovery step that answers the failure */
  CX_FIX_ADD_TO_RECOVERY,     /* CX016: the recovery step it leads to answers it */
  CX_FIX_ADD_STEP_TO_PHASE,   /* CX004: a step in the empty phase */
  CX_FIX_FOCUS_OWNER,         /* CX005: the step's owner, to fill in */
  CX_FIX_FOCUS_LEVEL,         /* CX010: the level missing, to set */
  CX_FIX_REMOVE_REFERENCE,    /* CX008: the reference to nothing goes */
  CX_FIX_CHOOSE_FAILURES,     /* CX011: the failures the recovery answers */
  CX_FIX_WRITE_BACKSTAGE,     /* CX021: the step's backstage cell, to write */
  CX_FIX_REMOVE_ACCEPT,       /* CX022: the stale accept goes */
} CxFixKind;

/* The remedy a finding offers, or CX_FIX_NONE */
CxFixKind   cx_finding_get_fix  (CxPlan          *plan,
                                 const CxFinding *finding);
/* What its button says, translated ("Add a Recovery Step") */
const char *cx_fix_get_label    (CxFixKind        fix);
/* Whether the fix changes the plan (else it puts the user in a field) */
gboolean    cx_fix_edits_plan   (CxFixKind        fix);

/* Applies a fix that edits the plan, as one step of undo. @object, if
 * not NULL, receives (transfer none) what the user continues with: the
 * step made or changed. */
gboolean    cx_edit_apply_fix   (CxHistory        *history,
                                 const CxFinding  *finding,
                                 GObject         **object,
                                 GError          **error);

G_END_DECLS
